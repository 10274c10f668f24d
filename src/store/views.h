// views.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// What the server and the report read (store.h: ListStories, GetStory,
// ListReportedEvents, Search), and the full-text index they search, which
// PutArticles fills (table search_text of docs/schema.md).
#pragma once

#include <optional>
#include <string>

#include "core/article.h"
#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Indexes an article's title and text and its quotes. REQUIRES: inside a
// transaction, the article newly inserted.
Status InsertSearchText(Connection& connection, const Article& article);

// As the Database methods of the same names.
Result<StoryPage> ListStories(Connection& connection, const StoryFilter& filter);
Result<Story> GetStory(Connection& connection, const std::string& id);
Result<std::optional<std::string>> StoryOfArticle(Connection& connection,
                                                  const std::string& article_id);
Result<EventPage> ListReportedEvents(Connection& connection, const EventFilter& filter);
Result<SearchPage> Search(Connection& connection, const std::string& fts_query, uint64_t offset,
                          uint64_t limit);

}  // namespace storyline::store::internal
