// model_data.h (internal to tagger): what a Model holds, and the tables the
// tagger derives from it when it is built or loaded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tagger/features.h"
#include "tagger/tagger.h"
#include "tagger/tags.h"

namespace storyline::tagger {

// Feature keys and their weights, one int16 per tag (in the model's units).
// An open-addressing table with linear probing: keys are Mix outputs, so
// their low bits serve as the slot, and a slot holds the key beside its row
// so that a lookup costs one cache miss, two when it hits.
class FeatureTable {
 public:
  explicit FeatureTable(int tags) : tags_(tags) {}
  // REQUIRES: `key` not added before; `weights` holds tags() values.
  void Add(uint64_t key, const int16_t* weights);
  // The key's weights, or nullptr when the model has none for it.
  const int16_t* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t at = key & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.row == kFree) return nullptr;
      if (slot.key == key) return &weights_[size_t{slot.row} * tags_];
    }
  }
  // Starts loading the slot Find(key) reads first.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  int tags() const { return tags_; }
  size_t size() const { return keys_.size(); }
  uint64_t key(size_t row) const { return keys_[row]; }
  const int16_t* row(size_t row) const { return &weights_[row * tags_]; }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint64_t key = 0;
    uint32_t row = kFree;
  };
  void Place(uint64_t key, uint32_t row);

  int tags_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
  std::vector<uint64_t> keys_;  // in the order added
  std::vector<int16_t> weights_;
};

// Adds the weights of `keys` that the table has to scores[0, tags).
void AddWeights(const FeatureTable& table, const std::vector<uint64_t>& keys, int32_t* scores);

// The word-key scores of every vocabulary word at every offset, summed once
// so that tagging a known word costs one lookup, not one per template. Type
// 0 is the padding before a sentence, type 1 the padding after it; the
// vocabulary's distinct words follow in order. Words are found by their
// hash in an open-addressing table whose 32-byte slots hold the word's info
// and type: a known word costs one cache miss, then a sequential read of its
// scores.
class WordTypes {
 public:
  static constexpr uint32_t kBefore = 0;
  static constexpr uint32_t kAfter = 1;

  struct Slot {
    uint64_t word = 0;  // WordInfo::word, the key
    uint64_t lower = 0;
    uint64_t short_shape = 0;
    uint32_t type = kFree;
    Casing casing = Casing::kNoLetters;
    WordInfo Info() const { return {word, lower, short_shape, casing}; }
  };
  static_assert(sizeof(Slot) == 32, "two slots a cache line");

  // Describes and scores each distinct word of `vocabulary`.
  void Build(const std::vector<std::string>& vocabulary, const FeatureTable& features);

  // Types, the two paddings included.
  size_t size() const { return scores_.size() / kOffsets / tags_; }
  // The slot of the word whose HashBytes is `word`, or nullptr.
  const Slot* Find(uint64_t word) const {
    if (slots_.empty()) return nullptr;
    for (size_t at = word & mask_;; at = (at + 1) & mask_) {
      if (slots_[at].type == kFree) return nullptr;
      if (slots_[at].word == word) return &slots_[at];
    }
  }
  // scores[tag] of a type's word at `offset` (-kWindow..kWindow).
  const int32_t* Scores(uint32_t type, int offset) const {
    return &scores_[(size_t{type} * kOffsets + offset + kWindow) * tags_];
  }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  void Place(const WordInfo& info, uint32_t type);

  int tags_ = 1;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
  std::vector<int32_t> scores_;  // [type][offset][tag]
};

// Sums the word keys of `word` at each offset into scores[offset][tag].
void ScoreWord(const FeatureTable& table, WordFeaturizer& featurizer, std::string_view word,
               const WordInfo& info, int32_t* scores);

struct ModelData {
  ModelData(TagSet tag_set, Gazetteer embedded)
      : tags(std::move(tag_set)), gazetteer(std::move(embedded)), features(tags.size()) {}

  TagSet tags;
  Gazetteer gazetteer;
  std::vector<std::string> vocabulary;  // words whose scores are precomputed
  std::vector<int32_t> transition;      // [(tags + 1) * tags], from-row tags is the start
  std::vector<int32_t> final;           // [tags]
  FeatureTable features;
  WordTypes word_types;  // derived from the above by ModelBuilder::Make
};

class ModelBuilder {
 public:
  // Derives the word types and wraps `data` in a Model.
  static Model Make(std::unique_ptr<ModelData> data);
  static const ModelData& Data(const Model& model) { return *model.data_; }
};

}  // namespace storyline::tagger
