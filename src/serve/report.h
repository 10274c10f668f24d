// report.h: `storyline report --html`: the web app as one self-contained
// HTML file (no network needed to open it) holding every story of a
// database. The app's index.html has its script and stylesheet elements
// replaced by their files' contents, and window.STORYLINE_DATA set to what
// the API would answer (web/api.js, "static mode"): the story list, each
// story and each of its articles.
#pragma once

#include <span>
#include <string>

#include "api/api.h"
#include "core/embedded_data.h"
#include "core/status.h"
#include "store/store.h"

namespace storyline::serve {

struct ReportCounts {
  uint64_t stories = 0;
  uint64_t articles = 0;
};

// The page. Errors of the database's reads, or Internal when the app's
// index.html lacks its script elements.
Result<std::string> ReportHtml(store::Database& db, const api::Api& api,
                               ReportCounts* counts = nullptr);

// `html` with each <script src="/X"></script> and <link rel="stylesheet"
// href="/X"> holding file X of `files` in place (a file it names but
// `files` lacks is an error), and `head_script` (JavaScript) in a script
// element before the first script. "</script" and "</style" inside what is
// put in are written "<\/script", "<\/style", so no content ends its element.
Result<std::string> InlineAssets(const std::string& html, std::span<const EmbeddedFile> files,
                                 const std::string& head_script);

}  // namespace storyline::serve
