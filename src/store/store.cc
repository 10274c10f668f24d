// store.cc: the SQLite database. The schema is documented in docs/schema.md;
// keep the two in step.

#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>

namespace storyline::store {
namespace {

// The tables of schema version 1. Created in one transaction by Open().
// Quoted "begin", "end" and "offset" are SQL keywords used as column names.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  version      TEXT NOT NULL,
  command      TEXT NOT NULL,
  options_json TEXT NOT NULL,
  data_digest  TEXT NOT NULL,
  read         INTEGER,
  ingested     INTEGER,
  rejected     INTEGER,
  added        INTEGER,
  seconds      REAL
);

CREATE TABLE articles (
  id                 TEXT PRIMARY KEY NOT NULL,
  origin             TEXT NOT NULL,
  format             TEXT NOT NULL,
  source_id          TEXT,
  title              TEXT,
  outlet             TEXT,
  url                TEXT,
  language           TEXT NOT NULL,
  published          TEXT,
  published_how      TEXT NOT NULL
                     CHECK (published_how IN ('explicit', 'metadata', 'inferred', 'unknown')),
  published_evidence TEXT NOT NULL DEFAULT '[]',
  text               TEXT NOT NULL,
  run_id             INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_by_run ON articles(run_id);

CREATE TABLE sentences (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  "begin"    INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE removed_lines (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  line       INTEGER NOT NULL,
  "offset"   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE timexes (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  sentence   INTEGER NOT NULL,
  "begin"    INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  type       TEXT NOT NULL,
  value      TEXT NOT NULL,
  mod        TEXT,
  anchor     TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE warnings (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  code       TEXT NOT NULL,
  message    TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE rejections (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  origin TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX rejections_by_run ON rejections(run_id);
)sql";

// The tables of the link stage, added by schema version 2 (created with the
// rest in a new file, added to a version 1 file by the upgrade).
constexpr const char* kLinkSchemaSql = R"sql(
CREATE TABLE link_features (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  features   BLOB NOT NULL
);

CREATE TABLE stories (
  id         TEXT PRIMARY KEY NOT NULL,
  title      TEXT,
  first_date TEXT,
  last_date  TEXT,
  run_id     INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;

CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id   TEXT NOT NULL REFERENCES stories(id),
  position   INTEGER NOT NULL UNIQUE,
  run_id     INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;
CREATE INDEX story_members_by_story ON story_members(story_id, position);

CREATE TABLE passages (
  a_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  a_begin    INTEGER NOT NULL,
  a_end      INTEGER NOT NULL,
  b_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  b_begin    INTEGER NOT NULL,
  b_end      INTEGER NOT NULL,
  similarity REAL NOT NULL,
  earlier    TEXT NOT NULL CHECK (earlier IN ('a', 'b', 'unknown')),
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (a_article, a_begin, a_end, b_article, b_begin, b_end)
) WITHOUT ROWID;
CREATE INDEX passages_by_b ON passages(b_article);

CREATE TABLE near_duplicate_groups (
  id         TEXT PRIMARY KEY NOT NULL,
  similarity REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE near_duplicate_members (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  group_id   TEXT NOT NULL REFERENCES near_duplicate_groups(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX near_duplicate_members_by_group ON near_duplicate_members(group_id);
)sql";

// Per-connection settings. WAL lets readers run beside the writer and makes a
// commit one append; synchronous=NORMAL skips the fsync per commit (a power
// cut may lose the last commits, never consistency). Ids are hashes, so a
// batch touches B-tree pages all over the child tables: the 64 MiB page cache
// keeps them in memory, and checkpointing every 16384 pages (64 MiB of WAL)
// rather than SQLite's 1000 writes a page changed by many batches back once;
// journal_size_limit then trims the WAL file to that size.
//
// The foreign keys are declared but not enforced (SQLite's default): checking
// them costs a parent lookup per child row, a fifth of the time of a large
// run, and this file inserts children only right after their parent's row in
// the same transaction and checks the run id itself (RequireRun). The tests
// run PRAGMA foreign_key_check after interrupted runs.
constexpr const char* kConnectionSql =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = OFF;"
    "PRAGMA cache_size = -65536;"
    "PRAGMA wal_autocheckpoint = 16384;"
    "PRAGMA journal_size_limit = 67108864;";

// Sentences are most of the rows: they are inserted this many per statement,
// which saves about a fifth of the time of a large run over one per statement.
constexpr size_t kSentencesPerInsert = 16;

// Every statement run more than once, prepared on first use and kept for the
// life of the connection.
enum StatementId : size_t {
  kBegin,
  kCommit,
  kRollback,
  kHasMetaTable,
  kCountTables,
  kGetMeta,
  kSetMeta,
  kInsertRun,
  kFinishRun,
  kRunExists,
  kInsertArticle,
  kInsertSentence,
  kInsertSentences,  // kSentencesPerInsert rows; its SQL is built by SentencesSql()
  kInsertRemoved,
  kInsertTimex,
  kInsertWarning,
  kInsertRejection,
  kSelectArticle,
  kSelectSentences,
  kSelectRemoved,
  kSelectTimexes,
  kSelectWarnings,
  kIdsInRange,
  kCountIdsInRange,
  kCountArticles,
  kPutFeatures,
  kSelectLinkedRecords,
  kSelectUnlinkedRecords,
  kMaxPosition,
  kCountUnlinked,
  kInsertMember,
  kUpsertStory,
  kInsertPassage,
  kDeleteNearDuplicateMembers,
  kDeleteNearDuplicateGroups,
  kInsertNearDuplicateGroup,
  kInsertNearDuplicateMember,
  kStoryOfArticle,
  kSelectStory,
  kStoryArticles,
  kGroupOfArticle,
  kGroupArticles,
  kPassagesOfArticle,
  kStatementCount,
};

constexpr const char* kStatementSql[] = {
    // kBegin: IMMEDIATE takes the write lock now, so a busy database fails
    // (after the busy timeout) before any work rather than at COMMIT.
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
    "SELECT value FROM meta WHERE key = ?1",
    "INSERT INTO meta(key, value) VALUES (?1, ?2) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    "INSERT INTO runs(started_at, version, command, options_json, data_digest) "
    "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4)",
    "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
    "read = ?2, ingested = ?3, rejected = ?4, added = ?5, seconds = ?6 WHERE id = ?1",
    "SELECT 1 FROM runs WHERE id = ?1",
    // kInsertArticle: ON CONFLICT(id) DO NOTHING rather than INSERT OR IGNORE,
    // which would also silently drop rows that break a CHECK or NOT NULL.
    "INSERT INTO articles(id, origin, format, source_id, title, outlet, url, language, "
    "published, published_how, published_evidence, text, run_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT(id) DO NOTHING",
    "INSERT INTO sentences(article_id, idx, \"begin\", \"end\") VALUES (?1, ?2, ?3, ?4)",
    nullptr,
    "INSERT INTO removed_lines(article_id, idx, line, \"offset\", text, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO timexes(article_id, idx, sentence, \"begin\", \"end\", text, type, value, mod, "
    "anchor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "INSERT INTO warnings(article_id, idx, code, message) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO rejections(run_id, origin, reason) VALUES (?1, ?2, ?3)",
    "SELECT id, origin, format, source_id, title, outlet, url, language, published, "
    "published_how, published_evidence, text FROM articles WHERE id = ?1",
    "SELECT \"begin\", \"end\" FROM sentences WHERE article_id = ?1 ORDER BY idx",
    "SELECT line, \"offset\", text, reason FROM removed_lines WHERE article_id = ?1 ORDER BY idx",
    "SELECT sentence, \"begin\", \"end\", text, type, value, mod, anchor FROM timexes "
    "WHERE article_id = ?1 ORDER BY idx",
    "SELECT code, message FROM warnings WHERE article_id = ?1 ORDER BY idx",
    // Prefix lookups as a range on the primary key index: [prefix, next).
    "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2",
    "SELECT count(*) FROM articles WHERE id >= ?1 AND id < ?2",
    "SELECT count(*) FROM articles",
    "INSERT INTO link_features(article_id, features) VALUES (?1, ?2) "
    "ON CONFLICT(article_id) DO UPDATE SET features = excluded.features",
    // kSelectLinkedRecords, kSelectUnlinkedRecords: each walks an index in
    // order (position, id), so that no sort spills the features to disk.
    "SELECT a.id, a.origin, a.title, a.published, f.features, m.story_id "
    "FROM story_members m JOIN articles a ON a.id = m.article_id "
    "LEFT JOIN link_features f ON f.article_id = a.id ORDER BY m.position",
    "SELECT a.id, a.origin, a.title, a.published, f.features, NULL FROM articles a "
    "LEFT JOIN link_features f ON f.article_id = a.id "
    "WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.id",
    "SELECT coalesce(max(position), -1) FROM story_members",
    "SELECT count(*) FROM articles a "
    "WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)",
    "INSERT INTO story_members(article_id, story_id, position, run_id) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(article_id) DO NOTHING",
    // kUpsertStory: a story keeps the run that started it.
    "INSERT INTO stories(id, title, first_date, last_date, run_id) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, "
    "last_date = excluded.last_date",
    "INSERT INTO passages(a_article, a_begin, a_end, b_article, b_begin, b_end, similarity, "
    "earlier, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
    "DELETE FROM near_duplicate_members",
    "DELETE FROM near_duplicate_groups",
    "INSERT INTO near_duplicate_groups(id, similarity) VALUES (?1, ?2)",
    "INSERT INTO near_duplicate_members(article_id, group_id) VALUES (?1, ?2)",
    "SELECT story_id FROM story_members WHERE article_id = ?1",
    "SELECT title, first_date, last_date FROM stories WHERE id = ?1",
    "SELECT article_id FROM story_members WHERE story_id = ?1 ORDER BY position",
    "SELECT g.id, g.similarity FROM near_duplicate_members m "
    "JOIN near_duplicate_groups g ON g.id = m.group_id WHERE m.article_id = ?1",
    "SELECT article_id FROM near_duplicate_members WHERE group_id = ?1 ORDER BY article_id",
    "SELECT a_article, a_begin, a_end, b_article, b_begin, b_end, similarity, earlier "
    "FROM passages WHERE a_article = ?1 UNION "
    "SELECT a_article, a_begin, a_end, b_article, b_begin, b_end, similarity, earlier "
    "FROM passages WHERE b_article = ?1 ORDER BY 1, 2, 4, 5",
};
static_assert(std::size(kStatementSql) == kStatementCount);

// INSERT INTO sentences ... VALUES (?1, ?2, ?3, ?4), (?1, ?5, ?6, ?7), ...
// with kSentencesPerInsert rows sharing the article id ?1.
std::string SentencesSql() {
  std::string sql = "INSERT INTO sentences(article_id, idx, \"begin\", \"end\") VALUES ";
  for (size_t row = 0; row < kSentencesPerInsert; ++row) {
    const size_t first = 2 + 3 * row;
    if (row > 0) sql += ", ";
    sql += "(?1, ?" + std::to_string(first) + ", ?" + std::to_string(first + 1) + ", ?" +
           std::to_string(first + 2) + ")";
  }
  return sql;
}

constexpr size_t kMinPrefixDigits = 4;
constexpr size_t kIdDigits = 16;

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

struct ConnectionCloser {
  // close_v2 defers the close until every statement is finalized, so the
  // order in which owners are destroyed cannot leak the connection.
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using ConnectionPtr = std::unique_ptr<sqlite3, ConnectionCloser>;

class Connection;

// A cached statement in use. Binds parameters and steps; resets the statement
// and clears its bindings when destroyed, so the next user finds it clean.
// Bind errors are kept and returned by the next step.
class Query {
 public:
  Query(const Connection* connection, sqlite3_stmt* stmt) : connection_(connection), stmt_(stmt) {}
  Query(Query&& other) noexcept
      : connection_(other.connection_),
        stmt_(std::exchange(other.stmt_, nullptr)),
        bind_rc_(other.bind_rc_) {}
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  // Text is bound without a copy (SQLITE_STATIC): it must outlive the step.
  Query& BindText(int index, std::string_view text) {
    Keep(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  Query& BindOptionalText(int index, const std::optional<std::string>& text) {
    if (!text) {
      Keep(sqlite3_bind_null(stmt_, index));
      return *this;
    }
    return BindText(index, *text);
  }
  Query& BindBlob(int index, std::string_view bytes) {
    Keep(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC));
    return *this;
  }
  Query& BindInt(int index, int64_t value) {
    Keep(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Query& BindDouble(int index, double value) {
    Keep(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }

  // Runs a statement that returns no rows; `what` names it in errors.
  Status Run(std::string_view what);
  // Steps to the next row: true on a row, false when done.
  Result<bool> Next(std::string_view what);
  // Makes the statement ready to run again with new bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  std::string Text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::optional<std::string> OptionalText(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return Text(column);
  }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (bytes == nullptr) return {};
    return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }

 private:
  void Keep(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }
  int Step() { return bind_rc_ != SQLITE_OK ? bind_rc_ : sqlite3_step(stmt_); }

  const Connection* connection_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// An open SQLite connection with its statement cache.
class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const OpenOptions& options);

  // The cached statement `id`, prepared on first use. REQUIRES: no other
  // Query for `id` is alive.
  Result<Query> Prepare(StatementId id) {
    StatementPtr& stmt = statements_[id];
    if (!stmt) {
      const std::string generated = id == kInsertSentences ? SentencesSql() : "";
      const char* sql = id == kInsertSentences ? generated.c_str() : kStatementSql[id];
      sqlite3_stmt* raw = nullptr;
      const int rc =
          sqlite3_prepare_v3(db_.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
      if (rc != SQLITE_OK) return Error(rc, "cannot prepare a statement");
      stmt.reset(raw);
    }
    return Query(this, stmt.get());
  }

  // Runs one-off SQL (the schema, pragmas).
  Status Exec(const char* sql, std::string_view what) {
    const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::Ok() : Error(rc, what);
  }

  // The status for SQLite result code `rc`, naming the file and `what` failed.
  Status Error(int rc, std::string_view what) const {
    const std::string detail = sqlite3_errmsg(db_.get());
    switch (rc & 0xff) {
      case SQLITE_NOTADB:
        return Status::Corruption("'" + path_ + "' is not a storyline database (" + detail + ")");
      case SQLITE_CORRUPT:
        return Status::Corruption("'" + path_ + "' is damaged: " + std::string(what) + ": " +
                                  detail);
      default:
        break;
    }
    std::string message = path_ + ": " + std::string(what) + ": " + detail;
    switch (rc & 0xff) {
      case SQLITE_CONSTRAINT:
      case SQLITE_TOOBIG:
      case SQLITE_RANGE:
      case SQLITE_MISMATCH:
        return Status::InvalidArgument(std::move(message));
      case SQLITE_CANTOPEN:
      case SQLITE_IOERR:
      case SQLITE_FULL:
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
      case SQLITE_PROTOCOL:
      case SQLITE_NOLFS:
        return Status::IoError(std::move(message));
      default:
        return Status::Internal(std::move(message));
    }
  }

  sqlite3* db() const { return db_.get(); }
  const std::string& path() const { return path_; }

 private:
  Connection(std::string path, ConnectionPtr db) : path_(std::move(path)), db_(std::move(db)) {}

  std::string path_;
  ConnectionPtr db_;  // declared before the statements: destroyed after them
  std::array<StatementPtr, kStatementCount> statements_;
};

Status Query::Run(std::string_view what) {
  const int rc = Step();
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  return connection_->Error(rc, what);
}

Result<bool> Query::Next(std::string_view what) {
  const int rc = Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, what);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const OpenOptions& options) {
  std::error_code error;
  if (!options.create_if_missing && !std::filesystem::exists(path, error)) {
    return Status::NotFound("no database at '" + path + "'");
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  ConnectionPtr db(raw);  // SQLite returns a handle to close even on failure
  if (rc != SQLITE_OK) {
    const std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::IoError("cannot open database '" + path + "': " + detail);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  return std::unique_ptr<Connection>(new Connection(path, std::move(db)));
}

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted, so every
// early return on an error leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    // SQLite rolls back by itself after some errors (disk full, I/O): then
    // there is no transaction left to end.
    if (!open_ || sqlite3_get_autocommit(connection_.db()) != 0) return;
    Result<Query> rollback = connection_.Prepare(kRollback);
    if (!rollback.ok() || !rollback->Run("rollback").ok()) {
      sqlite3_exec(connection_.db(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }

  Status Begin() {
    SL_ASSIGN_OR_RETURN(Query begin, connection_.Prepare(kBegin));
    SL_RETURN_IF_ERROR(begin.Run("cannot start a transaction"));
    open_ = true;
    return Status::Ok();
  }

  Status Commit() {
    SL_ASSIGN_OR_RETURN(Query commit, connection_.Prepare(kCommit));
    SL_RETURN_IF_ERROR(commit.Run("cannot commit"));
    open_ = false;
    return Status::Ok();
  }

 private:
  Connection& connection_;
  bool open_ = false;
};

// Runs a query that returns one integer, e.g. a count.
Result<int64_t> QueryInt(Query& query, std::string_view what) {
  SL_ASSIGN_OR_RETURN(bool row, query.Next(what));
  if (!row) return Status::Internal(std::string(what) + ": no row");
  return query.Int(0);
}

Status SetMeta(Connection& connection, std::string_view key, std::string_view value) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSetMeta));
  query.BindText(1, key).BindText(2, value);
  return query.Run("cannot write the meta table");
}

// The schema version stored in the meta table, or nullopt for a database with
// no tables at all (a new file).
Result<std::optional<int>> ReadSchemaVersion(Connection& connection) {
  {
    SL_ASSIGN_OR_RETURN(Query has_meta, connection.Prepare(kHasMetaTable));
    SL_ASSIGN_OR_RETURN(int64_t meta_tables, QueryInt(has_meta, "cannot read the schema"));
    if (meta_tables == 0) {
      SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountTables));
      SL_ASSIGN_OR_RETURN(int64_t tables, QueryInt(count, "cannot read the schema"));
      if (tables == 0) return std::optional<int>();
      // Someone else's SQLite file: adding our tables to it would be rude.
      return Status::Corruption("'" + connection.path() +
                                "' is an SQLite database but not a storyline database "
                                "(it has no meta table)");
    }
  }
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kGetMeta));
  query.BindText(1, "schema_version");
  SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the meta table"));
  if (!row) {
    return Status::Corruption("'" + connection.path() +
                              "' has no schema_version in its meta table");
  }
  const std::string text = query.Text(0);
  int version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size() || version < 1) {
    return Status::Corruption("'" + connection.path() + "' has an invalid schema_version '" + text +
                              "' in its meta table");
  }
  return std::optional<int>(version);
}

Status CreateSchema(Connection& connection, const OpenOptions& options) {
  SL_RETURN_IF_ERROR(connection.Exec(kSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kLinkSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(SetMeta(connection, "schema_version", std::to_string(kSchemaVersion)));
  SL_RETURN_IF_ERROR(SetMeta(
      connection, "storyline_version",
      options.storyline_version.empty() ? std::string("unknown") : options.storyline_version));
  return connection.Exec(
      "INSERT INTO meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      "cannot write the meta table");
}

// Version 1 -> 2: adds the link stage's tables. The articles of a version 1
// file have no link features and no story yet: the next analyze links them.
Status UpgradeFromVersion1(Connection& connection) {
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  // Checked again under the write lock: another process may have upgraded.
  SL_ASSIGN_OR_RETURN(std::optional<int> version, ReadSchemaVersion(connection));
  if (version == 1) {
    SL_RETURN_IF_ERROR(connection.Exec(kLinkSchemaSql, "cannot upgrade the schema"));
    SL_RETURN_IF_ERROR(SetMeta(connection, "schema_version", "2"));
  }
  return transaction.Commit();
}

// Creates the schema in a new file, upgrades an older one, refuses a newer
// one. Each upgrade runs in the same transaction as its version bump.
Status EnsureSchema(Connection& connection, const OpenOptions& options) {
  SL_ASSIGN_OR_RETURN(std::optional<int> version, ReadSchemaVersion(connection));
  if (!version) {
    // Checked again under the write lock: another process may have created
    // the schema since the read above.
    Transaction transaction(connection);
    SL_RETURN_IF_ERROR(transaction.Begin());
    SL_ASSIGN_OR_RETURN(version, ReadSchemaVersion(connection));
    if (!version) {
      SL_RETURN_IF_ERROR(CreateSchema(connection, options));
      version = kSchemaVersion;
    }
    SL_RETURN_IF_ERROR(transaction.Commit());
  }
  if (*version > kSchemaVersion) {
    return Status::Unsupported("database schema version " + std::to_string(*version) +
                               " is newer than this storyline supports (" +
                               std::to_string(kSchemaVersion) + "); upgrade storyline");
  }
  if (*version == 1) return UpgradeFromVersion1(connection);
  return Status::Ok();
}

Status RequireRun(Connection& connection, int64_t run) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kRunExists));
  query.BindInt(1, run);
  SL_ASSIGN_OR_RETURN(bool exists, query.Next("cannot read the runs table"));
  if (!exists) return Status::InvalidArgument("no run " + std::to_string(run) + " in the database");
  return Status::Ok();
}

std::string EvidenceJson(const std::vector<std::string>& evidence) {
  if (evidence.empty()) return "[]";
  try {
    return nlohmann::json(evidence).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const nlohmann::json::exception&) {
    return "[]";  // unreachable: the replace handler does not throw
  }
}

Result<std::vector<std::string>> ParseEvidence(const std::string& text, const std::string& id) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption("article " + id + ": published_evidence is not a JSON array of " +
                              "strings: " + e.what());
  }
}

std::optional<DateHow> DateHowFromName(std::string_view name) {
  for (DateHow how :
       {DateHow::kExplicit, DateHow::kMetadata, DateHow::kInferred, DateHow::kUnknown}) {
    if (DateHowName(how) == name) return how;
  }
  return std::nullopt;
}

Status InsertSentences(Connection& connection, const Article& article) {
  const std::vector<ByteSpan>& sentences = article.sentences;
  size_t i = 0;
  if (sentences.size() >= kSentencesPerInsert) {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertSentences));
    for (; i + kSentencesPerInsert <= sentences.size(); i += kSentencesPerInsert) {
      query.BindText(1, article.id);
      for (size_t row = 0; row < kSentencesPerInsert; ++row) {
        const int first = 2 + 3 * static_cast<int>(row);
        query.BindInt(first, static_cast<int64_t>(i + row))
            .BindInt(first + 1, sentences[i + row].begin)
            .BindInt(first + 2, sentences[i + row].end);
      }
      SL_RETURN_IF_ERROR(query.Run("cannot store sentences"));
      query.Reset();
    }
  }
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertSentence));
  for (; i < sentences.size(); ++i) {
    query.BindText(1, article.id)
        .BindInt(2, static_cast<int64_t>(i))
        .BindInt(3, sentences[i].begin)
        .BindInt(4, sentences[i].end);
    SL_RETURN_IF_ERROR(query.Run("cannot store a sentence"));
    query.Reset();
  }
  return Status::Ok();
}

// Inserts one row per item with `statement`, whose first two parameters are
// the article id and the item's position; `bind` binds the rest.
template <typename Item, typename Bind>
Status InsertRows(Connection& connection, StatementId statement, const std::string& article_id,
                  const std::vector<Item>& items, std::string_view what, Bind bind) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(statement));
  for (size_t i = 0; i < items.size(); ++i) {
    query.BindText(1, article_id).BindInt(2, static_cast<int64_t>(i));
    bind(query, items[i]);
    SL_RETURN_IF_ERROR(query.Run(what));
    query.Reset();
  }
  return Status::Ok();
}

Status PutFeatures(Connection& connection, const std::string& article_id,
                   std::string_view features) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kPutFeatures));
  query.BindText(1, article_id);
  query.BindBlob(2, features);
  return query.Run("cannot store link features");
}

Status InsertChildren(Connection& connection, const Article& article) {
  SL_RETURN_IF_ERROR(InsertSentences(connection, article));
  if (!article.link_features.empty()) {
    SL_RETURN_IF_ERROR(PutFeatures(connection, article.id, article.link_features));
  }
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertRemoved, article.id, article.removed,
                                "cannot store a removed line",
                                [](Query& query, const RemovedLine& removed) {
                                  query.BindInt(3, removed.line)
                                      .BindInt(4, removed.offset)
                                      .BindText(5, removed.text)
                                      .BindText(6, removed.reason);
                                }));
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertTimex, article.id, article.timexes,
                                "cannot store a time expression",
                                [](Query& query, const Timex& timex) {
                                  query.BindInt(3, timex.sentence)
                                      .BindInt(4, timex.span.begin)
                                      .BindInt(5, timex.span.end)
                                      .BindText(6, timex.text)
                                      .BindText(7, timex.type)
                                      .BindText(8, timex.value)
                                      .BindOptionalText(9, timex.mod)
                                      .BindText(10, timex.anchor);
                                }));
  return InsertRows(connection, kInsertWarning, article.id, article.warnings,
                    "cannot store a warning", [](Query& query, const Warning& warning) {
                      query.BindText(3, warning.code).BindText(4, warning.message);
                    });
}

// Inserts one article and its children unless its id is already stored.
// Returns whether it was new. REQUIRES: inside a transaction, a non-empty id.
Result<bool> InsertArticle(Connection& connection, int64_t run, const Article& article) {
  const std::string evidence = EvidenceJson(article.published.evidence);
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertArticle));
    query.BindText(1, article.id)
        .BindText(2, article.origin)
        .BindText(3, article.format)
        .BindOptionalText(4, article.source_id)
        .BindOptionalText(5, article.title)
        .BindOptionalText(6, article.outlet)
        .BindOptionalText(7, article.url)
        .BindText(8, article.language)
        .BindOptionalText(9, article.published.value)
        .BindText(10, DateHowName(article.published.how))
        .BindText(11, evidence)
        .BindText(12, article.text)
        .BindInt(13, run);
    SL_RETURN_IF_ERROR(query.Run("cannot store an article"));
  }
  // 0 when ON CONFLICT skipped it: the stored copy keeps its own children.
  if (sqlite3_changes64(connection.db()) == 0) return false;
  SL_RETURN_IF_ERROR(InsertChildren(connection, article));
  return true;
}

// Appends to `items` one item per row that `statement` (its parameter ?1 the
// article id) returns, in order; `read` turns the current row into an item.
template <typename Item, typename Read>
Status ReadRows(Connection& connection, StatementId statement, const std::string& article_id,
                std::string_view what, std::vector<Item>& items, Read read) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(statement));
  query.BindText(1, article_id);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next(what));
    if (!row) return Status::Ok();
    items.push_back(read(query));
  }
}

uint32_t Uint32Column(const Query& query, int column) {
  return static_cast<uint32_t>(query.Int(column));
}

Status ReadSentences(Connection& connection, Article& article) {
  return ReadRows(connection, kSelectSentences, article.id, "cannot read sentences",
                  article.sentences, [](const Query& query) {
                    return ByteSpan{Uint32Column(query, 0), Uint32Column(query, 1)};
                  });
}

// The rows beside the sentences.
Status ReadOtherChildren(Connection& connection, Article& article) {
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectRemoved, article.id, "cannot read removed lines",
                              article.removed, [](const Query& query) {
                                RemovedLine removed;
                                removed.line = Uint32Column(query, 0);
                                removed.offset = Uint32Column(query, 1);
                                removed.text = query.Text(2);
                                removed.reason = query.Text(3);
                                return removed;
                              }));
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectTimexes, article.id,
                              "cannot read time expressions", article.timexes,
                              [](const Query& query) {
                                Timex timex;
                                timex.sentence = Uint32Column(query, 0);
                                timex.span = {Uint32Column(query, 1), Uint32Column(query, 2)};
                                timex.text = query.Text(3);
                                timex.type = query.Text(4);
                                timex.value = query.Text(5);
                                timex.mod = query.OptionalText(6);
                                timex.anchor = query.Text(7);
                                return timex;
                              }));
  return ReadRows(connection, kSelectWarnings, article.id, "cannot read warnings", article.warnings,
                  [](const Query& query) {
                    return Warning{query.Text(0), query.Text(1)};
                  });
}

// The article with exactly this id, or nullopt.
// What ReadArticle() reads beside the article's own row.
enum class ArticleParts { kAll, kSentences };

Result<std::optional<Article>> ReadArticle(Connection& connection, const std::string& id,
                                           ArticleParts parts = ArticleParts::kAll) {
  Article article;
  std::string how;
  std::string evidence;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectArticle));
    query.BindText(1, id);
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read an article"));
    if (!row) return std::optional<Article>();
    article.id = query.Text(0);
    article.origin = query.Text(1);
    article.format = query.Text(2);
    article.source_id = query.OptionalText(3);
    article.title = query.OptionalText(4);
    article.outlet = query.OptionalText(5);
    article.url = query.OptionalText(6);
    article.language = query.Text(7);
    article.published.value = query.OptionalText(8);
    how = query.Text(9);
    evidence = query.Text(10);
    article.text = query.Text(11);
  }
  const std::optional<DateHow> date_how = DateHowFromName(how);
  if (!date_how) {
    return Status::Corruption("article " + id + ": unknown published_how '" + how + "'");
  }
  article.published.how = *date_how;
  SL_ASSIGN_OR_RETURN(article.published.evidence, ParseEvidence(evidence, id));
  SL_RETURN_IF_ERROR(ReadSentences(connection, article));
  if (parts == ArticleParts::kAll) SL_RETURN_IF_ERROR(ReadOtherChildren(connection, article));
  return std::optional<Article>(std::move(article));
}

// The one stored id starting with `prefix`, per GetArticle's contract.
Result<std::string> ResolvePrefix(Connection& connection, const std::string& prefix) {
  std::string low = prefix;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool hex = !low.empty() && low.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex || low.size() < kMinPrefixDigits || low.size() > kIdDigits) {
    return Status::InvalidArgument("'" + prefix +
                                   "' is not an article id or a prefix of at least 4 hex digits");
  }
  // Ids are lowercase hex, so every id starting with `low` sorts in
  // [low, low with its last digit incremented).
  std::string next = low;
  ++next.back();
  std::vector<std::string> ids;  // at most two: enough to tell unique from ambiguous
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kIdsInRange));
    query.BindText(1, low).BindText(2, next);
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot look up an id prefix"));
      if (!row) break;
      ids.push_back(query.Text(0));
    }
  }
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) {
    if (low.size() == kIdDigits) return Status::NotFound("no article with id '" + prefix + "'");
    return Status::NotFound("no article id starts with '" + prefix + "'");
  }
  SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountIdsInRange));
  count.BindText(1, low).BindText(2, next);
  SL_ASSIGN_OR_RETURN(int64_t matches, QueryInt(count, "cannot count an id prefix"));
  return Status::InvalidArgument("id prefix '" + prefix + "' matches " + std::to_string(matches) +
                                 " articles");
}

}  // namespace

struct Database::Handle {
  std::unique_ptr<Connection> connection;
};

Database::Database(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::Open(const std::string& path, const OpenOptions& options) {
  SL_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, Connection::Open(path, options));
  // The first statement reads the file header: a file that is not a
  // database fails here, before anything is written to it.
  SL_RETURN_IF_ERROR(connection->Exec(kConnectionSql, "cannot configure the connection"));
  SL_RETURN_IF_ERROR(EnsureSchema(*connection, options));
  return Database(std::make_unique<Handle>(Handle{std::move(connection)}));
}

Result<int64_t> Database::BeginRun(const RunInfo& info) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertRun));
    query.BindText(1, info.version)
        .BindText(2, info.command)
        .BindText(3, info.options_json)
        .BindText(4, info.data_digest);
    SL_RETURN_IF_ERROR(query.Run("cannot record the run"));
  }
  const int64_t run = sqlite3_last_insert_rowid(connection.db());
  if (!info.version.empty()) {
    SL_RETURN_IF_ERROR(SetMeta(connection, "storyline_version", info.version));
  }
  SL_RETURN_IF_ERROR(transaction.Commit());
  return run;
}

Status Database::FinishRun(int64_t run, const RunCounts& counts) {
  Connection& connection = *handle_->connection;
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kFinishRun));
  query.BindInt(1, run)
      .BindInt(2, static_cast<int64_t>(counts.read))
      .BindInt(3, static_cast<int64_t>(counts.ingested))
      .BindInt(4, static_cast<int64_t>(counts.rejected))
      .BindInt(5, static_cast<int64_t>(counts.added))
      .BindDouble(6, counts.seconds);
  SL_RETURN_IF_ERROR(query.Run("cannot record the end of the run"));
  if (sqlite3_changes64(connection.db()) == 0) {
    return Status::NotFound("no run " + std::to_string(run) + " in the database");
  }
  return Status::Ok();
}

Result<size_t> Database::PutArticles(int64_t run, const std::vector<Article>& articles) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  // In id order, each statement walks its B-tree forward instead of jumping
  // about. The sort is stable: of two articles with one id, the first wins.
  std::vector<const Article*> by_id;
  by_id.reserve(articles.size());
  for (const Article& article : articles) by_id.push_back(&article);
  std::stable_sort(by_id.begin(), by_id.end(),
                   [](const Article* a, const Article* b) { return a->id < b->id; });
  size_t added = 0;
  for (const Article* each : by_id) {
    const Article& article = *each;
    if (article.id.empty()) {
      return Status::InvalidArgument("article from '" + article.origin + "' has no id");
    }
    Result<bool> inserted = InsertArticle(connection, run, article);
    if (!inserted.ok()) {
      const Status& status = inserted.status();
      return Status(status.code(), status.message() + " (article " + article.id + " from '" +
                                       article.origin + "')");
    }
    if (*inserted) ++added;
  }
  SL_RETURN_IF_ERROR(transaction.Commit());
  return added;
}

Status Database::PutRejections(int64_t run, const std::vector<Rejection>& rejections) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertRejection));
    for (const Rejection& rejection : rejections) {
      query.BindInt(1, run).BindText(2, rejection.origin).BindText(3, rejection.reason);
      SL_RETURN_IF_ERROR(query.Run("cannot store a rejection"));
      query.Reset();
    }
  }
  return transaction.Commit();
}

Result<Article> Database::GetArticle(const std::string& id_or_prefix) {
  Connection& connection = *handle_->connection;
  SL_ASSIGN_OR_RETURN(std::optional<Article> exact, ReadArticle(connection, id_or_prefix));
  if (exact) return std::move(*exact);
  SL_ASSIGN_OR_RETURN(std::string id, ResolvePrefix(connection, id_or_prefix));
  SL_ASSIGN_OR_RETURN(std::optional<Article> article, ReadArticle(connection, id));
  if (!article) return Status::NotFound("no article with id '" + id + "'");  // deleted meanwhile
  return std::move(*article);
}

Result<Article> Database::GetArticleText(const std::string& id) {
  SL_ASSIGN_OR_RETURN(std::optional<Article> article,
                      ReadArticle(*handle_->connection, id, ArticleParts::kSentences));
  if (!article) return Status::NotFound("no article with id '" + id + "'");
  return std::move(*article);
}

Status Database::ForEachLinkRecord(const std::function<Status(LinkRecord&&)>& visit) {
  for (StatementId statement : {kSelectLinkedRecords, kSelectUnlinkedRecords}) {
    SL_ASSIGN_OR_RETURN(Query query, handle_->connection->Prepare(statement));
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the link records"));
      if (!row) break;
      SL_RETURN_IF_ERROR(visit({query.Text(0), query.Text(1), query.OptionalText(2),
                                query.OptionalText(3), query.Blob(4), query.OptionalText(5)}));
    }
  }
  return Status::Ok();
}

Result<uint64_t> Database::CountUnlinkedArticles() {
  SL_ASSIGN_OR_RETURN(Query query, handle_->connection->Prepare(kCountUnlinked));
  SL_ASSIGN_OR_RETURN(int64_t count, QueryInt(query, "cannot count the articles to link"));
  return static_cast<uint64_t>(count);
}

Status Database::PutLinks(int64_t run, const LinkUpdate& update) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  for (const auto& [id, features] : update.features) {
    SL_RETURN_IF_ERROR(PutFeatures(connection, id, features));
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kUpsertStory));
    for (const Story& story : update.stories) {
      // Bound without a copy: it must live until the step.
      const std::optional<std::string> title =
          story.label.empty() ? std::nullopt : std::optional<std::string>(story.label);
      query.BindText(1, story.id)
          .BindOptionalText(2, title)
          .BindOptionalText(3, story.first_date)
          .BindOptionalText(4, story.last_date)
          .BindInt(5, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a story"));
      query.Reset();
    }
  }
  int64_t position = 0;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kMaxPosition));
    SL_ASSIGN_OR_RETURN(position, QueryInt(query, "cannot read the story members"));
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertMember));
    for (const auto& [article, story] : update.joined) {
      query.BindText(1, article).BindText(2, story).BindInt(3, ++position).BindInt(4, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a story member"));
      query.Reset();
    }
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertPassage));
    for (const Passage& p : update.passages) {
      query.BindText(1, p.a.article)
          .BindInt(2, p.a.span.begin)
          .BindInt(3, p.a.span.end)
          .BindText(4, p.b.article)
          .BindInt(5, p.b.span.begin)
          .BindInt(6, p.b.span.end)
          .BindDouble(7, p.similarity)
          .BindText(8, p.earlier)
          .BindInt(9, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a passage"));
      query.Reset();
    }
  }
  for (StatementId clear : {kDeleteNearDuplicateMembers, kDeleteNearDuplicateGroups}) {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(clear));
    SL_RETURN_IF_ERROR(query.Run("cannot clear the near-duplicate groups"));
  }
  {
    SL_ASSIGN_OR_RETURN(Query group, connection.Prepare(kInsertNearDuplicateGroup));
    SL_ASSIGN_OR_RETURN(Query member, connection.Prepare(kInsertNearDuplicateMember));
    for (const NearDuplicateGroup& g : update.near_duplicates) {
      if (g.articles.empty()) continue;
      group.BindText(1, g.articles.front()).BindDouble(2, g.similarity);
      SL_RETURN_IF_ERROR(group.Run("cannot store a near-duplicate group"));
      group.Reset();
      for (const std::string& article : g.articles) {
        member.BindText(1, article).BindText(2, g.articles.front());
        SL_RETURN_IF_ERROR(member.Run("cannot store a near-duplicate member"));
        member.Reset();
      }
    }
  }
  return transaction.Commit();
}

Result<LinkReport> Database::GetLinks(const std::vector<std::string>& article_ids) {
  Connection& connection = *handle_->connection;
  LinkReport report;
  std::set<std::string> stories_seen, groups_seen;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string, uint32_t, uint32_t>>
      passages_seen;
  // Article ids of `statement` (?1 = the story or group id), in its order.
  auto members = [&](StatementId statement,
                     const std::string& id) -> Result<std::vector<std::string>> {
    std::vector<std::string> ids;
    SL_RETURN_IF_ERROR(ReadRows(connection, statement, id, "cannot read link members", ids,
                                [](const Query& query) { return query.Text(0); }));
    return ids;
  };
  for (const std::string& article : article_ids) {
    std::vector<Story> story;  // none or one
    SL_RETURN_IF_ERROR(ReadRows(connection, kStoryOfArticle, article, "cannot read a story", story,
                                [](const Query& query) {
                                  Story found;
                                  found.id = query.Text(0);
                                  return found;
                                }));
    if (!story.empty() && stories_seen.insert(story[0].id).second) {
      SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectStory));
      query.BindText(1, story[0].id);
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read a story"));
      if (row) {
        story[0].label = query.Text(0);
        story[0].first_date = query.OptionalText(1);
        story[0].last_date = query.OptionalText(2);
      }
      SL_ASSIGN_OR_RETURN(story[0].articles, members(kStoryArticles, story[0].id));
      report.stories.push_back(std::move(story[0]));
    }
    std::vector<NearDuplicateGroup> group;  // none or one; articles[0] is the group id
    SL_RETURN_IF_ERROR(ReadRows(connection, kGroupOfArticle, article,
                                "cannot read a near-duplicate group", group,
                                [](const Query& query) {
                                  return NearDuplicateGroup{{query.Text(0)}, query.Double(1)};
                                }));
    if (!group.empty() && groups_seen.insert(group[0].articles[0]).second) {
      SL_ASSIGN_OR_RETURN(group[0].articles, members(kGroupArticles, group[0].articles[0]));
      report.near_duplicates.push_back(std::move(group[0]));
    }
    std::vector<Passage> passages;
    SL_RETURN_IF_ERROR(
        ReadRows(connection, kPassagesOfArticle, article, "cannot read passages", passages,
                 [](const Query& query) {
                   Passage p;
                   p.a = {query.Text(0), {Uint32Column(query, 1), Uint32Column(query, 2)}};
                   p.b = {query.Text(3), {Uint32Column(query, 4), Uint32Column(query, 5)}};
                   p.similarity = query.Double(6);
                   p.earlier = query.Text(7);
                   return p;
                 }));
    for (Passage& p : passages) {
      if (passages_seen
              .emplace(p.a.article, p.a.span.begin, p.a.span.end, p.b.article, p.b.span.begin,
                       p.b.span.end)
              .second) {
        report.passages.push_back(std::move(p));
      }
    }
  }
  return report;
}

uint64_t Database::ArticleCount() {
  Result<Query> query = handle_->connection->Prepare(kCountArticles);
  if (!query.ok()) return 0;
  Result<int64_t> count = QueryInt(*query, "cannot count articles");
  return count.ok() ? static_cast<uint64_t>(*count) : 0;
}

}  // namespace storyline::store
