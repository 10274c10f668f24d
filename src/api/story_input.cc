#include "api/story_input.h"

#include <algorithm>
#include <unordered_set>

namespace storyline::api {

brief::StoryInput StoredStory::Input() const {
  brief::StoryInput input;
  for (const Article& article : articles) input.articles.push_back(&article);
  input.passages = passages;
  input.event_links = event_links;
  return input;
}

Result<StoredStory> LoadStory(store::Database& db, const std::vector<std::string>& article_ids) {
  StoredStory story;
  std::unordered_set<std::string> ids;
  for (const std::string& id : article_ids) {
    if (!ids.insert(id).second) continue;
    SL_ASSIGN_OR_RETURN(Article article, db.GetArticle(id));
    story.articles.push_back(std::move(article));
  }
  std::stable_sort(story.articles.begin(), story.articles.end(),
                   [](const Article& a, const Article& b) {
                     const auto& x = a.published.value;
                     const auto& y = b.published.value;
                     if (x.has_value() != y.has_value()) return x.has_value();
                     if (x && *x != *y) return *x < *y;
                     return a.id < b.id;
                   });
  std::vector<std::string> unique_ids(ids.begin(), ids.end());
  std::sort(unique_ids.begin(), unique_ids.end());  // passages in one order, whatever the input
  SL_ASSIGN_OR_RETURN(store::LinkReport links, db.GetLinks(unique_ids));
  for (const Passage& passage : links.passages) {
    if (ids.contains(passage.a.article) && ids.contains(passage.b.article)) {
      story.passages.push_back(passage);
    }
  }
  for (const store::ReportedEventReport& report : links.events) {
    for (const store::ReportedEventMention& mention : report.mentions) {
      if (ids.contains(mention.article)) {
        story.event_links.push_back({mention.article, mention.event, report.event.id});
      }
    }
  }
  story.events = std::move(links.events);
  return story;
}

}  // namespace storyline::api
