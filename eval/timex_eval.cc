// timex_eval: scores the time-expression tagger on TimeML files.
//
//   timex_eval DIR [--errors]
//
// Reads every *.tml under DIR (e.g. TBAQ-cleaned/{TimeBank,AQUAINT}), takes
// each document's creation time as its publication date, strips the tags,
// segments and tags the text, and prints the TempEval-3 task A timex figures
// (definitions in src/timex/timeml.h and docs/formats/timex.md) and the
// tagging speed (each text tagged 20 times; once with --errors). --errors also lists every miss,
// spurious timex, span mismatch and wrong value.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/data_files.h"
#include "text/text.h"
#include "timex/timeml.h"
#include "timex/timex.h"

int main(int argc, char** argv) {
  using namespace storyline;
  if (argc < 2) {
    std::fprintf(stderr, "usage: timex_eval DIR [--errors]\n");
    return 2;
  }
  const bool show_errors = argc > 2 && std::strcmp(argv[2], "--errors") == 0;
  DataFiles data;
  Result<timex::Tagger> tagger = timex::Tagger::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  if (!tagger.ok() || !segmenter.ok()) {
    std::fprintf(stderr, "%s\n",
                 (tagger.ok() ? segmenter.status() : tagger.status()).ToString().c_str());
    return 1;
  }
  std::string errors;
  Result<timex::EvalRun> run =
      timex::EvaluateDirectory(argv[1], *tagger, *segmenter, show_errors ? &errors : nullptr,
                               /*repeat=*/show_errors ? 1 : 20);
  if (!run.ok()) {
    std::fprintf(stderr, "%s\n", run.status().ToString().c_str());
    return 1;
  }
  if (show_errors) std::fputs(errors.c_str(), stdout);
  const timex::Tally& t = run->tally;
  std::printf("documents %d, gold %d, system %d\n", run->documents, t.gold, t.system);
  std::printf("strict   P %.4f  R %.4f  F1 %.4f\n", t.StrictP(), t.StrictR(), t.StrictF1());
  std::printf("relaxed  P %.4f  R %.4f  F1 %.4f\n", t.RelaxedP(), t.RelaxedR(), t.RelaxedF1());
  std::printf("type accuracy %.4f  value accuracy %.4f  value F1 %.4f\n", t.TypeAccuracy(),
              t.ValueAccuracy(), t.ValueF1());
  std::printf("tagging %.2f MB/s (%zu bytes in %.3f s)\n",
              run->tag_seconds > 0 ? run->bytes / run->tag_seconds / 1e6 : 0.0, run->bytes,
              run->tag_seconds);
  return 0;
}
