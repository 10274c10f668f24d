// Tagging a document: word-type scores looked up once per token (a word
// outside the vocabulary is scored once and kept in the workspace), context
// and history keys looked up per token, Viterbi per sentence.
#include "tagger/document_tagger.h"

#include <algorithm>

namespace storyline::tagger {
namespace {

// scores[0, count) += weights[0, count); the two never overlap, which lets
// the compiler vectorise the loop.
template <typename Weight>
void AddScores(const Weight* __restrict weights, int count, int32_t* __restrict scores) {
  for (int t = 0; t < count; ++t) scores[t] += weights[t];
}

}  // namespace

Workspace::Workspace() : state_(std::make_unique<State>()) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

void UnknownWords::Generation::Clear() {
  words.Clear();
  scores.clear();
}

void UnknownWords::Reset(int tags) {
  tags_ = tags;
  current_.Clear();
  previous_.Clear();
}

void UnknownWords::Age() {
  if (current_.words.size() < Workspace::kMemoWords / 2) return;
  std::swap(current_, previous_);
  current_.Clear();
}

const WordTable::Slot* UnknownWords::Find(uint64_t word) {
  if (const WordTable::Slot* slot = current_.words.Find(word)) return slot;
  const WordTable::Slot* old = previous_.words.Find(word);
  if (old == nullptr) return nullptr;
  const uint32_t index = Add(old->Info());
  const size_t size = kOffsets * tags_;
  std::copy_n(previous_.scores.begin() + old->id * size, size,
              current_.scores.begin() + index * size);
  return current_.words.Find(word);
}

uint32_t UnknownWords::Add(const WordInfo& info) {
  const uint32_t index = static_cast<uint32_t>(current_.words.size());
  current_.words.Add(info, index);
  current_.scores.resize(current_.scores.size() + kOffsets * tags_, 0);
  return index;
}

void Workspace::State::Serve(const ModelData& model) {
  model_ = &model;
  if (scores_digest_ == model.scores_digest && decoder_.has_value()) {
    unknown_.Age();
    return;
  }
  scores_digest_ = model.scores_digest;
  tags_ = model.tags.size();
  decoder_.emplace(model.tags);
  history_.emplace(static_cast<int>(model.tags.types().size()));
  unknown_.Reset(tags_);
}

void Workspace::State::Tag(const ModelData& model, const std::vector<Words>& document,
                           std::vector<std::vector<EntitySpan>>* spans) {
  Serve(model);
  if (sentences_.size() < document.size()) {
    sentences_.resize(document.size());
    types_.resize(document.size());
  }
  casing_.Clear();
  new_words_.clear();
  for (size_t s = 0; s < document.size(); ++s) {
    Describe(document[s], &sentences_[s], &types_[s]);
    sentences_[s].Prepare(model.gazetteer);
    casing_.Count(sentences_[s]);
  }
  ScoreNewWords();
  history_->Clear();
  spans->resize(document.size());
  for (size_t s = 0; s < document.size(); ++s) {
    ScoreSentence(sentences_[s], types_[s]);
    decoder_->Decode(
        {emission_.data(), model.transition.data(), model.final.data(), document[s].size()},
        &best_);
    history_->Add(sentences_[s], best_);
    model.tags.Decode(best_, &(*spans)[s]);
  }
  model_ = nullptr;
}

void Workspace::State::Describe(const Words& words, SentenceContext* sentence,
                                std::vector<uint32_t>* types) {
  const WordTable& known = model_->word_types.words();
  const size_t n = words.size();
  // The hashes first, so that the cache misses of the lookups overlap.
  hashes_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hashes_[i] = HashBytes(words[i]);
    known.Prefetch(hashes_[i]);
    unknown_.Prefetch(hashes_[i]);
  }
  sentence->words.resize(n);
  types->resize(n);
  const size_t known_types = model_->word_types.size();
  for (size_t i = 0; i < n; ++i) {
    if (const WordTable::Slot* slot = known.Find(hashes_[i])) {
      (*types)[i] = slot->id;
      sentence->words[i] = slot->Info();
      continue;
    }
    if (const WordTable::Slot* slot = unknown_.Find(hashes_[i])) {
      (*types)[i] = static_cast<uint32_t>(known_types + slot->id);
      sentence->words[i] = slot->Info();
      continue;
    }
    const WordInfo info = featurizer_.Describe(words[i]);
    const uint32_t index = unknown_.Add(info);
    new_words_.push_back({words[i], info, index});
    (*types)[i] = static_cast<uint32_t>(known_types + index);
    sentence->words[i] = info;
  }
}

void Workspace::State::ScoreNewWords() {
  to_score_.clear();
  for (const NewWord& word : new_words_) {
    to_score_.push_back({word.text, word.info, unknown_.scores(word.index, -kWindow)});
  }
  scorer_.Score(model_->features, to_score_);
}

const int32_t* Workspace::State::TypeScores(uint32_t type, int offset) const {
  const WordTypes& known = model_->word_types;
  if (type < known.size()) return known.Scores(type, offset);
  return unknown_.scores(static_cast<uint32_t>(type - known.size()), offset);
}

// Emission scores of a sentence. The feature lookups are made in stages
// over the whole sentence (keys, then their slots, then their rows), each stage
// prefetching what the next reads, so that the cache misses of the large
// tables overlap instead of following one another.
void Workspace::State::ScoreSentence(const SentenceContext& sentence,
                                     const std::vector<uint32_t>& types) {
  const size_t n = types.size();
  const FeatureTable& features = model_->features;
  keys_.clear();
  keys_begin_.assign(1, 0);
  for (size_t i = 0; i < n; ++i) {
    AppendContextKeys(sentence, i, casing_, &keys_);
    AppendHistoryKeys(sentence.words[i], *history_, &keys_);
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
void Workspace::State::AddWordScores(const std::vector<uint32_t>& types) {
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

}  // namespace storyline::tagger
