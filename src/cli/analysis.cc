#include "cli/analysis.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "cli/progress.h"
#include "core/data_files.h"
#include "link/link.h"

namespace storyline::cli {
namespace {

// Articles stored per database transaction. A commit costs a few
// milliseconds of page writes, so batches of this size keep it a small share
// of the run; a run killed midway loses at most one batch, which the next run
// redoes.
constexpr size_t kArticlesPerTransaction = 1024;

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
      }
      article_ids_.push_back(article.id);
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
  // The ids of the articles read, in input order.
  std::vector<std::string>& article_ids() { return article_ids_; }
  std::vector<Rejection>& rejected() { return rejected_; }
  std::map<std::string, uint64_t>& skipped() { return skipped_; }

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

}  // namespace

Result<std::shared_ptr<const link::Stopwords>> LoadStopwords(const std::string& data_dir) {
  SL_ASSIGN_OR_RETURN(const std::string contents, DataFiles{data_dir}.Read(link::kStopwordsFile));
  Result<link::Stopwords> stopwords = link::Stopwords::Parse(contents);
  if (!stopwords.ok()) {
    return Status::InvalidArgument(std::string(link::kStopwordsFile) + ": " +
                                   stopwords.status().message());
  }
  return std::make_shared<const link::Stopwords>(std::move(*stopwords));
}

void AddDigestOptions(CLI::App& command, DigestArgs& args) {
  command.add_option("--words", args.words, "Length of story briefs in words")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--data", args.data_dir,
                  "Folder of rule and dictionary files overriding the built-in ones")
      ->check(CLI::ExistingDirectory);
}

Result<brief::Options> DigestOptions(const DigestArgs& args,
                                     std::shared_ptr<const link::Stopwords>& stopwords) {
  SL_ASSIGN_OR_RETURN(stopwords, LoadStopwords(args.data_dir));
  brief::Options options;
  options.brief_words = args.words;
  options.stopwords = stopwords.get();
  return options;
}

Result<Analysis> AnalyzeInputs(const AnalyzeArgs& args, const std::string& command,
                               store::Database& db, store::JsonWriter* json) {
  pipeline::Options options;
  options.threads = args.threads;
  options.data_dir = args.data_dir;
  ApplyDictionaries(args.dictionaries, options.facts);
  options.link_features = true;
  SL_ASSIGN_OR_RETURN(options.link.stopwords, LoadStopwords(args.data_dir));
  // A rerun, or one after a killed run, does not analyse stored articles
  // again: `stored` is read from the database before the pipeline runs.
  SL_ASSIGN_OR_RETURN(const store::StoredIds stored, db.StoredArticleIds());
  options.already_stored = [&stored](std::string_view id) { return stored.Contains(id); };
  SL_ASSIGN_OR_RETURN(pipeline::Pipeline pipeline, pipeline::Pipeline::Create(options));
  SL_ASSIGN_OR_RETURN(const int64_t run, db.BeginRun({STORYLINE_VERSION, OptionsJson(args, options),
                                                      pipeline.data().Digest(), command}));
  StoringSink sink(db, run, stored, json);
  Result<pipeline::Summary> summary = pipeline.Run(args.inputs, sink);
  sink.Finish();
  if (!summary.ok()) return summary.status();
  SL_RETURN_IF_ERROR(sink.Flush());
  Analysis analysis;
  analysis.summary = *summary;
  SL_ASSIGN_OR_RETURN(analysis.linked, LinkNewArticles(db, run, options.link));
  SL_RETURN_IF_ERROR(db.PutRejections(run, sink.rejected()));
  SL_RETURN_IF_ERROR(db.FinishRun(run, {summary->read, summary->ingested, summary->rejected,
                                        sink.added(), summary->seconds, sink.skipped()}));
  if (json != nullptr) {
    SL_ASSIGN_OR_RETURN(const store::LinkReport links, db.GetLinks(sink.article_ids()));
    SL_RETURN_IF_ERROR(json->WriteLinks(links));
    SL_RETURN_IF_ERROR(
        json->Finish(summary->read, summary->ingested, sink.rejected(), sink.skipped()));
  }
  analysis.added = sink.added();
  analysis.article_ids = std::move(sink.article_ids());
  analysis.rejected = std::move(sink.rejected());
  analysis.skipped = std::move(sink.skipped());
  return analysis;
}

// "N WARC records skipped (M request, K metadata, ...)", most frequent
// reason first; empty when none was.
std::string Analysis::SkippedLine() const {
  if (skipped.empty()) return "";
  std::vector<std::pair<std::string, uint64_t>> reasons(skipped.begin(), skipped.end());
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

}  // namespace storyline::cli
