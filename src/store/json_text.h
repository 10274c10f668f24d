// json_text.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The article object of the JSON report, and the JSON values it is made of,
// appended to a string as they are written, without building a document
// first: an article has hundreds of values (its entities, mentions and
// quotes), and a document costs an allocation or more for each. The bytes
// are those nlohmann::json::dump writes compactly with the replace error
// handler, which the rest of the report uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace storyline::store::internal {

// Appends `text` as a JSON string: `"`, `\` and control characters escaped
// (\b \f \n \r \t, else \u00XX), other characters as they are; each invalid
// UTF-8 sequence as U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// Appends `text` as a JSON string, or null.
void AppendJsonOptionalString(std::string& out, const std::optional<std::string>& text);

// Appends `items` as an array of JSON strings: ["a","b"], or [].
void AppendJsonStrings(std::string& out, const std::vector<std::string>& items);

// Appends `value` in decimal.
void AppendDecimal(std::string& out, uint64_t value);

// Appends `event` as the compact event object of docs/json.md: {"id",
// "sentence", "code", "root", "quad_class", "goldstein", "source", "target",
// "verb", "date", "place", "pattern", "confidence", "negated", "modality",
// "quote" when there is one} (what EventToJson returns).
void AppendEventJson(std::string& out, const Event& event);

// Appends `article` as the compact article object of docs/json.md (what
// ArticleToJson returns).
void AppendArticleJson(std::string& out, const Article& article);

}  // namespace storyline::store::internal
