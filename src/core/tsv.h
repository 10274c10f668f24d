// tsv.h: the tab-separated rule and lexicon files under data/, and the
// lines of a text file.
//
// A row is one line split at tab characters. Blank lines and lines whose
// first character is '#' are comments and yield no row. A '\r' before the
// line end is dropped, so files edited on Windows read the same.
#pragma once

#include <string_view>
#include <vector>

namespace storyline {

struct TextLine {
  int number = 0;         // 1-based
  std::string_view text;  // without its '\n', and without a '\r' before it
};

// Every line of `contents`, blank ones included; no line after a final '\n'.
inline std::vector<TextLine> SplitLines(std::string_view contents) {
  std::vector<TextLine> lines;
  int number = 0;
  while (!contents.empty()) {
    const size_t newline = contents.find('\n');
    std::string_view text = contents.substr(0, newline);
    contents.remove_prefix(newline == contents.npos ? contents.size() : newline + 1);
    if (text.ends_with('\r')) text.remove_suffix(1);
    lines.push_back({++number, text});
  }
  return lines;
}

struct TsvRow {
  int line = 0;                          // 1-based line number in the file
  std::vector<std::string_view> fields;  // views into the file contents
};

inline std::vector<TsvRow> SplitTsv(std::string_view contents) {
  std::vector<TsvRow> rows;
  for (const auto& [number, line] : SplitLines(contents)) {
    if (line.find_first_not_of(" \t") == line.npos || line.starts_with('#')) continue;
    TsvRow& row = rows.emplace_back();
    row.line = number;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == line.npos ? line.npos : tab - start));
      if (tab == line.npos) break;
      start = tab + 1;
    }
  }
  return rows;
}

}  // namespace storyline
