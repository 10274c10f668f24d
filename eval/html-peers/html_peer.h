// html_peer.h: other HTML extractors run as peers of ours on the same pages,
// so that all are scored by the same code (pipeline/html_eval.h). Used by
// `storyline eval html`; eval/README.md tells how to install them.
//
//   readability       Mozilla Readability on jsdom (node readability.mjs),
//                     pinned in package.json and package-lock.json here
//   readability-lxml  Debian's python3-readability (readability_lxml.py)
//
// The C++ side writes the pages as a JSON list of {"id", "path", "url"}
// (the id is the page's index), runs the peer's script beside this file over
// it, 250 pages a process (jsdom's memory grows over a long run), and reads
// back one JSON line per page, {"id", "text", "title", "author", "date",
// "seconds"}, as pipeline::HtmlExtraction values.
//
//   Result<std::string> name = eval::HtmlPeerName("readability", dir);  // NotFound: how to install
//   Result<eval::HtmlPeerRun> run = eval::RunHtmlPeer("readability", dir, labels);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "pipeline/html_eval.h"

namespace storyline::eval {

// The peers, in the order a run shows them.
const std::vector<std::string>& HtmlPeers();

struct HtmlPeerRun {
  std::vector<pipeline::HtmlExtraction> pages;  // one per label, in order
  double cpu_seconds = 0;                       // the peer's CPU time parsing and extracting
  size_t failed = 0;                            // pages the peer reported an error for
  bool dates = false, authors = false;          // whether the peer reads them at all
};

// The peer and its installed version ("Readability 0.6.0 (jsdom 29.1.1)");
// NotFound, saying how to install it, when it is not installed (in `dir` for
// Readability, for Debian's python3 for readability-lxml); InvalidArgument
// for a name that is not a peer.
Result<std::string> HtmlPeerName(const std::string& peer, const std::string& dir);

// The peer scripts' input for `labels`.
std::string HtmlPeerJobs(const std::vector<pipeline::HtmlLabel>& labels);

// Reads a peer script's output. InvalidArgument when a line is not one of
// its records, names no page or a page twice, and when a page has none.
Result<HtmlPeerRun> ParseHtmlPeerResults(std::string_view output, size_t pages);

// Runs the peer over the pages (its own errors go to stderr). NotFound when
// node or python3 cannot be started, Internal when the script fails.
Result<HtmlPeerRun> RunHtmlPeer(const std::string& peer, const std::string& dir,
                                const std::vector<pipeline::HtmlLabel>& labels);

}  // namespace storyline::eval
