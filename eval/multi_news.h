// multi_news.h: reads the Multi-News sample (`documents`, `num_documents`,
// `summary` columns) that story_eval and summary_eval score on.
//
// The file is CSV as Python's csv module writes it: fields quoted when they
// hold commas, quotes or line breaks, quotes inside doubled. Its `documents`
// field is a Python list literal of str (repr of a list), one string per
// article; `summary` is the reference summary written from those articles.
//
//   Result<std::vector<eval::MultiNewsRow>> rows = eval::ReadMultiNews(path);
//   for (const eval::MultiNewsRow& row : *rows) ... row.documents, row.summary
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::eval {

// Splits CSV text into rows of fields: quoted fields may hold commas,
// newlines and doubled quotes. Line ends may be "\n" or "\r\n".
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

// The strings of a Python list literal of str: '...' or "..." with
// backslash escapes (\n \t \r \\ \' \" \xHH \uHHHH), decoded to UTF-8.
// Text outside the quotes (brackets, commas, spaces) is ignored.
std::vector<std::string> ParsePythonList(std::string_view text);

// One story of the sample: the articles and the reference summary.
struct MultiNewsRow {
  std::vector<std::string> documents;
  std::string summary;
};

// The data rows of the CSV file at `path`, in file order (the header row
// names the columns; their order does not matter). NotFound when the file
// cannot be read; InvalidArgument naming the file when the header lacks a
// `documents` or `summary` column, or a row has fewer fields than it needs.
Result<std::vector<MultiNewsRow>> ReadMultiNews(const std::string& path);

}  // namespace storyline::eval
