// storyline analyze: runs the pipeline over the inputs, stores the articles,
// then links the new ones (near-duplicates, shared passages, stories).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/dictionaries.h"
#include "cli/link_stage.h"
#include "cli/progress.h"
#include "core/data_files.h"
#include "link/link.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

// Rejections printed on stderr before the rest are only counted; all of them
// are in the database and the JSON report.
constexpr size_t kRejectionsShown = 20;
// Articles stored per database transaction. A commit costs a few
// milliseconds of page writes, so batches of this size keep it a small share
// of the run; a run killed midway loses at most one batch, which the next run
// redoes.
constexpr size_t kArticlesPerTransaction = 1024;

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string db = "storyline.db";
  std::string json;
  std::string data_dir;
  DictionaryArgs dictionaries;
  int threads = 0;
};

// Stores each finished batch as it arrives: in the database (one transaction
// per batch) and in the JSON report.
class StoringSink : public pipeline::Sink {
 public:
  // `stored`: the articles the database held before the run, which the
  // pipeline passes on unanalysed (Options::already_stored).
  StoringSink(store::Database& db, int64_t run, const store::StoredIds& stored,
              store::JsonWriter* json)
      : db_(db), run_(run), stored_(stored), json_(json) {}

  Status Articles(std::vector<Article>& batch) override {
    for (Article& article : batch) {
      const bool stored = stored_.Contains(article.id);
      if (json_ != nullptr) {
        if (stored) {
          // As stored, whole: the pipeline did not analyse it again.
          SL_ASSIGN_OR_RETURN(const Article stored_article, db_.GetArticle(article.id));
          SL_RETURN_IF_ERROR(json_->Write(stored_article));
        } else {
          SL_RETURN_IF_ERROR(json_->Write(article));
        }
        article_ids_.push_back(article.id);
      }
      if (!stored) pending_.push_back(std::move(article));
    }
    return pending_.size() >= kArticlesPerTransaction ? Flush() : Status::Ok();
  }

  // Stores the articles not stored yet.
  Status Flush() {
    if (pending_.empty()) return Status::Ok();
    SL_ASSIGN_OR_RETURN(const size_t added, db_.PutArticles(run_, pending_));
    added_ += added;
    pending_.clear();
    return Status::Ok();
  }

  Status Rejected(const Rejection& rejection) override {
    if (rejected_.size() < kRejectionsShown) {
      progress_.Finish();
      std::fprintf(stderr, "storyline: rejected %s: %s\n", rejection.origin.c_str(),
                   rejection.reason.c_str());
    }
    rejected_.push_back(rejection);
    return Status::Ok();
  }

  void Skipped(const ingest::SkippedRecords& skipped) override {
    for (const auto& [reason, count] : skipped.reasons) skipped_[reason] += count;
  }

  void Advanced(const pipeline::Progress& progress) override { progress_.Update(progress); }

  void Finish() { progress_.Finish(); }
  uint64_t added() const { return added_; }
  // The ids of the articles written to the JSON report, in input order.
  const std::vector<std::string>& article_ids() const { return article_ids_; }
  const std::vector<Rejection>& rejected() const { return rejected_; }
  const std::map<std::string, uint64_t>& skipped() const { return skipped_; }

  // "N WARC records skipped (M request, K metadata, ...)", most frequent
  // reason first; empty when none was.
  std::string SkippedLine() const {
    if (skipped_.empty()) return "";
    std::vector<std::pair<std::string, uint64_t>> reasons(skipped_.begin(), skipped_.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    uint64_t total = 0;
    std::string list;
    for (const auto& [reason, count] : reasons) {
      total += count;
      list += (list.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
    }
    return std::to_string(total) + " WARC record" + (total == 1 ? "" : "s") +
           " skipped, not articles (" + list + ")";
  }

 private:
  store::Database& db_;
  int64_t run_;
  const store::StoredIds& stored_;
  store::JsonWriter* json_;
  ProgressBar progress_;
  std::vector<Article> pending_;
  std::vector<std::string> article_ids_;
  uint64_t added_ = 0;
  std::vector<Rejection> rejected_;
  std::map<std::string, uint64_t> skipped_;  // by reason, over all files
};

std::string OptionsJson(const AnalyzeArgs& args, const pipeline::Options& options) {
  nlohmann::json json = {
      {"inputs", args.inputs},
      {"threads", options.threads},
      {"data_dir", options.data_dir},
      {"max_record_bytes", options.ingest.max_record_bytes},
      {"clean",
       {{"cues", options.clean.cues},
        {"date_lexicon", options.clean.date_lexicon},
        {"title_search_lines", options.clean.title_search_lines}}},
      {"text", {{"abbreviations", options.text.abbreviations}, {"locale", options.text.locale}}},
      {"entities",
       {{"model", options.facts.entities.model},
        {"actor_files", options.facts.actors.actor_files},
        {"agent_files", options.facts.actors.agent_files}}},
      {"events",
       {{"verb_files", options.facts.events.verb_files},
        {"discard_files", options.facts.events.discard_files}}},
      {"link",
       {{"near_duplicate_threshold", options.link.near_duplicates.threshold},
        {"passage_seed_words", options.link.passages.seed_words},
        {"passage_min_bytes", options.link.passages.min_bytes},
        {"story_join_threshold", options.link.stories.join_threshold},
        {"story_window_days", options.link.stories.window_days}}}};
  return json.dump();
}

// The story clusterer's stopwords from the data folder (compiled in unless
// --data names one).
Result<std::shared_ptr<const link::Stopwords>> LoadStopwords(const std::string& data_dir) {
  SL_ASSIGN_OR_RETURN(const std::string contents, DataFiles{data_dir}.Read(link::kStopwordsFile));
  Result<link::Stopwords> stopwords = link::Stopwords::Parse(contents);
  if (!stopwords.ok()) {
    return Status::InvalidArgument(std::string(link::kStopwordsFile) + ": " +
                                   stopwords.status().message());
  }
  return std::make_shared<const link::Stopwords>(std::move(*stopwords));
}

int RunAnalyze(const AnalyzeArgs& args) {
  pipeline::Options options;
  options.threads = args.threads;
  options.data_dir = args.data_dir;
  ApplyDictionaries(args.dictionaries, options.facts);
  options.link_features = true;
  Result<std::shared_ptr<const link::Stopwords>> stopwords = LoadStopwords(args.data_dir);
  if (!stopwords.ok()) return Fail(stopwords.status());
  options.link.stopwords = *stopwords;
  // A rerun, or one after a killed run, does not analyse stored articles
  // again: `stored` is read from the database before the pipeline runs.
  store::StoredIds stored;
  options.already_stored = [&stored](std::string_view id) { return stored.Contains(id); };
  Result<pipeline::Pipeline> pipeline = pipeline::Pipeline::Create(options);
  if (!pipeline.ok()) return Fail(pipeline.status());
  Result<store::Database> db = store::Database::Open(args.db);
  if (!db.ok()) return Fail(db.status());
  Result<store::StoredIds> stored_ids = db->StoredArticleIds();
  if (!stored_ids.ok()) return Fail(stored_ids.status());
  stored = std::move(stored_ids).value();
  std::optional<store::JsonWriter> json;
  if (!args.json.empty()) {
    Result<store::JsonWriter> writer = store::JsonWriter::Create(args.json);
    if (!writer.ok()) return Fail(writer.status());
    json.emplace(std::move(writer).value());
  }
  Result<int64_t> run = db->BeginRun(
      {STORYLINE_VERSION, OptionsJson(args, options), pipeline->data().Digest(), "analyze"});
  if (!run.ok()) return Fail(run.status());

  StoringSink sink(*db, *run, stored, json ? &*json : nullptr);
  Result<pipeline::Summary> summary = pipeline->Run(args.inputs, sink);
  sink.Finish();
  if (!summary.ok()) return Fail(summary.status());
  if (Status status = sink.Flush(); !status.ok()) return Fail(status);
  Result<LinkSummary> linked = LinkNewArticles(*db, *run, options.link);
  if (!linked.ok()) return Fail(linked.status());
  if (Status status = db->PutRejections(*run, sink.rejected()); !status.ok()) return Fail(status);
  if (Status status = db->FinishRun(*run, {summary->read, summary->ingested, summary->rejected,
                                           sink.added(), summary->seconds});
      !status.ok()) {
    return Fail(status);
  }
  if (json) {
    Result<store::LinkReport> links = db->GetLinks(sink.article_ids());
    if (!links.ok()) return Fail(links.status());
    Status status = json->WriteLinks(*links);
    if (status.ok())
      status = json->Finish(summary->read, summary->ingested, sink.rejected(), sink.skipped());
    if (!status.ok()) return Fail(status);
  }
  if (sink.rejected().size() > kRejectionsShown) {
    std::fprintf(stderr, "storyline: ... and %zu more rejected (all are listed in %s)\n",
                 sink.rejected().size() - kRejectionsShown,
                 args.json.empty() ? args.db.c_str() : args.json.c_str());
  }
  // The closing line goes to stderr when stdout carries the JSON report.
  std::FILE* out = args.json == "-" ? stderr : stdout;
  std::fprintf(out, "read %llu, ingested %llu, rejected %llu in %.2f s; %llu new in %s%s%s\n",
               static_cast<unsigned long long>(summary->read),
               static_cast<unsigned long long>(summary->ingested),
               static_cast<unsigned long long>(summary->rejected), summary->seconds,
               static_cast<unsigned long long>(sink.added()), args.db.c_str(),
               args.json.empty() || args.json == "-" ? "" : ", JSON in ",
               args.json == "-" ? "" : args.json.c_str());
  if (const std::string skipped = sink.SkippedLine(); !skipped.empty()) {
    std::fprintf(out, "%s\n", skipped.c_str());
  }
  if (linked->recomputed > 0) {
    std::fprintf(out,
                 "recomputed the link features of %llu stored articles from their text: they "
                 "were stored without features or under other link rules (stopword list)\n",
                 static_cast<unsigned long long>(linked->recomputed));
  }
  if (linked->linked == 0) {
    std::fprintf(out, "no new articles to link\n");
  } else {
    std::fprintf(out,
                 "linked %llu new articles in %.2f s: %llu shared passages, %llu stories joined "
                 "or started, %llu events reported or joined, %llu near-duplicate groups in the "
                 "database\n",
                 static_cast<unsigned long long>(linked->linked), linked->seconds,
                 static_cast<unsigned long long>(linked->passages),
                 static_cast<unsigned long long>(linked->stories),
                 static_cast<unsigned long long>(linked->events),
                 static_cast<unsigned long long>(linked->near_duplicates));
  }
  return summary->rejected == 0 ? kSuccess : kSomeRejected;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<AnalyzeArgs>();
  command
      .add_option("inputs", args->inputs,
                  "Files and folders to read (folders recursively): .txt (one article per "
                  "file), .jsonl (one article per line) and .warc (one article per HTML "
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
