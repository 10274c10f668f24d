// json.h: a Digest as JSON, the shape `storyline brief --json` prints and
// the server returns (docs/api.md, `/api/stories/{id}`):
//   {"brief": {"text", "words", "sentences": [{"text", "article", "outlet",
//              "sentence", "begin", "end", "also_in": [source...]}]},
//    "timeline": [{"kind", "date", "date_how", "text", "code",
//                  "source_actor", "target_actor", "reported_event",
//                  "sources": [source...]}],
//    "sources": [{"outlet", "first", "articles": [{"id", "title",
//                 "published", "published_how"}]}],
//    "copies": [{"from", "to", "bytes", "share", "direction_known"}],
//    "differences": [{"kind", "what", "variants": [{"text", "speaker",
//                     "source"}], "carried_by", "missing_from"}]}
// where a source is {"article", "outlet", "sentence", "begin", "end"}
// (bytes into the article's clean text) and absent values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "brief/brief.h"

namespace storyline::brief {

nlohmann::json ToJson(const Digest& digest);

}  // namespace storyline::brief
