// storyline eval tabari DIR / eval petrarch FILE: codes the records of an
// event coder's validation suite with the suite's own dictionaries and
// prints, per category and in total, how many expected events were found
// (events/validation.h says what is counted and how).
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/data_files.h"
#include "core/status.h"
#include "events/validation.h"
#include "pipeline/event_validation.h"

namespace storyline::cli {
namespace {

struct EvalEventsArgs {
  std::string path;
  std::string data_dir;
  std::string errors_file;
  double min_recall = 0;
  double min_precision = 0;
};

void PrintRow(const std::string& name, const events::Tally& t) {
  std::printf("%-12s %7d %8d %6d %6.3f %8d %9.3f %8d %8d %8d %6d\n", name.c_str(), t.records,
              t.expected, t.found, t.Recall(), t.produced, t.Precision(), t.silent,
              t.silent_honoured, t.unscored, t.unscored_produced);
}

void PrintTable(const std::string& suite, const events::SuiteScores& scores) {
  std::printf("%s validation: %d records scored, %d option records not coded\n", suite.c_str(),
              scores.total.records, scores.options);
  std::printf("%-12s %7s %8s %6s %6s %8s %9s %8s %8s %8s %6s\n", "category", "records", "expected",
              "found", "recall", "produced", "precision", "nothing", "honoured", "unscored",
              "events");
  for (const auto& [category, tally] : scores.categories) PrintRow(category, tally);
  PrintRow("total", scores.total);
}

// kFailure with a message when a figure is below its floor.
int CheckFloors(const EvalEventsArgs& args, const events::Tally& total) {
  if (total.Recall() < args.min_recall) {
    std::fprintf(stderr, "storyline: recall %.3f is below --min-recall %.3f\n", total.Recall(),
                 args.min_recall);
    return kFailure;
  }
  if (total.Precision() < args.min_precision) {
    std::fprintf(stderr, "storyline: precision %.3f is below --min-precision %.3f\n",
                 total.Precision(), args.min_precision);
    return kFailure;
  }
  return kSuccess;
}

int WriteErrors(const std::string& path, const std::string& errors) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  const bool written = file && std::fwrite(errors.data(), 1, errors.size(), file) == errors.size();
  if (file && std::fclose(file) != 0) return Fail(Status::IoError("cannot write " + path));
  return written ? kSuccess : Fail(Status::IoError("cannot write " + path));
}

int Run(const std::string& suite, const EvalEventsArgs& args) {
  const DataFiles data(args.data_dir);
  std::string errors;
  std::string* errors_out = args.errors_file.empty() ? nullptr : &errors;
  const Result<events::SuiteScores> scores =
      suite == "TABARI" ? pipeline::EvaluateTabari(args.path, data, errors_out)
                        : pipeline::EvaluatePetrarch(args.path, data, errors_out);
  if (!scores.ok()) return Fail(scores.status());
  if (errors_out && WriteErrors(args.errors_file, errors) != kSuccess) return kFailure;
  PrintTable(suite, *scores);
  return CheckFloors(args, scores->total);
}

void AddEvalEventsCommand(CLI::App& command, Handler& run, const std::string& suite,
                          const std::string& path_help) {
  auto args = std::make_shared<EvalEventsArgs>();
  command.add_option(suite == "TABARI" ? "DIR" : "FILE", args->path, path_help)->required();
  command.add_option("--errors", args->errors_file,
                     "Write every coded record to this file: its text, expected events found "
                     "(=) or missed (-), produced events not expected (+)");
  command.add_option("--data", args->data_dir, "Folder overriding the built-in data files");
  command
      .add_option("--min-recall", args->min_recall,
                  "Exit with status 3 when the recall of expected events is below this")
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--min-precision", args->min_precision,
                  "Exit with status 3 when the precision of produced events is below this")
      ->check(CLI::Range(0.0, 1.0));
  command.footer(
      "Columns: records scored; expected events; found (expected events produced with the same "
      "source, target and event code, as multisets); recall = found/expected; produced (events "
      "produced on scored records, negated ones excepted); precision = found/produced; nothing "
      "(records expecting no event or a discard) and honoured (of those, records coded with "
      "none); unscored (records the reference coder declines or that expect nothing of their "
      "text) and the events produced on them. Option records are not coded.\n"
      "Exit status: 0 figures printed, at or above the floors; 3 the suite could not be read or "
      "coded, or a figure is below its floor.\n");
  command.callback([args, suite, &run] { run = [args, suite] { return Run(suite, *args); }; });
}

}  // namespace

void AddEvalTabariCommand(CLI::App& command, Handler& run) {
  AddEvalEventsCommand(command, run, "TABARI",
                       "TABARI validation folder holding Validate.project and the files it names");
}

void AddEvalPetrarchCommand(CLI::App& command, Handler& run) {
  AddEvalEventsCommand(command, run, "PETRARCH",
                       "PETRARCH unit-test records (PETR.UnitTest.records.xml), beside the "
                       "dictionaries its <Environment> names");
}

}  // namespace storyline::cli
