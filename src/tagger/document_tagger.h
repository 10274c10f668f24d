// document_tagger.h (internal to tagger): what a Workspace holds, and the
// tagging of one document with it (Model::Tag).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "tagger/decoder.h"
#include "tagger/features.h"
#include "tagger/model_data.h"
#include "tagger/tagger.h"

namespace storyline::tagger {

// Words outside a model's vocabulary, each with its info and its scores
// at every offset, remembered across documents in two generations: words
// are added to the current one, or copied there from the previous one when
// met again; once the current one holds Workspace::kMemoWords / 2 words, it
// becomes the previous one and the older words are forgotten. Words met in
// every few documents are so kept, at a bounded cost.
class UnknownWords {
 public:
  // Forgets every word; scores will have `tags` values per offset.
  void Reset(int tags);
  // At a document's start: starts a new generation if the current one is full.
  void Age();
  // Starts loading the slot Find(word) reads first.
  void Prefetch(uint64_t word) const { current_.words.Prefetch(word); }
  // The slot of the word whose HashBytes is `word` in the current
  // generation (its id is the word's index), copied from the previous one
  // if need be; nullptr when new. Valid until the next Add().
  const WordTable::Slot* Find(uint64_t word);
  // Adds a new word with zero scores; returns its index.
  uint32_t Add(const WordInfo& info);
  int32_t* scores(uint32_t index, int offset) {
    return &current_.scores[(size_t{index} * kOffsets + offset + kWindow) * tags_];
  }
  const int32_t* scores(uint32_t index, int offset) const {
    return &current_.scores[(size_t{index} * kOffsets + offset + kWindow) * tags_];
  }

 private:
  struct Generation {
    WordTable words;              // the id is the index
    std::vector<int32_t> scores;  // [index][offset][tag]
    void Clear();
  };
  int tags_ = 0;
  Generation current_;
  Generation previous_;
};

class Workspace::State {
 public:
  // Tags `document` with `model` into `spans`.
  void Tag(const ModelData& model, const std::vector<Words>& document,
           std::vector<std::vector<EntitySpan>>* spans);

 private:
  // A word outside the vocabulary, new to the workspace, to be scored.
  struct NewWord {
    std::string_view text;
    WordInfo info;
    uint32_t index = 0;  // in unknown_
  };

  // Readies the workspace for `model`: what it remembered of another model
  // is dropped.
  void Serve(const ModelData& model);
  // The word infos and types of a sentence's words; words new to the
  // workspace are described here and scored by ScoreNewWords().
  void Describe(const Words& words, SentenceContext* sentence, std::vector<uint32_t>* types);
  void ScoreNewWords();
  const int32_t* TypeScores(uint32_t type, int offset) const;
  void ScoreSentence(const SentenceContext& sentence, const std::vector<uint32_t>& types);
  void AddWordScores(const std::vector<uint32_t>& types);

  const ModelData* model_ = nullptr;  // during Tag()
  uint64_t scores_digest_ = 0;        // of the model served last; 0 before
  int tags_ = 0;
  std::optional<Decoder> decoder_;
  std::optional<LabelHistory> history_;
  WordFeaturizer featurizer_;
  WordScorer scorer_;
  // Words outside the vocabulary: type word_types.size() + index.
  UnknownWords unknown_;
  std::vector<NewWord> new_words_;
  std::vector<WordScorer::Word> to_score_;
  // The current document.
  std::vector<SentenceContext> sentences_;
  std::vector<std::vector<uint32_t>> types_;
  DocumentCasing casing_;
  std::vector<uint64_t> hashes_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> keys_begin_;  // keys of token i: [keys_begin_[i], keys_begin_[i + 1])
  std::vector<const int16_t*> rows_;  // per key, nullptr when the model lacks it
  std::vector<int32_t> emission_;
  std::vector<tagger::Tag> best_;
};

}  // namespace storyline::tagger
