#include "tagger/features.h"

#include <algorithm>

namespace storyline::tagger {
namespace {

// Template ids. Keys are written in model files: never renumber; add new
// ids at the end and bump kFeatureVersion.
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kLength,
  kLowerAt,       // lower-cased word at an offset
  kShortShapeAt,  // collapsed shape at an offset
  kLowerBigram,   // lower-cased words at offsets (-1, 0) or (0, 1)
  kShapeBigram,   // collapsed shapes at (-1, 0) or (0, 1)
  kShapeTrigram,  // collapsed shapes at (-1, 0, 1)
  kLowerShape,    // lower-cased word at -1, shape at 0; or shape at 0, word at 1
  kPosition,      // first, second, other; and last; with the casing
  kHeadline,      // collapsed shape in a headline
  kGazetteer,     // category and place
  kGazetteerCased,
  kGazetteerAt,  // category and place of the word at -1 or 1
  kDocumentCasing,
  kHistory,
  kHistoryCased,
};

// Mark the sentence padding; a word hashing to one is as unlikely as any
// 64-bit collision.
constexpr uint64_t kBeforeHash = 0x5EB0'0000'0000'0001ULL;
constexpr uint64_t kAfterHash = 0x5EB0'0000'0000'0002ULL;

uint64_t Key(Template t, uint64_t value) { return Mix(t, value); }
uint64_t Key(Template t, uint64_t a, uint64_t b) { return Mix(Mix(t, a), b); }
uint64_t Key(Template t, uint64_t a, uint64_t b, uint64_t c) { return Mix(Mix(Mix(t, a), b), c); }

int LengthBucket(std::string_view word) {
  const size_t n = word.size();
  return n <= 4 ? static_cast<int>(n) : n <= 6 ? 5 : n <= 9 ? 6 : 7;
}

bool HasLetters(const WordInfo& word) { return word.casing != Casing::kNoLetters; }

uint64_t CasingId(const WordInfo& word) { return static_cast<uint64_t>(word.casing); }

}  // namespace

WordInfo BeforeSentence() { return {kBeforeHash, kBeforeHash, kBeforeHash, Casing::kNoLetters}; }
WordInfo AfterSentence() { return {kAfterHash, kAfterHash, kAfterHash, Casing::kNoLetters}; }

WordInfo WordFeaturizer::Describe(std::string_view word) {
  WordInfo info;
  info.word = HashBytes(word);
  LowerCase(word, &lower_);
  info.lower = HashBytes(lower_);
  WordShape(word, /*collapse_runs=*/true, &shape_);
  info.short_shape = HashBytes(shape_);
  info.casing = CasingOf(shape_);
  return info;
}

void WordFeaturizer::AppendWordKeys(std::string_view word, const WordInfo& info, int offset,
                                    std::vector<uint64_t>* keys) {
  if (offset != 0) {
    keys->push_back(Key(kLowerAt, offset + kWindow, info.lower));
    keys->push_back(Key(kShortShapeAt, offset + kWindow, info.short_shape));
    return;
  }
  keys->push_back(Key(kBias, 0));
  keys->push_back(Key(kWord, info.word));
  keys->push_back(Key(kLower, info.lower));
  keys->push_back(Key(kShortShape, info.short_shape));
  WordShape(word, /*collapse_runs=*/false, &shape_);
  keys->push_back(Key(kShape, HashBytes(shape_)));
  keys->push_back(Key(kLength, LengthBucket(word)));
  LowerCase(word, &lower_);
  for (int count = 1; count <= 4; ++count) {
    const std::string_view prefix = Prefix(lower_, count);
    if (prefix.empty()) break;
    keys->push_back(Key(kPrefix, count, HashBytes(prefix)));
    keys->push_back(Key(kSuffix, count, HashBytes(Suffix(lower_, count))));
  }
}

void SentenceContext::Prepare(const Gazetteer& gazetteer) {
  bool lower_letter = false;
  bool capitals = false;
  lower.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const Casing casing = words[i].casing;
    lower_letter |=
        casing == Casing::kLower || casing == Casing::kTitle || casing == Casing::kMixed;
    capitals |= casing == Casing::kUpper;
    lower[i] = words[i].lower;
  }
  headline = capitals && !lower_letter;
  GazetteerAccess::Match(gazetteer, lower, &hits);
  hits_begin.assign(words.size() + 1, 0);
  for (const GazetteerHit& hit : hits) ++hits_begin[hit.token + 1];
  for (size_t i = 0; i < words.size(); ++i) hits_begin[i + 1] += hits_begin[i];
}

void DocumentCasing::Count(const SentenceContext& sentence) {
  if (sentence.headline) return;
  for (size_t i = 1; i < sentence.words.size(); ++i) {
    const WordInfo& word = sentence.words[i];
    if (!HasLetters(word)) continue;
    Seen& seen = seen_[word.lower];
    ++(word.casing == Casing::kLower ? seen.lower : seen.capitalised);
  }
}

int DocumentCasing::Evidence(const SentenceContext& sentence, size_t token) const {
  const WordInfo& word = sentence.words[token];
  const auto found = seen_.find(word.lower);
  if (found == seen_.end()) return 0;
  Seen others = found->second;
  if (token > 0 && !sentence.headline) {
    --(word.casing == Casing::kLower ? others.lower : others.capitalised);
  }
  return (others.lower > 0 ? 1 : 0) + (others.capitalised > 0 ? 2 : 0);
}

void LabelHistory::Add(const SentenceContext& sentence, const std::vector<Tag>& tags) {
  for (size_t i = 0; i < tags.size(); ++i) {
    const WordInfo& word = sentence.words[i];
    if (!HasLetters(word)) continue;
    const auto [found, added] = first_count_.try_emplace(word.lower, counts_.size());
    if (added) counts_.resize(counts_.size() + labels_, 0);
    const int label = tags[i] == kOutside ? 0 : 1 + TagSet::TypeOf(tags[i]);
    ++counts_[found->second + label];
  }
}

int LabelHistory::Majority(uint64_t lower) const {
  const auto found = first_count_.find(lower);
  if (found == first_count_.end()) return -1;
  const auto first = counts_.begin() + found->second;
  return static_cast<int>(std::max_element(first, first + labels_) - first);
}

void AppendContextKeys(const SentenceContext& sentence, size_t token, const DocumentCasing& casing,
                       std::vector<uint64_t>* keys) {
  const size_t n = sentence.words.size();
  const WordInfo before = BeforeSentence();
  const WordInfo after = AfterSentence();
  const WordInfo& left = token > 0 ? sentence.words[token - 1] : before;
  const WordInfo& word = sentence.words[token];
  const WordInfo& right = token + 1 < n ? sentence.words[token + 1] : after;
  keys->push_back(Key(kLowerBigram, left.lower, word.lower));
  keys->push_back(Key(kLowerBigram, word.lower, Mix(right.lower, 1)));
  keys->push_back(Key(kShapeBigram, left.short_shape, word.short_shape));
  keys->push_back(Key(kShapeBigram, word.short_shape, Mix(right.short_shape, 1)));
  keys->push_back(Key(kShapeTrigram, left.short_shape, word.short_shape, right.short_shape));
  keys->push_back(Key(kLowerShape, left.lower, word.short_shape));
  keys->push_back(Key(kLowerShape, word.short_shape, Mix(right.lower, 1)));
  const uint64_t place = token == 0 ? 0 : token == 1 ? 1 : 2;
  keys->push_back(Key(kPosition, place * 2 + (token + 1 == n), CasingId(word)));
  if (sentence.headline) keys->push_back(Key(kHeadline, word.short_shape));
  for (uint32_t h = sentence.hits_begin[token]; h < sentence.hits_begin[token + 1]; ++h) {
    const GazetteerHit& hit = sentence.hits[h];
    const uint64_t where = hit.category * 4 + static_cast<uint64_t>(hit.place);
    keys->push_back(Key(kGazetteer, where));
    keys->push_back(Key(kGazetteerCased, where, CasingId(word)));
  }
  for (const size_t side : {token - 1, token + 1}) {
    if (side >= n) continue;  // also catches token - 1 wrapping below zero
    for (uint32_t h = sentence.hits_begin[side]; h < sentence.hits_begin[side + 1]; ++h) {
      const GazetteerHit& hit = sentence.hits[h];
      keys->push_back(
          Key(kGazetteerAt, side > token, hit.category * 4 + static_cast<uint64_t>(hit.place)));
    }
  }
  if (HasLetters(word) && (token == 0 || sentence.headline)) {
    const uint64_t context = token == 0 ? 0 : sentence.headline ? 1 : 2;
    keys->push_back(Key(kDocumentCasing, context * kCasingCount + CasingId(word),
                        casing.Evidence(sentence, token)));
  }
}

void AppendHistoryKeys(const WordInfo& word, const LabelHistory& history,
                       std::vector<uint64_t>* keys) {
  if (!HasLetters(word)) return;
  const uint64_t label = history.Majority(word.lower) + 1;  // 0: unseen
  keys->push_back(Key(kHistory, label));
  keys->push_back(Key(kHistoryCased, label, CasingId(word)));
}

}  // namespace storyline::tagger
