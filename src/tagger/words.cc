#include "tagger/words.h"

#include <xxhash.h>

#include <algorithm>

#include "core/utf8.h"

namespace storyline::tagger {
namespace {

// Latin-1 letters in UTF-8 are 0xC3 followed by 0x80..0xBF (U+00C0..U+00FF);
// U+00D7 and U+00F7 are the multiplication and division signs.
constexpr unsigned char kLatin1Lead = 0xC3;
bool IsLatin1Upper(unsigned char second) {
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}
bool IsLatin1Lower(unsigned char second) {
  return second >= 0x9F && second <= 0xBF && second != 0xB7;
}

// The shape class of the character at `word[at]`, `length` bytes long; 0
// when the character is kept as it is.
char ShapeClass(std::string_view word, size_t at, size_t length) {
  const unsigned char lead = static_cast<unsigned char>(word[at]);
  if (length == 1) {
    if (lead >= 'A' && lead <= 'Z') return 'X';
    if (lead >= 'a' && lead <= 'z') return 'x';
    if (lead >= '0' && lead <= '9') return 'd';
    return lead < 0x80 ? 0 : 'o';
  }
  const unsigned char second = at + 1 < word.size() ? static_cast<unsigned char>(word[at + 1]) : 0;
  if (lead == kLatin1Lead && length == 2) {
    if (IsLatin1Upper(second)) return 'X';
    if (IsLatin1Lower(second)) return 'x';
  }
  // U+2000..U+206F, General Punctuation: E2 80..81 xx.
  if (lead == 0xE2 && length == 3 && (second == 0x80 || second == 0x81)) return 0;
  return 'o';
}

}  // namespace

uint64_t HashBytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

void LowerCase(std::string_view word, std::string* out) {
  out->assign(word);
  for (size_t i = 0; i < out->size(); ++i) {
    unsigned char& c = reinterpret_cast<unsigned char&>((*out)[i]);
    if (c >= 'A' && c <= 'Z') {
      c += 'a' - 'A';
    } else if (c == kLatin1Lead && i + 1 < out->size()) {
      unsigned char& second = reinterpret_cast<unsigned char&>((*out)[i + 1]);
      if (IsLatin1Upper(second)) second += 0x20;
      ++i;
    }
  }
}

void WordShape(std::string_view word, bool collapse_runs, std::string* out) {
  out->clear();
  char last = 0;
  int run = 0;
  for (size_t at = 0; at < word.size();) {
    const size_t length =
        std::min(Utf8SequenceLength(static_cast<unsigned char>(word[at])), word.size() - at);
    const char shape = ShapeClass(word, at, length);
    if (shape == 0) {
      out->append(word.substr(at, length));
      last = 0;
    } else {
      run = shape == last ? run + 1 : 1;
      last = shape;
      if (run == 1 || (!collapse_runs && run <= 4)) out->push_back(shape);
    }
    at += length;
  }
}

Casing CasingOf(std::string_view short_shape) {
  char first_letter = 0;
  bool upper = false;
  bool lower = false;
  for (char c : short_shape) {
    if (c != 'X' && c != 'x') continue;
    if (first_letter == 0) first_letter = c;
    (c == 'X' ? upper : lower) = true;
  }
  if (first_letter == 0) return Casing::kNoLetters;
  if (!lower) return Casing::kUpper;
  if (!upper) return Casing::kLower;
  return first_letter == 'X' ? Casing::kTitle : Casing::kMixed;
}

std::string_view Prefix(std::string_view word, int count) {
  size_t at = 0;
  for (int i = 0; i < count; ++i) {
    if (at >= word.size()) return {};
    at += Utf8SequenceLength(static_cast<unsigned char>(word[at]));
  }
  return word.substr(0, std::min(at, word.size()));
}

std::string_view Suffix(std::string_view word, int count) {
  size_t at = word.size();
  for (int i = 0; i < count; ++i) {
    if (at == 0) return {};
    --at;
    // Step back over continuation bytes (10xxxxxx) to the lead byte.
    while (at > 0 && (static_cast<unsigned char>(word[at]) & 0xC0) == 0x80) --at;
  }
  return word.substr(at);
}

}  // namespace storyline::tagger
