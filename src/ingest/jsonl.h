// jsonl.h: internal to ingest. One JSON Lines record to a RawDocument.
#pragma once

#include <string>

#include "core/article.h"
#include "core/status.h"

namespace storyline::ingest {

// Parses `line`, a JSON object with "text" (a non-empty string: the
// article's text) or "html" (a non-empty string: a web page's markup; when
// both are given, "html" is read and "text" ignored with a warning), and
// optional string fields "id" (a number is accepted too), "url", "outlet",
// "title", "published". Fills text, format ("jsonl", or "html" for a page),
// metadata and warnings of `doc` (origin and id are the caller's).
// InvalidArgument with the reason when the line is not such an object. An
// optional field of the wrong type is ignored with a warning. REQUIRES:
// `line` is valid UTF-8.
Status ParseJsonlRecord(const std::string& line, RawDocument& doc);

}  // namespace storyline::ingest
