#include "multi_news.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace storyline::eval {
namespace {

// Appends code point `cp` as UTF-8; an invalid one (a lone surrogate, past
// U+10FFFF) becomes U+FFFD, as the text stages expect valid UTF-8.
void AppendCodePoint(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || U_IS_SURROGATE(cp)) cp = 0xFFFD;
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, cp);
  out.append(bytes, length);
}

// Decodes the `digits` hex digits after text[i] (the escape letter) into
// `out` and returns the index of the last one read.
size_t AppendHexEscape(std::string_view text, size_t i, size_t digits, std::string& out) {
  const std::string_view hex = text.substr(i + 1, digits);
  uint32_t cp = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
  AppendCodePoint(out, cp);
  return i + hex.size();
}

// The column of the header named `name`, or InvalidArgument.
Result<size_t> Column(const std::vector<std::string>& header, std::string_view name,
                      const std::string& path) {
  const auto found = std::find(header.begin(), header.end(), name);
  if (found == header.end()) {
    return Status::InvalidArgument(path + ": no '" + std::string(name) + "' column");
  }
  return static_cast<size_t>(found - header.begin());
}

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<std::string> ParsePythonList(std::string_view text) {
  std::vector<std::string> items;
  for (size_t i = 0; i < text.size(); ++i) {
    const char q = text[i];
    if (q != '\'' && q != '"') continue;
    std::string item;
    for (++i; i < text.size() && text[i] != q; ++i) {
      if (text[i] != '\\' || i + 1 >= text.size()) {
        item += text[i];
        continue;
      }
      const char e = text[++i];
      switch (e) {
        case 'n':
          item += '\n';
          break;
        case 't':
          item += '\t';
          break;
        case 'r':
          item += '\r';
          break;
        case 'x':
          i = AppendHexEscape(text, i, 2, item);
          break;
        case 'u':
          i = AppendHexEscape(text, i, 4, item);
          break;
        default:
          item += e;
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

Result<std::vector<MultiNewsRow>> ReadMultiNews(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::vector<std::vector<std::string>> table = ParseCsv(buffer.str());
  if (table.empty()) return Status::InvalidArgument(path + ": empty, no header row");
  SL_ASSIGN_OR_RETURN(const size_t documents, Column(table[0], "documents", path));
  SL_ASSIGN_OR_RETURN(const size_t summary, Column(table[0], "summary", path));
  std::vector<MultiNewsRow> rows;
  for (size_t r = 1; r < table.size(); ++r) {
    const std::vector<std::string>& fields = table[r];
    if (fields.size() <= std::max(documents, summary)) {
      return Status::InvalidArgument(path + ": row " + std::to_string(r) + " has fewer fields (" +
                                     std::to_string(fields.size()) + ") than the header (" +
                                     std::to_string(table[0].size()) + ")");
    }
    rows.push_back({ParsePythonList(fields[documents]), fields[summary]});
  }
  return rows;
}

}  // namespace storyline::eval
