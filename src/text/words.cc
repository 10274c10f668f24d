#include "text/words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cassert>

namespace storyline::text {
namespace {

struct CodePoint {
  UChar32 value = 0;
  uint32_t size = 0;  // bytes
};

CodePoint DecodeAt(std::string_view s, size_t at) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return {c, static_cast<uint32_t>(i - static_cast<int32_t>(at))};
}

// The code point that ends at s[end].
CodePoint DecodeBefore(std::string_view s, size_t begin, size_t end) {
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(s.data(), static_cast<int32_t>(begin), i, c);
  return {c, static_cast<uint32_t>(static_cast<int32_t>(end) - i)};
}

bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c >= 0 && u_isUWhiteSpace(c);
}

bool IsLetterOrDigit(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= '0' && c <= '9';
  return c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return c >= 0 && (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0;
}

bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }

// Punctuation and symbols other than those that live inside words ('-', '&',
// '/', '@', '_' and the apostrophes, which the clitic rules handle).
bool IsSplittable(UChar32 c) {
  if (c < 0) return true;
  if (c < 0x80) {
    switch (c) {
      case '-':
      case '&':
      case '/':
      case '@':
      case '_':
      case '\'':
        return false;
      default:
        return !IsLetterOrDigit(c) && c > ' ';
    }
  }
  if (c == 0x2019) return false;  // ’ as an apostrophe
  return (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

TokenKind KindOf(std::string_view piece) {
  bool letter = false, digit = false;
  for (size_t i = 0; i < piece.size();) {
    const CodePoint c = DecodeAt(piece, i);
    letter |=
        IsLetter(c.value) || (c.value >= 0x80 && IsLetterOrDigit(c.value) && !IsDigit(c.value));
    digit |= IsDigit(c.value);
    i += std::max<uint32_t>(c.size, 1);
  }
  if (letter) return TokenKind::kWord;
  if (digit) return TokenKind::kNumber;
  const CodePoint first = DecodeAt(piece, 0);
  if (first.value >= 0 && first.value < 0x80) {
    return first.value == '$' || first.value == '+' || first.value == '<' || first.value == '=' ||
                   first.value == '>' || first.value == '^' || first.value == '`' ||
                   first.value == '|' || first.value == '~'
               ? TokenKind::kSymbol
               : TokenKind::kPunctuation;
  }
  return first.value >= 0 && (U_GET_GC_MASK(first.value) & U_GC_P_MASK) ? TokenKind::kPunctuation
                                                                        : TokenKind::kSymbol;
}

// Clitics split off the end of a word as in the Penn Treebank and CoNLL:
// "China's" -> "China" "'s", "don't" -> "do" "n't". Each with its length in
// bytes when written with an ASCII apostrophe; the curly form is 2 bytes longer.
constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const unsigned char c = a[i];
    if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// The bytes of a clitic at the end of text[begin, end), 0 when there is none.
// The word before it must keep at least one letter.
size_t CliticLength(std::string_view text, size_t begin, size_t end) {
  const std::string_view word = text.substr(begin, end - begin);
  for (const std::string_view clitic : kClitics) {
    if (word.size() <= clitic.size() + 1) continue;
    const std::string_view tail = word.substr(word.size() - clitic.size());
    if (!EqualsLower(tail, clitic)) continue;
    const size_t before = word.size() - clitic.size();
    if (word[before - 1] == '\'' && before >= 2) return clitic.size() + 1;
    if (before >= 4 && word.substr(before - 3, 3) == "\xE2\x80\x99") return clitic.size() + 3;
  }
  // n't: "don't" -> "do" "n't"; the word before keeps a letter.
  for (const std::string_view apostrophe :
       {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    const size_t length = 2 + apostrophe.size();
    if (word.size() <= length) continue;
    const std::string_view tail = word.substr(word.size() - length);
    if ((tail[0] | 0x20) == 'n' && tail.substr(1, apostrophe.size()) == apostrophe &&
        (tail.back() | 0x20) == 't') {
      return length;
    }
  }
  return 0;
}

// "'s", "’re": an apostrophe and a clitic, the whole of `piece`.
bool IsClitic(std::string_view piece) {
  for (const std::string_view apostrophe :
       {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    if (!piece.starts_with(apostrophe)) continue;
    const std::string_view rest = piece.substr(apostrophe.size());
    for (const std::string_view clitic : kClitics) {
      if (EqualsLower(rest, clitic)) return true;
    }
  }
  return false;
}

class WordSplitter {
 public:
  WordSplitter(std::string_view text, const Abbreviations& abbreviations, std::vector<Token>& out)
      : text_(text), abbreviations_(abbreviations), out_(out) {}

  // Splits one whitespace-free chunk text[begin, end).
  void Chunk(size_t begin, size_t end) {
    // Leading marks, one at a time ("..." and "--" whole).
    while (begin < end) {
      const CodePoint c = DecodeAt(text_, begin);
      if (!SplitsLeading(begin, end, c)) break;
      const size_t run = RunLength(begin, end, c);
      Emit(begin, begin + run);
      begin += run;
    }
    // Trailing marks, collected from the end and emitted after the core.
    size_t trailing[64];
    size_t trailing_count = 0;
    size_t core_end = end;
    while (core_end > begin && trailing_count < std::size(trailing)) {
      const CodePoint c = DecodeBefore(text_, begin, core_end);
      size_t length = c.size;
      if (c.value == '.') {
        length = RunBefore(begin, core_end, '.');
        if (length == 1 && KeepsFullStop(begin, core_end)) break;
      } else if (c.value == '-') {
        length = RunBefore(begin, core_end, '-');
        if (length < 2) break;
      } else if (!IsApostrophe(c.value) && !IsSplittable(c.value)) {
        break;
      }
      trailing[trailing_count++] = core_end;
      core_end -= length;
    }
    Core(begin, core_end);
    size_t from = core_end;
    while (trailing_count > 0) {
      const size_t to = trailing[--trailing_count];
      Emit(from, to);
      from = to;
    }
  }

 private:
  // A mark that opens a chunk and is a token of its own: brackets, quotes,
  // "--"; not an apostrophe that starts a clitic ("'s") or a year ("'90s").
  bool SplitsLeading(size_t at, size_t end, const CodePoint& c) const {
    if (IsApostrophe(c.value)) {
      const size_t next = at + c.size;
      return next < end && !IsDigit(static_cast<unsigned char>(text_[next])) &&
             !IsClitic(text_.substr(at, end - at));
    }
    if (c.value == '-') return at + 1 < end && text_[at + 1] == '-';
    return IsSplittable(c.value);
  }

  // A word, possibly with dashes or other marks inside ("Kabul—with",
  // "word“quoted”") and a clitic at its end. Full stops, commas and colons
  // inside stay: "31.5", "3,000", "10:53", "U.S".
  void Core(size_t begin, size_t end) {
    size_t start = begin;
    for (size_t i = begin; i < end;) {
      const CodePoint c = DecodeAt(text_, i);
      const bool double_hyphen = c.value == '-' && i + 1 < end && text_[i + 1] == '-';
      const bool inner_mark =
          IsSplittable(c.value) && c.value != '.' && c.value != ',' && c.value != ':';
      if (!double_hyphen && !inner_mark) {
        i += std::max<uint32_t>(c.size, 1);
        continue;
      }
      const size_t run = RunLength(i, end, c);
      Word(start, i);
      Emit(i, i + run);
      i += run;
      start = i;
    }
    Word(start, end);
  }

  void Word(size_t begin, size_t end) {
    if (begin >= end) return;
    const size_t clitic = CliticLength(text_, begin, end);
    if (clitic > 0) {
      Emit(begin, end - clitic);
      Emit(end - clitic, end);
      return;
    }
    Emit(begin, end);
  }

  void Emit(size_t begin, size_t end) {
    if (begin >= end) return;
    out_.push_back({{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                    KindOf(text_.substr(begin, end - begin))});
  }

  // "..." and "--" are one token; other marks one each.
  size_t RunLength(size_t at, size_t end, const CodePoint& c) const {
    if (c.value != '.' && c.value != '-') return std::max<uint32_t>(c.size, 1);
    size_t i = at;
    while (i < end && text_[i] == static_cast<char>(c.value)) ++i;
    return i - at;
  }

  // The length of the run of `mark` that ends at text[end].
  size_t RunBefore(size_t begin, size_t end, char mark) const {
    size_t i = end;
    while (i > begin && text_[i - 1] == mark) --i;
    return end - i;
  }

  // A full stop that belongs to the word before it: a listed abbreviation
  // ("Mr.", "Inc."), letters with inner full stops ("U.S.", "p.m."), or a
  // single letter ("J.").
  bool KeepsFullStop(size_t begin, size_t end) const {
    const std::string_view word = text_.substr(begin, end - begin);
    if (word.size() < 2) return false;
    if (abbreviations_.IsPrefix(word) || abbreviations_.IsAbbrev(word)) return true;
    const std::string_view stem = word.substr(0, word.size() - 1);
    if (stem.size() == 1 && IsLetter(static_cast<unsigned char>(stem[0]))) return true;
    bool inner_period = false, all_letters_or_periods = true;
    for (const char c : stem) {
      inner_period |= c == '.';
      all_letters_or_periods &= c == '.' || IsLetter(static_cast<unsigned char>(c));
    }
    return inner_period && all_letters_or_periods;
  }

  std::string_view text_;
  const Abbreviations& abbreviations_;
  std::vector<Token>& out_;
};

}  // namespace

std::vector<Token> SplitWords(std::string_view text, ByteSpan range,
                              const Abbreviations& abbreviations) {
  assert(range.begin <= range.end && range.end <= text.size());
  std::vector<Token> tokens;
  tokens.reserve(range.size() / 5 + 1);
  WordSplitter splitter(text, abbreviations, tokens);
  size_t i = range.begin;
  while (i < range.end) {
    CodePoint c = DecodeAt(text, i);
    if (IsSpace(c.value) || (c.value >= 0 && c.value < 0x20)) {
      i += std::max<uint32_t>(c.size, 1);
      continue;
    }
    const size_t start = i;
    while (i < range.end) {
      c = DecodeAt(text, i);
      if (IsSpace(c.value) || (c.value >= 0 && c.value < 0x20)) break;
      i += std::max<uint32_t>(c.size, 1);
    }
    splitter.Chunk(start, std::min<size_t>(i, range.end));
  }
  return tokens;
}

}  // namespace storyline::text
