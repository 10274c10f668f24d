#include "ingest/jsonl.h"

#include <simdjson.h>

#include <optional>

namespace storyline::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Reads an optional string member; a member of another type is ignored with
// a warning rather than losing the whole record.
std::optional<std::string> OptionalString(simdjson::dom::object object, std::string_view key,
                                          std::vector<Warning>& warnings) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  std::string_view text;
  if (value.get(text) == simdjson::SUCCESS) {
    if (text.empty()) return std::nullopt;
    return std::string(text);
  }
  if (key == "id" && (value.is_int64() || value.is_uint64())) {
    return value.is_int64() ? std::to_string(int64_t(value)) : std::to_string(uint64_t(value));
  }
  warnings.push_back({"ignored_field", "field \"" + std::string(key) + "\" is not a string"});
  return std::nullopt;
}

}  // namespace

Status ParseJsonlRecord(const std::string& line, RawDocument& doc) {
  // A parser per call keeps this function free of shared state; simdjson
  // allocates its buffers lazily, sized to the record.
  simdjson::dom::parser parser;
  element root;
  if (const auto error = parser.parse(line).get(root); error) {
    return Status::InvalidArgument(std::string("malformed JSON: ") +
                                   simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("not a JSON object");
  }
  // A web page ("html") wins over a text given beside it.
  element html_value;
  element text_value;
  const bool has_html = object["html"].get(html_value) == simdjson::SUCCESS;
  const bool has_text = object["text"].get(text_value) == simdjson::SUCCESS;
  if (!has_html && !has_text) return Status::InvalidArgument("no \"text\" or \"html\" field");
  std::string_view text;
  if ((has_html ? html_value : text_value).get(text) != simdjson::SUCCESS) {
    return Status::InvalidArgument(has_html ? "\"html\" is not a string"
                                            : "\"text\" is not a string");
  }
  doc.text.assign(text);
  doc.format = has_html ? "html" : "jsonl";
  if (has_html && has_text) {
    doc.warnings.push_back({"ignored_field", "field \"text\" ignored: \"html\" is read instead"});
  }
  doc.source_id = OptionalString(object, "id", doc.warnings);
  doc.url = OptionalString(object, "url", doc.warnings);
  doc.outlet = OptionalString(object, "outlet", doc.warnings);
  doc.title = OptionalString(object, "title", doc.warnings);
  doc.published = OptionalString(object, "published", doc.warnings);
  return Status::Ok();
}

}  // namespace storyline::ingest
