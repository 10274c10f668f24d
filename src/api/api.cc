#include "api/api.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>

#include "api/story_input.h"
#include "brief/json.h"

namespace storyline::api {
namespace {

using nlohmann::json;

Response JsonResponse(int status, const json& body) {
  return {status, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

Response Error(int status, const std::string& message) {
  return JsonResponse(status, {{"error", message}});
}

// A failed read: the caller's mistake (400), something absent (404), or a
// database that cannot be read now (503).
Response ErrorOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return Error(400, status.message());
    case StatusCode::kNotFound:
      return Error(404, status.message());
    default:
      return Error(503, status.message());
  }
}

json OrNull(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

bool IsDay(std::string_view text) {
  if (text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

// A request's query parameters, checked: only the names a view takes, none
// longer than Options::max_parameter_bytes, dates and counts well formed.
// The first problem is kept as error().
class Params {
 public:
  Params(const Request& request, const Options& options,
         std::initializer_list<std::string_view> allowed)
      : request_(request), options_(options) {
    for (const auto& [name, value] : request.params) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        Fail("unknown parameter '" + name.substr(0, 40) + "'");
      } else if (value.size() > options.max_parameter_bytes) {
        Fail("parameter '" + name + "' is longer than " +
             std::to_string(options.max_parameter_bytes) + " bytes");
      }
    }
  }

  // The value, when given and not empty.
  std::optional<std::string> Text(const std::string& name) const {
    const auto it = request_.params.find(name);
    if (it == request_.params.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }

  std::optional<std::string> Day(const std::string& name) {
    std::optional<std::string> value = Text(name);
    if (value && !IsDay(*value)) Fail("parameter '" + name + "' is not a date YYYY-MM-DD");
    return value;
  }

  uint64_t Count(const std::string& name, uint64_t fallback, uint64_t max) {
    const std::optional<std::string> value = Text(name);
    if (!value) return fallback;
    uint64_t count = 0;
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), count);
    if (error != std::errc() || end != value->data() + value->size()) {
      Fail("parameter '" + name + "' is not a whole number");
      return fallback;
    }
    if (count > max) Fail("parameter '" + name + "' is above " + std::to_string(max));
    return count;
  }

  uint64_t Offset() { return Count("offset", 0, UINT64_MAX >> 1); }
  uint64_t Limit() { return Count("limit", options_.default_limit, options_.max_limit); }

  const std::optional<std::string>& error() const { return error_; }

 private:
  void Fail(std::string message) {
    if (!error_) error_ = std::move(message);
  }
  const Request& request_;
  const Options& options_;
  std::optional<std::string> error_;
};

json StoryFields(const Story& story) {
  return {{"id", story.id},
          {"label", story.label},
          {"first_date", OrNull(story.first_date)},
          {"last_date", OrNull(story.last_date)},
          {"first_event_date", OrNull(story.first_event_date)},
          {"last_event_date", OrNull(story.last_event_date)},
          {"actors", story.actors},
          {"events", story.events.size()}};
}

json ArticleSummary(const storyline::Article& article) {
  return {{"id", article.id},
          {"title", OrNull(article.title)},
          {"outlet", OrNull(article.outlet)},
          {"url", OrNull(article.url)},
          {"published", OrNull(article.published.value)},
          {"published_how", std::string(DateHowName(article.published.how))}};
}

// Who acts on whom in the story's events: a node per actor code, an edge per
// (source, target) with the CAMEO codes between them.
json Network(const std::vector<const store::ReportedEventReport*>& events) {
  std::map<std::string, uint64_t> nodes;
  std::map<std::pair<std::string, std::string>, std::pair<uint64_t, std::vector<std::string>>>
      edges;
  for (const store::ReportedEventReport* report : events) {
    const ReportedEvent& event = report->event;
    ++nodes[event.source];
    if (event.target.empty()) continue;
    ++nodes[event.target];
    auto& [count, codes] = edges[{event.source, event.target}];
    ++count;
    if (std::find(codes.begin(), codes.end(), event.code) == codes.end()) {
      codes.push_back(event.code);
    }
  }
  json node_list = json::array();
  for (const auto& [code, count] : nodes) node_list.push_back({{"id", code}, {"events", count}});
  json edge_list = json::array();
  for (const auto& [ends, value] : edges) {
    edge_list.push_back({{"source", ends.first},
                         {"target", ends.second},
                         {"events", value.first},
                         {"codes", value.second}});
  }
  return {{"nodes", node_list}, {"edges", edge_list}};
}

// "/api/stories/ID" -> "ID" when `path` starts with `prefix` and names one.
std::optional<std::string> IdAfter(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return std::nullopt;
  const std::string_view id = path.substr(prefix.size());
  if (id.empty() || id.find('/') != std::string_view::npos) return std::nullopt;
  return std::string(id);
}

}  // namespace

std::string SnippetHtml(std::string_view text) {
  std::string html;
  for (char c : text) {
    switch (c) {
      case '&':
        html += "&amp;";
        break;
      case '<':
        html += "&lt;";
        break;
      case '>':
        html += "&gt;";
        break;
      case '"':
        html += "&quot;";
        break;
      case '\'':
        html += "&#39;";
        break;
      case '\x01':
        html += "<mark>";
        break;
      case '\x02':
        html += "</mark>";
        break;
      default:
        html += c;
    }
  }
  return html;
}

Response Api::Handle(store::Database& db, const Request& request) const {
  const std::string_view path = request.path;
  if (path == "/api/stories") return Stories(db, request);
  if (path == "/api/events") return Events(db, request);
  if (path == "/api/entities") return Entities(db, request);
  if (path == "/api/search") return Search(db, request);
  if (auto id = IdAfter(path, "/api/stories/")) return Story(db, *id, request);
  if (auto id = IdAfter(path, "/api/articles/")) return Article(db, *id, request);
  return Error(404, "no such path: " + std::string(path.substr(0, 100)));
}

Response Api::Stories(store::Database& db, const Request& request) const {
  Params params(request, options_, {"offset", "limit", "from", "to", "actor", "q"});
  store::StoryFilter filter;
  filter.offset = params.Offset();
  filter.limit = params.Limit();
  filter.from = params.Day("from");
  filter.to = params.Day("to");
  filter.actor = params.Text("actor");
  if (const std::optional<std::string> q = params.Text("q")) {
    const std::string query = store::FtsQuery(*q);
    if (!query.empty()) filter.text = query;
  }
  if (params.error()) return Error(400, *params.error());
  Result<store::StoryPage> page = db.ListStories(filter);
  if (!page.ok()) return ErrorOf(page.status());
  json stories = json::array();
  for (const store::StoryListing& listing : page->stories) {
    json entry = StoryFields(listing.story);
    entry["articles"] = listing.articles;
    entry["outlets"] = listing.outlets;
    stories.push_back(std::move(entry));
  }
  return JsonResponse(200, {{"total", page->total},
                            {"offset", filter.offset},
                            {"limit", filter.limit},
                            {"stories", stories}});
}

Response Api::Story(store::Database& db, const std::string& id, const Request& request) const {
  Params params(request, options_, {});
  if (params.error()) return Error(400, *params.error());
  Result<storyline::Story> story = db.GetStory(id);
  if (!story.ok()) return ErrorOf(story.status());
  Result<StoredStory> stored = LoadStory(db, story->articles);
  if (!stored.ok()) return ErrorOf(stored.status());
  json body = brief::ToJson(brief::Summarize(stored->Input(), options_.brief));
  body.update(StoryFields(*story));
  json articles = json::array();
  for (const storyline::Article& article : stored->articles) {
    articles.push_back(ArticleSummary(article));
  }
  body["articles"] = std::move(articles);
  // The story's events, most mentioned first, as LoadStory read them.
  std::map<std::string_view, const store::ReportedEventReport*> loaded;
  for (const store::ReportedEventReport& event : stored->events) loaded[event.event.id] = &event;
  std::vector<const store::ReportedEventReport*> events;
  json event_list = json::array();
  for (const std::string& event_id : story->events) {
    const auto it = loaded.find(event_id);
    if (it == loaded.end()) continue;
    event_list.push_back(json::parse(store::ReportedEventToJson(*it->second)));
    events.push_back(it->second);
  }
  body["events"] = std::move(event_list);
  body["network"] = Network(events);
  return JsonResponse(200, body);
}

Response Api::Article(store::Database& db, const std::string& id, const Request& request) const {
  Params params(request, options_, {});
  if (params.error()) return Error(400, *params.error());
  Result<storyline::Article> article = db.GetArticle(id);
  if (!article.ok()) return ErrorOf(article.status());
  Result<std::optional<std::string>> story = db.StoryOfArticle(article->id);
  if (!story.ok()) return ErrorOf(story.status());
  json body = json::parse(store::ArticleToJson(*article));
  body["story"] = OrNull(*story);
  return JsonResponse(200, body);
}

Response Api::Events(store::Database& db, const Request& request) const {
  Params params(request, options_, {"offset", "limit", "actor", "code", "from", "to"});
  store::EventFilter filter;
  filter.offset = params.Offset();
  filter.limit = params.Limit();
  filter.actor = params.Text("actor");
  filter.code = params.Text("code");
  filter.from = params.Day("from");
  filter.to = params.Day("to");
  if (params.error()) return Error(400, *params.error());
  Result<store::EventPage> page = db.ListReportedEvents(filter);
  if (!page.ok()) return ErrorOf(page.status());
  json events = json::array();
  for (const store::ReportedEventReport& event : page->events) {
    events.push_back(json::parse(store::ReportedEventToJson(event)));
  }
  return JsonResponse(200, {{"total", page->total},
                            {"offset", filter.offset},
                            {"limit", filter.limit},
                            {"events", events}});
}

Response Api::Entities(store::Database& db, const Request& request) const {
  Params params(request, options_, {"q", "limit"});
  const std::string prefix = params.Text("q").value_or("");
  const uint64_t limit = params.Limit();
  if (params.error()) return Error(400, *params.error());
  Result<std::vector<std::pair<std::string, uint64_t>>> keys = db.EntityKeys(prefix, limit);
  if (!keys.ok()) return ErrorOf(keys.status());
  json entities = json::array();
  for (const auto& [key, articles] : *keys) {
    entities.push_back({{"key", key}, {"articles", articles}});
  }
  return JsonResponse(200, {{"entities", entities}});
}

Response Api::Search(store::Database& db, const Request& request) const {
  Params params(request, options_, {"q", "offset", "limit"});
  const std::optional<std::string> words = params.Text("q");
  const uint64_t offset = params.Offset();
  const uint64_t limit = params.Limit();
  if (!params.error() && !words) return Error(400, "parameter 'q' is required");
  if (params.error()) return Error(400, *params.error());
  const std::string query = store::FtsQuery(*words);
  json results = json::array();
  uint64_t total = 0;
  if (!query.empty()) {
    Result<store::SearchPage> page = db.Search(query, offset, limit);
    if (!page.ok()) return ErrorOf(page.status());
    total = page->total;
    for (const store::SearchHit& hit : page->hits) {
      results.push_back({{"kind", hit.kind},
                         {"article", hit.article},
                         {"title", OrNull(hit.title)},
                         {"outlet", OrNull(hit.outlet)},
                         {"story", OrNull(hit.story)},
                         {"snippet", SnippetHtml(hit.snippet)}});
    }
  }
  return JsonResponse(200, {{"query", *words}, {"total", total}, {"results", results}});
}

}  // namespace storyline::api
