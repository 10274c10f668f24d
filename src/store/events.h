// events.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The events coded from an article (table `events` of docs/schema.md):
// inserting them with the article, reading them back, and walking the
// articles that have some.
#pragma once

#include <functional>

#include "core/article.h"
#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Inserts the events of `article`, each under its index in Article::events.
// REQUIRES: inside the transaction that inserted the article's row.
Status InsertEvents(Connection& connection, const Article& article);

// Reads the events of `article.id` into `article.events`, in order.
Status ReadEvents(Connection& connection, Article& article);

// As Database::ForEachEventArticle.
Status ForEachEventArticle(Connection& connection,
                           const std::function<Status(EventArticle&&)>& visit);

}  // namespace storyline::store::internal
