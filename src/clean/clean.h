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
//   - Article::language ISO 639-1 code of the body, "und" when unsure.
// Blank and whitespace-only lines are layout, not content: they are neither
// kept nor recorded. Every other line is either kept or recorded as removed.
//
// The cues that recognise boilerplate are data (data/boilerplate/en.tsv,
// format in docs/formats/boilerplate.md), month and weekday names too
// (data/lexicon/en/dates.tsv, docs/formats/lexicon.md).
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

namespace storyline::clean {

struct Options {
  // Boilerplate cues, a path relative to data/ (see core/data_files.h).
  std::string cues = "boilerplate/en.tsv";
  // Month and weekday names for datelines.
  std::string date_lexicon = "lexicon/en/dates.tsv";
  // The headline is looked for among the first this many non-blank lines;
  // more finds headlines under long ad blocks, fewer risks taking a body line.
  int title_search_lines = 12;
};

class Cleaner {
 public:
  // Loads and compiles the rule files. InvalidArgument with "file:line: message"
  // when a rule does not parse.
  static Result<Cleaner> Create(const Options& options, const DataFiles& data);

  // Never fails on content: any text yields an Article (possibly with empty
  // text and a warning). Copies id, origin, format and metadata from `doc`.
  Article Clean(RawDocument doc) const;

  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;
  ~Cleaner();

 private:
  struct Rules;
  explicit Cleaner(std::unique_ptr<const Rules> rules);
  std::unique_ptr<const Rules> rules_;
};

}  // namespace storyline::clean
