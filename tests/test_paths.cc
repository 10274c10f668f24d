#include "test_paths.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace storyline::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(STORYLINE_SOURCE_DIR) + "/" + relative;
}

std::optional<std::string> SharedPath(const std::string& relative) {
  const std::filesystem::path path =
      std::filesystem::path(STORYLINE_SOURCE_DIR).parent_path() / "shared" / relative;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  return path.string();
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace storyline::testing
