// title.h: finds the headline among the first lines of a scraped text.
// Internal to the clean module.
//
// Pages put section labels, ads, promotions and datelines above the headline
// and sometimes repeat it under them. The headline is a headline-like line
// (see IsHeadlineLike) among the first lines, above the first body paragraph.
// When several lines qualify, the one whose words the body uses most wins:
// the real headline shares its content words with the story; a promotion
// line ("Your daily briefing, picked for you") does not.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "clean/cues.h"
#include "clean/lines.h"

namespace storyline::clean {

// The index in `lines` of the headline, or -1 when there is none. Looks at
// the first `search_lines` lines. When `metadata_title` is given and one of
// those lines equals it, that line is the headline. Lines matched by a cue,
// datelines and the line after a "next" cue (a video title) are never it.
int FindTitle(std::span<const Line> lines, const CueSet& cues, int search_lines,
              std::optional<std::string_view> metadata_title);

}  // namespace storyline::clean
