// statements.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// Every statement the database runs more than once, by id. A Connection
// (sqlite.h) prepares each on first use and keeps it for its life.
#pragma once

#include <cstddef>
#include <string>

namespace storyline::store::internal {

// Sentences are most of the rows: they are inserted this many per statement,
// which saves about a fifth of the time of a large run over one per statement.
inline constexpr size_t kSentencesPerInsert = 16;

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
  kInsertEntity,
  kInsertEntityMention,
  kInsertQuote,
  kSelectEntities,
  kSelectEntityMentions,
  kSelectQuotes,
  kFindEntityMentions,
  kEntityKeys,
  kStatementCount,
};

// The SQL of statement `id`.
std::string StatementSql(StatementId id);

}  // namespace storyline::store::internal
