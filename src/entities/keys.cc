// NormalizeName: the name part of an entity's key.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "entities/entities.h"

namespace storyline::entities {

namespace {

bool IsAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Most names are ASCII: lower-cased byte by byte, without ICU.
std::string NormalizeAsciiName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (const char c : name) {
    if (c == '.') continue;
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
  }
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  if (IsAscii(name)) return NormalizeAsciiName(name);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) decomposed = nfd->normalize(input, status);
  if (U_FAILURE(status)) decomposed = input;
  icu::UnicodeString kept;
  bool space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || c == '.') continue;
    if (u_isUWhiteSpace(c)) {
      space = !kept.isEmpty();
      continue;
    }
    if (space) kept.append(static_cast<UChar>(' '));
    space = false;
    kept.append(c == 0x2019 || c == 0x2018 ? static_cast<UChar32>('\'') : u_tolower(c));
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace storyline::entities
