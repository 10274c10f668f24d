#include <gtest/gtest.h>

#include "tagger/tagger.h"

namespace storyline::tagger {
namespace {

std::vector<LabeledDocument> Read(std::string_view contents) {
  Result<std::vector<LabeledDocument>> documents = ReadConll("snippet", contents);
  EXPECT_TRUE(documents.ok()) << documents.status().ToString();
  return documents.ok() ? *documents : std::vector<LabeledDocument>();
}

TEST(ReadConll, SplitsDocumentsAndSentences) {
  const std::vector<LabeledDocument> documents = Read(
      "-DOCSTART- -X- O O\n"
      "\n"
      "Anna NNP I-NP I-PER\n"
      "spoke VBD I-VP O\n"
      "\n"
      "\n"
      "Then RB I-ADVP O\n"
      "\n"
      "-DOCSTART- -X- O O\n"
      "\n"
      "Rain NN I-NP O\n");
  ASSERT_EQ(documents.size(), 2u);
  ASSERT_EQ(documents[0].sentences.size(), 2u);
  EXPECT_EQ(documents[0].sentences[0].words, (std::vector<std::string>{"Anna", "spoke"}));
  EXPECT_EQ(documents[0].sentences[1].words, (std::vector<std::string>{"Then"}));
  ASSERT_EQ(documents[1].sentences.size(), 1u);
  EXPECT_EQ(documents[1].sentences[0].words, (std::vector<std::string>{"Rain"}));
}

TEST(ReadConll, InsideAfterOutsideStartsAnEntityInIob1) {
  const std::vector<LabeledDocument> documents = Read(
      "Guests O\n"
      "from O\n"
      "Lake I-LOC\n"
      "Orrin I-LOC\n"
      "met O\n"
      "Anna I-PER\n"
      "Lind I-PER\n");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].sentences[0].entities,
            (std::vector<EntitySpan>{{2, 4, "LOC"}, {5, 7, "PER"}}));
}

TEST(ReadConll, BeginSplitsTwoAdjacentEntitiesOfOneType) {
  const std::vector<LabeledDocument> documents = Read(
      "gave O\n"
      "Kestrel I-ORG\n"
      "Mills I-ORG\n"
      "Harbor B-ORG\n"
      "Bank I-ORG\n"
      "shares O\n");
  EXPECT_EQ(documents[0].sentences[0].entities,
            (std::vector<EntitySpan>{{1, 3, "ORG"}, {3, 5, "ORG"}}));
}

TEST(ReadConll, InsideOfAnotherTypeStartsAnEntity) {
  const std::vector<LabeledDocument> documents = Read(
      "Orrin I-LOC\n"
      "Cup I-MISC\n");
  EXPECT_EQ(documents[0].sentences[0].entities,
            (std::vector<EntitySpan>{{0, 1, "LOC"}, {1, 2, "MISC"}}));
}

TEST(ReadConll, ReadsIob2AndTabsAndCarriageReturns) {
  const std::vector<LabeledDocument> documents = Read(
      "Anna\tB-PER\r\n"
      "Lind\tI-PER\r\n"
      "\r\n"
      "Orrin\tB-LOC\r\n");
  ASSERT_EQ(documents[0].sentences.size(), 2u);
  EXPECT_EQ(documents[0].sentences[0].entities, (std::vector<EntitySpan>{{0, 2, "PER"}}));
  EXPECT_EQ(documents[0].sentences[1].entities, (std::vector<EntitySpan>{{0, 1, "LOC"}}));
}

TEST(ReadConll, NamesTheLineOfABadTag) {
  Result<std::vector<LabeledDocument>> documents =
      ReadConll("eng.snippet", "Anna I-PER\nLind I_PER\n");
  ASSERT_FALSE(documents.ok());
  EXPECT_EQ(documents.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(documents.status().message(), "eng.snippet:2: bad entity tag 'I_PER'");
  EXPECT_EQ(ReadConll("eng.snippet", "Anna B-\n").status().message(),
            "eng.snippet:1: bad entity tag 'B-'");
}

TEST(ReadConll, NamesTheLineOfAMissingTag) {
  Result<std::vector<LabeledDocument>> documents = ReadConll("eng.snippet", "\n\nAnna\n");
  ASSERT_FALSE(documents.ok());
  EXPECT_EQ(documents.status().message(), "eng.snippet:3: expected a word and a tag");
}

TEST(ReadConll, EmptyInputHasNoDocuments) {
  EXPECT_TRUE(Read("").empty());
  EXPECT_TRUE(Read("-DOCSTART- O\n\n-DOCSTART- O\n").empty());
}

TEST(ReadConllFile, MissingFileIsNotFound) {
  Result<std::vector<LabeledDocument>> documents = ReadConllFile("/nonexistent/eng.train");
  ASSERT_FALSE(documents.ok());
  EXPECT_EQ(documents.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(documents.status().message(), "cannot read /nonexistent/eng.train");
}

// Gold: PER [0,2), LOC [3,4), ORG [5,7). Predicted: PER [0,2) right, ORG
// [3,4) of the wrong type, ORG [5,6) of the wrong extent, MISC [8,9) made up.
TEST(Scores, CountsExactSpanAndTypeMatches) {
  Scores scores;
  scores.Add({{0, 2, "PER"}, {3, 4, "LOC"}, {5, 7, "ORG"}},
             {{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "ORG"}, {8, 9, "MISC"}});
  EXPECT_EQ(scores.overall.gold, 3u);
  EXPECT_EQ(scores.overall.predicted, 4u);
  EXPECT_EQ(scores.overall.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.overall.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(scores.overall.Recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(scores.overall.F1(), 2 * 0.25 * (1.0 / 3) / (0.25 + 1.0 / 3));
  ASSERT_EQ(scores.by_type.size(), 4u);
  EXPECT_EQ(scores.by_type["PER"].correct, 1u);
  EXPECT_DOUBLE_EQ(scores.by_type["PER"].F1(), 1.0);
  EXPECT_EQ(scores.by_type["LOC"].gold, 1u);
  EXPECT_EQ(scores.by_type["LOC"].predicted, 0u);
  EXPECT_EQ(scores.by_type["ORG"].gold, 1u);
  EXPECT_EQ(scores.by_type["ORG"].predicted, 2u);
  EXPECT_EQ(scores.by_type["ORG"].correct, 0u);
  EXPECT_EQ(scores.by_type["MISC"].predicted, 1u);
}

TEST(Scores, AddsUpOverSentences) {
  Scores scores;
  scores.Add({{0, 1, "LOC"}}, {{0, 1, "LOC"}});
  scores.Add({{2, 3, "LOC"}}, {});
  EXPECT_EQ(scores.overall.gold, 2u);
  EXPECT_EQ(scores.overall.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.by_type["LOC"].Precision(), 1.0);
  EXPECT_DOUBLE_EQ(scores.by_type["LOC"].Recall(), 0.5);
}

TEST(Counts, EmptyCountsScoreZero) {
  const Counts counts;
  EXPECT_EQ(counts.Precision(), 0);
  EXPECT_EQ(counts.Recall(), 0);
  EXPECT_EQ(counts.F1(), 0);
}

}  // namespace
}  // namespace storyline::tagger
