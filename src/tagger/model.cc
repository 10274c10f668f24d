// A built model: its feature table, and what ModelBuilder derives from it.
#include <xxhash.h>

#include <algorithm>

#include "tagger/document_tagger.h"
#include "tagger/model_data.h"

namespace storyline::tagger {

void FeatureTable::Add(uint64_t key, const int16_t* weights) {
  keys_.push_back(key);
  weights_.insert(weights_.end(), weights, weights + tags_);
  if (keys_.size() * 2 <= slots_.size()) {
    Place(key, static_cast<uint32_t>(keys_.size() - 1));
    return;
  }
  slots_.assign(std::max<size_t>(16, slots_.size() * 2), Slot());
  mask_ = slots_.size() - 1;
  filter_.assign(slots_.size() / 8, 0);
  filter_mask_ = filter_.size() - 1;
  for (size_t row = 0; row < keys_.size(); ++row) Place(keys_[row], static_cast<uint32_t>(row));
}

void FeatureTable::Place(uint64_t key, uint32_t row) {
  size_t at = key & mask_;
  while (slots_[at].row != kFree) at = (at + 1) & mask_;
  slots_[at] = {key, row};
  filter_[(key >> kFilterShift) & filter_mask_] |= FilterBits(key);
}

uint64_t FeatureTable::Digest() const {
  const uint64_t keys = XXH3_64bits(keys_.data(), keys_.size() * sizeof(uint64_t));
  return XXH3_64bits_withSeed(weights_.data(), weights_.size() * sizeof(int16_t), keys);
}

Model ModelBuilder::Make(std::unique_ptr<ModelData> data) {
  data->word_types.Build(data->vocabulary, data->features);
  data->scores_digest = data->features.Digest();
  for (const std::string& type : data->tags.types()) {
    data->scores_digest = Mix(data->scores_digest, HashBytes(type));
  }
  return Model(std::move(data));
}

Model::Model(std::unique_ptr<const ModelData> data) : data_(std::move(data)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

std::vector<std::string> Model::types() const { return data_->tags.types(); }
const Gazetteer& Model::gazetteer() const { return data_->gazetteer; }

std::vector<std::vector<EntitySpan>> Model::Tag(const std::vector<Words>& document) const {
  Workspace workspace;
  std::vector<std::vector<EntitySpan>> spans;
  Tag(document, workspace, &spans);
  return spans;
}

void Model::Tag(const std::vector<Words>& document, Workspace& workspace,
                std::vector<std::vector<EntitySpan>>* spans) const {
  workspace.state_->Tag(*data_, document, spans);
}

}  // namespace storyline::tagger
