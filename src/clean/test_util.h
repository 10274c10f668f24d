// test_util.h: helpers shared by the clean module's tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "clean/lines.h"
#include "core/article.h"

namespace storyline::clean::testing {

// One Cleaner over the embedded rules, built on first use. Cleaners are
// immutable, so sharing one between tests changes nothing.
inline const Cleaner& DefaultCleaner() {
  static const Cleaner* const cleaner = [] {
    Result<Cleaner> created = Cleaner::Create({}, DataFiles{});
    if (!created.ok()) std::abort();
    return new Cleaner(std::move(created).value());
  }();
  return *cleaner;
}

inline Article CleanText(std::string text) {
  RawDocument doc;
  doc.origin = "test.txt";
  doc.format = "txt";
  doc.text = std::move(text);
  return DefaultCleaner().Clean(std::move(doc));
}

// Joins lines with '\n'.
inline std::string Lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// The kept lines of an article, in order.
inline std::vector<std::string> KeptLines(const Article& article) {
  std::vector<std::string> lines;
  if (article.text.empty()) return lines;
  size_t start = 0;
  while (true) {
    const size_t end = article.text.find('\n', start);
    lines.push_back(article.text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

inline std::vector<std::string> RemovedTexts(const Article& article) {
  std::vector<std::string> texts;
  for (const RemovedLine& line : article.removed) texts.push_back(line.text);
  return texts;
}

// The reason `text` was removed, or "" when it was not.
inline std::string ReasonFor(const Article& article, std::string_view text) {
  for (const RemovedLine& line : article.removed) {
    if (line.text == text) return line.reason;
  }
  return "";
}

// Line `number` (1-based) of `text`, trimmed as the cleaner trims.
inline std::string RawLine(std::string_view text, uint32_t number) {
  uint32_t current = 1;
  size_t start = 0;
  while (current < number && start != std::string_view::npos) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
    ++current;
  }
  if (start == std::string_view::npos) return "";
  const size_t end = text.find('\n', start);
  return std::string(TrimSpace(text.substr(start, end == text.npos ? text.npos : end - start)));
}

struct NumberedLine {
  uint32_t number;
  std::string text;
};

// The non-blank lines of a raw text, trimmed, with their line numbers.
inline std::vector<NumberedLine> NonBlankLines(std::string_view text) {
  std::vector<NumberedLine> lines;
  uint32_t number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    ++number;
    const std::string_view line = TrimSpace(text.substr(start, end - start));
    if (!line.empty()) lines.push_back({number, std::string(line)});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Checks the cleaner's accounting: every non-blank line of `raw` is either
// removed (once, with its number and trimmed text) or kept, in order, and
// nothing else is. Returns a description of the first problem, or "".
inline std::string CheckAccounting(std::string_view raw, const Article& article) {
  const std::vector<NumberedLine> lines = NonBlankLines(raw);
  const std::vector<std::string> kept = KeptLines(article);
  std::vector<size_t> kept_offsets;
  for (size_t offset = 0; const std::string& line : kept) {
    kept_offsets.push_back(offset);
    offset += line.size() + 1;
  }
  size_t next_removed = 0, next_kept = 0;
  for (const NumberedLine& line : lines) {
    if (next_removed < article.removed.size() &&
        article.removed[next_removed].line == line.number) {
      if (article.removed[next_removed].text != line.text) {
        return "removed line " + std::to_string(line.number) + " has text '" +
               article.removed[next_removed].text + "'";
      }
      if (article.removed[next_removed].reason.empty()) {
        return "removed line " + std::to_string(line.number) + " has no reason";
      }
      const size_t offset = next_kept < kept.size() ? kept_offsets[next_kept] : article.text.size();
      if (article.removed[next_removed].offset != offset) {
        return "removed line " + std::to_string(line.number) + " has offset " +
               std::to_string(article.removed[next_removed].offset) + ", not " +
               std::to_string(offset);
      }
      ++next_removed;
    } else if (next_kept < kept.size() && kept[next_kept] == line.text) {
      ++next_kept;
    } else {
      return "line " + std::to_string(line.number) + " neither kept nor removed";
    }
  }
  if (next_removed != article.removed.size()) return "removed lines left over";
  if (next_kept != kept.size()) return "kept lines left over";
  return "";
}

}  // namespace storyline::clean::testing
