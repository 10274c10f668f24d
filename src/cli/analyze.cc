// storyline analyze: runs the pipeline over the inputs, stores the articles,
// then links the new ones (near-duplicates, shared passages, stories).
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

int RunAnalyze(const AnalyzeArgs& args) {
  Result<store::Database> db = store::Database::Open(args.db);
  if (!db.ok()) return Fail(db.status());
  std::optional<store::JsonWriter> json;
  if (!args.json.empty()) {
    Result<store::JsonWriter> writer = store::JsonWriter::Create(args.json);
    if (!writer.ok()) return Fail(writer.status());
    json.emplace(std::move(writer).value());
  }
  Result<Analysis> analysis = AnalyzeInputs(args, "analyze", *db, json ? &*json : nullptr);
  if (!analysis.ok()) return Fail(analysis.status());
  const pipeline::Summary& summary = analysis->summary;
  const LinkSummary& linked = analysis->linked;
  if (analysis->rejected.size() > kRejectionsShown) {
    std::fprintf(stderr, "storyline: ... and %zu more rejected (all are listed in %s)\n",
                 analysis->rejected.size() - kRejectionsShown,
                 args.json.empty() ? args.db.c_str() : args.json.c_str());
  }
  // The closing line goes to stderr when stdout carries the JSON report.
  std::FILE* out = args.json == "-" ? stderr : stdout;
  std::fprintf(out, "read %llu, ingested %llu, rejected %llu in %.2f s; %llu new in %s%s%s\n",
               static_cast<unsigned long long>(summary.read),
               static_cast<unsigned long long>(summary.ingested),
               static_cast<unsigned long long>(summary.rejected), summary.seconds,
               static_cast<unsigned long long>(analysis->added), args.db.c_str(),
               args.json.empty() || args.json == "-" ? "" : ", JSON in ",
               args.json == "-" ? "" : args.json.c_str());
  if (const std::string skipped = analysis->SkippedLine(); !skipped.empty()) {
    std::fprintf(out, "%s\n", skipped.c_str());
  }
  if (linked.recomputed > 0) {
    std::fprintf(out,
                 "recomputed the link features of %llu stored articles from their text: they "
                 "were stored without features or under other link rules (stopword list)\n",
                 static_cast<unsigned long long>(linked.recomputed));
  }
  if (linked.linked == 0) {
    std::fprintf(out, "no new articles to link\n");
  } else {
    std::fprintf(out,
                 "linked %llu new articles in %.2f s: %llu shared passages, %llu stories joined "
                 "or started, %llu events reported or joined, %llu near-duplicate groups in the "
                 "database\n",
                 static_cast<unsigned long long>(linked.linked), linked.seconds,
                 static_cast<unsigned long long>(linked.passages),
                 static_cast<unsigned long long>(linked.stories),
                 static_cast<unsigned long long>(linked.events),
                 static_cast<unsigned long long>(linked.near_duplicates));
  }
  return summary.rejected == 0 ? kSuccess : kSomeRejected;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<AnalyzeArgs>();
  command
      .add_option("inputs", args->inputs,
                  "Files and folders to read (folders recursively): .txt (one article per "
                  "file), .html or .htm (one web page per file), .jsonl (one article per "
                  "line; an \"html\" field holds a web page) and .warc (one article per HTML "
                  "response), optionally gzip-compressed")
      ->required();
  command
      .add_option("--db", args->db,
                  "SQLite database to add the articles to; new articles are linked to all "
                  "stored ones (near-duplicates, shared passages, stories)")
      ->capture_default_str();
  command
      .add_option("--json", args->json,
                  "Also write the JSON report (this run's articles and their links) to FILE "
                  "('-': stdout)")
      ->option_text("FILE");
  command.add_option("--threads", args->threads, "Worker threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command
      .add_option("--data", args->data_dir,
                  "Folder of rule and dictionary files overriding the built-in ones "
                  "(same layout as data/); stored link features computed under another "
                  "stopword list are computed again when new articles are linked")
      ->check(CLI::ExistingDirectory);
  AddDictionaryOptions(command, args->dictionaries);
  command.callback([args, &run] { run = [args] { return RunAnalyze(*args); }; });
}

}  // namespace storyline::cli
