// storyline brief: the quick path for a handful of articles. Analyses the
// inputs as `analyze` does (in memory unless --db names a database), treats
// them as one story and prints its brief, timeline, sources and differences.
#include "brief/brief.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/story_input.h"
#include "brief/json.h"
#include "cli/analysis.h"
#include "cli/commands.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

// SQLite's name for a database that lives and dies with the connection.
constexpr const char* kInMemory = ":memory:";

struct BriefArgs {
  AnalyzeArgs analyze;
  uint32_t words = brief::Options{}.brief_words;
  bool json = false;
};

std::string ShortId(const std::string& id) { return id.substr(0, 8); }

// How the text output names an article's source: its outlet, else its file.
class Labels {
 public:
  explicit Labels(const std::vector<Article>& articles) {
    for (const Article& article : articles) {
      const std::string origin = std::filesystem::path(article.origin).filename().string();
      by_id_[article.id] = article.outlet.value_or(origin);
    }
  }
  const std::string& Of(const std::string& article) const { return by_id_.at(article); }
  const std::string& Of(const brief::SourceRef& source) const { return Of(source.article); }

 private:
  std::map<std::string, std::string> by_id_;
};

std::string OneLine(const std::string& text) {
  std::string line;
  for (char c : text) line += c == '\n' ? ' ' : c;
  return line;
}

void PrintBrief(const brief::Summary& summary, const Labels& labels) {
  std::printf("Brief\n");
  for (const brief::SummarySentence& sentence : summary.sentences) {
    std::string also;
    for (const brief::SourceRef& copy : sentence.also_in) {
      also += (also.empty() ? "; also in " : ", ") + labels.Of(copy);
    }
    std::printf("  %s\n    [%s, article %s, sentence %u%s]\n", OneLine(sentence.text).c_str(),
                labels.Of(sentence.source).c_str(), ShortId(sentence.source.article).c_str(),
                sentence.source.sentence, also.c_str());
  }
}

void PrintTimeline(const std::vector<brief::TimelineItem>& timeline, const Labels& labels) {
  std::printf("\nTimeline\n");
  for (const brief::TimelineItem& item : timeline) {
    std::string what = item.kind == "event" ? item.code + " " + item.source_actor : "statement";
    if (!item.target_actor.empty()) what += " -> " + item.target_actor;
    std::string outlets;
    for (const brief::SourceRef& source : item.sources) {
      outlets += (outlets.empty() ? "" : ", ") + labels.Of(source);
    }
    std::printf("  %-10s %-11s %-22s %s\n    [%s]\n", item.date.value_or("undated").c_str(),
                item.date_how.c_str(), what.c_str(), OneLine(item.text).c_str(), outlets.c_str());
  }
}

void PrintSources(const brief::Sources& sources, const Labels& labels) {
  std::printf("\nSources\n");
  for (const brief::Source& source : sources.outlets) {
    for (const brief::ArticleSource& article : source.articles) {
      std::printf("  %-20s %s %-10s %s%s\n", labels.Of(article.id).c_str(),
                  ShortId(article.id).c_str(), article.published.value_or("undated").c_str(),
                  OneLine(article.title.value_or("-")).c_str(), source.first ? " (first)" : "");
    }
  }
  for (const brief::Copy& copy : sources.copies) {
    std::printf("  %s %s carries %u bytes (%.0f%% of its text) %s %s %s\n",
                labels.Of(copy.to).c_str(), ShortId(copy.to).c_str(), copy.bytes, 100 * copy.share,
                copy.direction_known ? "copied from" : "shared with", labels.Of(copy.from).c_str(),
                ShortId(copy.from).c_str());
  }
}

void PrintDifferences(const std::vector<brief::Difference>& differences, const Labels& labels) {
  std::printf("\nWhere sources differ\n");
  if (differences.empty()) std::printf("  nothing found\n");
  for (const brief::Difference& difference : differences) {
    std::printf("  %s: %s\n", difference.kind.c_str(), difference.what.c_str());
    for (const brief::Variant& variant : difference.variants) {
      std::printf("    %s: \"%s\"\n", labels.Of(variant.source).c_str(),
                  OneLine(variant.text).c_str());
    }
    if (!difference.missing_from.empty()) {
      std::string missing;
      for (const std::string& outlet : difference.missing_from) {
        // An article without an outlet stands for its file: its name is enough.
        missing +=
            (missing.empty() ? "" : ", ") + std::filesystem::path(outlet).filename().string();
      }
      std::printf("    not in: %s\n", missing.c_str());
    }
  }
}

int RunBrief(const BriefArgs& args) {
  const std::string path = args.analyze.db.empty() ? kInMemory : args.analyze.db;
  Result<store::Database> db = store::Database::Open(path);
  if (!db.ok()) return Fail(db.status());
  Result<Analysis> analysis = AnalyzeInputs(args.analyze, "brief", *db, nullptr);
  if (!analysis.ok()) return Fail(analysis.status());
  std::fprintf(stderr, "read %llu, ingested %llu, rejected %llu in %.2f s\n",
               static_cast<unsigned long long>(analysis->summary.read),
               static_cast<unsigned long long>(analysis->summary.ingested),
               static_cast<unsigned long long>(analysis->summary.rejected),
               analysis->summary.seconds);
  Result<api::StoredStory> story = api::LoadStory(*db, analysis->article_ids);
  if (!story.ok()) return Fail(story.status());
  Result<std::shared_ptr<const link::Stopwords>> stopwords = LoadStopwords(args.analyze.data_dir);
  if (!stopwords.ok()) return Fail(stopwords.status());
  brief::Options options;
  options.brief_words = args.words;
  options.stopwords = stopwords->get();
  const brief::Digest digest = brief::Summarize(story->Input(), options);
  if (args.json) {
    std::printf("%s\n", brief::ToJson(digest).dump(2).c_str());
  } else {
    const Labels labels(story->articles);
    PrintBrief(digest.brief, labels);
    PrintTimeline(digest.timeline, labels);
    PrintSources(digest.sources, labels);
    PrintDifferences(digest.differences, labels);
  }
  return analysis->summary.rejected == 0 ? kSuccess : kSomeRejected;
}

}  // namespace

void AddBriefCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<BriefArgs>();
  args->analyze.db.clear();
  command
      .add_option("inputs", args->analyze.inputs,
                  "Files and folders to read, as analyze reads them; all their articles "
                  "make one story")
      ->required();
  command.add_option("--words", args->words, "Length of the brief in words")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_flag("--json", args->json,
                   "Print {\"brief\", \"timeline\", \"sources\", \"copies\", \"differences\"} "
                   "as JSON instead of text");
  command.add_option("--db", args->analyze.db,
                     "Also add the articles to this SQLite database, as analyze does "
                     "(default: nothing is written)");
  command.add_option("--threads", args->analyze.threads, "Worker threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command
      .add_option("--data", args->analyze.data_dir,
                  "Folder of rule and dictionary files overriding the built-in ones "
                  "(same layout as data/)")
      ->check(CLI::ExistingDirectory);
  AddDictionaryOptions(command, args->analyze.dictionaries);
  command.callback([args, &run] { run = [args] { return RunBrief(*args); }; });
}

}  // namespace storyline::cli
