#include "rouge.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace storyline::eval {
namespace {

using Tokens = std::vector<std::string>;

class RougeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<PorterStemmer> created = PorterStemmer::Create();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    stemmer_.emplace(std::move(created).value());
  }
  Tokens Tokenize(std::string_view text) { return RougeTokens(text, &*stemmer_); }

  std::optional<PorterStemmer> stemmer_;
};

TEST_F(RougeTest, PorterStemsAsSnowballsOriginalAlgorithm) {
  EXPECT_EQ(stemmer_->Stem("running"), "run");
  EXPECT_EQ(stemmer_->Stem("runs"), "run");
  EXPECT_EQ(stemmer_->Stem("generously"), "gener");
  // NLTK's extended Porter, which rouge_score uses, gives "sky" here.
  EXPECT_EQ(stemmer_->Stem("skies"), "ski");
}

TEST_F(RougeTest, TokensAreLowercaseAlphanumericRunsWithLongOnesStemmed) {
  // "U.S." splits at its dots, "café" at its é; "was" and "ran" are too
  // short to stem, "this" is not.
  EXPECT_EQ(Tokenize("The U.S. café was running, ran; this runs!"),
            (Tokens{"the", "u", "s", "caf", "was", "run", "ran", "thi", "run"}));
  EXPECT_EQ(RougeTokens("Running 42x", nullptr), (Tokens{"running", "42x"}));
  EXPECT_TRUE(Tokenize(" -- ").empty());
}

TEST(Rouge, CountsOverlappingUnigramsAndBigrams) {
  const Tokens reference = {"the", "cat", "sat", "on", "the", "mat"};
  const Tokens candidate = {"the", "the", "cat", "on", "mat"};
  // Unigrams: the x2, cat, on, mat all in the reference: 5 of 5, 5 of 6.
  const RougeScore rouge1 = RougeN(reference, candidate, 1);
  EXPECT_DOUBLE_EQ(rouge1.precision, 1.0);
  EXPECT_DOUBLE_EQ(rouge1.recall, 5.0 / 6);
  EXPECT_DOUBLE_EQ(rouge1.f1, 10.0 / 11);
  // Bigrams: only "the cat" is shared: 1 of 4, 1 of 5.
  const RougeScore rouge2 = RougeN(reference, candidate, 2);
  EXPECT_DOUBLE_EQ(rouge2.precision, 1.0 / 4);
  EXPECT_DOUBLE_EQ(rouge2.recall, 1.0 / 5);
  EXPECT_DOUBLE_EQ(rouge2.f1, 2.0 / 9);
}

TEST(Rouge, ClipsRepeatedNgramsAtTheReferenceCount) {
  const RougeScore score = RougeN(Tokens{"the", "cat"}, Tokens{"the", "the", "the"}, 1);
  EXPECT_DOUBLE_EQ(score.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(score.recall, 1.0 / 2);
}

TEST(Rouge, LongestCommonSubsequenceOverTheWholeSequence) {
  // "the cat on mat" (4) is common, in order.
  const RougeScore score = RougeL(Tokens{"the", "cat", "sat", "on", "the", "mat"},
                                  Tokens{"the", "the", "cat", "on", "mat"});
  EXPECT_DOUBLE_EQ(score.precision, 4.0 / 5);
  EXPECT_DOUBLE_EQ(score.recall, 4.0 / 6);
  EXPECT_DOUBLE_EQ(score.f1, 8.0 / 11);
}

TEST(Rouge, AnEmptySideScoresZero) {
  EXPECT_DOUBLE_EQ(RougeN(Tokens{"a"}, Tokens{}, 1).f1, 0.0);
  EXPECT_DOUBLE_EQ(RougeN(Tokens{"a"}, Tokens{"a"}, 2).f1, 0.0);
  EXPECT_DOUBLE_EQ(RougeL(Tokens{}, Tokens{"a"}).f1, 0.0);
}

TEST_F(RougeTest, StemmingMatchesInflections) {
  // "running" and "runs" meet at "run": 1 of the 2 candidate tokens, 1 of 3.
  const RougeScore score = RougeN(Tokenize("He was running"), Tokenize("she runs"), 1);
  EXPECT_DOUBLE_EQ(score.precision, 1.0 / 2);
  EXPECT_DOUBLE_EQ(score.recall, 1.0 / 3);
}

}  // namespace
}  // namespace storyline::eval
