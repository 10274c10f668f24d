// utf8.h: UTF-8 validation and repair.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace storyline {

// True when `text` is well-formed UTF-8. Fast (SIMD) for the common case.
bool IsValidUtf8(std::string_view text);

// Replaces each ill-formed sequence in `text` with U+FFFD (one per maximal
// ill-formed subpart, as the Unicode standard recommends) and returns how many
// replacements were made. Valid input is left untouched and returns 0.
size_t RepairUtf8(std::string& text);

// Bytes in the UTF-8 sequence that starts with `lead`: 1 for ASCII and for
// a stray continuation byte, so that stepping by it consumes every byte of
// any text exactly once.
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace storyline
