// storyline eval quotes DIR: scores the quote finder on PolNeAR (DIR holds
// the train/ and dev/ splits) and prints the figures of quotes/polnear.h.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "core/data_files.h"
#include "entities/entities.h"
#include "pipeline/facts.h"
#include "quotes/polnear.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace storyline::cli {
namespace {

struct EvalQuotesArgs {
  std::string dir;
  std::string split = "dev";
  std::string data_dir;
  bool errors = false;
  bool without_entities = false;
  int repeat = 1;
};

void PrintFigures(const std::string& split, const quotes::EvalRun& run) {
  const quotes::DirectTally& d = run.scores.direct;
  std::printf("PolNeAR %s: %d articles, %zu sentences\n", split.c_str(), run.articles,
              run.sentences);
  std::printf("direct quotes  gold %d  found %.3f  right speaker %.3f", d.gold, d.Found(),
              d.RightSpeaker());
  if (d.right_speaker_entity != d.right_speaker) {
    std::printf(" (by entity %.3f)", d.RightSpeakerEntity());
  }
  std::printf("  precision %.3f (%d of %d direct/partial)\n", d.Precision(), d.system_matched,
              d.system);
  for (const auto& [name, t] :
       {std::pair{"source ", run.scores.source}, std::pair{"content", run.scores.content}}) {
    std::printf(
        "%s        gold %d system %d  exact P %.3f R %.3f F1 %.3f  "
        "partial P %.3f R %.3f F1 %.3f\n",
        name, t.gold, t.system, t.ExactP(), t.ExactR(), t.ExactF1(), t.PartialP(), t.PartialR(),
        t.PartialF1());
  }
  if (run.find_seconds > 0) {
    std::printf("speed          %.0f sentences/s in Finder::Find (one thread, %d passes)\n",
                run.SentencesPerSecond(), run.repeat);
  }
}

int Run(const EvalQuotesArgs& args) {
  const DataFiles data(args.data_dir);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  if (!segmenter.ok()) return Fail(segmenter.status());
  const Result<std::vector<quotes::PolnearArticle>> articles =
      quotes::ReadPolnearSplit(args.dir + "/" + args.split);
  if (!articles.ok()) return Fail(articles.status());
  // With entities, the facts stage as analyze runs it, for speakers
  // resolved to entities; its quote finder is the one scored and timed.
  std::optional<pipeline::FactsStage> facts;
  std::optional<quotes::Finder> finder;
  quotes::Annotate annotate;
  entities::Workspace workspace;
  if (args.without_entities) {
    Result<quotes::Finder> loaded = quotes::Finder::Create({}, data);
    if (!loaded.ok()) return Fail(loaded.status());
    finder.emplace(std::move(loaded).value());
  } else {
    Result<pipeline::FactsStage> loaded = pipeline::FactsStage::Create({}, data);
    if (!loaded.ok()) return Fail(loaded.status());
    facts.emplace(std::move(loaded).value());
    annotate = [&](Article& article, const std::vector<std::vector<text::Token>>& words) {
      article.entities = facts->recognizer().Find(article, words, workspace);
    };
  }
  const quotes::Finder& scored = facts ? facts->quotes() : *finder;
  std::string errors;
  const quotes::EvalRun run = quotes::EvaluateArticles(
      *articles, scored, *segmenter, annotate, args.errors ? &errors : nullptr, args.repeat);
  std::fputs(errors.c_str(), stdout);
  PrintFigures(args.split, run);
  return kSuccess;
}

}  // namespace

void AddEvalQuotesCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<EvalQuotesArgs>();
  command.add_option("DIR", args->dir, "PolNeAR folder holding train/ and dev/")->required();
  command.add_option("--split", args->split, "Which split to score")
      ->check(CLI::IsMember({"dev", "train"}))
      ->capture_default_str();
  command.add_flag("--errors", args->errors,
                   "List missed and wrong quotes, false alarms and missed or spurious contents");
  command.add_option("--data", args->data_dir, "Folder overriding the built-in data files");
  command.add_flag("--without-entities", args->without_entities,
                   "Find quotes without running the entity stage first (speakers are then "
                   "phrases only, not resolved to entities)");
  command.add_option("--repeat", args->repeat, "Find each article's quotes N times, for timing")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.callback([args, &run] { run = [args] { return Run(*args); }; });
}

}  // namespace storyline::cli
