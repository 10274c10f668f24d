// titles.h (internal): titles and site names of the metadata reader
// (metadata.h): the text of a heading, the site-name part of a title, the
// site's names, and the choice of the title among its candidates.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "html/candidates.h"

namespace storyline::html {

class MetadataWords;

// The text of a heading without kickers (<small>, kicker classes of
// `words`), scripts, styles and ruby annotations (<rt>, <rp>), and without
// what separated a kicker from the headline ("Kicker: Headline"), and
// without what comes before a kicker separator that only screen readers read
// (hidden classes of `words`); block children are separated by a space.
// Reads a little past `limit` bytes at most.
std::string HeadingText(const xmlNode& node, size_t limit, const MetadataWords& words);

// `title` without a site-name part (see metadata.h), split at the title
// separators of `words`: the longest end (else start) that is `site`'s name
// (as IsSiteName, not a longer text holding it), which may hold separators
// too, else a middle part that is, with all after it; without a site,
// when `guess`, a last part shorter than the rest and at most 5 words.
std::string CutSiteName(std::string_view title, std::string_view site, bool guess,
                        const MetadataWords& words);

// The <title> without its site-name part: the part that names `site`, else
// without a site name the part that names `host` ("Headline - example.com"),
// else the guessed one (CutSiteName).
std::string CutTitleTag(std::string_view raw_title, std::string_view site, std::string_view host,
                        const MetadataWords& words);

// The most trusted site_name candidate, or "".
std::string BestSiteName(const std::vector<Candidate>& candidates);

// The host of `url`, lower case, without "www."; of the archived page's URL
// for a web.archive.org capture ("https://web.archive.org/web/STAMP/URL").
std::string Host(std::string_view url);

// The path of `url` after its host, without query and fragment ("/a/b" of
// "https://x.example/a/b?c#d"); "" when it has none.
std::string_view PathOf(std::string_view url);

// Whether `text` is one of `site_names` (not a longer text with it):
// ignoring case, spaces, dots, hyphens and underscores when `exact`, else
// also when one contains the other (4 bytes at least) and `text` is at most
// 3 bytes longer.
bool IsSiteName(std::string_view text, const std::vector<std::string>& site_names,
                bool exact = false);

// What the choice of a title reads besides the candidates.
struct TitlePage {
  std::string_view raw_title;  // the page's <title>, its site-name part not cut
  std::string_view url;        // the page's URL
};

// The chosen title: the candidate whose value it is, and where the heading
// it was confirmed by starts in the page text (-1: not from a heading).
struct ChosenTitle {
  const MetadataField* field = nullptr;  // points into the candidates
  int text_offset = -1;
};

// The title (see metadata.h): a heading that the page's own titles confirm
// (the headline one of them names when the heading holds more, "Kicker
// Headline"; the part of a title before its first separator is confirmed
// next after an equal JSON-LD headline or <meta> title), else the first
// <h1> that is not the site's name, else the most trusted title candidate;
// no field when there is none.
ChosenTitle ChooseTitle(const std::vector<Candidate>& candidates,
                        const std::vector<std::string>& site_names, const TitlePage& page,
                        const MetadataWords& words);

}  // namespace storyline::html
