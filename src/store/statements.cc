// statements.cc: the SQL of the cached statements. The tables are documented
// in docs/schema.md; keep the two in step.

#include "store/statements.h"

#include <iterator>

namespace storyline::store::internal {
namespace {

// The filters of kListStories and kCountStories.
#define STORIES_WHERE                                                                 \
  "(?1 IS NULL OR s.last_date >= ?1) AND (?2 IS NULL OR s.first_date <= ?2) "         \
  "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM story_members m JOIN event_mentions e "   \
  "ON e.article_id = m.article_id JOIN reported_events r ON r.id = e.event_id "       \
  "WHERE m.story_id = s.id AND (substr(r.source_code, 1, length(?3)) = ?3 "           \
  "OR substr(r.target_code, 1, length(?3)) = ?3))) "                                  \
  "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id " \
  "AND m.article_id IN (SELECT article_id FROM search_text WHERE search_text MATCH ?4)))"
// The filters of kListReportedEvents and kCountReportedEvents.
#define EVENTS_WHERE                                                                              \
  "(?1 IS NULL OR substr(source_code, 1, length(?1)) = ?1 "                                       \
  "OR substr(target_code, 1, length(?1)) = ?1) AND (?2 IS NULL OR substr(code, 1, length(?2)) = " \
  "?2) "                                                                                          \
  "AND (?3 IS NULL OR date_value >= ?3) AND (?4 IS NULL OR date_value <= ?4)"

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
    nullptr,  // kInsertSentence and
    nullptr,  // kInsertSentences: kRowsInserts below
    "INSERT INTO removed_lines(article_id, idx, line, \"offset\", text, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO article_metadata(article_id, idx, field, value, how, evidence) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO timexes(article_id, idx, sentence, \"begin\", \"end\", text, type, value, mod, "
    "anchor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "INSERT INTO warnings(article_id, idx, code, message) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO rejections(run_id, origin, reason) VALUES (?1, ?2, ?3)",
    "INSERT INTO skipped_records(run_id, reason, count) VALUES (?1, ?2, ?3)",
    "SELECT id, origin, format, source_id, title, outlet, url, language, published, "
    "published_how, published_evidence, text FROM articles WHERE id = ?1",
    "SELECT \"begin\", \"end\" FROM sentences WHERE article_id = ?1 ORDER BY idx",
    "SELECT line, \"offset\", text, reason FROM removed_lines WHERE article_id = ?1 ORDER BY idx",
    "SELECT field, value, how, evidence FROM article_metadata WHERE article_id = ?1 ORDER BY idx",
    "SELECT sentence, \"begin\", \"end\", text, type, value, mod, anchor FROM timexes "
    "WHERE article_id = ?1 ORDER BY idx",
    "SELECT code, message FROM warnings WHERE article_id = ?1 ORDER BY idx",
    // Prefix lookups as a range on the primary key index: [prefix, next).
    "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2",
    "SELECT count(*) FROM articles WHERE id >= ?1 AND id < ?2",
    "SELECT count(*) FROM articles",
    "SELECT id FROM articles",
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
    nullptr,  // kInsertEntity,
    nullptr,  // kInsertEntities,
    nullptr,  // kInsertQuote and
    nullptr,  // kInsertQuotes: kRowsInserts below
    "SELECT key, name, type, role, country, actor_code, actor_how, actor_evidence, mentions "
    "FROM entities WHERE article_id = ?1 ORDER BY idx",
    "SELECT sentence, \"begin\", \"end\", text, kind, cue_begin, cue_end, speaker_text, "
    "speaker_begin, speaker_end, speaker_entity, speaker_code FROM quotes "
    "WHERE article_id = ?1 ORDER BY idx",
    // kFindEntityMentions: through entities_by_key, then one row per element
    // of each entity's mentions array ([sentence, begin, end, kind]); the
    // mention's text is cut from the article's text as bytes (the cast), as
    // its offsets count.
    "SELECT e.article_id, a.published, e.idx, e.name, e.role, e.actor_code, m.value ->> 0, "
    "m.value ->> 1, m.value ->> 2, m.value ->> 3, "
    "substr(CAST(a.text AS BLOB), (m.value ->> 1) + 1, max((m.value ->> 2) - (m.value ->> 1), 0)) "
    "FROM entities e JOIN articles a ON a.id = e.article_id, json_each(e.mentions) m "
    "WHERE e.key = ?1 "
    "ORDER BY a.published IS NULL, a.published, e.article_id, e.idx, m.key",
    // kEntityKeys: a range [prefix, next) of entities_by_key, which also holds
    // the article ids (the primary key).
    "SELECT key, count(DISTINCT article_id) FROM entities WHERE key >= ?1 AND key < ?2 "
    "GROUP BY key ORDER BY key LIMIT ?3",
    nullptr,  // kInsertEvent and
    nullptr,  // kInsertEvents: kRowsInserts below
    "SELECT sentence, code, root, quad_class, goldstein, source_text, source_code, source_begin, "
    "source_end, source_entity, target_text, target_code, target_begin, target_end, "
    "target_entity, verb_begin, verb_end, date_value, date_how, date_begin, date_end, "
    "place_text, place_begin, place_end, place_country, pattern, confidence, negated, "
    "modality, quote FROM events WHERE article_id = ?1 ORDER BY idx",
    // kSelectEventArticles: the articles with events, by id (the events'
    // primary key gives their ids in order), with the time of the run that
    // stored each.
    "SELECT e.article_id, r.started_at FROM (SELECT DISTINCT article_id FROM events) e "
    "JOIN articles a ON a.id = e.article_id JOIN runs r ON r.id = a.run_id "
    "ORDER BY e.article_id",
    // kUpsertReportedEvent: an event keeps its position and the run that
    // started it.
    "INSERT INTO reported_events(id, position, source_code, target_code, code, root, date_value, "
    "date_how, place, words, mentions, run_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT(id) DO UPDATE SET source_code = excluded.source_code, "
    "target_code = excluded.target_code, date_value = excluded.date_value, "
    "date_how = excluded.date_how, place = excluded.place, words = excluded.words, "
    "mentions = excluded.mentions",
    "SELECT coalesce(max(position), 0) FROM reported_events",
    "INSERT INTO event_mentions(article_id, idx, event_id, act, lead) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
    "SELECT id, source_code, target_code, code, root, date_value, date_how, place, words, "
    "mentions FROM reported_events ORDER BY position",
    "SELECT article_id, idx, event_id, act, lead FROM event_mentions",
    // kEventsOfArticle: in the order of the article's events.
    "SELECT event_id FROM event_mentions WHERE article_id = ?1 ORDER BY idx",
    "SELECT id, source_code, target_code, code, root, date_value, date_how, place, words, "
    "mentions FROM reported_events WHERE id = ?1",
    // kMentionsOfEvent: by publication date (unknown last), article, index.
    "SELECT m.article_id, m.idx, e.sentence, e.verb_begin, e.verb_end, a.outlet, a.url, "
    "a.published FROM event_mentions m JOIN events e ON e.article_id = m.article_id "
    "AND e.idx = m.idx JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1 "
    "ORDER BY a.published IS NULL, a.published, m.article_id, m.idx",
    // kEventsOfStory: its events, most mentioned first, with their actors and
    // date, in one statement rather than a lookup per event.
    "SELECT m.event_id, count(*) AS n, r.source_code, r.target_code, r.date_value "
    "FROM story_members s JOIN event_mentions m ON m.article_id = s.article_id "
    "JOIN reported_events r ON r.id = m.event_id WHERE s.story_id = ?1 "
    "GROUP BY m.event_id ORDER BY n DESC, m.event_id",
    "INSERT INTO search_text(kind, article_id, idx, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    // kListStories, kCountStories: ?1 from, ?2 to (dates overlapping), ?3 an
    // actor code prefix, ?4 a full-text query (each NULL when not asked for);
    // ?5 limit, ?6 offset.
    "SELECT s.id, s.title, s.first_date, s.last_date, "
    "(SELECT count(*) FROM story_members m WHERE m.story_id = s.id), "
    "(SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM story_members m "
    " JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id) "
    "FROM stories s WHERE " STORIES_WHERE
    " ORDER BY s.last_date IS NULL, s.last_date DESC, s.id LIMIT ?5 OFFSET ?6",
    "SELECT count(*) FROM stories s WHERE " STORIES_WHERE,
    // kListReportedEvents, kCountReportedEvents: ?1 an actor code prefix, ?2
    // a CAMEO code prefix, ?3 from, ?4 to; ?5 limit, ?6 offset.
    "SELECT id FROM reported_events WHERE " EVENTS_WHERE
    " ORDER BY date_value IS NULL, date_value, position LIMIT ?5 OFFSET ?6",
    "SELECT count(*) FROM reported_events WHERE " EVENTS_WHERE,
    // kSearch, kCountSearch: ?1 an FTS5 query; ?2 limit, ?3 offset. The
    // snippet marks matches with the control characters 1 and 2, which the
    // caller turns into markup after escaping the rest.
    "SELECT t.kind, t.article_id, a.title, a.outlet, m.story_id, "
    "snippet(search_text, 4, char(1), char(2), '…', 24) "
    "FROM search_text t JOIN articles a ON a.id = t.article_id "
    "LEFT JOIN story_members m ON m.article_id = t.article_id "
    "WHERE search_text MATCH ?1 ORDER BY rank, t.article_id, t.idx LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM search_text WHERE search_text MATCH ?1",
    // kChangeMark: the last run and whether it finished; every write
    // (articles, links) happens inside a run, before it finishes.
    "SELECT coalesce(max(id), 0) || ':' || coalesce((SELECT finished_at FROM runs "
    "ORDER BY id DESC LIMIT 1), 'running') FROM runs",
};
static_assert(std::size(kStatementSql) == kStatementCount);
#undef STORIES_WHERE
#undef EVENTS_WHERE

// An INSERT of `rows` rows: `head` (up to VALUES), then each row's
// parameters: the article id ?1, which all rows share, then `per_row` of
// its own, its position first: (?1, ?2, ?3, ?4), (?1, ?5, ?6, ?7), ...
struct RowsInsert {
  StatementId id;
  const char* head;
  int per_row;
  size_t rows;
};

// OR ROLLBACK: a statement that writes several rows and may fail part-way
// (a CHECK, a duplicate key) otherwise keeps a statement journal, a copy of
// every page it changes so as to undo just itself, which made 16 entities
// per statement slower than one. A failing row fails the whole batch anyway;
// SQLite then ends the transaction itself, which Transaction allows for.
constexpr const char* kSentencesHead =
    "INSERT OR ROLLBACK INTO sentences(article_id, idx, \"begin\", \"end\") VALUES ";
constexpr const char* kEntitiesHead =
    "INSERT OR ROLLBACK INTO entities(article_id, idx, key, name, type, role, country, actor_code, "
    "actor_how, actor_evidence, mentions) VALUES ";
constexpr const char* kQuotesHead =
    "INSERT OR ROLLBACK INTO quotes(article_id, idx, sentence, \"begin\", \"end\", text, kind, "
    "cue_begin, cue_end, speaker_text, speaker_begin, speaker_end, speaker_entity, speaker_code) "
    "VALUES ";
constexpr const char* kEventsHead =
    "INSERT OR ROLLBACK INTO events(article_id, idx, sentence, code, root, quad_class, goldstein, "
    "source_text, source_code, source_begin, source_end, source_entity, target_text, target_code, "
    "target_begin, target_end, target_entity, verb_begin, verb_end, date_value, date_how, "
    "date_begin, date_end, place_text, place_begin, place_end, place_country, pattern, "
    "confidence, negated, modality, quote) VALUES ";

constexpr RowsInsert kRowsInserts[] = {
    {kInsertSentence, kSentencesHead, 3, 1}, {kInsertSentences, kSentencesHead, 3, kRowsPerInsert},
    {kInsertEntity, kEntitiesHead, 10, 1},   {kInsertEntities, kEntitiesHead, 10, kRowsPerInsert},
    {kInsertQuote, kQuotesHead, 13, 1},      {kInsertQuotes, kQuotesHead, 13, kRowsPerInsert},
    {kInsertEvent, kEventsHead, 31, 1},      {kInsertEvents, kEventsHead, 31, kRowsPerInsert},
};

std::string RowsInsertSql(const RowsInsert& insert) {
  std::string sql = insert.head;
  int parameter = 2;
  for (size_t row = 0; row < insert.rows; ++row) {
    sql += row == 0 ? "(?1" : ", (?1";
    for (int i = 0; i < insert.per_row; ++i) sql += ", ?" + std::to_string(parameter++);
    sql += ')';
  }
  return sql;
}

}  // namespace

std::string StatementSql(StatementId id) {
  for (const RowsInsert& insert : kRowsInserts) {
    if (insert.id == id) return RowsInsertSql(insert);
  }
  return kStatementSql[id];
}

}  // namespace storyline::store::internal
