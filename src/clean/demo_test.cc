// The demo corpus in examples/demo is the cleaner's ground truth: for every
// article, examples/demo.expected.json gives the title, the publication date
// and its source, and the exact boilerplate lines; all other non-blank lines
// are body and must be kept.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "clean/test_util.h"
#include "test_paths.h"

namespace storyline::clean {
namespace {

using ::storyline::clean::testing::CheckAccounting;
using ::storyline::clean::testing::DefaultCleaner;

std::optional<std::string> OptionalString(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// Line `number` (1-based) of a file, without its '\n'.
std::string FileLine(const std::string& contents, int number) {
  size_t start = 0;
  for (int i = 1; i < number && start != std::string::npos; ++i) {
    start = contents.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return "";
  return contents.substr(start, contents.find('\n', start) - start);
}

// The record an ingest of `entry` would produce: a text file, or one line of
// a JSONL file with its metadata fields.
RawDocument ReadDemoRecord(const std::string& dir, const nlohmann::json& entry) {
  const std::string file = entry.at("file").get<std::string>();
  const std::string contents = storyline::testing::ReadFileOrEmpty(dir + "/" + file);
  RawDocument doc;
  if (!entry.contains("line")) {
    doc.origin = file;
    doc.format = "txt";
    doc.text = contents;
    return doc;
  }
  const int line = entry.at("line").get<int>();
  const nlohmann::json record = nlohmann::json::parse(FileLine(contents, line));
  doc.origin = file + ":" + std::to_string(line);
  doc.format = "jsonl";
  doc.text = record.at("text").get<std::string>();
  doc.source_id = OptionalString(record, "id");
  doc.url = OptionalString(record, "url");
  doc.outlet = OptionalString(record, "outlet");
  doc.title = OptionalString(record, "title");
  doc.published = OptionalString(record, "published");
  return doc;
}

TEST(DemoCorpus, MatchesExpectedTitlesDatesAndBoilerplate) {
  const std::string dir = storyline::testing::SourcePath("examples/demo");
  const std::string expected_text = storyline::testing::ReadFileOrEmpty(
      storyline::testing::SourcePath("examples/demo.expected.json"));
  ASSERT_FALSE(expected_text.empty()) << "examples/demo.expected.json is missing";
  const nlohmann::json expected = nlohmann::json::parse(expected_text);
  int checked = 0;
  for (const nlohmann::json& entry : expected.at("articles")) {
    const RawDocument doc = ReadDemoRecord(dir, entry);
    SCOPED_TRACE(doc.origin);
    ASSERT_FALSE(doc.text.empty());
    const Article article = DefaultCleaner().Clean(doc);
    EXPECT_EQ(article.title, OptionalString(entry, "title"));
    EXPECT_EQ(article.published.value, OptionalString(entry, "published"));
    EXPECT_EQ(DateHowName(article.published.how), entry.at("published_how").get<std::string>());
    // expected.json lists the headline as the title, not as boilerplate.
    std::vector<std::string> boilerplate;
    for (const RemovedLine& line : article.removed) {
      if (line.reason != "headline") boilerplate.push_back(line.text);
    }
    EXPECT_EQ(boilerplate, entry.at("boilerplate").get<std::vector<std::string>>());
    EXPECT_EQ(CheckAccounting(doc.text, article), "");
    if (entry.contains("outlet") && entry.at("outlet").is_string()) {
      EXPECT_EQ(article.outlet, entry.at("outlet").get<std::string>());
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace storyline::clean
