// schema.cc: the tables of the database and their upgrades. The schema is
// documented in docs/schema.md; keep the two in step.

#include "store/schema.h"

#include <charconv>
#include <optional>
#include <string>
#include <system_error>

namespace storyline::store::internal {
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
// run, and the store inserts children only right after their parent's row in
// the same transaction and checks the run id itself (RequireRun, store.cc). The tests
// run PRAGMA foreign_key_check after interrupted runs.
constexpr const char* kConnectionSql =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = OFF;"
    "PRAGMA cache_size = -65536;"
    "PRAGMA wal_autocheckpoint = 16384;"
    "PRAGMA journal_size_limit = 67108864;";

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

}  // namespace

Status ConfigureConnection(Connection& connection) {
  return connection.Exec(kConnectionSql, "cannot configure the connection");
}

Status SetMeta(Connection& connection, std::string_view key, std::string_view value) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSetMeta));
  query.BindText(1, key).BindText(2, value);
  return query.Run("cannot write the meta table");
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

}  // namespace storyline::store::internal
