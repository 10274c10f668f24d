// Word tables, the scoring of words on their own, and the per-word-type
// score tables a model derives from its vocabulary.
#include <algorithm>
#include <bit>

#include "tagger/model_data.h"

namespace storyline::tagger {
namespace {

// Words scored together: enough keys (about 20 a word) for their cache
// misses to overlap, few enough for their slots to stay in cache.
constexpr size_t kWordsAtOnce = 32;

}  // namespace

void WordTable::Reserve(size_t words) {
  const size_t wanted = std::max<size_t>(16, std::bit_ceil(2 * words));
  if (wanted <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(wanted, Slot());
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id != kFree) Place(slot);
  }
}

void WordTable::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot());
  size_ = 0;
}

void WordTable::Add(const WordInfo& info, uint32_t id) {
  Reserve(size_ + 1);
  Place({info.word, info.lower, info.short_shape, id, info.casing});
  ++size_;
}

void WordTable::Place(const Slot& slot) {
  size_t at = slot.word & mask_;
  while (slots_[at].id != kFree) at = (at + 1) & mask_;
  slots_[at] = slot;
}

void WordScorer::Score(const FeatureTable& table, const std::vector<Word>& words) {
  const int tags = table.tags();
  for (size_t first = 0; first < words.size(); first += kWordsAtOnce) {
    const size_t last = std::min(words.size(), first + kWordsAtOnce);
    keys_.clear();
    keys_begin_.clear();
    for (size_t w = first; w < last; ++w) {
      for (int offset = -kWindow; offset <= kWindow; ++offset) {
        keys_begin_.push_back(static_cast<uint32_t>(keys_.size()));
        featurizer_.AppendWordKeys(words[w].text, words[w].info, offset, &keys_);
      }
    }
    keys_begin_.push_back(static_cast<uint32_t>(keys_.size()));
    for (const uint64_t key : keys_) table.Prefetch(key);
    rows_.resize(keys_.size());
    for (size_t k = 0; k < keys_.size(); ++k) {
      rows_[k] = table.Find(keys_[k]);
      if (rows_[k] != nullptr) __builtin_prefetch(rows_[k]);
    }
    for (size_t w = first; w < last; ++w) {
      for (int at = 0; at < kOffsets; ++at) {
        const size_t range = (w - first) * kOffsets + at;
        int32_t* scores = words[w].scores + at * tags;
        for (uint32_t k = keys_begin_[range]; k < keys_begin_[range + 1]; ++k) {
          if (rows_[k] == nullptr) continue;
          for (int t = 0; t < tags; ++t) scores[t] += rows_[k][t];
        }
      }
    }
  }
}

void WordTypes::Build(const std::vector<std::string>& vocabulary, const FeatureTable& features) {
  tags_ = features.tags();
  words_ = WordTable();
  words_.Reserve(vocabulary.size());
  WordFeaturizer featurizer;
  // The paddings have no text: their word keys read their infos only.
  std::vector<WordScorer::Word> types = {{{}, BeforeSentence(), nullptr},
                                         {{}, AfterSentence(), nullptr}};
  for (const std::string& word : vocabulary) {
    const WordInfo info = featurizer.Describe(word);
    if (words_.Find(info.word) != nullptr) continue;
    words_.Add(info, static_cast<uint32_t>(types.size()));
    types.push_back({word, info, nullptr});
  }
  scores_.assign(types.size() * kOffsets * tags_, 0);
  for (size_t type = 0; type < types.size(); ++type) {
    types[type].scores = &scores_[type * kOffsets * tags_];
  }
  WordScorer().Score(features, types);
}

}  // namespace storyline::tagger
