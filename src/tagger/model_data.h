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
// so that a lookup costs one cache miss, two when it hits. Most keys looked
// up are absent (rare words, pairs of words); a bit filter small enough to
// stay in cache (16 to 32 bits a key) turns away about 99% of those before
// they cost a miss.
class FeatureTable {
 public:
  explicit FeatureTable(int tags) : tags_(tags) {}
  // REQUIRES: `key` not added before; `weights` holds tags() values.
  void Add(uint64_t key, const int16_t* weights);
  // False when the table has no `key`; true when it may have it.
  bool MayHave(uint64_t key) const {
    if (filter_.empty()) return false;
    const uint64_t bits = FilterBits(key);
    return (filter_[(key >> kFilterShift) & filter_mask_] & bits) == bits;
  }
  // The key's weights, or nullptr when the model has none for it.
  const int16_t* Find(uint64_t key) const {
    if (!MayHave(key)) return nullptr;
    for (size_t at = key & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.row == kFree) return nullptr;
      if (slot.key == key) return &weights_[size_t{slot.row} * tags_];
    }
  }
  // Starts loading the slot Find(key) reads first, unless the filter
  // already turns the key away.
  void Prefetch(uint64_t key) const {
    if (MayHave(key)) __builtin_prefetch(&slots_[key & mask_]);
  }
  int tags() const { return tags_; }
  size_t size() const { return keys_.size(); }
  // XXH3 of the keys and weights in the order added.
  uint64_t Digest() const;
  uint64_t key(size_t row) const { return keys_[row]; }
  const int16_t* row(size_t row) const { return &weights_[row * tags_]; }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  // The filter word of a key is read from bits 20 and up, clear of the
  // slot's low bits; its two bits from the top twelve.
  static constexpr int kFilterShift = 20;
  static uint64_t FilterBits(uint64_t key) {
    return (uint64_t{1} << (key >> 58)) | (uint64_t{1} << ((key >> 52) & 63));
  }
  struct Slot {
    uint64_t key = 0;
    uint32_t row = kFree;
  };
  void Place(uint64_t key, uint32_t row);

  int tags_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
  std::vector<uint64_t> filter_;  // a power of two: 8 bits per slot
  size_t filter_mask_ = 0;
  std::vector<uint64_t> keys_;  // in the order added
  std::vector<int16_t> weights_;
};

// Word infos by word hash (WordInfo::word), each with an id: an
// open-addressing table whose 32-byte slots hold all a lookup needs, so
// that one costs a single cache miss. It grows to stay at most half full.
class WordTable {
 public:
  struct Slot {
    uint64_t word = 0;  // the key
    uint64_t lower = 0;
    uint64_t short_shape = 0;
    uint32_t id = kFree;
    Casing casing = Casing::kNoLetters;
    WordInfo Info() const { return {word, lower, short_shape, casing}; }
  };
  static_assert(sizeof(Slot) == 32, "two slots a cache line");

  size_t size() const { return size_; }
  // Makes room for `words` words in all.
  void Reserve(size_t words);
  // Forgets every word; keeps the room.
  void Clear();
  // REQUIRES: no word info.word in the table.
  void Add(const WordInfo& info, uint32_t id);
  // The slot of `word`, or nullptr. Add() may move slots.
  const Slot* Find(uint64_t word) const {
    if (slots_.empty()) return nullptr;
    for (size_t at = word & mask_;; at = (at + 1) & mask_) {
      if (slots_[at].id == kFree) return nullptr;
      if (slots_[at].word == word) return &slots_[at];
    }
  }
  // Starts loading the slot Find(word) reads first.
  void Prefetch(uint64_t word) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[word & mask_]);
  }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  void Place(const Slot& slot);

  std::vector<Slot> slots_;  // a power of two
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Sums the word keys of words (the templates of features.h that look at
// one word) at each offset into their scores[offset][tag], many words at a
// time, so that the cache misses of their lookups overlap. Holds scratch:
// one per thread.
class WordScorer {
 public:
  struct Word {
    std::string_view text;
    WordInfo info;
    int32_t* scores;  // kOffsets * tags values, added to
  };
  void Score(const FeatureTable& table, const std::vector<Word>& words);

 private:
  WordFeaturizer featurizer_;
  std::vector<uint64_t> keys_;
  // The keys of words[w] at offset o: from keys_begin_[w * kOffsets + o + kWindow] to the next.
  std::vector<uint32_t> keys_begin_;
  std::vector<const int16_t*> rows_;
};

// The word-key scores of every vocabulary word at every offset, summed once
// so that tagging a known word costs one lookup, not one per template. Type
// 0 is the padding before a sentence, type 1 the padding after it; the
// vocabulary's distinct words follow in order. A known word costs one cache
// miss for its slot (WordTable, the id is its type), then a sequential read
// of its scores.
class WordTypes {
 public:
  static constexpr uint32_t kBefore = 0;
  static constexpr uint32_t kAfter = 1;

  // Describes and scores each distinct word of `vocabulary`.
  void Build(const std::vector<std::string>& vocabulary, const FeatureTable& features);

  // Types, the two paddings included.
  size_t size() const { return scores_.size() / kOffsets / tags_; }
  const WordTable& words() const { return words_; }
  // scores[tag] of a type's word at `offset` (-kWindow..kWindow).
  const int32_t* Scores(uint32_t type, int offset) const {
    return &scores_[(size_t{type} * kOffsets + offset + kWindow) * tags_];
  }

 private:
  int tags_ = 1;
  WordTable words_;
  std::vector<int32_t> scores_;  // [type][offset][tag]
};

struct ModelData {
  ModelData(TagSet tag_set, Gazetteer embedded)
      : tags(std::move(tag_set)), gazetteer(std::move(embedded)), features(tags.size()) {}

  TagSet tags;
  Gazetteer gazetteer;
  std::vector<std::string> vocabulary;  // words whose scores are precomputed
  std::vector<int32_t> transition;      // [(tags + 1) * tags], from-row tags is the start
  std::vector<int32_t> final;           // [tags]
  FeatureTable features;
  // Derived from the above by ModelBuilder::Make.
  WordTypes word_types;
  // XXH3 of the tag types and the feature weights: what the scores of a
  // word outside the vocabulary depend on. Workspaces tell models apart by it.
  uint64_t scores_digest = 0;
};

class ModelBuilder {
 public:
  // Derives the word types and wraps `data` in a Model.
  static Model Make(std::unique_ptr<ModelData> data);
  static const ModelData& Data(const Model& model) { return *model.data_; }
};

}  // namespace storyline::tagger
