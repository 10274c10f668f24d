// story_input.h: a story's stored articles, passages and reported events,
// read back from the database as brief::Summarize takes them.
#pragma once

#include <string>
#include <vector>

#include "brief/brief.h"
#include "core/article.h"
#include "core/status.h"
#include "store/store.h"

namespace storyline::api {

struct StoredStory {
  // By publication date (undated last), then id: the canonical order, so
  // the digest does not depend on the order the ids were given in.
  std::vector<Article> articles;
  std::vector<Passage> passages;              // between two of them
  std::vector<brief::EventLink> event_links;  // their mentions' reported events
  // Those reported events, with all their mentions (in any article).
  std::vector<store::ReportedEventReport> events;

  // The brief's view of it; valid while this StoredStory is alive and unchanged.
  brief::StoryInput Input() const;
};

// Reads the articles with these ids (repeats ignored) and what links them.
// NotFound when an id is not stored.
Result<StoredStory> LoadStory(store::Database& db, const std::vector<std::string>& article_ids);

}  // namespace storyline::api
