// store.h: the SQLite database and the JSON report.
//
// Database: an embedded SQLite file holding articles with their sentences,
// removed lines and warnings, the rejected inputs and one row per run (its
// options, the storyline version and a digest of the data files). The schema
// is documented in docs/schema.md; its version is in the `meta` table and a
// database written by a newer storyline is refused with a clear error.
//
// Writes are transactional: PutArticles() stores a batch in one transaction,
// so a run killed at any moment leaves whole articles or none. Article ids
// are stable, so storing an article that is already there changes nothing:
// running the same input again adds nothing, and a run killed half-way then
// run again completes the work without duplicates.
//
// A Database is used from one thread at a time.
//
//   SL_ASSIGN_OR_RETURN(store::Database db, store::Database::Open("storyline.db"));
//   SL_ASSIGN_OR_RETURN(int64_t run, db.BeginRun(info));
//   SL_ASSIGN_OR_RETURN(size_t added, db.PutArticles(batch));
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"

struct sqlite3;

namespace storyline::store {

inline constexpr int kSchemaVersion = 1;

struct RunInfo {
  std::string version;       // storyline version
  std::string options_json;  // the options of the run, as JSON
  std::string data_digest;   // DataFiles::Digest()
  std::string command;       // the command line, for people
};

struct RunCounts {
  uint64_t read = 0;
  uint64_t ingested = 0;
  uint64_t rejected = 0;
  uint64_t added = 0;  // articles new to the database
  double seconds = 0;
};

class Database {
 public:
  // Opens or creates the database at `path` and brings an older schema up to
  // date. Unsupported when the file was written by a newer schema; IoError or
  // Corruption when SQLite cannot open it.
  static Result<Database> Open(const std::string& path);

  Result<int64_t> BeginRun(const RunInfo& info);
  Status FinishRun(int64_t run, const RunCounts& counts);

  // Stores the articles that are not there yet, in one transaction, and
  // returns how many were new. On failure nothing of the batch is stored.
  Result<size_t> PutArticles(int64_t run, const std::vector<Article>& articles);
  Status PutRejections(int64_t run, const std::vector<Rejection>& rejections);

  // The article with this id, or the only one whose id starts with it
  // (at least 4 hex digits). NotFound when none; InvalidArgument when a
  // prefix matches several.
  Result<Article> GetArticle(const std::string& id_or_prefix);

  uint64_t ArticleCount();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

 private:
  struct Handle;
  explicit Database(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

// Streams the JSON report (the contract is in docs/json.md):
//   {"articles": [...], "inputs": {"read", "ingested", "rejected": [...]}}
// Articles are written as they come, so memory stays flat in their number.
// Writes to a temporary file renamed into place by Finish(): a killed run
// leaves no half-written report under the final name.
class JsonWriter {
 public:
  static Result<JsonWriter> Create(const std::string& path);
  Status Write(const Article& article);
  Status Finish(uint64_t read, uint64_t ingested, const std::vector<Rejection>& rejected);

  JsonWriter(JsonWriter&&) noexcept;
  JsonWriter& operator=(JsonWriter&&) noexcept;
  ~JsonWriter();

 private:
  struct State;
  explicit JsonWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One article as a JSON object, with the field names of the contract.
std::string ArticleToJson(const Article& article);

}  // namespace storyline::store
