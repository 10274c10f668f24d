// lines.h: the shape of one line of scraped text. Internal to the clean
// module; other modules use clean/clean.h.
//
// The cleaner looks at each line once. These helpers answer the cheap
// questions (how many words, how does it end, is it a bullet) without
// allocating, so a long body line costs a few passes over its last bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "clean/dates.h"

namespace storyline::clean {

// Headlines run from a few words to a long sentence without a full stop;
// word counts stop at kMaxHeadlineWords + 1 so long lines are not counted out.
inline constexpr int kMinHeadlineWords = 3;
inline constexpr int kMaxHeadlineWords = 25;
// A line ending with a full stop is never a headline; the cleaner only asks
// whether it is a paragraph (6+ words), so its words are counted up to this.
inline constexpr int kMaxSentenceWordsCounted = 8;

// Removes leading and trailing white space: ASCII blanks and controls, U+00A0
// NO-BREAK SPACE, U+2000..U+200B, U+202F, U+205F, U+2060, U+3000 and U+FEFF.
// Scraped pages use lines of non-breaking spaces as paragraph spacers, so
// such a line trims to nothing and counts as blank.
std::string_view TrimSpace(std::string_view text);

// The length in bytes of the white-space character (as TrimSpace defines it)
// that starts at `text[i]`, or 0. REQUIRES: i < text.size().
size_t SpaceLengthAt(std::string_view text, size_t i);

// How a trimmed, non-empty line looks. Computed once per line.
struct LineShape {
  int words = 0;                // white-space separated, at most kMaxHeadlineWords + 1
                                // (kMaxSentenceWordsCounted when ends_full_stop)
  bool ends_sentence = false;   // last mark is . ! ? … (closing quotes skipped)
  bool ends_full_stop = false;  // last mark is . or … (closing quotes skipped)
  bool ends_clause = false;     // last character is , ; or :
  bool bullet = false;          // starts with a list mark and a space: "– ", "• "
  bool starts_lower = false;    // starts with an ASCII lower-case letter
  bool has_letter = false;      // any ASCII letter or non-ASCII character
};

LineShape ShapeOf(std::string_view line);

// A line that could be a headline: 3..25 words, no closing full stop or
// clause mark, not a bullet, not a continuation (lower-case start).
// Headlines may end with ? or !.
bool IsHeadlineLike(const LineShape& shape);

// A non-blank line of the raw text, as the cleaner classifies it.
struct Line {
  std::string_view text;              // trimmed, never empty; points into the raw text
  uint32_t number = 0;                // 1-based line number in the raw text
  int cue = -1;                       // index of the first boilerplate cue it matches, or -1
  std::optional<CivilDate> dateline;  // set when the whole line is a date
  LineShape shape;
};

}  // namespace storyline::clean
