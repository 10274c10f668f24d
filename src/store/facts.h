// facts.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The facts found in an article: its entities with their mentions, and its
// quotes (tables `entities` and `quotes` of docs/schema.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Inserts the entities (with their mentions) and quotes of `article`. Each
// entity is stored under its index in Article::entities. InvalidArgument
// for a mention kind EntityMention does not list. REQUIRES: inside the
// transaction that inserted the article's row.
Status InsertFacts(Connection& connection, const Article& article);

// Reads the entities (with their mentions) and quotes of `article.id` into
// `article`. Corruption when an entity's mentions cannot be read.
Status ReadFacts(Connection& connection, Article& article);

// As Database::FindEntityMentions and Database::EntityKeys.
Result<std::vector<EntityMentionRow>> FindEntityMentions(Connection& connection,
                                                         const std::string& key);
Result<std::vector<std::pair<std::string, uint64_t>>> EntityKeys(Connection& connection,
                                                                 const std::string& prefix,
                                                                 size_t limit);

}  // namespace storyline::store::internal
