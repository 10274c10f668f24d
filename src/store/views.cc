// views.cc: the server's and the report's reads (views.h).
#include "store/views.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "store/reported.h"

namespace storyline::store::internal {
namespace {

// SQLite's LIMIT and OFFSET are signed: larger values are all the same.
int64_t Signed(uint64_t value) {
  return static_cast<int64_t>(std::min<uint64_t>(value, INT64_MAX));
}

// A statement with the four optional filters ?1..?4 bound.
void BindFilters(Query& query, const std::optional<std::string>& a,
                 const std::optional<std::string>& b, const std::optional<std::string>& c,
                 const std::optional<std::string>& d) {
  query.BindOptionalText(1, a).BindOptionalText(2, b).BindOptionalText(3, c).BindOptionalText(4, d);
}

// The FTS5 error a malformed query gives is the user's, not the database's.
Status SearchError(const Status& status) {
  if (status.code() == StatusCode::kCorruption || status.code() == StatusCode::kIoError) {
    return status;
  }
  return Status::InvalidArgument("the search query cannot be read: " + status.message());
}

}  // namespace

Status InsertSearchText(Connection& connection, const Article& article) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertSearchText));
  query.BindText(1, "article")
      .BindText(2, article.id)
      .BindInt(3, 0)
      .BindText(4, article.title ? std::string_view(*article.title) : std::string_view())
      .BindText(5, article.text);
  SL_RETURN_IF_ERROR(query.Run("cannot index an article for search"));
  for (size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& quote = article.quotes[i];
    query.Reset();
    query.BindText(1, "quote")
        .BindText(2, article.id)
        .BindInt(3, static_cast<int64_t>(i))
        .BindText(4, quote.speaker ? std::string_view(quote.speaker->text) : std::string_view())
        .BindText(5, quote.text);
    SL_RETURN_IF_ERROR(query.Run("cannot index a quote for search"));
  }
  return Status::Ok();
}

Result<StoryPage> ListStories(Connection& connection, const StoryFilter& filter) {
  StoryPage page;
  {
    SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountStories));
    BindFilters(count, filter.from, filter.to, filter.actor, filter.text);
    Result<int64_t> total = QueryInt(count, "cannot count the stories");
    if (!total.ok()) return SearchError(total.status());
    page.total = static_cast<uint64_t>(*total);
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kListStories));
    BindFilters(query, filter.from, filter.to, filter.actor, filter.text);
    query.BindInt(5, Signed(filter.limit)).BindInt(6, Signed(filter.offset));
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot list the stories"));
      if (!row) break;
      StoryListing& listing = page.stories.emplace_back();
      listing.story.id = query.Text(0);
      listing.story.label = query.Text(1);
      listing.story.first_date = query.OptionalText(2);
      listing.story.last_date = query.OptionalText(3);
      listing.articles = static_cast<uint64_t>(query.Int(4));
      listing.outlets = static_cast<uint64_t>(query.Int(5));
    }
  }
  for (StoryListing& listing : page.stories) {
    SL_RETURN_IF_ERROR(ReadStoryEvents(connection, listing.story));
  }
  return page;
}

Result<Story> GetStory(Connection& connection, const std::string& id) {
  Story story;
  story.id = id;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectStory));
    query.BindText(1, id);
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read a story"));
    if (!row) return Status::NotFound("no story with id '" + id + "'");
    story.label = query.Text(0);
    story.first_date = query.OptionalText(1);
    story.last_date = query.OptionalText(2);
  }
  SL_RETURN_IF_ERROR(ReadRows(connection, kStoryArticles, id, "cannot read a story's articles",
                              story.articles, [](const Query& query) { return query.Text(0); }));
  SL_RETURN_IF_ERROR(ReadStoryEvents(connection, story));
  return story;
}

Result<std::optional<std::string>> StoryOfArticle(Connection& connection,
                                                  const std::string& article_id) {
  std::vector<std::string> stories;
  SL_RETURN_IF_ERROR(ReadRows(connection, kStoryOfArticle, article_id, "cannot read a story",
                              stories, [](const Query& query) { return query.Text(0); }));
  if (stories.empty()) return std::optional<std::string>();
  return std::optional<std::string>(stories.front());
}

Result<EventPage> ListReportedEvents(Connection& connection, const EventFilter& filter) {
  EventPage page;
  {
    SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountReportedEvents));
    BindFilters(count, filter.actor, filter.code, filter.from, filter.to);
    SL_ASSIGN_OR_RETURN(const int64_t total, QueryInt(count, "cannot count the events"));
    page.total = static_cast<uint64_t>(total);
  }
  std::vector<std::string> ids;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kListReportedEvents));
    BindFilters(query, filter.actor, filter.code, filter.from, filter.to);
    query.BindInt(5, Signed(filter.limit)).BindInt(6, Signed(filter.offset));
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot list the events"));
      if (!row) break;
      ids.push_back(query.Text(0));
    }
  }
  for (const std::string& id : ids) {
    SL_ASSIGN_OR_RETURN(ReportedEventReport event, GetReportedEvent(connection, id));
    page.events.push_back(std::move(event));
  }
  return page;
}

Result<SearchPage> Search(Connection& connection, const std::string& fts_query, uint64_t offset,
                          uint64_t limit) {
  SearchPage page;
  {
    SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountSearch));
    count.BindText(1, fts_query);
    Result<int64_t> total = QueryInt(count, "cannot search");
    if (!total.ok()) return SearchError(total.status());
    page.total = static_cast<uint64_t>(*total);
  }
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSearch));
  query.BindText(1, fts_query).BindInt(2, Signed(limit)).BindInt(3, Signed(offset));
  while (true) {
    Result<bool> row = query.Next("cannot search");
    if (!row.ok()) return SearchError(row.status());
    if (!*row) return page;
    page.hits.push_back({query.Text(0), query.Text(1), query.OptionalText(2), query.OptionalText(3),
                         query.OptionalText(4), query.Text(5)});
  }
}

}  // namespace storyline::store::internal

namespace storyline::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `term` as an FTS5 string ("" doubles a quote inside), optionally a prefix.
void AppendTerm(std::string& query, std::string_view term, bool prefix) {
  if (term.empty()) return;
  if (!query.empty()) query += ' ';
  query += '"';
  for (char c : term) query += c == '"' ? std::string("\"\"") : std::string(1, c);
  query += '"';
  if (prefix) query += '*';
}

}  // namespace

std::string FtsQuery(std::string_view words) {
  std::string query;
  size_t i = 0;
  while (i < words.size()) {
    if (IsSpace(words[i])) {
      ++i;
    } else if (words[i] == '"') {  // a phrase, to the closing quote or the end
      const size_t close = std::min(words.find('"', i + 1), words.size());
      AppendTerm(query, words.substr(i + 1, close - i - 1), false);
      i = close + 1;
    } else {
      size_t end = i;
      while (end < words.size() && !IsSpace(words[end]) && words[end] != '"') ++end;
      std::string_view term = words.substr(i, end - i);
      const bool prefix = term.size() > 1 && term.back() == '*';
      if (prefix) term.remove_suffix(1);
      AppendTerm(query, term, prefix);
      i = end;
    }
  }
  return query;
}

}  // namespace storyline::store
