#include "clean/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace storyline::clean {
namespace {

// CLD2 costs about 40 ns a byte, far more than the rest of cleaning, and is
// sure of a language after a hundred letters or so. The first 256 bytes of
// the body decide, at a fixed cost however long the article is.
constexpr size_t kLanguageSampleBytes = 256;
// Below this there is too little text for a statistical guess.
constexpr size_t kMinLanguageBytes = 40;

// CLD2 still uses a few withdrawn ISO 639-1 codes.
struct CodeFix {
  std::string_view cld2;
  std::string_view iso;
};
constexpr CodeFix kCodeFixes[] = {{"iw", "he"}, {"jw", "jv"}, {"in", "id"}, {"ji", "yi"}};

// The end of the longest prefix of `text` within `limit` bytes that does not
// split a UTF-8 character.
size_t CharBoundaryAtOrBefore(std::string_view text, size_t limit) {
  if (limit >= text.size()) return text.size();
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() < kMinLanguageBytes) return "und";
  const size_t length = CharBoundaryAtOrBefore(text, kLanguageSampleBytes);
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguage(text.data(), static_cast<int>(length),
                                                       /*is_plain_text=*/true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return "und";
  std::string_view code = CLD2::LanguageCode(language);
  code = code.substr(0, code.find('-'));  // "zh-Hant" is Chinese
  for (const CodeFix& fix : kCodeFixes) {
    if (code == fix.cld2) code = fix.iso;
  }
  const bool two_letters = code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
                             return c >= 'a' && c <= 'z';
                           });
  if (!two_letters || code == "un" || code == "xx") return "und";
  return std::string(code);
}

}  // namespace storyline::clean
