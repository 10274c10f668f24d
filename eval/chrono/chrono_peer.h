// chrono_peer.h: chrono-node, a JavaScript date parser, run as a peer of the
// timex tagger on the same texts, so that both are scored by the same code
// (timex::Score) and timed on the same bytes. Used by eval/timex_eval.cc and
// bench/timex_peer_bench.cc; eval/README.md tells how to install it.
//
// The C++ side writes one JSON line per text, runs `node chrono_tag.mjs`
// (beside this file) over them and reads back chrono's expressions as
// storyline::Timex values with byte spans into the same texts. How chrono's
// dates become TIMEX3 types and values is documented in chrono_tag.mjs.
//
//   Result<std::string> version = eval::ChronoVersion(dir);  // NotFound: not installed
//   Result<eval::PeerRun> run = eval::RunChrono(dir, jobs, /*repeat=*/1);
//   timex::Score(document, run->timexes[0]);
//   Result<eval::PeerEval> scored = eval::EvaluateChrono(dir, timeml_files);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "timex/timeml.h"
#include "timex/timex.h"

namespace storyline::eval {

struct PeerJob {
  std::string id;
  std::string_view text;              // must outlive the run
  std::optional<CivilDay> reference;  // the publication date, if any
};

struct PeerRun {
  std::vector<std::vector<Timex>> timexes;  // one list per job, in job order
  size_t bytes = 0;                         // text bytes parsed, every pass counted
  double cpu_seconds = 0;                   // node's CPU time inside chrono.parse
};

// The installed chrono-node version, read from DIR/node_modules/chrono-node;
// NotFound, saying how to install it, when it is not there.
Result<std::string> ChronoVersion(const std::string& dir);

// The input of chrono_tag.mjs: one JSON object a line, {"id", "text", "dct"}.
// Bytes that are not UTF-8 go out as U+FFFD (three bytes), so chrono's spans
// after them in that text are off; TimeML files are UTF-8.
std::string ChronoJobs(const std::vector<PeerJob>& jobs);

// Reads chrono_tag.mjs's output. Timex::sentence is 0 (chrono does not
// segment) and Timex::text the spanned bytes. InvalidArgument when a line is
// not one of its records, names no job or a job twice, or spans bytes outside
// the job's text, and when a job has no record.
Result<PeerRun> ParseChronoResults(std::string_view output, const std::vector<PeerJob>& jobs);

// Runs `node DIR/chrono_tag.mjs --repeat N` over the jobs (node's own errors
// go to stderr). NotFound when node is not on PATH, Internal when it fails.
Result<PeerRun> RunChrono(const std::string& dir, const std::vector<PeerJob>& jobs, int repeat = 1);

struct PeerEval {
  timex::Tally tally;
  size_t bytes = 0;
  double cpu_seconds = 0;  // as PeerRun
};

// RunChrono over the TimeML files, each with its DCT as reference date, and
// timex::Score on each; `errors` as timex::Score's, a "== name" line per file.
Result<PeerEval> EvaluateChrono(const std::string& dir, const std::vector<timex::TimeMlFile>& files,
                                std::string* errors = nullptr, int repeat = 1);

}  // namespace storyline::eval
