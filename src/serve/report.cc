#include "serve/report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "serve/assets.h"

namespace storyline::serve {
namespace {

using nlohmann::json;

std::optional<std::string_view> FileContents(std::span<const EmbeddedFile> files,
                                             std::string_view name) {
  for (const EmbeddedFile& file : files) {
    if (file.name == name) return file.contents;
  }
  return std::nullopt;
}

// `text` with every "</" + `tag` (any case) written "<\/" + `tag`.
std::string Guarded(std::string_view text, std::string_view tag) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 2 + tag.size() <= text.size() && text[i + 1] == '/' &&
        std::equal(tag.begin(), tag.end(), text.begin() + i + 2,
                   [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); })) {
      out += "<\\/";
      ++i;  // the '/'
      continue;
    }
    out += text[i];
  }
  return out;
}

// Reads one answer of the API; anything but 200 is an error.
Result<json> View(store::Database& db, const api::Api& api, const std::string& path,
                  std::map<std::string, std::string> params = {}) {
  const api::Response response = api.Handle(db, {path, std::move(params)});
  if (response.status != 200) {
    return Status::IoError(path + ": " + json::parse(response.body).value("error", "failed"));
  }
  return json::parse(response.body);
}

}  // namespace

Result<std::string> InlineAssets(const std::string& html, std::span<const EmbeddedFile> files,
                                 const std::string& head_script) {
  static constexpr std::string_view kScript = "<script src=\"/";
  static constexpr std::string_view kScriptEnd = "\"></script>";
  static constexpr std::string_view kStyle = "<link rel=\"stylesheet\" href=\"/";
  static constexpr std::string_view kStyleEnd = "\">";
  std::string out;
  bool data_written = false;
  size_t at = 0;
  while (at < html.size()) {
    const size_t script = html.find(kScript, at);
    const size_t style = html.find(kStyle, at);
    const size_t next = std::min(script, style);
    if (next == std::string::npos) break;
    const bool is_script = next == script;
    const size_t name_begin = next + (is_script ? kScript : kStyle).size();
    const size_t name_end = html.find(is_script ? kScriptEnd : kStyleEnd, name_begin);
    if (name_end == std::string::npos) return Status::Internal("index.html: unclosed element");
    const std::string name = html.substr(name_begin, name_end - name_begin);
    const std::optional<std::string_view> contents = FileContents(files, name);
    if (!contents) return Status::Internal("index.html names " + name + ", which is not embedded");
    out.append(html, at, next - at);
    if (is_script) {
      if (!data_written) {
        out += "<script>" + Guarded(head_script, "script") + "</script>\n    ";
        data_written = true;
      }
      out += "<script>" + Guarded(*contents, "script") + "</script>";
    } else {
      out += "<style>" + Guarded(*contents, "style") + "</style>";
    }
    at = name_end + (is_script ? kScriptEnd : kStyleEnd).size();
  }
  if (!data_written) return Status::Internal("index.html has no script element");
  out.append(html, at);
  return out;
}

Result<std::string> ReportHtml(store::Database& db, const api::Api& api, ReportCounts* counts) {
  // The whole list, in pages as the API serves it.
  json stories;
  json story_views = json::object();
  json article_views = json::object();
  for (uint64_t offset = 0;; offset += 500) {
    SL_ASSIGN_OR_RETURN(json page, View(db, api, "/api/stories",
                                        {{"offset", std::to_string(offset)}, {"limit", "500"}}));
    if (stories.is_null()) {
      stories = page;
    } else {
      for (json& story : page["stories"]) stories["stories"].push_back(std::move(story));
    }
    if (offset + 500 >= page["total"].get<uint64_t>()) break;
  }
  stories["offset"] = 0;
  stories["limit"] = stories["stories"].size();
  for (const json& listed : stories["stories"]) {
    const std::string id = listed["id"];
    SL_ASSIGN_OR_RETURN(json story, View(db, api, "/api/stories/" + id));
    for (const json& article : story["articles"]) {
      const std::string article_id = article["id"];
      if (article_views.contains(article_id)) continue;
      SL_ASSIGN_OR_RETURN(article_views[article_id], View(db, api, "/api/articles/" + article_id));
    }
    story_views[id] = std::move(story);
  }
  if (counts != nullptr) *counts = {story_views.size(), article_views.size()};
  const json data = {{"stories", std::move(stories)},
                     {"story", std::move(story_views)},
                     {"articles", std::move(article_views)},
                     {"search", nullptr}};
  const std::optional<std::string_view> index = FileContents(EmbeddedWebFiles(), "index.html");
  if (!index) return Status::Internal("the web app's index.html is not embedded");
  return InlineAssets(
      std::string(*index), EmbeddedWebFiles(),
      "window.STORYLINE_DATA = " + data.dump(-1, ' ', false, json::error_handler_t::replace) + ";");
}

}  // namespace storyline::serve
