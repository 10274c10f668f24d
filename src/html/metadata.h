// metadata.h (internal): a parsed page's metadata, with where each value
// came from (see html.h for the fields).
//
// Every source gives candidates; a field takes the candidate of the most
// trusted source, the first in page order among equals (authors: all names
// of that source, in page order). Sources, most trusted first:
//
//   title      A heading the page's own titles confirm: the first <h1> (then
//              <h2>) whose text equals a JSON-LD headline or a <meta> title
//              (og:title, twitter:title, ...); else one that is the part
//              before the first separator of such a title, of the <title>
//              or of a JSON-LD page name ("Headline - Subtitle | Site"),
//              10 bytes at least; else one that equals, or is at least 30%
//              of, inside and 10 bytes at least, one of those titles (the
//              <title> cut, or as written), the one whose words the URL's
//              path repeats most first (tenths of its words); else one that
//              holds such a title of 10 bytes or more after a kicker, section
//              or date ("Politics | Headline") or before a separator
//              ("Headline | Site"), which gives that title. Among equally
//              confirmed headings, and for the first <h1> below, headings
//              inside <nav>, <aside>, <footer>, <menu> or the site's
//              <header> (one outside <article> and <main>) come after every
//              other <h1> and <h2>. ASCII case is ignored, typographic
//              dashes, quotes and ellipses compare as their plain forms, soft
//              hyphens not at all (a heading hyphenated for the screen is
//              taken as the title it equals writes it). Headings that are
//              only the site's name (og:site_name, publisher, host name, of
//              the archived page for web.archive.org), have no letter or
//              digit or are shorter than 3 bytes do not count, and kickers
//              and subtitles inside a heading (<small>, class kicker,
//              dachzeile, roofline, topline, subtitle, ...) are left out, as
//              is what comes before a separator that only screen readers
//              read (class sr-only, visually-hidden, ...: "<span
//              class=sr-only>: </span>"). Else the first such heading when
//              it is an <h1>; else
//              JSON-LD headline of an Article-like object (Article,
//              NewsArticle, BlogPosting, *Article, *Posting, Report, Review),
//              og:title, twitter:title, other <meta> titles, JSON-LD page
//              names, then <title>. A site-name part is cut from all of them
//              (below).
//   published  JSON-LD datePublished (Article-like objects, then pages, then
//              others; dateCreated after datePublished); <meta>
//              article:published_time, datePublished, og:published_time,
//              parsely-pub-date, sailthru.date, DC.date.issued,
//              dcterms.created, ...; elements with itemprop="datePublished"
//              (content, datetime or text), <time pubdate>, <abbr
//              class="published" title>; a full date in the URL
//              (/2021/09/28/, /2021-09-28/, /20210928/; a year and month
//              alone give nothing); <time datetime> inside an element whose
//              class or id suggests a date or byline; a date written after a
//              stamp word ("Veröffentlicht am 16.08.2019"); a date written out
//              in a date or byline element ("Published on 3 March 2020",
//              "03.03.2020", "31. Mai 2012", "March 3, 2020"); the first date
//              in the text after the headline; weak <meta> names (date,
//              pubdate, publishdate, DC.date); the first <time datetime>; a
//              date element's "23.09.22" (a two-digit year); a date shortly
//              before the headline; the first date in the text; date
//              elements of one class that give different days (a list of
//              teasers or events); last, the first date in a comment
//              section (a <time datetime> or date element: a forum
//              thread's first post).
//              The date shown after the headline replaces a markup date at
//              most 7 days off it (time zones), or further off when other
//              markup gives the shown day as published and none gives it as
//              modified, unless the URL's date says otherwise. Text inside
//              <blockquote> (an embedded post) gives no written-out date.
//   modified   JSON-LD dateModified, <meta> article:modified_time,
//              og:updated_time, dateModified, DC.date.modified, ...,
//              itemprop="dateModified", <time> with class "updated" or
//              "modified", written-out dates after "Updated"/"Aktualisiert".
//              Never taken as published, nor the other way.
//   author     JSON-LD author of the Article-like object (a string, an
//              object with "name", or an array of them); <meta> author,
//              article:author, DC.creator, citation_author, parsely-author,
//              sailthru.author (values that are URLs or e-mail addresses are
//              ignored); elements with itemprop="author"; rel="author" links;
//              elements whose class or id names an author or byline (outside
//              comments; a name's own element wins over the byline around
//              it); last, a link on the site to the author's page whose
//              path spells its text ("/author/jane-doe/"), outside
//              navigation, sidebars, footers and comments. Names are cleaned
//              of "By ", "Von ", "View all posts by", "Autor:", dates, stamp
//              words and what follows ("am Samstag", " | ..."); longer than
//              80 bytes or 8 words is not a name. An author that is the
//              site's name is taken only when no other source names one.
//   site_name  og:site_name, JSON-LD publisher.name, application-name,
//              JSON-LD WebSite name; last, an <h1>/<h2> whose class or id
//              names the site's name (site-title, logo, ...) or whose whole
//              text is one link to the site's home page (rel="home", or the
//              root or an index page of the page's own host), which is then
//              no title.
//   canonical_url  <link rel="canonical"> (resolved against the page URL),
//              og:url, JSON-LD url / mainEntityOfPage.
//   language   <html lang>, JSON-LD inLanguage, og:locale ("de_DE" is given
//              as "de-DE"), <meta http-equiv="content-language">.
//
// Dates: ISO "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" with "±HH:MM" when the
// page gives a zone ("Z" becomes "+00:00"). Impossible dates, dates before
// 1995 and dates after the capture date (when the context gives one) are
// not taken. "3/4/2020" is read month first on English pages (<html lang>
// "en" or "en-US"), day first elsewhere. Month names and stamp words of
// written-out dates come from data/html/months.tsv (the month and stamp rows
// of docs/formats/lexicon.md, all languages in one file).
//
// Site-name cut: a title "Headline | Site" (the title_separator rows of
// data/html/metadata-words.tsv, between spaces: " | ", " - ", " – ", " » ",
// ...) loses the part that is the site name (either end, the longest such
// end first, so a name may hold a separator itself: "Headline - Lamp notes
// - Harbour Lights"; or a middle part with what follows it, "Headline -
// Site - Tagline"; ignoring case, spaces, dots, hyphens and underscores,
// or holding it and at most 3 bytes longer: "Harbour tours - Headline"
// keeps "Harbour tours" for the site "Harbour"); without a
// known site name, the <title> loses the end that names the page's host
// ("Headline - example.com"), else its last part when it is shorter than the
// rest and at most 5 words.
// Every title, heading or not, also loses a date written out before its
// first separator ("23.01.2022 - Headline").
//
// JSON-LD: every <script type="application/ld+json"> is parsed with
// simdjson; invalid JSON is skipped (raw control characters are read as
// spaces first, HTML comment and CDATA wrappers are dropped), arrays, @graph
// and nested objects are searched to depth 32; HTML character references in
// its strings are decoded.
//
// Not read: <script> (but JSON-LD and date keys of script data), <style>,
// <template>, and <noscript> unless it holds 2,000 bytes of text or more
// (the page's body, nested in it by the parser after an unclosed element:
// "<noscript><div></noscript>").
//
// Bounded work: one iterative walk of the tree; byline and date elements
// read at most 100 of each kind, at most 30 headings; the page text kept for
// written-out dates is at most 200,000 bytes, scanned once per date pattern.
//
// Byline prefixes, names that name no one, title separators, kicker and
// hidden-text classes and the class/id cues of author, date, modified and comment elements come
// from data/html/metadata-words.tsv (metadata_words.h, docs/formats/html.md).
//
// The parts: candidates.h (ranks and the Collector; the choice per field in
// metadata.cc), markup.h (the walk of the tree: <meta>, <link>, <time>,
// itemprop, headings, bylines), json_ld.h, dates.h (DateWords, dates in the
// URL and the text), titles.h (heading text, site names, the title's
// choice), authors.cc (names in bylines), metadata_words.h, meta_text.h.
#pragma once

#include <libxml/HTMLtree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "html/dates.h"
#include "html/html.h"
#include "html/metadata_words.h"

namespace storyline::html {

struct Metadata {
  std::vector<MetadataField> fields;  // in the order of html.h's field list
  // JSON-LD articleBody (or text), when the page gives one, for the content
  // extractor to reconcile with.
  std::optional<std::string> json_ld_body;
};

// Every candidate found, most trusted first within each field (fields in
// html.h's order); for inspecting and tuning the rules.
std::vector<MetadataField> MetadataCandidates(const xmlDoc& doc, const PageContext& context,
                                              const DateWords& words,
                                              const MetadataWords& page_words);

// Reads the metadata of `doc`. Never fails; bad JSON-LD is skipped. Without
// word lists, the embedded data/html/months.tsv and metadata-words.tsv.
Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context, const DateWords& words,
                      const MetadataWords& page_words);
Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context);

}  // namespace storyline::html
