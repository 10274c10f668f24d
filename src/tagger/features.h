// features.h (internal to tagger): the feature templates. A feature is a
// 64-bit key (Mix of a template id and the hashes of what it looks at); the
// model holds a weight per tag for each key it kept. docs/formats/ner-model.md
// lists the templates.
//
// The templates fall in three groups, so the tagger can precompute the
// first one per word type:
//   word keys     look at one word, `offset` places from the token scored
//                 (AppendWordKeys);
//   context keys  look at several words, the gazetteer hits, the sentence
//                 and the document's casing (AppendContextKeys);
//   history keys  look at the labels given to the same word in the
//                 document's earlier sentences (AppendHistoryKeys).
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/gazetteer_match.h"
#include "tagger/tags.h"
#include "tagger/words.h"

namespace storyline::tagger {

// Version of the templates below, written in model files: bump it whenever a
// key would change (a template, Mix, the hashing, the word forms).
inline constexpr uint32_t kFeatureVersion = 1;

// Words looked at on each side of the token scored.
inline constexpr int kWindow = 2;
inline constexpr int kOffsets = 2 * kWindow + 1;

// What the context templates need of a word, computed once per word type.
struct WordInfo {
  uint64_t word = 0;         // HashBytes of the word
  uint64_t lower = 0;        // HashBytes of its LowerCase
  uint64_t short_shape = 0;  // HashBytes of its collapsed WordShape
  Casing casing = Casing::kNoLetters;
};

// The positions before and after a sentence, seen by the window templates.
WordInfo BeforeSentence();
WordInfo AfterSentence();

// Computes word forms; holds scratch strings, so give each thread its own.
class WordFeaturizer {
 public:
  WordInfo Describe(std::string_view word);
  // Appends the keys of the templates that look at `word` when it stands
  // `offset` places from the token scored (-kWindow..kWindow). `word` is
  // only read at offset 0 (affixes, long shape); elsewhere `info` suffices,
  // so the padding infos may come with an empty word.
  void AppendWordKeys(std::string_view word, const WordInfo& info, int offset,
                      std::vector<uint64_t>* keys);

 private:
  std::string lower_;
  std::string shape_;
};

// One sentence as the context templates see it.
struct SentenceContext {
  std::vector<WordInfo> words;
  bool headline = false;        // no lower-case letter, some capitals: a CoNLL headline
  std::vector<uint64_t> lower;  // words[i].lower, what the gazetteer matches
  std::vector<GazetteerHit> hits;
  std::vector<uint32_t> hits_begin;  // hits of token i: [hits_begin[i], hits_begin[i + 1])

  // Fills headline, lower and the gazetteer hits from `words`.
  void Prepare(const Gazetteer& gazetteer);
};

// How each word is cased in a document where its case says something: not
// first in its sentence, not in a headline.
class DocumentCasing {
 public:
  void Count(const SentenceContext& sentence);
  void Clear() { seen_.clear(); }
  // 0: seen nowhere else; 1: only lower-case elsewhere; 2: only capitalised
  // elsewhere; 3: both. The token's own occurrence does not count.
  int Evidence(const SentenceContext& sentence, size_t token) const;

 private:
  struct Seen {
    uint32_t lower = 0;
    uint32_t capitalised = 0;
  };
  absl::flat_hash_map<uint64_t, Seen> seen_;
};

// The labels (0 = O, 1 + type) the tagger gave each word in a document's
// earlier sentences.
class LabelHistory {
 public:
  explicit LabelHistory(int types) : labels_(types + 1) {}
  void Add(const SentenceContext& sentence, const std::vector<Tag>& tags);
  void Clear() {
    first_count_.clear();
    counts_.clear();
  }
  // The most frequent label of the word (the lowest on a tie), -1 if unseen.
  int Majority(uint64_t lower) const;

 private:
  int labels_;
  absl::flat_hash_map<uint64_t, uint32_t> first_count_;  // lower -> index into counts_
  std::vector<uint32_t> counts_;
};

void AppendContextKeys(const SentenceContext& sentence, size_t token, const DocumentCasing& casing,
                       std::vector<uint64_t>* keys);
void AppendHistoryKeys(const WordInfo& word, const LabelHistory& history,
                       std::vector<uint64_t>* keys);

}  // namespace storyline::tagger
