// html_eval.h: scores HTML main-text and metadata extraction on a set of
// labelled web pages, as trafilatura's evaluation does (its
// tests/comparison_small.py, evaluate_result and calculate_scores). Used by
// `storyline eval html`, by the peers run beside it (eval/html-peers) and by
// the quality floor in a test.
//
// A set folder (../shared/data/html-extraction-dev) holds
//   - evaldata.json: URL -> {"file", "with": [snippets], "without":
//     [snippets], "title", "date", "author", ...}; "author" may be a list;
//   - pages/FILE.gz (gzip) or pages/FILE: the page as fetched.
//
// Snippets, per page: a "with" snippet found in the extracted text is a true
// positive, one not found a false negative; a "without" snippet found is a
// false positive, one not found a true negative. Found means a substring of
// the text once runs of white space (ASCII white space and U+00A0) are
// collapsed to one space in both the text and the snippet, and the snippet is
// trimmed; nothing else is normalised (case, quotes and dashes count). A page
// a system extracts nothing from counts every "with" as a false negative and
// every "without" as a true negative. Totals over the pages give precision
// TP/(TP+FP), recall TP/(TP+FN), F1 2TP/(2TP+FP+FN) and accuracy
// (TP+TN)/(TP+FP+FN+TN).
//
// Metadata, over the pages with a non-empty label: the title is right when
// equal after white space is collapsed and trimmed, case is folded (the
// labels copy the title as displayed, and a site's external style sheet often
// shows it in capitals: the page's own text is the title as written) and
// both are in Unicode's composed form (NFC); the date when the first 10
// characters of the extracted date equal the label; the author when the
// extracted authors joined by "; " equal the label (a list label is joined
// the same way), white space collapsed, case folded, composed.
//
//   SL_ASSIGN_OR_RETURN(std::vector<pipeline::HtmlLabel> labels, pipeline::ReadHtmlSet(dir));
//   pipeline::HtmlRun run = pipeline::ExtractHtmlPages(labels, extractor, /*jobs=*/1);
//   pipeline::HtmlScores scores;
//   for (size_t i = 0; i < labels.size(); ++i) scores.Add(labels[i], run.pages[i]);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "html/html.h"

namespace storyline::pipeline {

// One page of the set and its labels.
struct HtmlLabel {
  std::string url;
  std::string path;  // the page file: DIR/pages/FILE.gz when it exists, else DIR/pages/FILE
  std::vector<std::string> with, without;
  std::string title, date, author;  // empty: not labelled
};

// Reads DIR/evaldata.json, in its order. NotFound when it cannot be read;
// InvalidArgument when it is not an object of objects with a string "file".
// Page files are not opened here.
Result<std::vector<HtmlLabel>> ReadHtmlSet(const std::string& dir);

// What one system extracted from one page.
struct HtmlExtraction {
  std::optional<std::string> text;  // nullopt (or empty): nothing extracted
  std::string title, date;          // empty: none
  std::vector<std::string> authors;
};

// `text` with every run of ASCII white space and U+00A0 made one space,
// trimmed.
std::string CollapseWhitespace(std::string_view text);

struct SnippetCounts {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const;  // 0 when nothing was found
  double recall() const;
  double f1() const;
  double accuracy() const;
  SnippetCounts& operator+=(const SnippetCounts& other);
};

struct PageScore {
  SnippetCounts counts;
  std::vector<std::string> missed;    // "with" snippets not found
  std::vector<std::string> unwanted;  // "without" snippets found
};

PageScore ScorePage(const HtmlLabel& label, const HtmlExtraction& extraction);

bool TitleMatches(std::string_view label, std::string_view extracted);
bool DateMatches(std::string_view label, std::string_view extracted);
bool AuthorMatches(std::string_view label, const std::vector<std::string>& extracted);

struct FieldTally {
  size_t labelled = 0;  // pages with a label
  size_t right = 0;
  double accuracy() const { return labelled == 0 ? 0 : static_cast<double>(right) / labelled; }
};

struct HtmlScores {
  size_t pages = 0;
  size_t empty = 0;  // pages nothing was extracted from
  SnippetCounts counts;
  FieldTally title, date, author;
  // Scores one page and adds it to the totals; returns its score.
  PageScore Add(const HtmlLabel& label, const HtmlExtraction& extraction);
};

// Our side, the path a user's page takes: ingest::DecodeHtml on the bytes
// (no declared charset), then html::Extractor::Extract with the page's URL.
// `cpu_seconds` gets the thread CPU time of decoding and extracting (not of
// reading the file). A page that does not decode gives nothing.
HtmlExtraction ExtractHtmlPage(const html::Extractor& extractor, std::string bytes,
                               std::string_view url, double* cpu_seconds = nullptr);

struct HtmlRun {
  std::vector<HtmlExtraction> pages;  // one per label, in order
  double cpu_seconds = 0;             // summed over the pages (decode and extract)
  std::vector<std::string> unread;    // "path: reason" for each page file that could not be read
};

// Reads every page (gzip or not) and extracts it with ExtractHtmlPage, on
// `jobs` threads. A page file that cannot be read gives nothing (and a line
// in `unread`).
HtmlRun ExtractHtmlPages(const std::vector<HtmlLabel>& labels, const html::Extractor& extractor,
                         int jobs = 1);

}  // namespace storyline::pipeline
