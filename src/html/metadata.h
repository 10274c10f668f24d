// metadata.h (internal): a parsed page's metadata, with where each value
// came from (see html.h for the fields).
//
// Every source gives candidates; each field takes the candidate of the most
// trusted source, the first in page order among equals (authors: all names
// of that source, in page order). Sources, most trusted first:
//
//   title      JSON-LD headline/name of an Article-like object (Article,
//              NewsArticle, BlogPosting, ...*Article, *Posting, Report),
//              og:title, twitter:title, <title>, then the first <h1>. A
//              site-name part is cut from all of them (below).
//   published  JSON-LD datePublished (Article-like objects before others,
//              then dateCreated); <meta> article:published_time,
//              datePublished, og:published_time, parsely-pub-date,
//              sailthru.date, DC.date.issued, dcterms.created, ...; weaker
//              <meta> names (date, pubdate, publishdate, DC.date); elements
//              with itemprop="datePublished" (content, datetime or text),
//              <time pubdate>, <abbr class="published" title>; a full date
//              in the URL (/2021/09/28/, /2021-09-28/, /20210928/; a year and
//              month alone give nothing); <time datetime> inside an element
//              whose class or id suggests a date or byline; a date written
//              out in such an element ("Published on 3 March 2020",
//              "03.03.2020", "31. Mai 2012", "March 3, 2020"); the first
//              <time datetime> of the page.
//   modified   JSON-LD dateModified, <meta> article:modified_time,
//              og:updated_time, dateModified, DC.date.modified, ...,
//              itemprop="dateModified", <time> with class "updated" or
//              "modified". Never taken as published, nor the other way.
//   author     JSON-LD author of the Article-like object (a string, an
//              object with "name", or an array of them); <meta> author,
//              article:author, DC.creator, citation_author, parsely-author,
//              sailthru.author (values that are URLs are ignored); elements
//              with itemprop="author"; rel="author" links; elements whose
//              class or id names an author or byline (outside comments).
//              Names are cleaned of "By ", "Von ", "Autor:", trailing dates
//              and " | ..."; longer than 80 bytes or 8 words is not a name.
//   site_name  og:site_name, JSON-LD publisher.name, application-name,
//              JSON-LD WebSite name.
//   canonical_url  <link rel="canonical"> (resolved against the page URL),
//              og:url, JSON-LD url / mainEntityOfPage.
//   language   <html lang>, JSON-LD inLanguage, og:locale ("de_DE" is given
//              as "de-DE"), <meta http-equiv="content-language">.
//
// Dates: ISO "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" with "±HH:MM" when the
// page gives a zone ("Z" becomes "+00:00"). Impossible dates, dates before
// 1995 and dates after the capture date (when the context gives one) are
// not taken. Month names of written-out dates come from data/html/months.tsv
// (month rows of docs/formats/lexicon.md, all languages in one file).
//
// Site-name cut: a title "Headline | Site" (also " - ", " – ", " — ", " :: ",
// " · ", " » ", " / ") loses the part that matches the site name (either
// end); without a known site name, the last part is cut when it is shorter
// than the rest and at most 5 words.
//
// JSON-LD: every <script type="application/ld+json"> is parsed with
// simdjson; invalid JSON is skipped (raw control characters are read as
// spaces first), arrays, @graph and nested objects are searched to depth 32.
// Walks of the page tree are iterative and linear.
#pragma once

#include <libxml/HTMLtree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "html/html.h"

namespace storyline::html {

struct Metadata {
  std::vector<MetadataField> fields;  // in the order of html.h's field list
  // JSON-LD articleBody (or text), when the page gives one, for the content
  // extractor to reconcile with.
  std::optional<std::string> json_ld_body;
};

// Month names (data/html/months.tsv), compiled into the patterns that find
// written-out dates.
class DateWords {
 public:
  // InvalidArgument "file:line: message" on a bad row or a name listed twice.
  static Result<DateWords> Parse(std::string_view file_name, std::string_view contents);
  // The embedded data/html/months.tsv, loaded once.
  static const DateWords& Default();

  // The first date written out in `text` as "YYYY-MM-DD", with the byte
  // offset where it starts; nullopt when there is none.
  struct Found {
    std::string date;
    size_t offset = 0;
  };
  // "3/4/2020" is read as March 4 when `slash_month_first`, else as 3 April
  // (also when the first number is above 12).
  std::optional<Found> FindDate(std::string_view text, bool slash_month_first = true) const;
  // The first `limit` dates written out in `text`, in text order. Linear in
  // the text (each pattern scans it about once).
  std::vector<Found> FindDates(std::string_view text, size_t limit,
                               bool slash_month_first = true) const;

  // A stamp word ("published", "veröffentlicht", "stand") in the 40 bytes
  // of `text` before `offset`, as written; nullopt when there is none.
  bool IsStamp(std::string_view word) const;
  std::optional<std::string> StampBefore(std::string_view text, size_t offset) const;

  DateWords(DateWords&&) noexcept;
  DateWords& operator=(DateWords&&) noexcept;
  ~DateWords();

 private:
  struct Patterns;
  explicit DateWords(std::unique_ptr<const Patterns> patterns);
  std::optional<Found> NextDate(const void* pattern, std::string_view text, size_t from,
                                bool slash_month_first) const;
  std::unique_ptr<const Patterns> patterns_;
};

// Every candidate found, most trusted first within each field (fields in
// html.h's order); for inspecting and tuning the rules.
std::vector<MetadataField> MetadataCandidates(const xmlDoc& doc, const PageContext& context,
                                              const DateWords& words);

// Reads the metadata of `doc`. Never fails; bad JSON-LD is skipped.
Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context, const DateWords& words);
Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context);

}  // namespace storyline::html
