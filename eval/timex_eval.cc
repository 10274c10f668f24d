// timex_eval: scores the time-expression tagger on TimeML files, with
// chrono-node beside it when it is installed (eval/README.md).
//
//   timex_eval DIR [--errors] [--peer chrono|none] [--chrono-dir DIR]
//
// Reads every *.tml under DIR (e.g. TBAQ-cleaned/{TimeBank,AQUAINT}), takes
// each document's creation time as its publication date (chrono's reference
// date), strips the tags, tags the text and prints one row per system of the
// TempEval-3 task A timex figures (definitions in src/timex/timeml.h and
// docs/formats/timex.md) and its tagging speed in MB per CPU-second. Each
// system tags each text 20 times (once with --errors or --peer-errors). --errors
// also lists every miss, spurious timex, span mismatch and wrong value of ours,
// --peer-errors the same for chrono (in the lines, "ours" is then chrono's).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "chrono/chrono_peer.h"
#include "core/data_files.h"
#include "text/text.h"
#include "timex/timeml.h"
#include "timex/timex.h"

namespace storyline {
namespace {

constexpr const char* kColumns[] = {"strict P",  "strict R",   "strict F1", "relaxed P",
                                    "relaxed R", "relaxed F1", "type acc",  "value acc",
                                    "value F1",  "MB/s/core"};

void PrintHeader() {
  std::printf("%-20s %7s", "system", "timexes");
  for (const char* column : kColumns) std::printf(" %10s", column);
  std::printf("\n");
}

// MB/s/core: text bytes per CPU-second of tagging.
void PrintRow(const std::string& system, const timex::Tally& t, size_t bytes, double cpu_seconds) {
  std::printf("%-20s %7d", system.c_str(), t.system);
  for (const double figure : {t.StrictP(), t.StrictR(), t.StrictF1(), t.RelaxedP(), t.RelaxedR(),
                              t.RelaxedF1(), t.TypeAccuracy(), t.ValueAccuracy(), t.ValueF1()}) {
    std::printf(" %10.4f", figure);
  }
  std::printf(" %10.2f\n", cpu_seconds > 0 ? bytes / cpu_seconds / 1e6 : 0.0);
}

// chrono-node's row, or a line saying why there is none. With `errors`,
// chrono's misses and wrong values are listed first, as --errors lists ours.
void PrintChronoRow(const std::string& chrono_dir, const std::vector<timex::TimeMlFile>& files,
                    std::string* errors, int repeat) {
  Result<std::string> version = eval::ChronoVersion(chrono_dir);
  if (!version.ok()) {
    std::printf("%-20s not run: %s\n", "chrono-node", version.status().message().c_str());
    return;
  }
  Result<eval::PeerEval> scored = eval::EvaluateChrono(chrono_dir, files, errors, repeat);
  if (!scored.ok()) {
    std::printf("%-20s not run: %s\n", "chrono-node", scored.status().ToString().c_str());
    return;
  }
  if (errors) std::fputs(errors->c_str(), stdout);
  PrintRow("chrono-node " + *version, scored->tally, scored->bytes, scored->cpu_seconds);
}

int Main(int argc, char** argv) {
  CLI::App app{"Scores the time-expression tagger (and chrono-node) on TimeML files"};
  std::string dir;
  bool show_errors = false;
  bool show_peer_errors = false;
  std::string peer = "chrono";
  std::string chrono_dir = STORYLINE_SOURCE_DIR "/eval/chrono";
  app.add_option("DIR", dir, "folder of .tml files (searched recursively)")->required();
  app.add_flag("--errors", show_errors, "list every miss, spurious timex and wrong value of ours");
  app.add_flag("--peer-errors", show_peer_errors,
               "the same list for the peer (\"ours\" is then the peer)");
  app.add_option("--peer", peer, "peer to run beside ours")
      ->check(CLI::IsMember({"chrono", "none"}))
      ->capture_default_str();
  app.add_option("--chrono-dir", chrono_dir, "folder of chrono_tag.mjs and its node_modules")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // 2: usage error, as before
  }

  DataFiles data;
  Result<timex::Tagger> tagger = timex::Tagger::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  Result<std::vector<timex::TimeMlFile>> files = timex::ReadTimeMlDirectory(dir);
  for (const Status& status : {tagger.status(), segmenter.status(), files.status()}) {
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  // Both systems tag every text `repeat` times, so that the timing is long
  // enough and node's compiler has warmed up (its first pass is several
  // times slower than the next ones).
  const int repeat = show_errors || show_peer_errors ? 1 : 20;
  std::string errors;
  const timex::EvalRun run =
      timex::EvaluateFiles(*files, *tagger, *segmenter, show_errors ? &errors : nullptr, repeat);
  if (show_errors) std::fputs(errors.c_str(), stdout);
  std::printf("documents %d, gold timexes %d\n", run.documents, run.tally.gold);
  PrintHeader();
  PrintRow("storyline", run.tally, run.bytes, run.tag_seconds);
  std::string peer_errors;
  if (peer == "chrono")
    PrintChronoRow(chrono_dir, *files, show_peer_errors ? &peer_errors : nullptr, repeat);
  return 0;
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) { return storyline::Main(argc, argv); }
