#include "core/utf8.h"

#include <simdjson.h>
#include <unicode/utf8.h>

namespace storyline {

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

size_t RepairUtf8(std::string& text) {
  if (IsValidUtf8(text)) return 0;
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string repaired;
  repaired.reserve(text.size() + 16);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  size_t replacements = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      repaired += kReplacement;
      ++replacements;
    } else {
      repaired.append(text, start, i - start);
    }
  }
  text = std::move(repaired);
  return replacements;
}

}  // namespace storyline
