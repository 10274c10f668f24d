// The model file (docs/formats/ner-model.md): a fixed header with magic,
// versions, payload size and checksum, then the payload sections.
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "tagger/gazetteer_match.h"
#include "tagger/model_data.h"

namespace storyline::tagger {
namespace {

constexpr std::string_view kMagic = "SLNERMOD";
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 32;
constexpr size_t kMaxTypes = 63;

class Writer {
 public:
  void Fixed(uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out_.push_back(static_cast<char>(value >> (8 * i)));
  }
  void Varint(uint64_t value) {
    for (; value >= 0x80; value >>= 7) out_.push_back(static_cast<char>(value | 0x80));
    out_.push_back(static_cast<char>(value));
  }
  void SignedVarint(int64_t value) {  // zigzag: small magnitudes take one byte
    Varint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }
  void String(std::string_view text) {
    Varint(text.size());
    out_.append(text);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; every read checks the bounds and a failed read
// leaves the reader failed, so callers check ok() once per section.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  uint64_t Fixed(int bytes) {
    if (!Need(bytes)) return 0;
    uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
      value |= uint64_t{static_cast<unsigned char>(in_[i])} << (8 * i);
    in_.remove_prefix(bytes);
    return value;
  }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!Need(1)) return 0;
      const unsigned char byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      value |= uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) return value;
    }
    ok_ = false;
    return 0;
  }
  int64_t SignedVarint() {
    const uint64_t raw = Varint();
    return static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
  }
  // A count of items that each take at least one byte: larger than what is
  // left means a damaged file, not a reason to allocate.
  size_t Count() {
    const uint64_t count = Varint();
    if (count > in_.size()) ok_ = false;
    return ok_ ? static_cast<size_t>(count) : 0;
  }
  std::string_view String() {
    const size_t size = Count();
    if (!Need(size)) return {};
    const std::string_view text = in_.substr(0, size);
    in_.remove_prefix(size);
    return text;
  }

 private:
  bool Need(size_t bytes) {
    if (ok_ && in_.size() >= bytes) return true;
    ok_ = false;
    return false;
  }
  std::string_view in_;
  bool ok_ = true;
};

Status Corrupt(const std::string& what) { return Status::Corruption("ner model: " + what); }

void WriteGazetteer(const Gazetteer& gazetteer, Writer& out) {
  out.Varint(gazetteer.categories().size());
  for (const std::string& category : gazetteer.categories()) out.String(category);
  const auto& phrases = GazetteerAccess::Phrases(gazetteer);
  out.Varint(phrases.size());
  for (const auto& [category, words] : phrases) {
    out.Varint(category);
    out.Varint(words.size());
    for (const std::string& word : words) out.String(word);
  }
}

Result<Gazetteer> ReadGazetteer(Reader& in) {
  std::vector<std::string_view> categories(in.Count());
  for (std::string_view& category : categories) category = in.String();
  Gazetteer gazetteer;
  const size_t phrases = in.Count();
  std::vector<std::string_view> words;
  for (size_t p = 0; p < phrases && in.ok(); ++p) {
    const uint64_t category = in.Varint();
    words.resize(in.Count());
    for (std::string_view& word : words) word = in.String();
    if (!in.ok() || category >= categories.size()) break;
    if (!gazetteer.Add(categories[category], words).ok()) return Corrupt("bad gazetteer phrase");
  }
  if (!in.ok() || gazetteer.categories().size() != categories.size() ||
      !std::equal(categories.begin(), categories.end(), gazetteer.categories().begin())) {
    return Corrupt("bad gazetteer section");
  }
  return gazetteer;
}

// Sorted words share prefixes: each is written as the length it shares with
// the one before and the rest.
void WriteVocabulary(const std::vector<std::string>& vocabulary, Writer& out) {
  out.Varint(vocabulary.size());
  std::string_view previous;
  for (const std::string& word : vocabulary) {
    const size_t limit = std::min(previous.size(), word.size());
    size_t shared = 0;
    while (shared < limit && previous[shared] == word[shared]) ++shared;
    out.Varint(shared);
    out.String(std::string_view(word).substr(shared));
    previous = word;
  }
}

bool ReadVocabulary(Reader& in, std::vector<std::string>* vocabulary) {
  vocabulary->resize(in.Count());
  for (size_t i = 0; i < vocabulary->size() && in.ok(); ++i) {
    const uint64_t shared = in.Varint();
    if (i == 0 ? shared != 0 : shared > (*vocabulary)[i - 1].size()) return false;
    (*vocabulary)[i] = i == 0 ? std::string() : (*vocabulary)[i - 1].substr(0, shared);
    (*vocabulary)[i] += in.String();
  }
  return in.ok();
}

void WriteWeights(const ModelData& model, Writer& out) {
  for (const int32_t weight : model.transition) out.SignedVarint(weight);
  for (const int32_t weight : model.final) out.SignedVarint(weight);
  const FeatureTable& features = model.features;
  std::vector<size_t> order(features.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return features.key(a) < features.key(b); });
  out.Varint(order.size());
  uint64_t previous = 0;
  for (const size_t row : order) {
    out.Varint(features.key(row) - previous);
    previous = features.key(row);
    const int16_t* weights = features.row(row);
    uint64_t mask = 0;
    for (int t = 0; t < features.tags(); ++t) mask |= uint64_t{weights[t] != 0} << t;
    out.Varint(mask);
    for (int t = 0; t < features.tags(); ++t) {
      if (weights[t] != 0) out.SignedVarint(weights[t]);
    }
  }
}

bool FitsWeight(int64_t value) { return value >= INT16_MIN && value <= INT16_MAX; }

bool ReadWeights(Reader& in, ModelData& model) {
  const int t_count = model.tags.size();
  model.transition.resize(static_cast<size_t>(t_count + 1) * t_count);
  model.final.resize(t_count);
  for (int32_t& weight : model.transition) weight = static_cast<int32_t>(in.SignedVarint());
  for (int32_t& weight : model.final) weight = static_cast<int32_t>(in.SignedVarint());
  const size_t count = in.Count();
  std::vector<int16_t> row(t_count);
  uint64_t key = 0;
  for (size_t f = 0; f < count && in.ok(); ++f) {
    const uint64_t next = key + in.Varint();
    if (f > 0 && next <= key) return false;  // keys are distinct and ascending
    key = next;
    const uint64_t mask = in.Varint();
    if (t_count < 64 && (mask >> t_count) != 0) return false;
    for (int t = 0; t < t_count; ++t) {
      const int64_t weight = (mask >> t) & 1 ? in.SignedVarint() : 0;
      if (!FitsWeight(weight)) return false;
      row[t] = static_cast<int16_t>(weight);
    }
    model.features.Add(key, row.data());
  }
  return in.ok();
}

}  // namespace

std::string Model::Serialize() const {
  const ModelData& model = *data_;
  Writer payload;
  payload.Varint(model.tags.types().size());
  for (const std::string& type : model.tags.types()) payload.String(type);
  WriteGazetteer(model.gazetteer, payload);
  WriteVocabulary(model.vocabulary, payload);
  WriteWeights(model, payload);
  Writer file;
  file.bytes().append(kMagic);
  file.Fixed(kFormatVersion, 4);
  file.Fixed(kFeatureVersion, 4);
  file.Fixed(payload.bytes().size(), 8);
  file.Fixed(XXH3_64bits(payload.bytes().data(), payload.bytes().size()), 8);
  file.bytes() += payload.bytes();
  return std::move(file.bytes());
}

Result<Model> Model::Load(std::string_view bytes) {
  if (bytes.size() < kHeaderSize || !bytes.starts_with(kMagic)) {
    return Corrupt("bad magic: not a storyline entity model");
  }
  Reader header(bytes.substr(kMagic.size(), kHeaderSize - kMagic.size()));
  const uint64_t format = header.Fixed(4);
  const uint64_t features = header.Fixed(4);
  const uint64_t size = header.Fixed(8);
  const uint64_t checksum = header.Fixed(8);
  if (format != kFormatVersion) {
    return Status::Unsupported("ner model: format version " + std::to_string(format) +
                               ", this build reads version " + std::to_string(kFormatVersion));
  }
  if (features != kFeatureVersion) {
    return Status::Unsupported("ner model: feature templates version " + std::to_string(features) +
                               ", this build computes version " + std::to_string(kFeatureVersion));
  }
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (size != payload.size()) {
    return Corrupt("payload of " + std::to_string(payload.size()) + " bytes, header says " +
                   std::to_string(size));
  }
  if (XXH3_64bits(payload.data(), payload.size()) != checksum) {
    return Corrupt("checksum mismatch: the file is damaged");
  }
  Reader in(payload);
  std::vector<std::string> types(in.Count());
  for (std::string& type : types) type = in.String();
  if (!in.ok() || types.empty() || types.size() > kMaxTypes ||
      std::any_of(types.begin(), types.end(), [](const auto& type) { return type.empty(); }) ||
      !std::is_sorted(types.begin(), types.end()) ||
      std::adjacent_find(types.begin(), types.end()) != types.end()) {
    return Corrupt("bad entity types");
  }
  SL_ASSIGN_OR_RETURN(Gazetteer gazetteer, ReadGazetteer(in));
  auto data = std::make_unique<ModelData>(TagSet(std::move(types)), std::move(gazetteer));
  if (!ReadVocabulary(in, &data->vocabulary)) return Corrupt("bad vocabulary");
  if (!ReadWeights(in, *data) || !in.done()) return Corrupt("bad weights");
  return ModelBuilder::Make(std::move(data));
}

Result<Model> LoadModel(const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(const std::string bytes, data.Read(kModelFile));
  return Model::Load(bytes);
}

}  // namespace storyline::tagger
