// header_text.h: internal to ingest. ASCII text helpers for the header
// fields of HTTP messages and WARC records (http.cc, warc.cc): field names
// compare without regard to ASCII case, values are trimmed of white space.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace storyline::ingest {

// `c` with A-Z lowered; other bytes (UTF-8 included) unchanged.
inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

// True when `a` and `b` are equal but for ASCII case.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

// `text` without spaces, tabs, CRs and LFs at either end.
inline std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace storyline::ingest
