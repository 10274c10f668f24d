// resolve.h: tying speaker phrases to the article's entities. Internal to
// the quotes module; quotes/quotes.h documents the rules.
#pragma once

#include <vector>

#include "core/article.h"
#include "quotes/lexicon.h"

namespace storyline::quotes {

// Sets QuoteSpeaker::entity and ::code of each quote's speaker from
// `entities`. `quotes` are in text order; pronouns resolve to the speakers
// of earlier quotes, so one pass in order suffices. `lexicon` tells
// pronouns apart.
void ResolveSpeakers(const std::vector<Entity>& entities, const Lexicon& lexicon,
                     std::vector<Quote>& quotes);

}  // namespace storyline::quotes
