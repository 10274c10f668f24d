// language.h: the language of a clean text. Internal to the clean module.
#pragma once

#include <string>
#include <string_view>

namespace storyline::clean {

// The ISO 639-1 code of the language `text` is written in, by CLD2 over its
// first 256 bytes. "und" when the text is too short, CLD2 is not sure, or the
// language has no two-letter code. REQUIRES: `text` is valid UTF-8.
// Thread-safe (CLD2 keeps no state between calls).
std::string DetectLanguage(std::string_view text);

}  // namespace storyline::clean
