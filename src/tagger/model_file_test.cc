#include <gtest/gtest.h>
#include <unistd.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>

#include "tagger/features.h"
#include "tagger/tagger.h"
#include "tagger/test_corpus.h"

namespace storyline::tagger {
namespace {

using testing::TrainWritten;
using testing::WordsOf;
using testing::WrittenDocuments;

// Header layout (docs/formats/ner-model.md): magic [0, 8), format version
// [8, 12), feature version [12, 16), payload size [16, 24), checksum [24, 32).
void PutU32(std::string* bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) (*bytes)[at + i] = static_cast<char>(value >> (8 * i));
}

std::string WithPayload(std::string_view payload) {
  std::string file = "SLNERMOD";
  auto put = [&](uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) file.push_back(static_cast<char>(value >> (8 * i)));
  };
  put(1, 4);
  put(kFeatureVersion, 4);
  put(payload.size(), 8);
  put(XXH3_64bits(payload.data(), payload.size()), 8);
  return file.append(payload);
}

const std::string& WrittenModelBytes() {
  static const std::string* bytes = new std::string(TrainWritten().Serialize());
  return *bytes;
}

Status LoadStatus(std::string_view bytes) {
  Result<Model> model = Model::Load(bytes);
  return model.ok() ? Status::Ok() : model.status();
}

TEST(ModelFile, RoundTripsToTheSameBytesAndTags) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer.AddList("written.tsv", "given_name\tMara\ncity\tPort Ellis\n").ok());
  const Model trained = TrainWritten(1, gazetteer);
  const std::string bytes = trained.Serialize();
  Result<Model> loaded = Model::Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Serialize(), bytes);
  EXPECT_EQ(loaded->types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  EXPECT_EQ(loaded->gazetteer().categories(), (std::vector<std::string>{"given_name", "city"}));
  EXPECT_EQ(loaded->gazetteer().size(), 2u);
  for (const LabeledDocument& document : WrittenDocuments()) {
    EXPECT_EQ(loaded->Tag(WordsOf(document)), trained.Tag(WordsOf(document)));
  }
}

TEST(ModelFile, RefusesABadMagic) {
  const Status status = LoadStatus("not a model at all, just some text");
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  EXPECT_EQ(status.message(), "ner model: bad magic: not a storyline entity model");
  EXPECT_EQ(LoadStatus("").message(), "ner model: bad magic: not a storyline entity model");
  EXPECT_EQ(LoadStatus("SLNERMOD").message(), "ner model: bad magic: not a storyline entity model");
}

TEST(ModelFile, RefusesAnotherFormatVersion) {
  std::string bytes = WrittenModelBytes();
  PutU32(&bytes, 8, 2);
  const Status status = LoadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  EXPECT_EQ(status.message(), "ner model: format version 2, this build reads version 1");
}

TEST(ModelFile, RefusesAnotherFeatureVersion) {
  std::string bytes = WrittenModelBytes();
  PutU32(&bytes, 12, kFeatureVersion + 7);
  const Status status = LoadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  EXPECT_EQ(status.message(),
            "ner model: feature templates version " + std::to_string(kFeatureVersion + 7) +
                ", this build computes version " + std::to_string(kFeatureVersion));
}

TEST(ModelFile, RefusesADamagedPayload) {
  std::string bytes = WrittenModelBytes();
  bytes[bytes.size() / 2] ^= 0x20;
  const Status status = LoadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  EXPECT_EQ(status.message(), "ner model: checksum mismatch: the file is damaged");
}

TEST(ModelFile, RefusesATruncatedFile) {
  const std::string& bytes = WrittenModelBytes();
  const Status status = LoadStatus(bytes.substr(0, bytes.size() - 3));
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  EXPECT_EQ(status.message(), "ner model: payload of " + std::to_string(bytes.size() - 35) +
                                  " bytes, header says " + std::to_string(bytes.size() - 32));
}

TEST(ModelFile, RefusesAMalformedPayloadWithAGoodChecksum) {
  EXPECT_EQ(LoadStatus(WithPayload("")).message(), "ner model: bad entity types");
  EXPECT_EQ(LoadStatus(WithPayload(std::string("\x01\x03PER", 5))).message(),
            "ner model: bad gazetteer section");
  EXPECT_EQ(LoadStatus(WithPayload(std::string("\x02\x03PER\x03LOC\x00\x00", 11))).message(),
            "ner model: bad entity types");  // types out of order
  // A huge count must not allocate: it is longer than what follows.
  EXPECT_EQ(LoadStatus(WithPayload("\xFF\xFF\xFF\xFF\x0F")).message(),
            "ner model: bad entity types");
}

TEST(ModelFile, RefusesTrailingBytes) {
  const std::string& bytes = WrittenModelBytes();
  const std::string payload = bytes.substr(32) + "x";
  EXPECT_EQ(LoadStatus(WithPayload(payload)).message(), "ner model: bad weights");
}

TEST(LoadModel, PrefersTheOverrideFolder) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("tagger_model_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "ner");
  std::ofstream(dir / "ner" / "en.model") << "junk";
  Result<Model> model = LoadModel(DataFiles{dir.string()});
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().message(), "ner model: bad magic: not a storyline entity model");
}

}  // namespace
}  // namespace storyline::tagger
