// attribution.h: each cue of a document with its speaker phrase and its
// content. Internal to the quotes module; quotes/quotes.h documents the
// rules.
#pragma once

#include <cstdint>
#include <vector>

#include "quotes/document.h"
#include "quotes/lexicon.h"

namespace storyline::quotes {

struct Attribution {
  WordRange cue;
  WordRange speaker;  // never empty
  // The quoted region that is its content, or -1.
  int32_t region = -1;
  // Reported speech, when region is -1; empty for a cue that only announces
  // a quote in the next sentence ("Smith said on Monday.", "Smith added:").
  WordRange content;
};

// The cues outside quoted regions, in text order, each read with its
// speaker and content; cues without a speaker are left out.
std::vector<Attribution> FindAttributions(const Document& doc, const Lexicon& lexicon,
                                          int max_speaker_words);

}  // namespace storyline::quotes
