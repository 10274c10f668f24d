// statements.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// Every statement the database runs more than once, by id. A Connection
// (sqlite.h) prepares each on first use and keeps it for its life.
#pragma once

#include <cstddef>
#include <string>

namespace storyline::store::internal {

// Sentences, entities, quotes and events, the children an article has dozens
// of, are
// inserted this many rows per statement (the rest one at a time): a statement
// costs a step and a reset beside its rows. This saved about a fifth of the
// time of a large run for sentences, and of the time of entities and quotes.
inline constexpr size_t kRowsPerInsert = 16;

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
  // kInsertSentence, kInsertEntity, kInsertQuote and kInsertEvent insert one
  // row; their plurals kRowsPerInsert rows. Their SQL is built by
  // RowsInsertSql().
  kInsertSentence,
  kInsertSentences,
  kInsertRemoved,
  kInsertMetadata,
  kInsertTimex,
  kInsertWarning,
  kInsertRejection,
  kInsertSkippedRecords,
  kSelectArticle,
  kSelectSentences,
  kSelectRemoved,
  kSelectMetadata,
  kSelectTimexes,
  kSelectWarnings,
  kIdsInRange,
  kCountIdsInRange,
  kCountArticles,
  kSelectArticleIds,
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
  kInsertEntity,
  kInsertEntities,
  kInsertQuote,
  kInsertQuotes,
  kSelectEntities,
  kSelectQuotes,
  kFindEntityMentions,
  kEntityKeys,
  kInsertEvent,
  kInsertEvents,
  kSelectEvents,
  kSelectEventArticles,
  kUpsertReportedEvent,
  kMaxReportedPosition,
  kInsertEventMention,
  kSelectReportedEvents,
  kSelectEventMentions,
  kEventsOfArticle,
  kSelectReportedEvent,
  kMentionsOfEvent,
  kEventsOfStory,
  kInsertSearchText,
  kListStories,
  kCountStories,
  kListReportedEvents,
  kCountReportedEvents,
  kSearch,
  kCountSearch,
  kChangeMark,
  kStatementCount,
};

// The SQL of statement `id`.
std::string StatementSql(StatementId id);

}  // namespace storyline::store::internal
