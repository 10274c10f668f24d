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

std::optional<std::string> SeedPath(const std::string& prefix) {
  const std::optional<std::string> dir = SharedPath("seeds");
  if (!dir) return std::nullopt;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (entry.path().filename().string().starts_with(prefix)) return entry.path().string();
  }
  return std::nullopt;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace storyline::testing
