// analysis.h: what `analyze` does to its inputs, for the commands that
// analyse (analyze, brief): the pipeline over the inputs, each batch stored
// as it finishes, then the new articles linked, all under one run record.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "cli/dictionaries.h"
#include "cli/link_stage.h"
#include "core/article.h"
#include "core/status.h"
#include "link/link.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace storyline::cli {

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string db = "storyline.db";
  std::string json;
  std::string data_dir;
  DictionaryArgs dictionaries;
  int threads = 0;
};

struct Analysis {
  pipeline::Summary summary;
  LinkSummary linked;
  uint64_t added = 0;                    // articles new to the database
  std::vector<std::string> article_ids;  // every article read, in input order
  std::vector<Rejection> rejected;
  std::map<std::string, uint64_t> skipped;  // WARC records by reason, over all files

  // "N WARC records skipped, not articles (M request, ...)", most frequent
  // reason first; empty when none was.
  std::string SkippedLine() const;
};

// Runs the pipeline over args.inputs into `db` (articles it already holds
// are not analysed again), links the new articles, records the rejections
// and the run (`command` names it). With `json`, writes this run's articles
// and their links to it, and finishes it. Rejections are printed on stderr as
// they come, the first few of them.
Result<Analysis> AnalyzeInputs(const AnalyzeArgs& args, const std::string& command,
                               store::Database& db, store::JsonWriter* json);

// The stopwords of the data folder (compiled in when `data_dir` is empty):
// the story clusterer's, which the brief uses too.
Result<std::shared_ptr<const link::Stopwords>> LoadStopwords(const std::string& data_dir);

// --words and --data of the commands that make story digests from a
// database (serve, report).
struct DigestArgs {
  uint32_t words = brief::Options{}.brief_words;
  std::string data_dir;
};
void AddDigestOptions(CLI::App& command, DigestArgs& args);

// The digests' options from those arguments; `stopwords` keeps the data
// folder's list alive for them.
Result<brief::Options> DigestOptions(const DigestArgs& args,
                                     std::shared_ptr<const link::Stopwords>& stopwords);

// Rejections printed on stderr before the rest are only counted; all of them
// are in the database and the JSON report.
inline constexpr size_t kRejectionsShown = 20;

}  // namespace storyline::cli
