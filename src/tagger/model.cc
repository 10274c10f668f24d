// Tagging with a built model: word-type scores looked up once per token,
// context and history keys looked up per token, Viterbi per sentence.
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "tagger/decoder.h"
#include "tagger/model_data.h"

namespace storyline::tagger {
namespace {

// scores[0, count) += weights[0, count); the two never overlap, which lets
// the compiler vectorise the loop.
template <typename Weight>
void AddScores(const Weight* __restrict weights, int count, int32_t* __restrict scores) {
  for (int t = 0; t < count; ++t) scores[t] += weights[t];
}

// Tags one document; holds the scratch of one Tag() call.
class DocumentTagger {
 public:
  explicit DocumentTagger(const ModelData& model)
      : model_(model), tags_(model.tags.size()), decoder_(model.tags) {}

  std::vector<std::vector<EntitySpan>> Tag(const std::vector<Words>& document) {
    std::vector<SentenceContext> sentences(document.size());
    std::vector<std::vector<uint32_t>> types(document.size());
    DocumentCasing casing;
    for (size_t s = 0; s < document.size(); ++s) {
      Describe(document[s], &sentences[s], &types[s]);
      sentences[s].Prepare(model_.gazetteer);
      casing.Count(sentences[s]);
    }
    LabelHistory history(static_cast<int>(model_.tags.types().size()));
    std::vector<std::vector<EntitySpan>> spans(document.size());
    std::vector<tagger::Tag> best;
    for (size_t s = 0; s < document.size(); ++s) {
      ScoreSentence(sentences[s], types[s], casing, history);
      decoder_.Decode(
          {emission_.data(), model_.transition.data(), model_.final.data(), document[s].size()},
          &best);
      history.Add(sentences[s], best);
      spans[s] = model_.tags.Decode(best);
    }
    return spans;
  }

 private:
  // The word infos and types of a sentence's words; words outside the
  // vocabulary get a type of this document, scored here once.
  void Describe(const Words& words, SentenceContext* sentence, std::vector<uint32_t>* types) {
    const WordTypes& known = model_.word_types;
    sentence->words.resize(words.size());
    types->resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      const uint64_t hash = HashBytes(words[i]);
      if (const WordTypes::Slot* slot = known.Find(hash)) {
        (*types)[i] = slot->type;
        sentence->words[i] = slot->Info();
        continue;
      }
      const uint32_t next = static_cast<uint32_t>(known.size() + unknown_infos_.size());
      const auto [found, added] = unknown_type_of_word_.try_emplace(hash, next);
      if (added) {
        unknown_infos_.push_back(featurizer_.Describe(words[i]));
        unknown_scores_.resize(unknown_scores_.size() + kOffsets * tags_, 0);
        ScoreWord(model_.features, featurizer_, words[i], unknown_infos_.back(),
                  &unknown_scores_[unknown_scores_.size() - kOffsets * tags_]);
      }
      (*types)[i] = found->second;
      sentence->words[i] = unknown_infos_[found->second - known.size()];
    }
  }

  const int32_t* TypeScores(uint32_t type, int offset) const {
    const WordTypes& known = model_.word_types;
    if (type < known.size()) return known.Scores(type, offset);
    const size_t unknown = type - known.size();
    return &unknown_scores_[(unknown * kOffsets + offset + kWindow) * tags_];
  }

  // Emission scores of a sentence. The feature lookups are made in stages
  // over the whole sentence (keys, then their slots, then their rows), each
  // stage prefetching what the next reads, so that the cache misses of a
  // large table overlap instead of following one another.
  void ScoreSentence(const SentenceContext& sentence, const std::vector<uint32_t>& types,
                     const DocumentCasing& casing, const LabelHistory& history) {
    const size_t n = types.size();
    const FeatureTable& features = model_.features;
    keys_.clear();
    keys_begin_.assign(1, 0);
    for (size_t i = 0; i < n; ++i) {
      AppendContextKeys(sentence, i, casing, &keys_);
      AppendHistoryKeys(sentence.words[i], history, &keys_);
      keys_begin_.push_back(static_cast<uint32_t>(keys_.size()));
    }
    for (const uint64_t key : keys_) features.Prefetch(key);
    rows_.resize(keys_.size());
    for (size_t k = 0; k < keys_.size(); ++k) {
      rows_[k] = features.Find(keys_[k]);
      if (rows_[k] != nullptr) __builtin_prefetch(rows_[k]);
    }
    AddWordScores(types);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t k = keys_begin_[i]; k < keys_begin_[i + 1]; ++k) {
        if (rows_[k] != nullptr) AddScores(rows_[k], tags_, &emission_[i * tags_]);
      }
    }
  }

  // Sets the emission scores to the sum of the word scores. Each word's
  // scores at all offsets lie together, so they are read word by word and
  // added to the tokens they count for (the word `offset` places after the
  // token scored), a sequential read per word.
  void AddWordScores(const std::vector<uint32_t>& types) {
    const int64_t n = static_cast<int64_t>(types.size());
    emission_.assign(n * tags_, 0);
    auto add = [&](uint32_t type, int64_t word, int offset) {
      const int64_t token = word - offset;
      if (token >= 0 && token < n) {
        AddScores(TypeScores(type, offset), tags_, &emission_[token * tags_]);
      }
    };
    for (int64_t word = 0; word < n; ++word) {
      for (int offset = -kWindow; offset <= kWindow; ++offset) add(types[word], word, offset);
    }
    for (int offset = 1; offset <= kWindow; ++offset) {
      for (int64_t word = -offset; word < 0; ++word) add(WordTypes::kBefore, word, -offset);
      for (int64_t word = n; word < n + offset; ++word) add(WordTypes::kAfter, word, offset);
    }
  }

  const ModelData& model_;
  const int tags_;
  Decoder decoder_;
  WordFeaturizer featurizer_;
  absl::flat_hash_map<uint64_t, uint32_t> unknown_type_of_word_;
  std::vector<WordInfo> unknown_infos_;
  std::vector<int32_t> unknown_scores_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> keys_begin_;  // keys of token i: [keys_begin_[i], keys_begin_[i + 1])
  std::vector<const int16_t*> rows_;  // per key, nullptr when the model lacks it
  std::vector<int32_t> emission_;
};

}  // namespace

void FeatureTable::Add(uint64_t key, const int16_t* weights) {
  keys_.push_back(key);
  weights_.insert(weights_.end(), weights, weights + tags_);
  if (keys_.size() * 2 <= slots_.size()) {
    Place(key, static_cast<uint32_t>(keys_.size() - 1));
    return;
  }
  slots_.assign(std::max<size_t>(16, slots_.size() * 2), Slot());
  mask_ = slots_.size() - 1;
  for (size_t row = 0; row < keys_.size(); ++row) Place(keys_[row], static_cast<uint32_t>(row));
}

void FeatureTable::Place(uint64_t key, uint32_t row) {
  size_t at = key & mask_;
  while (slots_[at].row != kFree) at = (at + 1) & mask_;
  slots_[at] = {key, row};
}

void AddWeights(const FeatureTable& table, const std::vector<uint64_t>& keys, int32_t* scores) {
  const int tags = table.tags();
  for (const uint64_t key : keys) {
    const int16_t* weights = table.Find(key);
    if (weights != nullptr) AddScores(weights, tags, scores);
  }
}

Model ModelBuilder::Make(std::unique_ptr<ModelData> data) {
  data->word_types.Build(data->vocabulary, data->features);
  return Model(std::move(data));
}

Model::Model(std::unique_ptr<const ModelData> data) : data_(std::move(data)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

std::vector<std::string> Model::types() const { return data_->tags.types(); }
const Gazetteer& Model::gazetteer() const { return data_->gazetteer; }

std::vector<std::vector<EntitySpan>> Model::Tag(const std::vector<Words>& document) const {
  return DocumentTagger(*data_).Tag(document);
}

}  // namespace storyline::tagger
