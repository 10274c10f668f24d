// marks.h: the spans of text between double quote marks. Internal to the
// quotes module; quotes/quotes.h documents the rules.
#pragma once

#include <string_view>
#include <vector>

#include "core/article.h"

namespace storyline::quotes {

// Text between an opening and a closing double quote mark.
struct QuotedRegion {
  ByteSpan content;    // between the marks, trimmed of whitespace; never empty
  ByteSpan outer;      // from the opening mark to the closing one, marks included
  bool closed = true;  // false when the paragraph ended without a closing mark
};

// One pass over the bytes of `text`. Marks: straight `"`, curly “ ”,
// guillemets « ». A region opened by `"` closes at the next `"`; one opened
// by “ or « closes at its partner; marks of the other style inside it, and
// curly or angle pairs nested in it, belong to its content. Single quotes
// (' ‘ ’) are never delimiters: they are apostrophes or quotes nested inside
// double ones. A paragraph (a '\n'-separated line) that ends inside a quote
// continues it when the next non-blank paragraph starts with an opening mark
// of the same style (the newspaper convention): one region; otherwise the
// region ends with the paragraph, `closed` false. A closing mark with no
// open quote is ignored. Regions are in text order and never overlap.
std::vector<QuotedRegion> FindQuotedRegions(std::string_view text);

}  // namespace storyline::quotes
