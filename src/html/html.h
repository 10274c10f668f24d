// html.h: a web page's main text and metadata.
//
// Consumes the markup of one page (UTF-8; ingest converts other charsets) and
// the context a container gives (its URL, the capture date of a WARC record).
// Produces a Page:
//   - text: the article body's paragraphs, headings, list items, block quotes
//     and preformatted blocks, one block a line (joined by '\n'), without
//     navigation, menus, share bars, related links, comments, cookie notices,
//     ads and captions. Candidates are scored on text and link density,
//     structure and class/id cues (data/html/cues.tsv, docs/formats/html.md);
//     JSON-LD articleBody is reconciled with the chosen block when present.
//   - metadata: title, published and modified dates, authors, site name,
//     canonical URL and language, each a MetadataField with `how` and
//     `evidence`. Published is kept apart from modified (a page that gives
//     no published date but a modified one has it stand for the published
//     date too, its evidence saying so); a date after the capture date is
//     not taken. The capture date is not a metadata field:
//     the cleaner falls back to it (DateHow::kCapture).
//
// Parsing: libxml2's HTML parser with recovery on and network access off.
// Bounded work: the page is parsed once, every walk of the tree is iterative
// (100,000 nested elements take no stack), and each pass is linear in the
// number of nodes.
//
// Deterministic. An Extractor is immutable once created; Extract() may run
// concurrently.
//
//   Result<html::Extractor> extractor = html::Extractor::Create({}, data);
//   html::Page page = extractor->Extract(markup, {.url = "https://..."});
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"

namespace storyline::html {

struct Options {
  // Class and id cues for boilerplate and content containers, a path
  // relative to data/ (see core/data_files.h).
  std::string cues = "html/cues.tsv";
  // Month names and stamp words for dates written out in pages (format in
  // the file's header), a path relative to data/.
  std::string date_words = "html/months.tsv";
  // Byline prefixes, names that name no one, and the class cues of kickers,
  // bylines, dates and comments (format in docs/formats/html.md), a path
  // relative to data/.
  std::string metadata_words = "html/metadata-words.tsv";
};

struct PageContext {
  std::string_view url;                 // where the page was fetched from; may be empty
  std::optional<std::string> captured;  // ISO 8601 capture time (WARC-Date)
};

struct Page {
  std::string text;  // main content, one block a line, '\n' between blocks
  std::vector<MetadataField> metadata;
  std::vector<Warning> warnings;  // e.g. "html_no_content"

  // The first value of `field`, or nullopt.
  std::optional<std::string> First(std::string_view field) const;
};

class Extractor {
 public:
  // Loads the cue, date-word and metadata-word files. InvalidArgument with
  // "file:line: message" when a line does not parse.
  static Result<Extractor> Create(const Options& options, const DataFiles& data);

  // Never fails: markup that yields no body gives empty text and a warning.
  Page Extract(std::string_view markup, const PageContext& context) const;

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

 private:
  struct Rules;
  explicit Extractor(std::unique_ptr<const Rules> rules);
  std::unique_ptr<const Rules> rules_;
};

}  // namespace storyline::html
