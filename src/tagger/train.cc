// Training: an averaged structured perceptron. Each training sentence is
// decoded with the current weights; when the best sequence differs from the
// gold one, the gold features gain and the predicted ones lose. The model
// kept is the average of the weights over all steps (Collins 2002), taken
// at the epoch that scores best on the dev documents.
#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <random>
#include <set>

#include "tagger/decoder.h"
#include "tagger/model_data.h"

namespace storyline::tagger {
namespace {

// A training sentence: its gold tags, its context and the weight rows of
// the features that do not depend on earlier predictions.
struct TrainingSentence {
  std::vector<Tag> gold;
  SentenceContext context;
  std::vector<uint32_t> rows_begin;  // rows of token i: [rows_begin[i], rows_begin[i + 1])
  std::vector<uint32_t> rows;
};

using TrainingDocument = std::vector<TrainingSentence>;

// Integer perceptron weights, a row of one weight per tag for each feature,
// with the sums the averaging needs. Rows 0..tags are the transitions from
// each tag (row `tags` from the sentence start), row tags + 1 the final
// scores; feature rows follow.
class Perceptron {
 public:
  explicit Perceptron(int tags) : tags_(tags) { Grow(tags + 2); }

  uint32_t FinalRow() const { return tags_ + 1; }
  uint32_t FirstFeatureRow() const { return tags_ + 2; }
  size_t rows() const { return weights_.size() / tags_; }
  const int32_t* Row(uint32_t row) const { return &weights_[size_t{row} * tags_]; }

  // The row of `key`, added when new.
  uint32_t RowOf(uint64_t key) {
    const auto [found, added] = row_of_.try_emplace(key, static_cast<uint32_t>(rows()));
    if (added) {
      keys_.push_back(key);
      Grow(rows() + 1);
    }
    return found->second;
  }
  std::optional<uint32_t> Find(uint64_t key) const {
    const auto found = row_of_.find(key);
    if (found == row_of_.end()) return std::nullopt;
    return found->second;
  }
  uint64_t Key(uint32_t row) const { return keys_[row - FirstFeatureRow()]; }

  // Adds `delta` to the weight of `tag` in `row` at the current step.
  void Bump(uint32_t row, Tag tag, int32_t delta) {
    const size_t at = size_t{row} * tags_ + tag;
    weights_[at] += delta;
    sums_[at] += step_ * delta;
  }
  void NextStep() { ++step_; }

  // The averaged weight of each entry: w - sum(step * delta) / steps.
  std::vector<double> Averaged() const {
    std::vector<double> averaged(weights_.size());
    for (size_t i = 0; i < weights_.size(); ++i) {
      averaged[i] = weights_[i] - static_cast<double>(sums_[i]) / static_cast<double>(step_);
    }
    return averaged;
  }

 private:
  void Grow(size_t rows) {
    weights_.resize(rows * tags_, 0);
    sums_.resize(rows * tags_, 0);
  }

  int tags_;
  int64_t step_ = 1;
  absl::flat_hash_map<uint64_t, uint32_t> row_of_;
  std::vector<uint64_t> keys_;  // of the feature rows
  std::vector<int32_t> weights_;
  std::vector<int64_t> sums_;
};

Status CheckSpans(const std::vector<LabeledDocument>& documents) {
  for (size_t d = 0; d < documents.size(); ++d) {
    for (size_t s = 0; s < documents[d].sentences.size(); ++s) {
      const LabeledSentence& sentence = documents[d].sentences[s];
      uint32_t free_from = 0;
      for (const EntitySpan& span : sentence.entities) {
        if (span.begin < free_from || span.end <= span.begin || span.end > sentence.words.size() ||
            span.type.empty()) {
          return Status::InvalidArgument("document " + std::to_string(d + 1) + ", sentence " +
                                         std::to_string(s + 1) + ": bad entity span [" +
                                         std::to_string(span.begin) + ", " +
                                         std::to_string(span.end) + ") " + span.type);
        }
        free_from = span.end;
      }
    }
  }
  return Status::Ok();
}

std::vector<std::string> EntityTypes(const std::vector<LabeledDocument>& documents) {
  std::set<std::string> types;
  for (const LabeledDocument& document : documents) {
    for (const LabeledSentence& sentence : document.sentences) {
      for (const EntitySpan& span : sentence.entities) types.insert(span.type);
    }
  }
  return {types.begin(), types.end()};
}

std::vector<std::string> Vocabulary(const std::vector<LabeledDocument>& documents) {
  std::set<std::string> words;
  for (const LabeledDocument& document : documents) {
    for (const LabeledSentence& sentence : document.sentences) {
      words.insert(sentence.words.begin(), sentence.words.end());
    }
  }
  return {words.begin(), words.end()};
}

// Turns labelled documents into training ones: contexts, gold tags and the
// keys of the static features, then keeps the keys seen at least
// `min_count` times as rows of `weights`.
class TrainingSetBuilder {
 public:
  TrainingSetBuilder(const TagSet& tags, const Gazetteer& gazetteer)
      : tags_(tags), gazetteer_(gazetteer) {}

  std::vector<TrainingDocument> Build(const std::vector<LabeledDocument>& documents, int min_count,
                                      Perceptron* weights) {
    std::vector<TrainingDocument> built(documents.size());
    std::vector<std::vector<std::vector<uint64_t>>> keys(documents.size());
    absl::flat_hash_map<uint64_t, uint32_t> counts;
    std::vector<uint64_t> first_seen;
    for (size_t d = 0; d < documents.size(); ++d) {
      keys[d] = DocumentKeys(documents[d], &built[d]);
      for (const std::vector<uint64_t>& sentence_keys : keys[d]) {
        for (const uint64_t key : sentence_keys) {
          if (++counts[key] == 1) first_seen.push_back(key);
        }
      }
    }
    for (const uint64_t key : first_seen) {
      if (counts[key] >= static_cast<uint32_t>(min_count)) weights->RowOf(key);
    }
    for (size_t d = 0; d < documents.size(); ++d) {
      for (size_t s = 0; s < built[d].size(); ++s) ToRows(keys[d][s], *weights, &built[d][s]);
    }
    return built;
  }

 private:
  // Fills the document's sentences and returns, per sentence, its keys in
  // token order (rows_begin marks where each token's keys start).
  std::vector<std::vector<uint64_t>> DocumentKeys(const LabeledDocument& document,
                                                  TrainingDocument* built) {
    DocumentCasing casing;
    built->resize(document.sentences.size());
    for (size_t s = 0; s < document.sentences.size(); ++s) {
      const LabeledSentence& labeled = document.sentences[s];
      TrainingSentence& sentence = (*built)[s];
      sentence.gold = tags_.Encode(labeled.entities, labeled.words.size());
      for (const std::string& word : labeled.words) {
        sentence.context.words.push_back(featurizer_.Describe(word));
      }
      sentence.context.Prepare(gazetteer_);
      casing.Count(sentence.context);
    }
    std::vector<std::vector<uint64_t>> keys(document.sentences.size());
    for (size_t s = 0; s < document.sentences.size(); ++s) {
      SentenceKeys(document.sentences[s].words, casing, &(*built)[s], &keys[s]);
    }
    return keys;
  }

  void SentenceKeys(const std::vector<std::string>& words, const DocumentCasing& casing,
                    TrainingSentence* sentence, std::vector<uint64_t>* keys) {
    const int64_t n = static_cast<int64_t>(words.size());
    const WordInfo before = BeforeSentence();
    const WordInfo after = AfterSentence();
    sentence->rows_begin.assign(1, 0);
    for (int64_t i = 0; i < n; ++i) {
      for (int offset = -kWindow; offset <= kWindow; ++offset) {
        const int64_t at = i + offset;
        if (at < 0 || at >= n) {
          featurizer_.AppendWordKeys({}, at < 0 ? before : after, offset, keys);
        } else {
          featurizer_.AppendWordKeys(words[at], sentence->context.words[at], offset, keys);
        }
      }
      AppendContextKeys(sentence->context, i, casing, keys);
      sentence->rows_begin.push_back(static_cast<uint32_t>(keys->size()));
    }
  }

  // Replaces key positions by rows, leaving out the keys without one.
  static void ToRows(const std::vector<uint64_t>& keys, Perceptron& weights,
                     TrainingSentence* sentence) {
    std::vector<uint32_t> begin = {0};
    for (size_t i = 0; i + 1 < sentence->rows_begin.size(); ++i) {
      for (uint32_t k = sentence->rows_begin[i]; k < sentence->rows_begin[i + 1]; ++k) {
        const auto row = weights.Find(keys[k]);
        if (row) sentence->rows.push_back(*row);
      }
      begin.push_back(static_cast<uint32_t>(sentence->rows.size()));
    }
    sentence->rows_begin = std::move(begin);
  }

  const TagSet& tags_;
  const Gazetteer& gazetteer_;
  WordFeaturizer featurizer_;
};

// Runs the perceptron over training documents.
class Trainer {
 public:
  Trainer(const TagSet& tags, Perceptron* weights)
      : tags_(tags), weights_(*weights), decoder_(tags) {}

  // Learns from one document; returns the number of tokens decoded wrong.
  uint64_t Learn(const TrainingDocument& document) {
    LabelHistory history(static_cast<int>(tags_.types().size()));
    uint64_t mistakes = 0;
    for (const TrainingSentence& sentence : document) {
      if (sentence.gold.empty()) continue;
      mistakes += Learn(sentence, history);
      history.Add(sentence.context, predicted_);
      weights_.NextStep();
    }
    return mistakes;
  }

 private:
  uint64_t Learn(const TrainingSentence& sentence, const LabelHistory& history) {
    const size_t n = sentence.gold.size();
    const int t_count = tags_.size();
    // History rows first: adding rows may move the weights.
    history_rows_.clear();
    history_begin_.assign(1, 0);
    for (size_t i = 0; i < n; ++i) {
      keys_.clear();
      AppendHistoryKeys(sentence.context.words[i], history, &keys_);
      for (const uint64_t key : keys_) history_rows_.push_back(weights_.RowOf(key));
      history_begin_.push_back(static_cast<uint32_t>(history_rows_.size()));
    }
    emission_.assign(n * t_count, 0);
    for (size_t i = 0; i < n; ++i) {
      ForEachRow(sentence, i, [&](uint32_t row) {
        const int32_t* weights = weights_.Row(row);
        for (int t = 0; t < t_count; ++t) emission_[i * t_count + t] += weights[t];
      });
    }
    decoder_.Decode({emission_.data(), weights_.Row(0), weights_.Row(weights_.FinalRow()), n},
                    &predicted_);
    if (predicted_ == sentence.gold) return 0;
    return Update(sentence);
  }

  template <typename Visit>
  void ForEachRow(const TrainingSentence& sentence, size_t token, Visit visit) const {
    for (uint32_t r = sentence.rows_begin[token]; r < sentence.rows_begin[token + 1]; ++r) {
      visit(sentence.rows[r]);
    }
    for (uint32_t r = history_begin_[token]; r < history_begin_[token + 1]; ++r) {
      visit(history_rows_[r]);
    }
  }

  uint64_t Update(const TrainingSentence& sentence) {
    const std::vector<Tag>& gold = sentence.gold;
    const uint32_t start = static_cast<uint32_t>(tags_.size());
    uint64_t mistakes = 0;
    for (size_t i = 0; i < gold.size(); ++i) {
      const uint32_t gold_from = i == 0 ? start : gold[i - 1];
      const uint32_t predicted_from = i == 0 ? start : predicted_[i - 1];
      if (gold_from != predicted_from || gold[i] != predicted_[i]) {
        weights_.Bump(gold_from, gold[i], 1);
        weights_.Bump(predicted_from, predicted_[i], -1);
      }
      if (gold[i] == predicted_[i]) continue;
      ++mistakes;
      ForEachRow(sentence, i, [&](uint32_t row) {
        weights_.Bump(row, gold[i], 1);
        weights_.Bump(row, predicted_[i], -1);
      });
    }
    if (gold.back() != predicted_.back()) {
      weights_.Bump(weights_.FinalRow(), gold.back(), 1);
      weights_.Bump(weights_.FinalRow(), predicted_.back(), -1);
    }
    return mistakes;
  }

  const TagSet& tags_;
  Perceptron& weights_;
  Decoder decoder_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> history_rows_;
  std::vector<uint32_t> history_begin_;
  std::vector<int32_t> emission_;
  std::vector<Tag> predicted_;
};

// The model of the averaged weights: quantised to int16 with one scale for
// all (the largest magnitude maps to 32767); feature rows that round to all
// zeros are left out.
Model Snapshot(const Perceptron& weights, const TagSet& tags, const Gazetteer& gazetteer,
               const std::vector<std::string>& vocabulary) {
  const std::vector<double> averaged = weights.Averaged();
  double largest = 0;
  for (const double weight : averaged) largest = std::max(largest, std::abs(weight));
  const double scale = largest > 0 ? 32767 / largest : 1;
  const int t_count = tags.size();
  std::vector<int16_t> row(t_count);
  auto quantise = [&](uint32_t r) {
    bool nonzero = false;
    for (int t = 0; t < t_count; ++t) {
      row[t] = static_cast<int16_t>(std::lround(averaged[size_t{r} * t_count + t] * scale));
      nonzero |= row[t] != 0;
    }
    return nonzero;
  };
  auto data = std::make_unique<ModelData>(tags, gazetteer);
  data->vocabulary = vocabulary;
  for (uint32_t r = 0; r < weights.FinalRow(); ++r) {
    quantise(r);
    data->transition.insert(data->transition.end(), row.begin(), row.end());
  }
  quantise(weights.FinalRow());
  data->final.assign(row.begin(), row.end());
  for (uint32_t r = weights.FirstFeatureRow(); r < weights.rows(); ++r) {
    if (quantise(r)) data->features.Add(weights.Key(r), row.data());
  }
  return ModelBuilder::Make(std::move(data));
}

// Visits 0..size-1 in an order drawn from `random` (Fisher-Yates, with the
// generator's raw output so that every standard library gives the same).
void Shuffle(std::mt19937_64& random, std::vector<size_t>* order) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[random() % i]);
}

}  // namespace

Result<Model> Train(const std::vector<LabeledDocument>& train,
                    const std::vector<LabeledDocument>& dev, Gazetteer gazetteer,
                    const TrainOptions& options,
                    const std::function<void(const EpochReport&)>& progress) {
  SL_RETURN_IF_ERROR(CheckSpans(train));
  const std::vector<std::string> types = EntityTypes(train);
  if (types.empty()) return Status::InvalidArgument("no entity in the training documents");
  if (types.size() > 63) return Status::InvalidArgument("more than 63 entity types");
  const TagSet tags(types);
  Perceptron weights(tags.size());
  const std::vector<TrainingDocument> documents =
      TrainingSetBuilder(tags, gazetteer).Build(train, options.min_feature_count, &weights);
  const std::vector<std::string> vocabulary = Vocabulary(train);
  Trainer trainer(tags, &weights);
  std::mt19937_64 random(options.seed);
  std::vector<size_t> order(documents.size());
  for (size_t d = 0; d < order.size(); ++d) order[d] = d;
  std::optional<Model> best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= std::max(options.max_epochs, 1); ++epoch) {
    const auto started = std::chrono::steady_clock::now();
    EpochReport report;
    report.epoch = epoch;
    Shuffle(random, &order);
    for (const size_t d : order) report.mistaken_tokens += trainer.Learn(documents[d]);
    Model model = Snapshot(weights, tags, gazetteer, vocabulary);
    report.dev_f1 = dev.empty() ? 0 : Evaluate(model, dev).overall.F1();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) progress(report);
    if (dev.empty() || report.dev_f1 > best_f1) {
      best = std::move(model);
      best_f1 = report.dev_f1;
    }
  }
  return std::move(*best);
}

}  // namespace storyline::tagger
