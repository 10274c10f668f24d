#include "core/data_files.h"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack
#include <xxhash.h>

#include <fstream>
#include <sstream>

#include "core/embedded_data.h"
#include "core/id.h"

namespace storyline {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return contents.str();
}

Result<std::string> DataFiles::Read(std::string_view relative_path) const {
  if (!override_dir_.empty()) {
    Result<std::string> contents = ReadFile(override_dir_ + "/" + std::string(relative_path));
    if (contents.ok()) return contents;
  }
  for (const EmbeddedFile& file : EmbeddedDataFiles()) {
    if (file.name == relative_path) return std::string(file.contents);
  }
  return Status::NotFound("no data file " + std::string(relative_path));
}

std::vector<std::string> DataFiles::EmbeddedNames() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : EmbeddedDataFiles()) names.emplace_back(file.name);
  return names;
}

std::string DataFiles::Digest() const {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  for (const std::string& name : EmbeddedNames()) {
    Result<std::string> contents = Read(name);
    XXH3_64bits_update(&state, name.data(), name.size() + 1);
    if (contents.ok()) XXH3_64bits_update(&state, contents->data(), contents->size());
  }
  return HashHex(XXH3_64bits_digest(&state));
}

}  // namespace storyline
