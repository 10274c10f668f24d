#include "summary_baselines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "brief/test_story.h"

namespace storyline::eval {
namespace {

// An article of the given sentences, one space apart.
Article MakeArticle(const std::vector<std::string>& sentences) {
  return brief::testing::MakeArticle("", "", sentences);
}

// A story whose sentence 1 of article 1 shares words with every sentence
// but sentence 2 of article 1, which shares none.
std::vector<Article> Story() {
  return {MakeArticle({"Floods swept the coastal town overnight.",
                       "Officials closed schools across the region."}),
          MakeArticle({"Officials closed schools after floods swept the coastal town.",
                       "A bakery won the pie contest.",
                       "The region's schools reopen once the floods recede."})};
}

constexpr SentenceRef kCentral{1, 0};
constexpr SentenceRef kUnrelated{1, 1};

size_t Rank(const std::vector<SentenceRef>& ranking, SentenceRef sentence) {
  return std::find(ranking.begin(), ranking.end(), sentence) - ranking.begin();
}

TEST(LeadRanking, TheFirstArticlesSentencesInOrder) {
  const std::vector<Article> story = Story();
  EXPECT_EQ(LeadRanking(story), (std::vector<SentenceRef>{{0, 0}, {0, 1}}));
}

TEST(LeadRanking, SkipsAnArticleWithoutSentences) {
  const std::vector<Article> story = {Article{}, MakeArticle({"One.", "Two."})};
  EXPECT_EQ(LeadRanking(story), (std::vector<SentenceRef>{{1, 0}, {1, 1}}));
}

TEST(LexRankRanking, TheSentenceSharingWordsWithAllComesFirst) {
  const std::vector<Article> story = Story();
  const std::vector<SentenceRef> ranking = LexRankRanking(story);
  ASSERT_EQ(ranking.size(), 5u);
  EXPECT_EQ(ranking[0], kCentral);
  EXPECT_LT(Rank(ranking, kCentral), Rank(ranking, kUnrelated));
}

TEST(TextRankRanking, TheSentenceSharingWordsWithAllComesFirstTheUnrelatedLast) {
  const std::vector<Article> story = Story();
  const std::vector<SentenceRef> ranking = TextRankRanking(story);
  ASSERT_EQ(ranking.size(), 5u);
  EXPECT_EQ(ranking[0], kCentral);
  EXPECT_EQ(ranking[4], kUnrelated);
}

TEST(Rankings, SentencesWithoutContentWordsAreNotRanked) {
  const std::vector<Article> story = {MakeArticle({"Once was the one.", "Floods swept the town."})};
  EXPECT_EQ(TextRankRanking(story), (std::vector<SentenceRef>{{0, 1}}));
  EXPECT_EQ(LexRankRanking(story), (std::vector<SentenceRef>{{0, 1}}));
}

TEST(PickSentences, TakesRankedSentencesUntilTheLengthIsReached) {
  const std::vector<Article> story = Story();
  // 9 words, then 5 more: 14 >= 10, the third is not needed.
  EXPECT_EQ(PickSentences(story, std::vector<SentenceRef>{{1, 0}, {0, 0}, {0, 1}}, 10),
            "Officials closed schools after floods swept the coastal town. "
            "Floods swept the coastal town overnight.");
}

TEST(PickSentences, SkipsASentenceSaidAlready) {
  const std::vector<Article> story = {MakeArticle({"Same words here.", "Other words."}),
                                      MakeArticle({"Same words here."})};
  EXPECT_EQ(PickSentences(story, std::vector<SentenceRef>{{0, 0}, {1, 0}, {0, 1}}, 5),
            "Same words here. Other words.");
}

TEST(Words, CountsAndCutsRunsOfNonWhiteSpace) {
  EXPECT_EQ(CountWords("  one two\n\tthree "), 3u);
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(FirstWords("  one two\n\tthree ", 2), "one two");
  EXPECT_EQ(FirstWords("one  two", 5), "one two");
  EXPECT_EQ(FirstWords("one", 0), "");
}

}  // namespace
}  // namespace storyline::eval
