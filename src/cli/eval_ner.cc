// storyline eval ner: scores the entity tagger on a CoNLL file (conlleval
// exact matching) and measures its speed over the tagging calls alone.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "core/data_files.h"
#include "tagger/tagger.h"

namespace storyline::cli {
namespace {

struct EvalNerArgs {
  std::string file;
  std::string model;
  std::string data_dir;
  int repeat = 1;
};

double CpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

Result<tagger::Model> LoadModel(const EvalNerArgs& args) {
  if (args.model.empty()) return tagger::LoadModel(DataFiles{args.data_dir});
  SL_ASSIGN_OR_RETURN(const std::string bytes, ReadFile(args.model));
  return tagger::Model::Load(bytes);
}

void PrintCounts(const char* name, const tagger::Counts& counts) {
  std::printf("%-8s %9.4f %7.4f %7.4f %7llu %9llu %8llu\n", name, counts.Precision(),
              counts.Recall(), counts.F1(), static_cast<unsigned long long>(counts.gold),
              static_cast<unsigned long long>(counts.predicted),
              static_cast<unsigned long long>(counts.correct));
}

int RunEvalNer(const EvalNerArgs& args) {
  Result<std::vector<tagger::LabeledDocument>> documents = tagger::ReadConllFile(args.file);
  if (!documents.ok()) return Fail(documents.status());
  const double load_started = CpuSeconds();
  Result<tagger::Model> model = LoadModel(args);
  if (!model.ok()) return Fail(model.status());
  const double load_seconds = CpuSeconds() - load_started;
  std::vector<std::vector<tagger::Words>> words(documents->size());
  uint64_t tokens = 0;
  uint64_t sentences = 0;
  for (size_t d = 0; d < documents->size(); ++d) {
    for (const tagger::LabeledSentence& sentence : (*documents)[d].sentences) {
      words[d].emplace_back(sentence.words.begin(), sentence.words.end());
      tokens += sentence.words.size();
    }
    sentences += (*documents)[d].sentences.size();
  }
  // Only the tagging calls are timed, with one workspace as a worker of
  // analyze keeps; the first pass is scored.
  tagger::Scores scores;
  tagger::Workspace workspace;
  std::vector<std::vector<tagger::EntitySpan>> found;
  double tagging_seconds = 0;
  for (int pass = 0; pass < args.repeat; ++pass) {
    for (size_t d = 0; d < documents->size(); ++d) {
      const double started = CpuSeconds();
      model->Tag(words[d], workspace, &found);
      tagging_seconds += CpuSeconds() - started;
      if (pass > 0) continue;
      for (size_t s = 0; s < found.size(); ++s) {
        scores.Add((*documents)[d].sentences[s].entities, found[s]);
      }
    }
  }
  tokens *= args.repeat;
  sentences *= args.repeat;
  std::printf("%-8s %9s %7s %7s %7s %9s %8s\n", "type", "precision", "recall", "F1", "gold",
              "predicted", "correct");
  PrintCounts("overall", scores.overall);
  for (const auto& [type, counts] : scores.by_type) PrintCounts(type.c_str(), counts);
  const double seconds = std::max(tagging_seconds, 1e-9);
  std::printf(
      "tagged %llu tokens in %llu sentences (%zu documents x %d) in %.3f CPU s: %.0f "
      "tokens/s, %.0f sentences/s; model loaded in %.3f CPU s\n",
      static_cast<unsigned long long>(tokens), static_cast<unsigned long long>(sentences),
      documents->size(), args.repeat, tagging_seconds, static_cast<double>(tokens) / seconds,
      static_cast<double>(sentences) / seconds, load_seconds);
  return kSuccess;
}

}  // namespace

void AddEvalNerCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<EvalNerArgs>();
  command.add_option("FILE", args->file, "CoNLL file with gold entity tags (word first, tag last)")
      ->required();
  command.add_option("--model", args->model,
                     "Model file to score (default: data/ner/en.model, compiled in)");
  command.add_option("--data", args->data_dir, "Folder overriding data/ files (its ner/en.model)");
  command
      .add_option("--repeat", args->repeat,
                  "Tag each document this many times, for a steadier speed figure")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.callback([args, &run] { run = [args] { return RunEvalNer(*args); }; });
}

}  // namespace storyline::cli
