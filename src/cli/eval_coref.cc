// storyline eval coref [DIR]: codes the articles of an event-coreference
// corpus (examples/event-coref), links their event mentions and prints how
// well the linker's events match the gold events (pipeline/coref_eval.h
// says what is read, matched and counted).
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/data_files.h"
#include "core/status.h"
#include "pipeline/coref_eval.h"
#include "pipeline/text_coder.h"

namespace storyline::cli {
namespace {

struct EvalCorefArgs {
  std::string dir = "examples/event-coref";
  std::string data_dir;
  bool errors = false;
  double min_bcubed = 0;
};

void PrintFigures(const std::string& dir, const pipeline::CorefScores& s) {
  std::printf(
      "event coreference on %s: %zu gold rows of %zu gold events, %zu mentions linked "
      "into %zu events\n",
      dir.c_str(), s.rows.size(), s.gold_events, s.mentions, s.events.size());
  std::printf("rows found  %zu of %zu (%.3f), in %zu predicted events\n", s.found, s.rows.size(),
              s.rows.empty() ? 0.0 : static_cast<double>(s.found) / s.rows.size(),
              s.predicted_clusters);
  std::printf("B-cubed     P %.3f  R %.3f  F1 %.3f\n", s.bcubed.precision, s.bcubed.recall,
              s.bcubed.f1);
  std::printf("pairwise    P %.3f  R %.3f  F1 %.3f\n", s.pairwise.precision, s.pairwise.recall,
              s.pairwise.f1);
  std::printf("errors      %zu gold events split, %zu predicted events merging gold events\n",
              s.splits.size(), s.merges.size());
}

// "#12 040 KENGOV>TZA 2025-03-11 (timex)" for a predicted event's label.
std::string Describe(const pipeline::CorefScores& s, const std::string& label) {
  if (label.empty() || label[0] != '#') return label;
  const size_t index = std::stoul(label.substr(1));
  if (index >= s.events.size()) return label;
  const ReportedEvent& e = s.events[index];
  return label + " " + e.code + " " + e.source + ">" + (e.target.empty() ? "-" : e.target) + " " +
         e.date.value_or("undated") + " (" + e.date_how + ")";
}

void PrintError(const pipeline::CorefScores& s, const pipeline::CorefError& error) {
  std::printf("  %s\n", Describe(s, error.label).c_str());
  for (const pipeline::CorefPart& part : error.parts) {
    std::printf("    %s:", Describe(s, part.label).c_str());
    for (const std::string& article : part.articles) std::printf(" %s", article.c_str());
    std::printf("\n");
  }
}

void PrintErrors(const pipeline::CorefScores& s) {
  std::printf("\nsplit (gold event: predicted events and their articles)\n");
  for (const pipeline::CorefError& error : s.splits) PrintError(s, error);
  std::printf("\nmerged (predicted event: gold events and their articles)\n");
  for (const pipeline::CorefError& error : s.merges) PrintError(s, error);
}

int Run(const EvalCorefArgs& args) {
  const Result<pipeline::TextCoder> coder =
      pipeline::TextCoder::Create({}, DataFiles(args.data_dir));
  if (!coder.ok()) return Fail(coder.status());
  const Result<pipeline::CorefScores> scores = pipeline::EvaluateCoref(args.dir, *coder);
  if (!scores.ok()) return Fail(scores.status());
  PrintFigures(args.dir, *scores);
  if (args.errors) PrintErrors(*scores);
  if (scores->bcubed.f1 < args.min_bcubed) {
    std::fprintf(stderr, "storyline: B-cubed F1 %.3f is below --min-bcubed %.3f\n",
                 scores->bcubed.f1, args.min_bcubed);
    return kFailure;
  }
  return kSuccess;
}

}  // namespace

void AddEvalCorefCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<EvalCorefArgs>();
  command.add_option("DIR", args->dir,
                     "Corpus folder holding articles.jsonl and gold.tsv "
                     "(default: examples/event-coref)");
  command.add_flag("--errors", args->errors,
                   "Also list the gold events split over several predicted events and the "
                   "predicted events merging several gold events, with their articles");
  command.add_option("--data", args->data_dir, "Folder overriding the built-in data files");
  command
      .add_option("--min-bcubed", args->min_bcubed,
                  "Exit with status 3 when the B-cubed F1 is below this")
      ->check(CLI::Range(0.0, 1.0));
  command.footer(
      "Every article is coded at its publication date and its event mentions are linked into "
      "events. A gold row is found when its article has a mention of the row's CAMEO root "
      "with compatible source and target (one code a prefix of the other; meetings either "
      "way round), preferably dated to the row's day; its predicted event is the one that "
      "mention joined. A row not found is an event of its own. Figures over the gold rows: "
      "B-cubed and pairwise precision, recall and F1 of the predicted events against the "
      "gold events.\n"
      "Exit status: 0 figures printed, at or above the floor; 3 the corpus could not be read "
      "or coded, or the B-cubed F1 is below --min-bcubed.\n");
  command.callback([args, &run] { run = [args] { return Run(*args); }; });
}

}  // namespace storyline::cli
