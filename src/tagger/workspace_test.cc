// A Workspace keeps buffers and the scores of words outside the vocabulary
// from one Tag() call to the next: whatever it holds, the spans must be
// those a fresh one gives.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tagger/tagger.h"
#include "tagger/test_corpus.h"

namespace storyline::tagger {
namespace {

using testing::TrainWritten;
using testing::WordsOf;
using testing::WrittenDocuments;

TEST(Workspace, TagsAlikeAcrossDocumentsAndModels) {
  const Model model = TrainWritten();
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer.AddList("written.tsv", "given_name\tIlse\n").ok());
  const Model other = TrainWritten(3, gazetteer);
  const std::vector<LabeledDocument> written = WrittenDocuments();
  std::vector<std::vector<Words>> documents;
  for (const LabeledDocument& document : written) documents.push_back(WordsOf(document));
  documents.push_back({{"Ilse", "Brandt", "of", "Dunmore", "Holdings", "met", "Velk", "."},
                       {"DUNMORE", "TALKS", "END"}});
  documents.push_back({});
  Workspace workspace;
  // Stale spans, and more sentences than the first document has: replaced.
  std::vector<std::vector<EntitySpan>> spans(9, {{0, 1, "PER"}});
  for (const Model* tagger : {&model, &other, &model}) {
    for (int round = 0; round < 2; ++round) {
      for (const std::vector<Words>& document : documents) {
        tagger->Tag(document, workspace, &spans);
        EXPECT_EQ(spans, tagger->Tag(document)) << "round " << round;
      }
    }
  }
  EXPECT_NE(model.Serialize(), other.Serialize());
}

// More words outside the vocabulary than the workspace keeps: it forgets
// the older ones, and must tag alike before and after.
TEST(Workspace, TagsAlikeOnceItForgetsWords) {
  const Model model = TrainWritten();
  Workspace workspace;
  std::vector<std::vector<EntitySpan>> spans;
  std::vector<std::string> storage;
  const size_t documents = 3 * Workspace::kMemoWords / 100;
  for (size_t d = 0; d < documents; ++d) {
    storage.clear();
    // 50 words new to this document, 50 words shared with earlier ones.
    for (size_t w = 0; w < 100; ++w) {
      const size_t id = w < 50 ? d * 50 + w : (d * 7 + w) % (50 * (d + 1));
      storage.push_back((id % 3 == 0 ? "Kor" : "vel") + std::to_string(id));
    }
    std::vector<Words> document = {{"Mara", "Velk", "visited", "Varnholm", "."}};
    for (size_t at = 0; at < storage.size(); at += 10) {
      Words& sentence = document.emplace_back();
      for (size_t w = at; w < at + 10; ++w) sentence.push_back(storage[w]);
      sentence.push_back(".");
    }
    model.Tag(document, workspace, &spans);
    ASSERT_EQ(spans, model.Tag(document)) << "document " << d;
  }
}

}  // namespace
}  // namespace storyline::tagger
