// clean.h: turns a RawDocument into an Article with its main text and metadata.
//
// Consumes the text of one input record (scraped text: headline, section
// labels, ads, promotions, related-story lists, datelines, the body) and
// produces:
//   - Article::text     the body lines, each trimmed, joined by '\n';
//   - Article::removed  every non-blank line left out, with a reason code;
//   - Article::title    the headline, or nullopt when the text has none;
//   - Article::published  a date the text states (how = explicit), else the
//                         container's metadata (how = metadata), else unknown;
//                         for a web page its structured date comes first
//                         (metadata) and the WARC capture day last (capture);
//   - Article::metadata  for web pages (format "html"): what html::Extractor
//                        read, whose main text then goes through the line
//                        rules below as any text does;
//   - Article::language ISO 639-1 code of the body, "und" when unsure.
// Blank and whitespace-only lines (U+00A0 counts as white space) are layout,
// not content: they are neither kept nor recorded. Every other line is either
// kept or recorded as removed, in input order, with its 1-based line number,
// its trimmed text, a reason code and the offset in Article::text of the next
// kept line.
//
// Reason codes: the headline line is "headline" (it is metadata, not body) and
// its later copies "repeated_headline"; lines above the headline that match no
// cue are "section_label" (short) or "before_headline"; a line that is only a
// date is "dateline"; an inline link to another story is "related". Other
// codes come from the cue that matched: "ad", "promotion", "social",
// "photo_credit", "video", "related", "comment_prompt", "counter",
// "navigation", "section_label", "byline", "copyright", ...
//
// The cues that recognise boilerplate are data (data/boilerplate/en.tsv,
// format and the structural rules in docs/formats/boilerplate.md), month and
// weekday names too (data/lexicon/en/dates.tsv, docs/formats/lexicon.md).
//
// Cost: one pass over the lines; only short lines and lines that end without
// a sentence mark go through the cues (one RE2::Set pass each). CLD2 reads the
// first 256 bytes of the clean text.
//
// Deterministic: the output depends only on the document and the rules.
// A Cleaner is immutable once created; Clean() may run concurrently.
//
//   DataFiles data;
//   Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, data);
//   Article article = cleaner->Clean(std::move(raw));
#pragma once

#include <memory>
#include <string>

#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "html/html.h"

namespace storyline::clean {

struct Options {
  // Boilerplate cues, a path relative to data/ (see core/data_files.h).
  std::string cues = "boilerplate/en.tsv";
  // Month and weekday names for datelines.
  std::string date_lexicon = "lexicon/en/dates.tsv";
  // The headline is looked for among the first this many non-blank lines
  // (and above the first body paragraph); more finds headlines under long ad
  // blocks, fewer risks taking a body line. 0 means never find a headline.
  int title_search_lines = 12;
  // Web pages (RawDocument::format "html"): main text and metadata.
  html::Options html;
};

class Cleaner {
 public:
  // Loads and compiles the rule files. InvalidArgument with "file:line: message"
  // when a rule does not parse.
  static Result<Cleaner> Create(const Options& options, const DataFiles& data);

  // Never fails on content: any text yields an Article (with empty text and
  // an "empty_text" warning when nothing is left). Copies id, origin, format,
  // source_id, url, outlet and warnings from `doc`. A metadata title wins over
  // the detected one; the published date is the first dateline (or a date
  // opening the first body line), else the date part of `doc.published`.
  // Thread-safe: may run concurrently on one Cleaner.
  Article Clean(RawDocument doc) const;

  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;
  ~Cleaner();

 private:
  void ReadPage(RawDocument& doc, Article& article) const;
  struct Rules;
  explicit Cleaner(std::unique_ptr<const Rules> rules);
  std::unique_ptr<const Rules> rules_;
};

}  // namespace storyline::clean
