#include <gtest/gtest.h>

#include "brief/brief.h"
#include "brief/test_util.h"

namespace storyline::brief {
namespace {

using testing::MakeArticle;
using testing::SpanOf;

// A fictional story: a dam on the Vesna river fails; one outlet copies another.
Article Harbour() {
  return MakeArticle("a1", "Harbour Post",
                     {"The Vesna dam failed on Tuesday and flooded three villages downstream.",
                      "Rescue teams from Ostrava reached the flooded villages by boat.",
                      "The regional governor said the dam had been inspected last spring.",
                      "Our newsletter brings you the best stories of the week every Friday."});
}

Article Courier() {
  return MakeArticle("a2", "Courier",
                     {"Rescue teams from Ostrava reached the flooded villages by boat.",
                      "Engineers said water had been seeping through the Vesna dam for weeks.",
                      "Will the villages be rebuilt before the winter comes to the valley?"});
}

TEST(SummaryTest, PicksCentralSentencesInReadingOrderWithinTheBudget) {
  const Article harbour = Harbour();
  const Article courier = Courier();
  StoryInput input;
  input.articles = {&harbour, &courier};
  Options options;
  options.brief_words = 20;
  const Summary summary = MakeSummary(input, options);
  ASSERT_EQ(summary.sentences.size(), 2u);
  // The failure itself (first sentence, most shared words) and one more
  // sentence make 20 words; the newsletter line is never central.
  EXPECT_EQ(summary.sentences[0].text,
            "The Vesna dam failed on Tuesday and flooded three villages downstream.");
  EXPECT_EQ(summary.sentences[0].source.article, "a1");
  EXPECT_EQ(summary.sentences[0].source.sentence, 0u);
  EXPECT_EQ(summary.sentences[0].source.span, harbour.sentences[0]);
  EXPECT_EQ(summary.text.substr(0, 24), "The Vesna dam failed on ");
  for (const SummarySentence& sentence : summary.sentences) {
    EXPECT_EQ(sentence.text.find("newsletter"), std::string::npos);
  }
}

TEST(SummaryTest, ACopiedSentenceCountsOnceAndNamesItsCopies) {
  const Article harbour = Harbour();
  const Article courier = Courier();
  StoryInput input;
  input.articles = {&harbour, &courier};
  const std::string rescue = "Rescue teams from Ostrava reached the flooded villages by boat.";
  input.passages.push_back(
      {{"a1", SpanOf(harbour, rescue)}, {"a2", SpanOf(courier, rescue)}, 1.0, "unknown"});
  Options options;
  options.brief_words = 200;
  const Summary summary = MakeSummary(input, options);
  int rescues = 0;
  for (const SummarySentence& sentence : summary.sentences) {
    if (sentence.text != rescue) continue;
    ++rescues;
    EXPECT_EQ(sentence.source.article, "a1");
    ASSERT_EQ(sentence.also_in.size(), 1u);
    EXPECT_EQ(sentence.also_in[0].article, "a2");
    EXPECT_EQ(sentence.also_in[0].outlet, "Courier");
    EXPECT_EQ(sentence.also_in[0].sentence, 0u);
  }
  EXPECT_EQ(rescues, 1);
}

TEST(SummaryTest, QuestionsAndShortLinesAreNotBriefMaterial) {
  const Article courier = Courier();
  const Article labels = MakeArticle("a3", "Courier", {"Read more.", "Share this."});
  StoryInput input;
  input.articles = {&courier, &labels};
  Options options;
  options.brief_words = 500;
  const Summary summary = MakeSummary(input, options);
  ASSERT_EQ(summary.sentences.size(), 2u);
  for (const SummarySentence& sentence : summary.sentences) {
    EXPECT_NE(sentence.text.back(), '?');
    EXPECT_EQ(sentence.source.article, "a2");
  }
}

TEST(SummaryTest, ASentenceThatRepeatsOneChosenIsSkipped) {
  const Article a =
      MakeArticle("a1", "Harbour Post",
                  {"Floodwater from the broken Vesna dam covered three villages on Tuesday.",
                   "Floodwater from the broken Vesna dam covered three villages on Tuesday night.",
                   "Boats from Ostrava carried the villagers to a school on the hill."});
  StoryInput input;
  input.articles = {&a};
  Options options;
  options.brief_words = 500;
  const Summary summary = MakeSummary(input, options);
  ASSERT_EQ(summary.sentences.size(), 2u);
  EXPECT_EQ(summary.sentences[0].source.sentence, 0u);
  EXPECT_EQ(summary.sentences[1].source.sentence, 2u);
}

TEST(SummaryTest, AnEmptyStoryHasAnEmptyBrief) {
  const Summary summary = MakeSummary({}, {});
  EXPECT_TRUE(summary.text.empty());
  EXPECT_TRUE(summary.sentences.empty());
}

}  // namespace
}  // namespace storyline::brief
