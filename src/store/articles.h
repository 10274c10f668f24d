// articles.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// Article rows and their children (sentences, removed lines, time
// expressions, warnings, and through facts.h and events.h the entities,
// quotes and events): inserting them, reading them back, finding an id by
// its prefix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/article.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace storyline::store::internal {

// Inserts one article and its children unless its id is already stored.
// Returns whether it was new. REQUIRES: inside a transaction, a non-empty id.
Result<bool> InsertArticle(Connection& connection, int64_t run, const Article& article);

// What ReadArticle() reads beside the article's own row.
enum class ArticleParts { kAll, kSentences, kSentencesAndEvents };

// The article with exactly this id, or nullopt.
Result<std::optional<Article>> ReadArticle(Connection& connection, const std::string& id,
                                           ArticleParts parts = ArticleParts::kAll);

// The one stored id starting with `prefix`, per Database::GetArticle's
// contract.
Result<std::string> ResolvePrefix(Connection& connection, const std::string& prefix);

}  // namespace storyline::store::internal
