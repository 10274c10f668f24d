#include "quotes/polnear.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "text/text.h"

namespace storyline::quotes {
namespace {

// "é" is one character and two bytes: offsets after it shift by one.
constexpr std::string_view kText = "José said: “We won.” He left.";

TEST(PolnearTest, ReadsBratSpansAsBytes) {
  const std::string ann =
      "T1\tSource 0 4\tJosé\n"
      "T2\tCue 5 9\tsaid\n"
      "T3\tContent 11 20;21 23\t“We won.” He\n"
      "#1\tAnnotatorNotes T1\ta note\n"
      "a line continued from a span text\n"
      "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
  const Result<std::vector<GoldAttribution>> gold = ParseBrat(ann, kText, "a.ann");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 1u);
  const GoldAttribution& a = (*gold)[0];
  ASSERT_EQ(a.source.size(), 1u);
  EXPECT_EQ(a.source[0], (ByteSpan{0, 5}));
  EXPECT_EQ(a.cue, (std::vector<ByteSpan>{{6, 10}}));  // "Attribution:" is not a role we read
  EXPECT_EQ(a.content, (std::vector<ByteSpan>{{12, 25}, {26, 28}}));
  EXPECT_EQ(kText.substr(12, 13), "“We won.”");
}

TEST(PolnearTest, ReportsBadAnnotationLines) {
  const auto error = [](const std::string& ann) {
    const Result<std::vector<GoldAttribution>> gold = ParseBrat(ann, kText, "a.ann");
    return gold.ok() ? "ok" : gold.status().message();
  };
  EXPECT_EQ(error("T1\tSource 0 x\tJ\n"), "a.ann:1: bad span 'Source 0 x'");
  EXPECT_EQ(error("T1\tSource 5 2\tJ\n"), "a.ann:1: bad span 'Source 5 2'");
  EXPECT_EQ(error("T1\tSource 0 400\tJ\n"), "a.ann:1: bad span 'Source 0 400'");
  EXPECT_EQ(error("T1\tSource 0 4\tJ\nE1\tAttribution:T1 Source:T9\n"),
            "a.ann:2: unknown annotation 'T9'");
  EXPECT_EQ(error(""), "ok");
}

TEST(PolnearTest, ScoresQuotesSpeakersAndSpans) {
  DataFiles data;
  text::Segmenter segmenter = text::Segmenter::Create({}, data).value();
  PolnearArticle article;
  article.name = "test";
  article.text = "Mia Roth said: “The bridge is safe now.” Officials said repairs ended.";
  // Gold: the direct quote (marks included, as PolNeAR marks it) by Mia
  // Roth, and reported speech by "Officials".
  GoldAttribution quote;
  quote.source = {{0, 8}};
  quote.content = {{15, 44}};
  GoldAttribution reported;
  reported.source = {{45, 54}};
  reported.content = {{60, 73}};
  article.attributions = {quote, reported};
  EXPECT_EQ(article.text.substr(15, 29), "“The bridge is safe now.”");
  EXPECT_EQ(article.text.substr(60, 13), "repairs ended");

  Quote direct;
  direct.kind = "direct";
  direct.span = {18, 41};  // inside the marks
  direct.speaker = QuoteSpeaker{"Mia Roth", {0, 8}, std::nullopt, std::nullopt};
  Quote wrong;  // a partial quote no gold content holds, by a wrong speaker
  wrong.kind = "partial";
  wrong.span = {45, 54};
  wrong.speaker = QuoteSpeaker{"said", {55, 59}, std::nullopt, std::nullopt};
  Quote indirect;  // half the gold content
  indirect.kind = "indirect";
  indirect.span = {60, 67};
  indirect.speaker = QuoteSpeaker{"Officials", {45, 54}, std::nullopt, std::nullopt};

  const std::vector<text::Token> words =
      segmenter.Words(article.text, {0, static_cast<uint32_t>(article.text.size())});
  std::string errors;
  const Scores s = ScoreArticle(article, {direct, wrong, indirect}, words, {}, &errors);
  EXPECT_EQ(s.direct.gold, 1);
  EXPECT_EQ(s.direct.found, 1);
  EXPECT_EQ(s.direct.right_speaker, 1);
  EXPECT_EQ(s.direct.system, 2);
  EXPECT_EQ(s.direct.system_matched, 1);
  // Sources: gold {Mia Roth, Officials}; system {Mia Roth, said, Officials}.
  EXPECT_EQ(s.source.gold, 2);
  EXPECT_EQ(s.source.system, 3);
  EXPECT_EQ(s.source.exact_gold, 2);
  EXPECT_EQ(s.source.exact_system, 2);
  EXPECT_DOUBLE_EQ(s.source.ExactP(), 2.0 / 3);
  // Contents: the direct quote matches exactly (same first and last word);
  // "repairs" covers half of "repairs ended"; "Officials" covers nothing.
  EXPECT_EQ(s.content.exact_gold, 1);
  EXPECT_EQ(s.content.exact_system, 1);
  EXPECT_DOUBLE_EQ(s.content.covered_gold, 1.5);
  EXPECT_DOUBLE_EQ(s.content.covered_system, 2.0);
  EXPECT_DOUBLE_EQ(s.content.PartialR(), 0.75);
  EXPECT_DOUBLE_EQ(s.content.PartialP(), 2.0 / 3);
  EXPECT_EQ(errors,
            "test: false partial: Officials [speaker: said]\n"
            "test: spurious content: Officials\n");
}

}  // namespace
}  // namespace storyline::quotes
