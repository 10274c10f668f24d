#include <gtest/gtest.h>

#include "tagger/model_data.h"
#include "tagger/tagger.h"
#include "tagger/test_corpus.h"

namespace storyline::tagger {
namespace {

using testing::TrainWritten;
using testing::WordsOf;
using testing::WrittenDocuments;

TEST(Train, GivesTheSameBytesForTheSameSeed) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer.AddList("written.tsv", "given_name\tIlse\n").ok());
  const std::string first = TrainWritten(5, gazetteer).Serialize();
  const std::string second = TrainWritten(5, gazetteer).Serialize();
  EXPECT_EQ(first, second);
}

TEST(Train, LearnsTheWrittenCorpus) {
  const Model model = TrainWritten();
  const Scores scores = Evaluate(model, WrittenDocuments());
  EXPECT_EQ(scores.overall.gold, 12u);
  EXPECT_GE(scores.overall.F1(), 0.9);
  EXPECT_EQ(model.Tag({{"Mara", "Velk", "visited", "Varnholm", "on", "Tuesday", "."}}),
            (std::vector<std::vector<EntitySpan>>{{{0, 2, "PER"}, {3, 4, "LOC"}}}));
}

TEST(Train, ReportsEachEpoch) {
  TrainOptions options;
  options.max_epochs = 3;
  options.min_feature_count = 1;
  std::vector<EpochReport> reports;
  Result<Model> model = Train(WrittenDocuments(), WrittenDocuments(), {}, options,
                              [&](const EpochReport& report) { reports.push_back(report); });
  ASSERT_TRUE(model.ok());
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0].epoch, 1);
  EXPECT_EQ(reports[2].epoch, 3);
  EXPECT_GT(reports[0].mistaken_tokens, 0u);
  EXPECT_GT(reports[2].dev_f1, 0.5);
}

TEST(Train, RefusesDocumentsWithoutEntities) {
  std::vector<LabeledDocument> documents(1);
  documents[0].sentences.push_back({{"Rain", "fell", "."}, {}});
  Result<Model> model = Train(documents, {}, {}, {}, {});
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(model.status().message(), "no entity in the training documents");
}

TEST(Train, RefusesASpanOutsideItsSentence) {
  std::vector<LabeledDocument> documents = WrittenDocuments();
  documents[1].sentences[0].entities.push_back({10, 14, "PER"});
  Result<Model> model = Train(documents, {}, {}, {}, {});
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().message(), "document 2, sentence 1: bad entity span [10, 14) PER");
}

TEST(Model, TagsOddInputWithoutFailing) {
  const Model model = TrainWritten();
  EXPECT_TRUE(model.Tag({}).empty());
  const std::string long_word(100000, 'A');
  const std::string broken = "\xC3\x28\xFF";
  const std::vector<Words> document = {{}, {""}, {long_word, broken, "", "Varnholm"}};
  const std::vector<std::vector<EntitySpan>> spans = model.Tag(document);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_TRUE(spans[0].empty());
  for (const std::vector<EntitySpan>& sentence : spans) {
    for (const EntitySpan& span : sentence) EXPECT_LT(span.begin, span.end);
  }
}

TEST(Model, TagsALongSentence) {
  const Model model = TrainWritten();
  Words words;
  for (int i = 0; i < 20000; ++i) words.push_back(i % 7 == 0 ? "Varnholm" : "visited");
  const std::vector<std::vector<EntitySpan>> spans = model.Tag({words});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_FALSE(spans[0].empty());
  EXPECT_LE(spans[0].back().end, words.size());
}

// Known words are scored from tables precomputed per word type, unknown
// ones on the fly: a model without a vocabulary must tag alike.
TEST(Model, TagsAlikeWithoutItsWordTables) {
  const Model model = TrainWritten();
  auto bare = std::make_unique<ModelData>(ModelBuilder::Data(model));
  bare->vocabulary.clear();
  bare->word_types = {};
  const Model without_tables = ModelBuilder::Make(std::move(bare));
  const std::vector<Words> unseen = {{"Officials", "in", "Dunmore", "met", "Ilse", "Velk", "."}};
  EXPECT_EQ(without_tables.Tag(unseen), model.Tag(unseen));
  for (const LabeledDocument& document : WrittenDocuments()) {
    EXPECT_EQ(without_tables.Tag(WordsOf(document)), model.Tag(WordsOf(document)));
  }
}

}  // namespace
}  // namespace storyline::tagger
