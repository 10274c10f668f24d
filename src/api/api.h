// api.h: the JSON views of a storyline database that the HTTP API
// (docs/api.md) serves and `storyline report` writes: the story list, a
// story with its digest (brief/brief.h), an article, reported events,
// entity keys and full-text search. Each view reads the database and
// returns JSON text; the HTTP layer (serve/serve.h) only routes.
//
// Parameters are checked here, so every front end answers alike: a bad one
// is a 400 with {"error": "..."} naming it, a missing story or article a
// 404, a database that cannot be read a 503.
//
// Thread safety: an Api is immutable and may be shared; each call needs its
// own Database (a Database is used by one thread at a time).
//
//   api::Api api({});
//   api::Response r = api.Handle(db, {"/api/stories", {{"limit", "10"}}});
//   // r.status == 200, r.body == {"total": ..., "stories": [...]}
#pragma once

#include <map>
#include <string>

#include "brief/brief.h"
#include "store/store.h"

namespace storyline::api {

struct Options {
  brief::Options brief;  // how story digests are made (stopwords included)
  uint64_t max_limit = 500;
  uint64_t default_limit = 50;
  size_t max_parameter_bytes = 200;
};

struct Request {
  std::string path;                           // "/api/stories/s-1f2e..."
  std::map<std::string, std::string> params;  // the query string, decoded
};

struct Response {
  int status = 200;
  std::string body;  // JSON
};

class Api {
 public:
  explicit Api(Options options) : options_(std::move(options)) {}

  // Routes /api/stories, /api/stories/{id}, /api/articles/{id},
  // /api/events, /api/entities and /api/search; 404 for anything else.
  Response Handle(store::Database& db, const Request& request) const;

 private:
  Response Stories(store::Database& db, const Request& request) const;
  Response Story(store::Database& db, const std::string& id, const Request& request) const;
  Response Article(store::Database& db, const std::string& id, const Request& request) const;
  Response Events(store::Database& db, const Request& request) const;
  Response Entities(store::Database& db, const Request& request) const;
  Response Search(store::Database& db, const Request& request) const;

  Options options_;
};

// `text` escaped for HTML (& < > " '), with each match between the bytes
// 0x01 and 0x02 (store::SearchHit::snippet) in <mark>...</mark>.
std::string SnippetHtml(std::string_view text);

}  // namespace storyline::api
