// markup.h (internal): the markup sources of the metadata reader
// (metadata.h), read in one iterative walk of the tree:
//   <html lang> (also sets how "3/4/2020" is read), JSON-LD scripts (handed
//   to json_ld.h), <meta> names and properties (the `meta` keys of
//   MetadataWords, each with its field and rank), <link rel="canonical"> (resolved against the
//   document URL), itemprop datePublished/dateCreated/dateModified/author,
//   <time> (pubdate, in a modified or date element, or bare), <abbr
//   class="published|updated" title>, <h1>/<h2> headings (at most 30, not
//   in comments), <a rel="author">, <address> and byline elements, and the
//   text of date elements. Class and id cues for bylines, dates, modified
//   dates and comment sections come from MetadataWords; nothing inside a
//   comment section gives an author or a date from its text, but for the
//   first comment's date, trusted last.
// Byline and date elements are read at most 100 of each kind.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <vector>

#include "html/dates.h"

namespace storyline::html {

class Collector;

// What the walk found besides candidates.
struct PageMarkup {
  std::string raw_title;  // the first <title> outside <svg>, trimmed
  // The page's text outside comment sections and <blockquote> (a quoted
  // post's date is not the page's), collapsed, a space between elements, at
  // most about 200,000 bytes: for dates written out.
  std::string text;
  std::optional<size_t> first_h1_offset;  // where the first <h1>'s text starts in `text`
  // Where `text` shows the text of an element itemprop="dateModified".
  std::vector<TextRange> modified_text;
  std::vector<const xmlNode*> scripts;  // the <script> elements, for AddScriptDate
};

// Adds the candidates of `doc`'s markup to `collector`; the first JSON-LD
// article body goes to `body`.
PageMarkup ReadMarkup(const xmlDoc& doc, Collector& collector, std::optional<std::string>& body);

// Adds the first publication date the JSON data of `scripts` gives
// (FindScriptDate), within their first 1,000,000 bytes, unless a better
// published date is known: a last resort, so most pages skip the scan.
void AddScriptDate(const std::vector<const xmlNode*>& scripts, Collector& collector);

}  // namespace storyline::html
