// tense.h: internal to src/timex; the public header is timex/timex.h.
// May change at any time.
//
// Which way a clause looks, ahead or back: it picks the year of a month
// named without one, the week of a bare weekday, and keeps a date the text
// looks ahead to from dating the article.
#pragma once

#include <cstddef>
#include <vector>

#include "timex/scanner.h"

namespace storyline::timex::internal {

// Which way the clause around token i looks (TenseCue): the cue nearest to i
// within kTenseWindow tokens before it (or the token right after it)
// decides; failing that, one just after the comma of a fronted expression;
// failing that, a `limit` word right before i ("by", "until") looks ahead.
int TenseNear(const std::vector<Token>& tokens, size_t i);

}  // namespace storyline::timex::internal
