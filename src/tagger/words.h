// words.h (internal to tagger): what the feature templates see in one word:
// its hashes, lower-cased form, shapes, casing and affixes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace storyline::tagger {

// Combines two 64-bit values into a well-mixed key (murmur3's finaliser over
// a boost-style combine). Feature keys are chains of Mix over a template id
// and the hashes of what the template looks at; they are written in model
// files, so changing this function changes kFeatureVersion.
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

// XXH3-64 of the bytes.
uint64_t HashBytes(std::string_view bytes);

// Lower-cases ASCII and Latin-1 capital letters (U+00C0..U+00DE but U+00D7)
// into `out`; other bytes are copied as they are. Gazetteer matching and the
// lower-cased word features use it.
void LowerCase(std::string_view word, std::string* out);

// The case pattern of a word's letters.
enum class Casing : uint8_t {
  kNoLetters,  // "1996", ",", "--"
  kLower,      // "said", "de"
  kTitle,      // "Lisbon", "McBride"
  kUpper,      // "NATO", "U.S.", "A"
  kMixed,      // "iPod", "eBay"
};
inline constexpr int kCasingCount = 5;

// The word's shape: capitals become 'X', other letters 'x', digits 'd';
// ASCII punctuation and the General Punctuation block (quotes, dashes) stay;
// anything else becomes 'o'. The long shape keeps runs of up to four of a
// kind ("Brussels" -> "Xxxxx"), the short one collapses each run to one
// ("Brussels" -> "Xx", "1996-08-22" -> "d-d-d").
void WordShape(std::string_view word, bool collapse_runs, std::string* out);

// The casing of `word`, from its shape.
Casing CasingOf(std::string_view short_shape);

// The first and last `count` characters (UTF-8 sequences) of `word`; an
// empty view when the word has fewer characters.
std::string_view Prefix(std::string_view word, int count);
std::string_view Suffix(std::string_view word, int count);

}  // namespace storyline::tagger
