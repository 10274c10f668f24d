// The per-word-type score tables a model derives from its vocabulary.
#include <algorithm>
#include <bit>

#include "tagger/model_data.h"

namespace storyline::tagger {

void ScoreWord(const FeatureTable& table, WordFeaturizer& featurizer, std::string_view word,
               const WordInfo& info, int32_t* scores) {
  std::vector<uint64_t> keys;
  for (int offset = -kWindow; offset <= kWindow; ++offset) {
    keys.clear();
    featurizer.AppendWordKeys(word, info, offset, &keys);
    AddWeights(table, keys, scores + (offset + kWindow) * table.tags());
  }
}

void WordTypes::Build(const std::vector<std::string>& vocabulary, const FeatureTable& features) {
  tags_ = features.tags();
  slots_.assign(std::max<size_t>(16, std::bit_ceil(2 * vocabulary.size())), Slot());
  mask_ = slots_.size() - 1;
  WordFeaturizer featurizer;
  std::vector<std::string_view> words = {{}, {}};  // per type; the paddings have none
  std::vector<WordInfo> infos = {BeforeSentence(), AfterSentence()};
  for (const std::string& word : vocabulary) {
    const WordInfo info = featurizer.Describe(word);
    if (Find(info.word) != nullptr) continue;
    Place(info, static_cast<uint32_t>(infos.size()));
    infos.push_back(info);
    words.push_back(word);
  }
  scores_.assign(infos.size() * kOffsets * tags_, 0);
  for (uint32_t type = 0; type < infos.size(); ++type) {
    ScoreWord(features, featurizer, words[type], infos[type],
              &scores_[size_t{type} * kOffsets * tags_]);
  }
}

void WordTypes::Place(const WordInfo& info, uint32_t type) {
  size_t at = info.word & mask_;
  while (slots_[at].type != kFree) at = (at + 1) & mask_;
  slots_[at] = {info.word, info.lower, info.short_shape, type, info.casing};
}

}  // namespace storyline::tagger
