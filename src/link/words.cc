// Word normalisation shared by near-duplicates, passages and stories.
#define XXH_INLINE_ALL  // inlined XXH3: most inputs are a word or a few hashes
#include <xxhash.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the UTF-8 sequence starting with lead byte `c` (1 for bad bytes).
size_t SequenceLength(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Non-ASCII characters that are punctuation or space rather than letters:
// quotes, dashes, ellipsis, no-break space, guillemets, bullets.
bool IsNonAsciiBreak(std::string_view ch) {
  static constexpr std::string_view kBreaks[] = {
      "\u00a0", "\u00ab", "\u00bb", "\u00b7", "\u2010", "\u2011", "\u2012", "\u2013",
      "\u2014", "\u2015", "\u201c", "\u201d", "\u201e", "\u2022", "\u2026", "\u2032",
      "\u2033", "\u2039", "\u203a", "\u3000", "\u2009", "\u200a", "\u202f"};
  for (std::string_view b : kBreaks) {
    if (ch == b) return true;
  }
  return false;
}

bool IsApostrophe(std::string_view ch) { return ch == "'" || ch == "\u2019" || ch == "\u2018"; }

// Compares from the last byte, so most words are rejected after one
// comparison (this runs for every word of every article).
bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 1; i <= suffix.size(); ++i) {
    if (s[s.size() - i] != suffix[suffix.size() - i]) return false;
  }
  return true;
}

// Replaces `from` by `to` at the end of `word` when the stem before it has
// at least `min_stem` bytes. Returns whether it did.
bool FoldEnding(std::string& word, std::string_view from, std::string_view to, size_t min_stem) {
  if (!EndsWith(word, from) || word.size() - from.size() < min_stem) return false;
  word.replace(word.size() - from.size(), from.size(), to);
  return true;
}

using Ending = std::pair<std::string_view, std::string_view>;

// British endings and their American forms, by the ending's last byte, so a
// word is checked only against endings that can match (this runs for every
// word of every article). Longer endings come first.
std::span<const Ending> EndingsFor(char last) {
  static constexpr Ending kS[] = {
      {"isations", "izations"}, {"ourites", "orites"}, {"rammes", "rams"}, {"logues", "logs"},
      {"isers", "izers"},       {"ences", "enses"},    {"ises", "izes"},   {"yses", "yzes"},
      {"ours", "ors"},          {"tres", "ters"}};
  static constexpr Ending kE[] = {{"ourite", "orite"}, {"ramme", "ram"}, {"logue", "log"},
                                  {"ence", "ense"},    {"ise", "ize"},   {"yse", "yze"},
                                  {"tre", "ter"}};
  static constexpr Ending kG[] = {
      {"ising", "izing"}, {"ysing", "yzing"}, {"ouring", "oring"}, {"lling", "ling"}};
  static constexpr Ending kD[] = {
      {"ised", "ized"}, {"ysed", "yzed"}, {"oured", "ored"}, {"lled", "led"}};
  static constexpr Ending kN[] = {{"isation", "ization"}};
  static constexpr Ending kR[] = {{"iser", "izer"}, {"our", "or"}};
  switch (last) {
    case 's':
      return kS;
    case 'e':
      return kE;
    case 'g':
      return kG;
    case 'd':
      return kD;
    case 'n':
      return kN;
    case 'r':
      return kR;
    default:
      return {};
  }
}

// The shortest ending (3 bytes) plus the minimum stem (2 bytes).
constexpr size_t kMinFoldedWord = 5;

// British spellings to American ones. Both sides of a comparison go through
// the same folding, so an occasional odd result ("promise" -> "promize")
// costs nothing; a stem of at least two bytes keeps short words ("rise",
// "four", "hour") apart.
void FoldSpelling(std::string& w) {
  if (w.size() < kMinFoldedWord) return;
  for (const auto& [from, to] : EndingsFor(w.back())) {
    if (FoldEnding(w, from, to, 2)) return;
  }
}

}  // namespace

namespace {

// NormalizeWord into `out` (cleared first), reusing its capacity.
void NormalizeInto(std::string_view word, std::string& out) {
  out.clear();
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      ++i;
      if (c == '\'') continue;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    const size_t n = std::min(SequenceLength(c), word.size() - i);
    const std::string_view ch = word.substr(i, n);
    i += n;
    if (!IsApostrophe(ch)) out.append(ch);
  }
  FoldSpelling(out);
}

}  // namespace

std::string NormalizeWord(std::string_view word) {
  std::string out;
  NormalizeInto(word, out);
  return out;
}

std::vector<Word> NormalizedWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 5);
  size_t begin = std::string_view::npos;  // start of the word being read
  size_t last_letter_end = 0;             // end of its last non-apostrophe character
  std::string normal;                     // reused for every word
  auto finish = [&](size_t end) {
    if (begin == std::string_view::npos) return;
    NormalizeInto(text.substr(begin, end - begin), normal);
    if (!normal.empty()) {
      words.push_back({XXH3_64bits(normal.data(), normal.size()),
                       {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}});
    }
    begin = std::string_view::npos;
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = std::min(SequenceLength(c), text.size() - i);
    const std::string_view ch = text.substr(i, n);
    const bool letter = n == 1 ? IsAsciiWordByte(c) : (c >= 0xC0 && !IsNonAsciiBreak(ch));
    if (letter) {
      if (begin == std::string_view::npos) begin = i;
      last_letter_end = i + n;
    } else if (!(IsApostrophe(ch) && begin != std::string_view::npos)) {
      // An apostrophe continues a word ("don't"); a trailing one is cut below.
      finish(last_letter_end);
    }
    i += n;
  }
  finish(last_letter_end);
  return words;
}

}  // namespace storyline::link
