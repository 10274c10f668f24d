// storyline: the command-line tool. It only orchestrates: every stage is a
// library module under src/.
#include <malloc.h>

#include <cstdio>
#include <iterator>

#include "cli/commands.h"

namespace storyline::cli {
namespace {

struct CommandEntry {
  const char* name;
  const char* help;
  void (*add)(CLI::App& command, Handler& run);
};

constexpr CommandEntry kCommands[] = {
    {"analyze",
     "Read, clean and segment articles, tag their time expressions, find their entities "
     "(with CAMEO actor codes) and quotes (with speakers), code their CAMEO events, link them "
     "to every stored article (near-duplicates, shared passages, stories); store all in the "
     "database and JSON",
     AddAnalyzeCommand},
    {"show",
     "Print one stored article: its story, near-duplicates and shared passages, entities, "
     "quotes and events (each with the other articles that report the same event), then its "
     "clean text with its removed lines marked",
     AddShowCommand},
    {"brief",
     "Treat the inputs as one story and print its brief (an extractive summary), timeline, "
     "sources (who copied whom) and where the sources differ; nothing is stored unless --db "
     "is given",
     AddBriefCommand},
    {"serve",
     "Serve the database read-only over HTTP: the JSON API (docs/api.md) and the web app, "
     "on 127.0.0.1:8080 unless told otherwise",
     AddServeCommand},
    {"export",
     "Write the stored events out: export events --format gdelt (the GDELT 2.0 event table, "
     "and with --mentions its mentions table) or --format jsonl",
     AddExportCommand},
    {"code",
     "Code CAMEO events in JSON lines {\"id\", \"date\", \"text\"}: one line out per line in, "
     "{\"id\", \"events\"}, as in the report",
     AddCodeCommand},
    {"train", "Train a model from annotated data (train ner: the entity tagger)", AddTrainCommand},
    {"eval", "Score a stage on an annotated data set and print its figures", AddEvalCommand},
};

constexpr const char* kFooter =
    "Exit status: 0 all input ingested; 1 some input rejected (the rest processed);\n"
    "2 usage error; 3 the run failed (database or rule files).";

int Main(int argc, char** argv) {
  // The language detector allocates and frees a few hundred KB per article;
  // without a higher trim threshold glibc returns that memory to the system
  // each time and takes it back for the next article. Blocks that large are
  // also mapped and unmapped one by one (eight system calls an article, each
  // unmap stopping the other threads to flush their TLBs) unless the mmap
  // threshold is raised too.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  CLI::App app(
      "storyline turns a pile of news articles into a structured account of what "
      "happened.");
  app.footer(kFooter);
  app.set_version_flag("--version", STORYLINE_VERSION);
  app.require_subcommand(1);
  Handler run;
  for (const CommandEntry& entry : kCommands) {
    CLI::App* command = app.add_subcommand(entry.name, entry.help);
    command->footer(kFooter);
    entry.add(*command, run);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kSuccess : kUsage;
  }
  return run();
}

}  // namespace
}  // namespace storyline::cli

int main(int argc, char** argv) { return storyline::cli::Main(argc, argv); }
