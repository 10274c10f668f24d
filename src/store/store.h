// store.h: the SQLite database and the JSON report.
//
// Database: an embedded SQLite file holding articles with their sentences,
// removed lines, warnings, time expressions, entities, quotes and events, the
// links between articles, the rejected inputs and one row per run (its
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
// A Database is used from one thread at a time. Several processes may open
// the same file: SQLite's WAL mode lets readers (`storyline show`) run beside
// one writer, and a writer waits up to OpenOptions::busy_timeout_ms for
// another writer's transaction to end.
//
//   SL_ASSIGN_OR_RETURN(store::Database db, store::Database::Open("storyline.db"));
//   SL_ASSIGN_OR_RETURN(int64_t run, db.BeginRun(info));
//   SL_ASSIGN_OR_RETURN(size_t added, db.PutArticles(run, batch));  // per batch
//   SL_RETURN_IF_ERROR(db.PutRejections(run, rejections));
//   SL_RETURN_IF_ERROR(db.FinishRun(run, counts));
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"

struct sqlite3;

namespace storyline::store {

inline constexpr int kSchemaVersion = 8;

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
  // Records that are not articles by design (a WARC file's requests,
  // metadata, non-HTML responses...), by reason; not counted in `read`.
  std::map<std::string, uint64_t> skipped;
};

// One stored article as the link stage reads it.
struct LinkRecord {
  std::string id;
  std::string origin;
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::string features;              // Article::link_features as stored; empty when none
  std::optional<std::string> story;  // the story it joined; nullopt while not linked
};

// A coreferable event of an article and the reported event it joined (table
// event_mentions): what the link stage replays into stories.
struct EventMentionRecord {
  std::string article;   // Article::id
  uint32_t event = 0;    // Event::id in it
  std::string reported;  // ReportedEvent::id
  // The act it reports (coref::LeadActs' hash), nullopt when it has none;
  // and whether it stands in the article's lead.
  std::optional<uint64_t> act;
  bool lead = false;
  bool operator==(const EventMentionRecord&) const = default;
};

// One mention of a reported event, where it stands.
struct ReportedEventMention {
  std::string article;  // Article::id
  uint32_t event = 0;   // Event::id in it
  uint32_t sentence = 0;
  ByteSpan verb;  // the verb or event noun, bytes into the article's text
  std::optional<std::string> outlet;
  std::optional<std::string> url;
  std::optional<std::string> published;
  bool operator==(const ReportedEventMention&) const = default;
};

// A reported event with its mentions (by publication date, unknown last) and
// GDELT's counts: mentions (mentions.size()), sources (distinct outlets; an
// article without one counts as its own source) and articles.
struct ReportedEventReport {
  ReportedEvent event;
  std::vector<ReportedEventMention> mentions;
  uint32_t sources = 0;
  uint32_t articles = 0;
  bool operator==(const ReportedEventReport&) const = default;
};

// The results of a link stage (link::Linker), stored in one transaction.
struct LinkUpdate {
  // (article id, link features) to store or replace: features computed
  // again for articles that had none.
  std::vector<std::pair<std::string, std::string>> features;
  // (article id, story id) of newly linked articles, in the order they
  // joined; an article already in a story keeps it.
  std::vector<std::pair<std::string, std::string>> joined;
  std::vector<Story> stories;                       // inserted, or updated (label, dates)
  std::vector<Passage> passages;                    // added; passages already stored are skipped
  std::vector<NearDuplicateGroup> near_duplicates;  // replace all stored groups
  // Reported events started or changed (inserted, or updated: codes, date,
  // place, words, mentions), in the order they were started, and the new
  // articles' event mentions.
  std::vector<ReportedEvent> reported_events;
  std::vector<EventMentionRecord> event_mentions;
};

// What the database holds about the links of some articles.
struct LinkReport {
  std::vector<NearDuplicateGroup> near_duplicates;  // the groups they are in, whole
  std::vector<Passage> passages;                    // the passages they share
  std::vector<Story> stories;                       // their stories, all articles listed
  // The reported events their event mentions joined, with all mentions.
  std::vector<ReportedEventReport> events;
};

// One mention of an entity, as Database::FindEntityMentions lists them.
struct EntityMentionRow {
  std::string article;                    // Article::id
  std::optional<std::string> published;   // the article's publication date, "YYYY-MM-DD"
  uint32_t entity = 0;                    // Entity::id in that article
  std::string name;                       // Entity::name in that article
  std::optional<std::string> role;        // Entity::role
  std::optional<std::string> actor_code;  // Entity::actor's code, when it has one
  uint32_t sentence = 0;                  // index into the article's sentences
  ByteSpan span;                          // bytes into the article's text
  std::string kind;                       // "name", "nominal" or "pronoun"
  std::string text;                       // the mention as written: text[span]
  bool operator==(const EntityMentionRow&) const = default;
};

// A stored article that has events, as Database::ForEachEventArticle gives
// it: the article whole, and when it was stored.
struct EventArticle {
  Article article;
  // When the run that stored it started: UTC "YYYY-MM-DDTHH:MM:SS.sssZ".
  std::string stored_at;
};

// The ids of the articles a database held when it was read (Database::
// StoredIds), to tell articles a run need not analyse again. Immutable:
// Contains() may run on several threads at once. 8 bytes an article.
class StoredIds {
 public:
  StoredIds() = default;
  explicit StoredIds(const std::vector<std::string>& ids);
  bool Contains(std::string_view id) const;
  size_t size() const { return hex_.size() + other_.size(); }

 private:
  std::vector<uint64_t> hex_;       // ids of 16 lower-case hex digits, sorted
  std::vector<std::string> other_;  // any other (none storyline writes), sorted
};

struct OpenOptions {
  // Create the file when it does not exist. `storyline show` passes false so
  // that a mistyped path is reported instead of leaving an empty database.
  bool create_if_missing = true;
  // Recorded in the meta table when the database is created (BeginRun
  // updates it with RunInfo::version). Empty: "unknown".
  std::string storyline_version;
  // How long a write waits for another process's transaction to end before
  // failing with IoError ("database is locked").
  int busy_timeout_ms = 5000;
  // Open for reading only (`storyline serve`): nothing is created or
  // upgraded, and a database of another schema version is refused
  // (Unsupported: "... run storyline analyze on it to upgrade").
  bool read_only = false;
};

// What ListStories selects: each filter applies when set. Dates are
// "YYYY-MM-DD"; `text` is an FTS5 query (FtsQuery).
struct StoryFilter {
  std::optional<std::string> from;   // stories whose last date is on or after it
  std::optional<std::string> to;     // stories whose first date is on or before it
  std::optional<std::string> actor;  // a reported event's source or target code starts with it
  std::optional<std::string> text;   // an article or quote of the story matches it
  uint64_t offset = 0;
  uint64_t limit = 50;
};

// A story as listed: its fields, events and actors (Story::articles empty),
// and how many articles and outlets it has (an article without an outlet
// counts as its own).
struct StoryListing {
  Story story;
  uint64_t articles = 0;
  uint64_t outlets = 0;
};

struct StoryPage {
  uint64_t total = 0;  // stories that match, over all pages
  std::vector<StoryListing> stories;
};

// What ListReportedEvents selects; code prefixes, dates "YYYY-MM-DD".
struct EventFilter {
  std::optional<std::string> actor;  // source or target code starts with it
  std::optional<std::string> code;   // the CAMEO code starts with it
  std::optional<std::string> from;
  std::optional<std::string> to;
  uint64_t offset = 0;
  uint64_t limit = 50;
};

struct EventPage {
  uint64_t total = 0;
  std::vector<ReportedEventReport> events;
};

// One full-text match: an article ("article") or one of its quotes ("quote").
struct SearchHit {
  std::string kind;
  std::string article;
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> story;
  // The matching text around the match, each match between the bytes 0x01
  // and 0x02 (for the caller to mark up after escaping the rest).
  std::string snippet;
};

struct SearchPage {
  uint64_t total = 0;
  std::vector<SearchHit> hits;
};

// A user's words as an FTS5 query that cannot be malformed: each word, or
// each "quoted phrase", quoted as a string (so AND, OR, NEAR, column names
// and punctuation are plain words); a trailing * keeps its prefix meaning.
// All must match. Empty when there are no words.
std::string FtsQuery(std::string_view words);

class Database {
 public:
  // Opens or creates the database at `path` and brings an older schema up to
  // date. Errors:
  //   Unsupported  "database schema version N is newer than this storyline
  //                supports (K); upgrade storyline", K being kSchemaVersion
  //   Corruption   the file is not an SQLite database, is damaged, or is an
  //                SQLite database of another program (no `meta` table);
  //                the file is left untouched
  //   NotFound     the file does not exist and !options.create_if_missing
  //   IoError      SQLite cannot open or lock the file
  static Result<Database> Open(const std::string& path, const OpenOptions& options = {});

  // Records the start of a run (its version, options, data digest and
  // command line) and returns its id, to pass to the calls below.
  Result<int64_t> BeginRun(const RunInfo& info);
  // Records the end time and counts of a run, and its skipped records by
  // reason, in one transaction. A run that never finishes (killed) keeps a
  // NULL finished_at. NotFound when `run` does not exist.
  Status FinishRun(int64_t run, const RunCounts& counts);

  // Stores the articles that are not there yet, in one transaction, and
  // returns how many were new. An article whose id is already stored is
  // skipped whole: its row and children are left as they are. On failure
  // nothing of the batch is stored. InvalidArgument when `run` does not exist,
  // an article has an empty id, or a value is not one core/article.h lists
  // (an entity type, mention or quote kind, ActorCode::how, an event's date
  // how or modality). Batches of a
  // few hundred articles amortise the commit; one batch holds the write lock
  // for its whole duration.
  Result<size_t> PutArticles(int64_t run, const std::vector<Article>& articles);
  // Appends the rejected inputs of a run, in one transaction. Rejections are a
  // log per run: running the same input again records them again, under the
  // new run.
  Status PutRejections(int64_t run, const std::vector<Rejection>& rejections);

  // The article with this id, or the only one whose id starts with it (at
  // least 4 hex digits, either case), whole: its row and every child
  // (sentences, time expressions, entities with their mentions, quotes,
  // events, removed lines, warnings); Entity::id and Event::id are read back
  // as their indexes. An article stored before schema version 3 has no
  // entities or quotes, one stored before version 4 no events.
  // Errors:
  //   NotFound         "no article with id 'ID'" (16 digits) or
  //                    "no article id starts with 'PREFIX'"
  //   InvalidArgument  "id prefix 'PREFIX' matches N articles", or
  //                    "'X' is not an article id or a prefix of at least 4 hex digits"
  //   Corruption       a stored value another program damaged, e.g. "article ID:
  //                    the mentions of entity N are not a JSON array of
  //                    [sentence, begin, end, kind]"
  Result<Article> GetArticle(const std::string& id_or_prefix);
  // The article with exactly this id: its fields, clean text and sentences,
  // without the removed lines, time expressions, entities, quotes, events
  // and warnings that linking does not read. NotFound "no article with id 'ID'".
  Result<Article> GetArticleText(const std::string& id);
  // The same with the article's events: what the link stage joins into
  // events across articles. NotFound as GetArticleText.
  Result<Article> GetArticleEvents(const std::string& id);

  // Calls `visit` for every stored article: the linked ones in the order they
  // joined their stories, then the others (new, or stored by a run that
  // stopped before its link stage) by id. `visit` must not use the database;
  // its first error is returned.
  Status ForEachLinkRecord(const std::function<Status(LinkRecord&&)>& visit);
  // The number of stored articles in no story yet: those a link stage has
  // to link.
  Result<uint64_t> CountUnlinkedArticles();
  // Stores the results of a link stage in one transaction: all or nothing.
  // InvalidArgument when `run` does not exist.
  Status PutLinks(int64_t run, const LinkUpdate& update);
  // The near-duplicate groups, passages and stories of `article_ids`, each
  // listed once, in the order of the first article that has it.
  Result<LinkReport> GetLinks(const std::vector<std::string>& article_ids);

  // Every stored mention of the entity whose Entity::key is `key` (e.g.
  // "PER:wang yi:CHN"), across the corpus: ordered by the article's
  // publication date (unknown last), then article id, entity and mention.
  // Empty when no entity has the key; entities without a key (known only by
  // a role phrase) are never found. One indexed lookup, then a row read per
  // entity, whose mentions are in it.
  Result<std::vector<EntityMentionRow>> FindEntityMentions(const std::string& key);
  // Up to `limit` stored entity keys that start with `prefix` (e.g.
  // "PER:wang"; "" for all), in byte order, each with the number of
  // articles that mention it. A range of the key index: the cost grows with
  // the entities under the keys listed, not with the corpus.
  Result<std::vector<std::pair<std::string, uint64_t>>> EntityKeys(const std::string& prefix,
                                                                   size_t limit);

  // Calls `visit` for every stored article that has at least one event, by
  // id, each read whole as GetArticle reads it, one at a time (memory stays
  // flat in their number). `visit` must not use the database; its first
  // error is returned.
  Status ForEachEventArticle(const std::function<Status(EventArticle&&)>& visit);

  // Calls `visit` for every stored reported event, in the order they were
  // started, and for every stored event mention. `visit` must not use the
  // database; its first error is returned.
  Status ForEachReportedEvent(const std::function<Status(ReportedEvent&&)>& visit);
  Status ForEachEventMention(const std::function<Status(EventMentionRecord&&)>& visit);
  // The reported event with this id and its mentions; NotFound "no event with
  // id 'ID'".
  Result<ReportedEventReport> GetReportedEvent(const std::string& id);
  // The reported events the events of an article joined, in the order of its
  // events, each once.
  Result<std::vector<std::string>> ReportedEventsOf(const std::string& article_id);

  // Stories, newest first (last date, undated last, then id), paged.
  Result<StoryPage> ListStories(const StoryFilter& filter);
  // One story, its articles in the order they joined, with its events and
  // actors. NotFound "no story with id 'ID'".
  Result<Story> GetStory(const std::string& id);
  // The story an article is in; nullopt when none.
  Result<std::optional<std::string>> StoryOfArticle(const std::string& article_id);
  // Reported events by date (undated last), then the order they were
  // started, paged.
  Result<EventPage> ListReportedEvents(const EventFilter& filter);
  // Full-text search over article titles and texts and quotes, best first.
  // `fts_query` is FTS5 syntax (FtsQuery makes one from a user's words);
  // InvalidArgument when FTS5 cannot parse it.
  Result<SearchPage> Search(const std::string& fts_query, uint64_t offset, uint64_t limit);

  // A value that changes whenever a run starts or finishes, hence whenever
  // what is stored may have changed: what a reader's cache is keyed on.
  Result<std::string> ChangeMark();

  // The number of stored articles; 0 when it cannot be read.
  uint64_t ArticleCount();
  // The ids of every stored article.
  Result<StoredIds> StoredArticleIds();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

 private:
  struct Handle;
  explicit Database(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

// Streams the JSON report (the contract is in docs/json.md):
//   {"articles": [...], "near_duplicates": [...], "passages": [...],
//    "stories": [...], "inputs": {"read", "ingested", "rejected": [...],
//    "skipped": {reason: count} (only when records were skipped)}}
// Articles are written as they come, one per line, so memory stays flat in
// their number. Writes to `path + ".tmp"`, renamed into place by Finish(): a
// killed run leaves no half-written report under the final name, and a
// writer destroyed without Finish() removes its temporary file (an older
// report at `path` stays as it was). Path "-" writes to stdout, unrenamed.
// Invalid UTF-8 in any string is written as U+FFFD, so Write never fails on
// content. A JsonWriter is used from one thread at a time.
class JsonWriter {
 public:
  // IoError when the temporary file cannot be created.
  static Result<JsonWriter> Create(const std::string& path);
  // IoError when writing fails; the writer then keeps returning that error.
  Status Write(const Article& article);
  // Closes the articles array and writes the link sections. Call it at most
  // once, after the last Write(); Finish() writes empty sections when it was
  // not called.
  Status WriteLinks(const LinkReport& links);
  // Closes the array, writes the inputs summary, flushes and syncs the file
  // and renames it to the final path. Call it once; Write() after Finish()
  // is an error. `skipped` counts, by reason, records that are not articles
  // by design (a WARC file's requests, metadata, non-HTML responses).
  Status Finish(uint64_t read, uint64_t ingested, const std::vector<Rejection>& rejected,
                const std::map<std::string, uint64_t>& skipped = {});

  JsonWriter(JsonWriter&&) noexcept;
  JsonWriter& operator=(JsonWriter&&) noexcept;
  ~JsonWriter();

 private:
  struct State;
  explicit JsonWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One article as a compact JSON object on one line, with the field names of
// the contract (the same bytes as its line in the report). Never fails:
// invalid UTF-8 is written as U+FFFD.
std::string ArticleToJson(const Article& article);

// One event as the compact JSON object of an article's "events" (the same
// bytes as in the report). Never fails.
std::string EventToJson(const Event& event);

// One reported event with its mentions, as an element of the report's
// "events" (docs/json.md). Never fails.
std::string ReportedEventToJson(const ReportedEventReport& report);

}  // namespace storyline::store
