// jsonl.h: internal to ingest. One JSON Lines record to a RawDocument.
#pragma once

#include <string>

#include "core/article.h"
#include "core/status.h"

namespace storyline::ingest {

// Parses `line`, a JSON object with "text" (a non-empty string, required) and
// optional string fields "id" (a number is accepted too), "url", "outlet",
// "title", "published". Fills text, metadata and warnings of `doc` (origin,
// id and format are the caller's). InvalidArgument with the reason when the
// line is not such an object. An optional field of the wrong type is ignored
// with a warning. REQUIRES: `line` is valid UTF-8.
Status ParseJsonlRecord(const std::string& line, RawDocument& doc);

}  // namespace storyline::ingest
