// data_files.h: access to the rule and dictionary files under data/.
//
// Every file under the project's data/ folder is compiled into the binary, so
// `storyline` runs from anywhere. A user can point at a folder of their own
// (same layout) to override any file: a file found there wins, the embedded
// copy is the fallback.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline {

// The bytes of the file at `path`. NotFound "cannot read PATH" when it
// cannot be opened, IoError "cannot read PATH" when reading it fails.
Result<std::string> ReadFile(const std::string& path);

class DataFiles {
 public:
  // `override_dir` may be empty: then only the embedded files are used.
  explicit DataFiles(std::string override_dir = "") : override_dir_(std::move(override_dir)) {}

  // The contents of data/<relative_path>, e.g. "boilerplate/en.tsv".
  // NotFound when neither the override folder nor the binary has it.
  Result<std::string> Read(std::string_view relative_path) const;

  // Names (relative paths) of all embedded data files, sorted.
  static std::vector<std::string> EmbeddedNames();

  // 16 hex digits: a digest over the names and contents of the files Read()
  // would return, recorded with each run so results can be traced to rules.
  std::string Digest() const;

 private:
  std::string override_dir_;
};

}  // namespace storyline
