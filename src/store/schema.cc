// schema.cc: the tables of the database and their upgrades. The schema is
// documented in docs/schema.md; keep the two in step.

#include "store/schema.h"

#include <array>
#include <charconv>
#include <iterator>
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

// The articles table, created apart from the other tables of version 1 so
// that the upgrade to version 6 can rebuild it (its CHECK on published_how
// gained 'capture').
constexpr const char* kArticlesSql = R"sql(
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
                     CHECK (published_how IN ('explicit', 'metadata', 'inferred', 'unknown',
                                             'capture')),
  published_evidence TEXT NOT NULL DEFAULT '[]',
  text               TEXT NOT NULL,
  run_id             INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_by_run ON articles(run_id);
)sql";

// Page metadata (html/html.h), added by schema version 6: each value found in
// a web page, with where it came from, in the order the article lists them.
constexpr const char* kPageMetadataSql = R"sql(
CREATE TABLE article_metadata (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  field      TEXT NOT NULL,
  value      TEXT NOT NULL,
  how        TEXT NOT NULL,
  evidence   TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
)sql";

// Version 5 -> 6 rebuilds the articles table with the new CHECK. With
// foreign keys off, legacy_alter_table keeps the child tables' REFERENCES
// articles(id) as they are when the old table is renamed away (SQLite's
// ALTER TABLE documentation); the rows are copied column by column, as the
// table has had the same columns since version 1.
constexpr const char* kRebuildArticlesSql = R"sql(
PRAGMA legacy_alter_table = ON;
ALTER TABLE articles RENAME TO articles_v5;
DROP INDEX articles_by_run;
)sql";
constexpr const char* kCopyArticlesSql = R"sql(
INSERT INTO articles SELECT * FROM articles_v5;
DROP TABLE articles_v5;
PRAGMA legacy_alter_table = OFF;
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

// The entities and quotes of each article, added by schema version 3
// (created with the rest in a new file, added to an older file by the
// upgrade). The index on `key` makes every mention of one entity across the
// corpus one indexed query; an entity known only by a role phrase has no key
// (NULL), so it is left out of that index's lookups.
//
// An entity's mentions are a JSON array in its row (facts.cc writes it)
// rather than a row each: an article has about three mentions per entity,
// and a row costs far more than its bytes.
//
// The CHECKs list their values with OR rather than IN: SQLite builds a
// temporary table for an IN list each time it checks a row, which made an
// entity row cost about three times as much.
constexpr const char* kFactsSchemaSql = R"sql(
CREATE TABLE entities (
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  key            TEXT,
  name           TEXT NOT NULL,
  type           TEXT NOT NULL
                 CHECK (type = 'PER' OR type = 'ORG' OR type = 'LOC' OR type = 'MISC'),
  role           TEXT,
  country        TEXT,
  actor_code     TEXT,
  actor_how      TEXT
                 CHECK (actor_how = 'person' OR actor_how = 'dictionary' OR actor_how = 'role'
                        OR actor_how = 'demonym' OR actor_how = 'capital'),
  actor_evidence TEXT,
  mentions       TEXT NOT NULL,
  PRIMARY KEY (article_id, idx),
  CHECK ((actor_code IS NULL) = (actor_how IS NULL)
         AND (actor_code IS NULL) = (actor_evidence IS NULL))
) WITHOUT ROWID;
CREATE INDEX entities_by_key ON entities(key) WHERE key IS NOT NULL;

CREATE TABLE quotes (
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  "begin"        INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  text           TEXT NOT NULL,
  kind           TEXT NOT NULL
                 CHECK (kind = 'direct' OR kind = 'partial' OR kind = 'indirect'),
  cue_begin      INTEGER,
  cue_end        INTEGER,
  speaker_text   TEXT,
  speaker_begin  INTEGER,
  speaker_end    INTEGER,
  speaker_entity INTEGER,
  speaker_code   TEXT,
  PRIMARY KEY (article_id, idx),
  CHECK ((cue_begin IS NULL) = (cue_end IS NULL)),
  CHECK ((speaker_text IS NULL) = (speaker_begin IS NULL)
         AND (speaker_text IS NULL) = (speaker_end IS NULL)),
  CHECK (speaker_text IS NOT NULL OR (speaker_entity IS NULL AND speaker_code IS NULL))
) WITHOUT ROWID;
)sql";

// The events of each article, added by schema version 4 (created with the
// rest in a new file, added to an older file by the upgrade): one row per
// Event, its optional parts (target, date span, place, quote) as columns that
// are NULL together. events_by_code lists the events of one CAMEO code (or,
// as a range, of one root) across the corpus.
constexpr const char* kEventsSchemaSql = R"sql(
CREATE TABLE events (
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  source_text    TEXT NOT NULL,
  source_code    TEXT NOT NULL,
  source_begin   INTEGER NOT NULL,
  source_end     INTEGER NOT NULL,
  source_entity  INTEGER,
  target_text    TEXT,
  target_code    TEXT,
  target_begin   INTEGER,
  target_end     INTEGER,
  target_entity  INTEGER,
  verb_begin     INTEGER NOT NULL,
  verb_end       INTEGER NOT NULL,
  date_value     TEXT,
  date_how       TEXT NOT NULL
                 CHECK (date_how = 'timex' OR date_how = 'publication' OR date_how = 'inferred'
                        OR date_how = 'unknown'),
  date_begin     INTEGER,
  date_end       INTEGER,
  place_text     TEXT,
  place_begin    INTEGER,
  place_end      INTEGER,
  place_country  TEXT,
  pattern        TEXT NOT NULL,
  confidence     REAL NOT NULL,
  negated        INTEGER NOT NULL CHECK (negated = 0 OR negated = 1),
  modality       TEXT NOT NULL
                 CHECK (modality = 'asserted' OR modality = 'future' OR modality = 'possible'
                        OR modality = 'conditional' OR modality = 'question'),
  quote          INTEGER,
  PRIMARY KEY (article_id, idx),
  CHECK ((target_text IS NULL) = (target_code IS NULL)
         AND (target_text IS NULL) = (target_begin IS NULL)
         AND (target_text IS NULL) = (target_end IS NULL)
         AND (target_text IS NOT NULL OR target_entity IS NULL)),
  CHECK ((date_begin IS NULL) = (date_end IS NULL)),
  CHECK ((place_text IS NULL) = (place_begin IS NULL)
         AND (place_text IS NULL) = (place_end IS NULL)
         AND (place_text IS NOT NULL OR place_country IS NULL))
) WITHOUT ROWID;
CREATE INDEX events_by_code ON events(code);
)sql";

// The events across articles, added by schema version 5 (created with the
// rest in a new file, added to an older file by the upgrade): each reported
// event (ReportedEvent, coref/coref.h) with what new mentions are compared
// with, and each coreferable event of an article with the reported event it
// joined, the act it reports (countries and root, hashed; NULL when it has
// no target) and whether it stands in the article's lead. Articles stored
// before have no rows; the link stage gives them to new articles only.
constexpr const char* kReportedEventsSchemaSql = R"sql(
CREATE TABLE reported_events (
  id           TEXT PRIMARY KEY,
  position     INTEGER NOT NULL UNIQUE,
  source_code  TEXT NOT NULL,
  target_code  TEXT,
  code         TEXT NOT NULL,
  root         TEXT NOT NULL,
  date_value   TEXT,
  date_how     TEXT NOT NULL
               CHECK (date_how = 'timex' OR date_how = 'publication' OR date_how = 'inferred'
                      OR date_how = 'unknown'),
  place        TEXT,
  words        BLOB NOT NULL,
  mentions     INTEGER NOT NULL CHECK (mentions >= 1),
  run_id       INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;
CREATE TABLE event_mentions (
  article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  event_id     TEXT NOT NULL REFERENCES reported_events(id),
  act          INTEGER,
  lead         INTEGER NOT NULL CHECK (lead = 0 OR lead = 1),
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX event_mentions_by_event ON event_mentions(event_id);
)sql";

// Full-text search over article titles and texts and over quotes (with
// their speakers as titles), added by schema version 7: an FTS5 table with
// its own copy of the text, as snippets need it and the articles table has
// no stable rowid to point an external-content table at. Kinds: 'article'
// (idx 0) and 'quote' (idx = the quote's index).
constexpr const char* kSearchSchemaSql = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(
  kind UNINDEXED, article_id UNINDEXED, idx UNINDEXED, title, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql";
// Version 6 -> 7 indexes what is stored.
constexpr const char* kFillSearchSql = R"sql(
INSERT INTO search_text(kind, article_id, idx, title, body)
  SELECT 'article', id, 0, coalesce(title, ''), text FROM articles;
INSERT INTO search_text(kind, article_id, idx, title, body)
  SELECT 'quote', article_id, idx, coalesce(speaker_text, ''), text FROM quotes;
)sql";

// Version 7 -> 8: records of a run's inputs that are not articles by design
// (a WARC file's requests, metadata, non-HTML responses...), counted by
// reason, so that the database accounts for every input as the JSON report
// does.
constexpr const char* kSkippedRecordsSql = R"sql(
CREATE TABLE skipped_records (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  reason TEXT NOT NULL,
  count  INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (run_id, reason)
) WITHOUT ROWID;
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

// A reader's settings: the writer chose the journal mode; query_only makes
// any write an error, whatever the file's permissions.
constexpr const char* kReadOnlyConnectionSql =
    "PRAGMA cache_size = -65536;"
    "PRAGMA query_only = ON;";

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
  SL_RETURN_IF_ERROR(connection.Exec(kArticlesSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kPageMetadataSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kLinkSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kFactsSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kEventsSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kReportedEventsSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kSearchSchemaSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(connection.Exec(kSkippedRecordsSql, "cannot create the schema"));
  SL_RETURN_IF_ERROR(SetMeta(connection, "schema_version", std::to_string(kSchemaVersion)));
  SL_RETURN_IF_ERROR(SetMeta(
      connection, "storyline_version",
      options.storyline_version.empty() ? std::string("unknown") : options.storyline_version));
  return connection.Exec(
      "INSERT INTO meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      "cannot write the meta table");
}

// An upgrade of the schema from version `from` to `from + 1`: the tables
// that version added.
struct Upgrade {
  int from;
  std::array<const char*, 4> steps;  // run in order; nullptr ends the list
};

// Version 1 -> 2 adds the link stage's tables: the articles of a version 1
// file have no link features and no story yet, so the next analyze links
// them. Version 2 -> 3 adds the entities and quotes, version 3 -> 4 the
// events, version 4 -> 5 the events across articles: articles stored before
// have none (re-analysing into a new database computes them). Version 5 -> 6
// adds page metadata and the 'capture' publication date (see above), 6 -> 7
// the full-text index, 7 -> 8 the skipped records.
constexpr Upgrade kUpgrades[] = {
    {1, {kLinkSchemaSql}},
    {2, {kFactsSchemaSql}},
    {3, {kEventsSchemaSql}},
    {4, {kReportedEventsSchemaSql}},
    {5, {kRebuildArticlesSql, kArticlesSql, kCopyArticlesSql, kPageMetadataSql}},
    {6, {kSearchSchemaSql, kFillSearchSql}},
    {7, {kSkippedRecordsSql}}};
static_assert(kUpgrades[std::size(kUpgrades) - 1].from + 1 == kSchemaVersion,
              "an upgrade must reach every new schema version");

// Runs `upgrade` in one transaction with its version bump, unless the file
// is no longer at version `upgrade.from`.
Status RunUpgrade(Connection& connection, const Upgrade& upgrade) {
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  // Checked again under the write lock: another process may have upgraded.
  SL_ASSIGN_OR_RETURN(std::optional<int> version, ReadSchemaVersion(connection));
  if (version == upgrade.from) {
    for (const char* step : upgrade.steps) {
      if (!step) break;
      SL_RETURN_IF_ERROR(connection.Exec(step, "cannot upgrade the schema"));
    }
    SL_RETURN_IF_ERROR(SetMeta(connection, "schema_version", std::to_string(upgrade.from + 1)));
  }
  return transaction.Commit();
}

}  // namespace

Status ConfigureConnection(Connection& connection, const OpenOptions& options) {
  return connection.Exec(options.read_only ? kReadOnlyConnectionSql : kConnectionSql,
                         "cannot configure the connection");
}

Status SetMeta(Connection& connection, std::string_view key, std::string_view value) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSetMeta));
  query.BindText(1, key).BindText(2, value);
  return query.Run("cannot write the meta table");
}

Status EnsureSchema(Connection& connection, const OpenOptions& options) {
  SL_ASSIGN_OR_RETURN(std::optional<int> version, ReadSchemaVersion(connection));
  if (options.read_only) {
    if (!version) {
      return Status::Corruption("'" + connection.path() + "' is empty, not a storyline database");
    }
    if (*version != kSchemaVersion) {
      return Status::Unsupported("database schema version " + std::to_string(*version) +
                                 " is not the one this storyline reads (" +
                                 std::to_string(kSchemaVersion) +
                                 "); run storyline analyze on it to upgrade");
    }
    return Status::Ok();
  }
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
  for (const Upgrade& upgrade : kUpgrades) {
    if (upgrade.from >= *version) SL_RETURN_IF_ERROR(RunUpgrade(connection, upgrade));
  }
  return Status::Ok();
}

}  // namespace storyline::store::internal
