// content.h (internal): the main text of a parsed page (see html.h).
//
// Steps, each one walk of the tree:
//   1. prune: scripts, styles, forms' controls, navigation, asides, footers,
//      page headers, hidden elements and elements whose class or id is a
//      "drop" cue leave the tree (never <body>, <main> or <article>);
//   2. choose the body: the element with the most text among schema.org
//      articleBody and "content" cues, else the only <article>, else the
//      best container by readability-style scores (paragraph text and
//      commas credited to parents, times one less link density, class cues);
//   3. write its blocks one a line, dropping lines that are mostly links,
//      with the prose siblings of the elements above it (docs/formats/html.md);
//   4. drop the lines that label and end cues name.
// When the chosen body holds a small part of the page's text, the blocks of
// the whole page are taken instead; the page's JSON-LD articleBody when it
// holds twice as much text.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>

#include "html/cues.h"

namespace storyline::html {

// Changes `doc` (pruned elements are removed): read the metadata first.
std::string ExtractContent(xmlDoc& doc, const ClassCues& cues,
                           const std::optional<std::string>& json_ld_body);

}  // namespace storyline::html
