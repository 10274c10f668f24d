#include "text/abbreviations.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <vector>

namespace storyline::text {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlnum(unsigned char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// Letters, digits and combining marks continue a word. ASCII is answered
// without ICU: it is nearly all we see around a full stop.
bool ContinuesWord(UChar32 c) {
  if (c < 0x80) return c >= 0 && IsAsciiAlnum(static_cast<unsigned char>(c));
  return u_isalnum(c) || u_getCombiningClass(c) != 0;
}

// The code point that ends just before text[end], not looking before
// text[begin]; sets `start` to where it begins. U_SENTINEL when none.
UChar32 CodePointBefore(std::string_view text, size_t begin, size_t end, size_t* start) {
  if (end <= begin) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(text.data(), static_cast<int32_t>(begin), i, c);
  *start = static_cast<size_t>(i);
  return c;
}

UChar32 CodePointAt(std::string_view text, size_t at, size_t* after) {
  if (at >= text.size()) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  *after = static_cast<size_t>(i);
  return c;
}

bool IsOpening(UChar32 c) {
  if (c == '"' || c == '\'') return true;
  const int8_t type = u_charType(c);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

// Whether a word may begin right after `c`: "(J." and "U.N." hold a
// one-letter word, "Ann's." and "3a." do not.
bool EndsWordBeforeLetter(UChar32 c) {
  if (c < 0x80) {
    return c == '.' || c == '"' || c == ' ' || c == '\t' || c == '(' || c == '[' || c == '{' ||
           c == '-';
  }
  if (u_isUWhiteSpace(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || type == U_DASH_PUNCTUATION;
}

// The ASCII word of letters and full stops that ends with the full stop
// text[period] ("Mr.", "U.S."), without leading full stops; empty when the
// word has other characters ("Müller.") or is longer than kMaxEntryBytes.
std::string_view WordEndingAt(std::string_view text, size_t begin, size_t period) {
  const size_t limit = period + 1 - begin > kMaxEntryBytes ? period + 1 - kMaxEntryBytes : begin;
  size_t start = period;
  while (start > limit && (IsAsciiLetter(text[start - 1]) || text[start - 1] == '.')) --start;
  if (start > begin) {
    size_t unused;
    const UChar32 before = CodePointBefore(text, begin, start, &unused);
    if (before == '.' || ContinuesWord(before)) return {};
  }
  while (start < period && text[start] == '.') ++start;
  return text.substr(start, period + 1 - start);
}

// "J.", "U.N.", "a.m.", "Ö.": the full stop follows a word of one letter.
bool FollowsSingleLetter(std::string_view text, size_t begin, size_t period) {
  size_t letter_start;
  const UChar32 letter = CodePointBefore(text, begin, period, &letter_start);
  if (letter < 0x80 ? !IsAsciiLetter(static_cast<unsigned char>(letter)) : !u_isalpha(letter)) {
    return false;
  }
  if (letter_start == begin) return true;
  size_t unused;
  return EndsWordBeforeLetter(CodePointBefore(text, begin, letter_start, &unused));
}

// Whether a word ends before text[at]: "It" in "It's" and "It " does, "A"
// in "A." (an initial) and "Ab" in "Abé" do not.
bool WordEndsAt(std::string_view text, size_t at) {
  size_t unused;
  const UChar32 c = CodePointAt(text, at, &unused);
  if (c == U_SENTINEL) return true;
  return c != '.' && !ContinuesWord(c);
}

// The message, then the line with a caret under byte column `col` (0-based).
Status ParseError(std::string_view name, int line_number, std::string_view line, size_t col,
                  std::string_view message) {
  std::string caret;
  for (size_t i = 0; i < col && i < line.size(); ++i) {
    const unsigned char c = line[i];
    if ((c & 0xC0) == 0x80) continue;  // one column per code point
    caret += c == '\t' ? '\t' : ' ';
  }
  return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_number) + ":" +
                                 std::to_string(col + 1) + ": " + std::string(message) + "\n" +
                                 std::string(line) + "\n" + caret + "^");
}

struct Field {
  std::string_view text;
  size_t col;  // byte offset in the line
};

// Fields separated by spaces or tabs, up to a field that starts with '#'.
std::vector<Field> SplitFields(std::string_view line) {
  std::vector<Field> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size() || line[i] == '#') break;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    fields.push_back({line.substr(start, i - start), start});
  }
  return fields;
}

// Why `entry` cannot be an abbreviation, or empty when it can.
std::string_view AbbreviationProblem(std::string_view entry) {
  if (entry.size() > kMaxEntryBytes) return "an abbreviation has at most 16 bytes";
  bool has_letter = false;
  for (const unsigned char c : entry) {
    if (!IsAsciiLetter(c) && c != '.') return "an abbreviation has only ASCII letters and '.'";
    has_letter |= IsAsciiLetter(c);
  }
  if (!has_letter) return "an abbreviation has a letter";
  if (entry.front() == '.') return "an abbreviation starts with a letter";
  if (entry.back() != '.') return "an abbreviation ends with '.'";
  return {};
}

std::string_view StarterProblem(std::string_view entry) {
  if (entry.size() > kMaxEntryBytes) return "a starter has at most 16 bytes";
  for (const unsigned char c : entry) {
    if (!IsAsciiLetter(c)) return "a starter has only ASCII letters";
  }
  if (!IsAsciiUpper(entry.front())) return "a starter starts with a capital letter";
  return {};
}

}  // namespace

Result<Abbreviations> Abbreviations::Parse(std::string_view name, std::string_view contents) {
  Abbreviations result;
  std::unordered_map<std::string, int> first_line;  // entry -> line, for duplicates
  int line_number = 0;
  while (!contents.empty()) {
    const size_t newline = contents.find('\n');
    std::string_view line = contents.substr(0, newline);
    contents.remove_prefix(newline == std::string_view::npos ? contents.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    const std::vector<Field> fields = SplitFields(line);
    if (fields.empty()) continue;
    if (fields.size() == 1) {
      return ParseError(name, line_number, line, fields[0].col + fields[0].text.size(),
                        "expected a class and an entry");
    }
    if (fields.size() > 2) {
      return ParseError(name, line_number, line, fields[2].col, "unexpected text after the entry");
    }
    const Field& kind = fields[0];
    const Field& entry = fields[1];
    std::string_view problem;
    if (kind.text == "prefix" || kind.text == "abbrev") {
      problem = AbbreviationProblem(entry.text);
    } else if (kind.text == "starter") {
      problem = StarterProblem(entry.text);
    } else {
      return ParseError(
          name, line_number, line, kind.col,
          "unknown class '" + std::string(kind.text) + "' (expected prefix, abbrev or starter)");
    }
    if (!problem.empty()) return ParseError(name, line_number, line, entry.col, problem);

    const auto [it, inserted] = first_line.emplace(entry.text, line_number);
    if (!inserted) {
      return ParseError(name, line_number, line, entry.col,
                        "duplicate entry '" + std::string(entry.text) + "' (first on line " +
                            std::to_string(it->second) + ")");
    }
    if (kind.text == "starter") {
      result.starters_.emplace(entry.text);
    } else {
      result.abbreviations_.emplace(entry.text,
                                    kind.text == "prefix" ? Kind::kPrefix : Kind::kAbbrev);
      result.lengths_by_first_[static_cast<unsigned char>(entry.text.front())] |=
          uint32_t{1} << entry.text.size();
    }
  }
  return result;
}

bool Abbreviations::JoinsAcross(std::string_view text, size_t begin, size_t period,
                                size_t next) const {
  const std::string_view word = WordEndingAt(text, begin, period);
  if (!word.empty() && MayBeAbbreviation(word)) {
    const auto it = abbreviations_.find(word);
    if (it != abbreviations_.end()) return it->second == Kind::kPrefix || !StarterAt(text, next);
  }
  return FollowsSingleLetter(text, begin, period) && !StarterAt(text, next);
}

bool Abbreviations::StarterAt(std::string_view text, size_t next) const {
  // Skip a few opening quotes or brackets: '"The', '(The', '“The'.
  size_t start = next;
  for (int i = 0; i < 3; ++i) {
    size_t after;
    const UChar32 c = CodePointAt(text, start, &after);
    if (c < 0 || !IsOpening(c)) break;
    start = after;
  }
  size_t end = start;
  while (end < text.size() && end - start <= kMaxEntryBytes && IsAsciiLetter(text[end])) ++end;
  if (end == start || end - start > kMaxEntryBytes || !WordEndsAt(text, end)) return false;
  return starters_.contains(text.substr(start, end - start));
}

bool Abbreviations::IsPrefix(std::string_view entry) const {
  const auto it = abbreviations_.find(entry);
  return it != abbreviations_.end() && it->second == Kind::kPrefix;
}

bool Abbreviations::IsAbbrev(std::string_view entry) const {
  const auto it = abbreviations_.find(entry);
  return it != abbreviations_.end() && it->second == Kind::kAbbrev;
}

bool Abbreviations::IsStarter(std::string_view word) const { return starters_.contains(word); }

}  // namespace storyline::text
