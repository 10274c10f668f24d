// Word normalisation shared by near-duplicates, passages and stories.
#define XXH_INLINE_ALL  // inlined XXH3: most inputs are a word or a few hashes
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "link/link.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace storyline::link {
namespace {

// Each byte's normalised form when it is an ASCII letter or digit (letters
// lowercased), else 0: one lookup both classifies and folds a byte.
constexpr std::array<char, 256> kAsciiWordByteLower = [] {
  std::array<char, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = static_cast<char>(c);
  return table;
}();

char AsciiWordByteLower(char c) { return kAsciiWordByteLower[static_cast<unsigned char>(c)]; }

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

using Ending = std::pair<std::string_view, std::string_view>;

// Whether every American form is no longer than its British one, so that
// folding can rewrite a word in place.
constexpr bool FoldsInPlace(std::span<const Ending> endings) {
  return std::all_of(endings.begin(), endings.end(),
                     [](const Ending& e) { return e.second.size() <= e.first.size(); });
}

// British endings and their American forms, by the ending's last two bytes,
// so a word is checked only against endings that can match (this runs for
// every word of every article). Longer endings come first.
std::span<const Ending> EndingsFor(char before_last, char last) {
  static constexpr Ending kNs[] = {{"isations", "izations"}};
  static constexpr Ending kEs[] = {{"ourites", "orites"}, {"rammes", "rams"}, {"logues", "logs"},
                                   {"ences", "enses"},    {"ises", "izes"},   {"yses", "yzes"},
                                   {"tres", "ters"}};
  static constexpr Ending kRs[] = {{"isers", "izers"}, {"ours", "ors"}};
  static constexpr Ending kTe[] = {{"ourite", "orite"}};
  static constexpr Ending kMe[] = {{"ramme", "ram"}};
  static constexpr Ending kUe[] = {{"logue", "log"}};
  static constexpr Ending kCe[] = {{"ence", "ense"}};
  static constexpr Ending kSe[] = {{"ise", "ize"}, {"yse", "yze"}};
  static constexpr Ending kRe[] = {{"tre", "ter"}};
  static constexpr Ending kNg[] = {
      {"ising", "izing"}, {"ysing", "yzing"}, {"ouring", "oring"}, {"lling", "ling"}};
  static constexpr Ending kEd[] = {
      {"ised", "ized"}, {"ysed", "yzed"}, {"oured", "ored"}, {"lled", "led"}};
  static constexpr Ending kOn[] = {{"isation", "ization"}};
  static constexpr Ending kEr[] = {{"iser", "izer"}};
  static constexpr Ending kUr[] = {{"our", "or"}};
  static_assert(FoldsInPlace(kNs) && FoldsInPlace(kEs) && FoldsInPlace(kRs) && FoldsInPlace(kTe) &&
                FoldsInPlace(kMe) && FoldsInPlace(kUe) && FoldsInPlace(kCe) && FoldsInPlace(kSe) &&
                FoldsInPlace(kRe) && FoldsInPlace(kNg) && FoldsInPlace(kEd) && FoldsInPlace(kOn) &&
                FoldsInPlace(kEr) && FoldsInPlace(kUr));
  switch ((static_cast<unsigned char>(before_last) << 8) | static_cast<unsigned char>(last)) {
    case 'n' << 8 | 's':
      return kNs;
    case 'e' << 8 | 's':
      return kEs;
    case 'r' << 8 | 's':
      return kRs;
    case 't' << 8 | 'e':
      return kTe;
    case 'm' << 8 | 'e':
      return kMe;
    case 'u' << 8 | 'e':
      return kUe;
    case 'c' << 8 | 'e':
      return kCe;
    case 's' << 8 | 'e':
      return kSe;
    case 'r' << 8 | 'e':
      return kRe;
    case 'n' << 8 | 'g':
      return kNg;
    case 'e' << 8 | 'd':
      return kEd;
    case 'o' << 8 | 'n':
      return kOn;
    case 'e' << 8 | 'r':
      return kEr;
    case 'u' << 8 | 'r':
      return kUr;
    default:
      return {};
  }
}

// The bytes an ending of EndingsFor() ends with: most words are ruled out
// by one lookup.
constexpr std::array<bool, 256> kEndingLastBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("segdnr")) table[c] = true;
  return table;
}();

// The shortest ending (3 bytes) plus the minimum stem (2 bytes).
constexpr size_t kMinFoldedWord = 5;
constexpr size_t kMinStem = 2;

// British spellings to American ones, in place; returns the new length.
// Both sides of a comparison go through the same folding, so an occasional
// odd result ("promise" -> "promize") costs nothing; a stem of at least two
// bytes keeps short words ("rise", "four", "hour") apart.
size_t FoldSpelling(char* word, size_t size) {
  if (size < kMinFoldedWord || !kEndingLastBytes[static_cast<unsigned char>(word[size - 1])]) {
    return size;
  }
  const std::string_view w(word, size);
  for (const auto& [from, to] : EndingsFor(w[size - 2], w[size - 1])) {
    if (EndsWith(w, from) && size - from.size() >= kMinStem) {
      std::copy(to.begin(), to.end(), word + size - from.size());
      return size - from.size() + to.size();
    }
  }
  return size;
}

// A word's normalised spelling, built in place while its bytes are read.
// Normalising never lengthens a word, so a buffer as long as the text holds
// any of its words, and no word costs an allocation.
class Spelling {
 public:
  explicit Spelling(size_t capacity) : bytes_(capacity + kSlack, '\0') {}

  // Appends the run of ASCII letters and digits of `text` that starts at
  // `at`, lowercased; returns where the run ends.
  size_t AppendAsciiRun(std::string_view text, size_t at) {
    char* const out = bytes_.data() + size_;  // out[i - at] receives text[i]
    size_t i = at;
#ifdef __SSE2__
    // 16 bytes at a time: all 16 are classified, folded and stored (the
    // buffer has kSlack spare bytes), and the run keeps as many as it spans.
    for (; i + 16 <= text.size();) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));  // 'A' -> 'a'
      // Signed comparisons: bytes from 0x80 up are negative, so never inside.
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
      const __m128i folded =
          _mm_or_si128(_mm_and_si128(letter, lower), _mm_andnot_si128(letter, bytes));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (i - at)), folded);
      const auto word_bytes = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
      const int run = std::countr_one(word_bytes);
      i += static_cast<size_t>(run);
      if (run < 16) {
        size_ += i - at;
        return i;
      }
    }
#endif
    for (char lower; i < text.size() && (lower = AsciiWordByteLower(text[i])) != 0; ++i) {
      out[i - at] = lower;
    }
    size_ += i - at;
    return i;
  }
  // Appends one character (UTF-8 sequence): ASCII lowercased, apostrophes
  // dropped.
  void Append(std::string_view ch) {
    if (ch.size() == 1) {
      const char lower = AsciiWordByteLower(ch[0]);
      if (ch[0] != '\'') bytes_[size_++] = lower != 0 ? lower : ch[0];
    } else if (!IsApostrophe(ch)) {
      std::copy(ch.begin(), ch.end(), bytes_.data() + size_);
      size_ += ch.size();
    }
  }
  // The spelling with British endings folded; the builder is then empty.
  std::string_view Take() {
    const size_t size = FoldSpelling(bytes_.data(), size_);
    size_ = 0;
    return {bytes_.data(), size};
  }

 private:
  static constexpr size_t kSlack = 16;  // AppendAsciiRun() stores 16 bytes at a time
  std::string bytes_;
  size_t size_ = 0;
};

}  // namespace

std::string NormalizeWord(std::string_view word) {
  Spelling spelling(word.size());
  for (size_t i = 0; i < word.size();) {
    const size_t n =
        std::min(Utf8SequenceLength(static_cast<unsigned char>(word[i])), word.size() - i);
    spelling.Append(word.substr(i, n));
    i += n;
  }
  return std::string(spelling.Take());
}

// One pass over the text: each word's normalised spelling is built while its
// bytes are read, with a fast path for runs of ASCII letters and digits,
// which make up nearly all of English news.
std::vector<Word> NormalizedWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 5);
  constexpr size_t kNoWord = std::string_view::npos;
  size_t begin = kNoWord;      // start of the word being read
  size_t last_letter_end = 0;  // end of its last non-apostrophe character
  Spelling spelling(text.size());
  auto finish = [&]() __attribute__((always_inline)) {  // runs for every word
    if (begin == kNoWord) return;
    const std::string_view normal = spelling.Take();
    if (!normal.empty()) {  // a word of apostrophes only has no spelling
      words.push_back({XXH3_64bits(normal.data(), normal.size()),
                       {static_cast<uint32_t>(begin), static_cast<uint32_t>(last_letter_end)}});
    }
    begin = kNoWord;
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (AsciiWordByteLower(c)) {
        if (begin == kNoWord) begin = i;
        last_letter_end = i = spelling.AppendAsciiRun(text, i);
        continue;
      }
      // An apostrophe continues a word ("don't"); a trailing one is left out
      // of the span (last_letter_end).
      if (!(c == '\'' && begin != kNoWord)) finish();
      ++i;
      continue;
    }
    const size_t n = std::min(Utf8SequenceLength(c), text.size() - i);
    const std::string_view ch = text.substr(i, n);
    if (n > 1 && !IsNonAsciiBreak(ch)) {  // a letter, or a typographic apostrophe
      if (begin == kNoWord) begin = i;
      spelling.Append(ch);
      last_letter_end = i + n;
    } else {
      finish();  // a break, or a byte that does not start a whole UTF-8 sequence
    }
    i += n;
  }
  finish();
  return words;
}

}  // namespace storyline::link
