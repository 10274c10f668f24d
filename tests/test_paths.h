// test_paths.h: where tests find the project's files and the shared
// development data.
#pragma once

#include <optional>
#include <string>

namespace storyline::testing {

// An absolute path to `relative` inside the source tree, e.g. "examples/demo".
std::string SourcePath(const std::string& relative);

// An absolute path to `relative` inside ../shared (the development data beside
// the checkout), or nullopt when it is absent, as in a user's clone: tests
// that need it call GTEST_SKIP() with a message then.
std::optional<std::string> SharedPath(const std::string& relative);

// The seed article (../shared/seeds) whose file name starts with `prefix`
// ("000_"), or nullopt when there is none or the folder is absent.
std::optional<std::string> SeedPath(const std::string& prefix);

// Reads a whole file; an empty string when it cannot be read.
std::string ReadFileOrEmpty(const std::string& path);

}  // namespace storyline::testing
