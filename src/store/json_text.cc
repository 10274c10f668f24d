// json_text.cc: JSON values and the article object appended to a string
// (json_text.h). The article object's fields are those of docs/json.md, in
// its order; keep the two in step.

#include "store/json_text.h"

#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/utf8.h"

namespace storyline::store::internal {
namespace {

// The escape of byte `c` inside a JSON string, or empty when it stands for
// itself.
std::string_view ShortEscape(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return {};
  }
}

void AppendEscape(std::string& out, unsigned char c) {
  const std::string_view escape = ShortEscape(c);
  if (!escape.empty()) {
    out += escape;
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u00";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

// [item, item, ...], each appended by `append(out, item)`.
template <typename Item, typename Append>
void AppendArray(std::string& out, const std::vector<Item>& items, Append append) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append(out, items[i]);
  }
  out += ']';
}

// "begin":B,"end":E
void AppendSpanFields(std::string& out, const ByteSpan& span) {
  out += "\"begin\":";
  AppendDecimal(out, span.begin);
  out += ",\"end\":";
  AppendDecimal(out, span.end);
}

// {"value", "how", "evidence" when there is some}.
void AppendPublished(std::string& out, const PublishedDate& published) {
  out += "{\"value\":";
  AppendJsonOptionalString(out, published.value);
  out += ",\"how\":";
  AppendJsonString(out, DateHowName(published.how));
  if (!published.evidence.empty()) {
    out += ",\"evidence\":";
    AppendJsonStrings(out, published.evidence);
  }
  out += '}';
}

// {"article", "sentence", "begin", "end", "text", "type", "value", "mod"
// when there is one, "anchor"}.
void AppendTimex(std::string& out, const std::string& article_id, const Timex& timex) {
  out += "{\"article\":";
  AppendJsonString(out, article_id);
  out += ",\"sentence\":";
  AppendDecimal(out, timex.sentence);
  out += ',';
  AppendSpanFields(out, timex.span);
  out += ",\"text\":";
  AppendJsonString(out, timex.text);
  out += ",\"type\":";
  AppendJsonString(out, timex.type);
  out += ",\"value\":";
  AppendJsonString(out, timex.value);
  if (timex.mod) {
    out += ",\"mod\":";
    AppendJsonString(out, *timex.mod);
  }
  out += ",\"anchor\":";
  AppendJsonString(out, timex.anchor);
  out += '}';
}

// {"sentence", "begin", "end", "kind"}.
void AppendMention(std::string& out, const EntityMention& mention) {
  out += "{\"sentence\":";
  AppendDecimal(out, mention.sentence);
  out += ',';
  AppendSpanFields(out, mention.span);
  out += ",\"kind\":";
  AppendJsonString(out, mention.kind);
  out += '}';
}

// {"id", "key", "text", "type", "role", "actor", "country", "mentions"}.
void AppendEntity(std::string& out, const Entity& entity) {
  out += "{\"id\":";
  AppendDecimal(out, entity.id);
  out += ",\"key\":";
  if (entity.key.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, entity.key);
  }
  out += ",\"text\":";
  AppendJsonString(out, entity.name);
  out += ",\"type\":";
  AppendJsonString(out, entity.type);
  out += ",\"role\":";
  AppendJsonOptionalString(out, entity.role);
  out += ",\"actor\":";
  if (entity.actor) {
    out += "{\"code\":";
    AppendJsonString(out, entity.actor->code);
    out += ",\"how\":";
    AppendJsonString(out, entity.actor->how);
    out += ",\"evidence\":";
    AppendJsonString(out, entity.actor->evidence);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"country\":";
  AppendJsonOptionalString(out, entity.country);
  out += ",\"mentions\":";
  AppendArray(out, entity.mentions, AppendMention);
  out += '}';
}

// {"text", "begin", "end", "entity", "code"}, or null.
void AppendSpeaker(std::string& out, const std::optional<QuoteSpeaker>& speaker) {
  if (!speaker) {
    out += "null";
    return;
  }
  out += "{\"text\":";
  AppendJsonString(out, speaker->text);
  out += ',';
  AppendSpanFields(out, speaker->span);
  out += ",\"entity\":";
  if (speaker->entity) {
    AppendDecimal(out, *speaker->entity);
  } else {
    out += "null";
  }
  out += ",\"code\":";
  AppendJsonOptionalString(out, speaker->code);
  out += '}';
}

// {"article", "sentence", "begin", "end", "text", "kind", "cue", "speaker"}.
void AppendQuote(std::string& out, const std::string& article_id, const Quote& quote) {
  out += "{\"article\":";
  AppendJsonString(out, article_id);
  out += ",\"sentence\":";
  AppendDecimal(out, quote.sentence);
  out += ',';
  AppendSpanFields(out, quote.span);
  out += ",\"text\":";
  AppendJsonString(out, quote.text);
  out += ",\"kind\":";
  AppendJsonString(out, quote.kind);
  out += ",\"cue\":";
  if (quote.cue) {
    out += '{';
    AppendSpanFields(out, *quote.cue);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"speaker\":";
  AppendSpeaker(out, quote.speaker);
  out += '}';
}

// A number as nlohmann::json dumps it: the shortest form that reads back
// the same double, "1.0" rather than "1", null for NaN and infinities.
void AppendDouble(std::string& out, double value) { out += nlohmann::json(value).dump(); }

// {"text", "code", "begin", "end", "entity" when there is one}.
void AppendEventActor(std::string& out, const EventActor& actor) {
  out += "{\"text\":";
  AppendJsonString(out, actor.text);
  out += ",\"code\":";
  AppendJsonString(out, actor.code);
  out += ',';
  AppendSpanFields(out, actor.span);
  if (actor.entity) {
    out += ",\"entity\":";
    AppendDecimal(out, *actor.entity);
  }
  out += '}';
}

// {"text", "country"}, or null.
void AppendEventPlace(std::string& out, const std::optional<EventPlace>& place) {
  if (!place) {
    out += "null";
    return;
  }
  out += "{\"text\":";
  AppendJsonString(out, place->text);
  out += ",\"country\":";
  AppendJsonOptionalString(out, place->country);
  out += '}';
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  if (!IsValidUtf8(text)) {
    // Rare (ingest repairs the text): nlohmann's own replacement, so that
    // the bytes are the same as the rest of the report's.
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t unescaped = 0;  // the start of the bytes not appended yet
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, unescaped, i - unescaped);
    AppendEscape(out, c);
    unescaped = i + 1;
  }
  out.append(text, unescaped);
  out += '"';
}

void AppendJsonOptionalString(std::string& out, const std::optional<std::string>& text) {
  if (text) {
    AppendJsonString(out, *text);
  } else {
    out += "null";
  }
}

void AppendJsonStrings(std::string& out, const std::vector<std::string>& items) {
  AppendArray(out, items,
              [](std::string& out, const std::string& item) { AppendJsonString(out, item); });
}

void AppendDecimal(std::string& out, uint64_t value) {
  char digits[20];
  char* end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
  out.append(std::begin(digits), end);
}

void AppendEventJson(std::string& out, const Event& event) {
  out += "{\"id\":";
  AppendDecimal(out, event.id);
  out += ",\"sentence\":";
  AppendDecimal(out, event.sentence);
  out += ",\"code\":";
  AppendJsonString(out, event.code);
  out += ",\"root\":";
  AppendJsonString(out, event.root);
  out += ",\"quad_class\":";
  out += std::to_string(event.quad_class);
  out += ",\"goldstein\":";
  AppendDouble(out, event.goldstein);
  out += ",\"source\":";
  AppendEventActor(out, event.source);
  out += ",\"target\":";
  if (event.target) {
    AppendEventActor(out, *event.target);
  } else {
    out += "null";
  }
  out += ",\"verb\":{";
  AppendSpanFields(out, event.verb);
  out += "},\"date\":{\"value\":";
  AppendJsonOptionalString(out, event.date.value);
  out += ",\"how\":";
  AppendJsonString(out, event.date.how);
  out += "},\"place\":";
  AppendEventPlace(out, event.place);
  out += ",\"pattern\":";
  AppendJsonString(out, event.pattern);
  out += ",\"confidence\":";
  AppendDouble(out, event.confidence);
  out += ",\"negated\":";
  out += event.negated ? "true" : "false";
  out += ",\"modality\":";
  AppendJsonString(out, event.modality);
  if (event.quote) {
    out += ",\"quote\":";
    AppendDecimal(out, *event.quote);
  }
  out += '}';
}

void AppendArticleJson(std::string& out, const Article& article) {
  out += "{\"id\":";
  AppendJsonString(out, article.id);
  out += ",\"origin\":";
  AppendJsonString(out, article.origin);
  out += ",\"format\":";
  AppendJsonString(out, article.format);
  out += ",\"source_id\":";
  AppendJsonOptionalString(out, article.source_id);
  out += ",\"title\":";
  AppendJsonOptionalString(out, article.title);
  out += ",\"outlet\":";
  AppendJsonOptionalString(out, article.outlet);
  out += ",\"url\":";
  AppendJsonOptionalString(out, article.url);
  out += ",\"language\":";
  AppendJsonString(out, article.language);
  out += ",\"published\":";
  AppendPublished(out, article.published);
  // Web pages only: text and JSONL records carry no page metadata.
  if (!article.metadata.empty()) {
    out += ",\"metadata\":";
    AppendArray(out, article.metadata, [](std::string& out, const MetadataField& field) {
      out += "{\"field\":";
      AppendJsonString(out, field.field);
      out += ",\"value\":";
      AppendJsonString(out, field.value);
      out += ",\"how\":";
      AppendJsonString(out, field.how);
      out += ",\"evidence\":";
      AppendJsonString(out, field.evidence);
      out += '}';
    });
  }
  out += ",\"text\":";
  AppendJsonString(out, article.text);
  out += ",\"sentences\":";
  AppendArray(out, article.sentences, [](std::string& out, const ByteSpan& span) {
    out += '[';
    AppendDecimal(out, span.begin);
    out += ',';
    AppendDecimal(out, span.end);
    out += ']';
  });
  out += ",\"timexes\":";
  AppendArray(out, article.timexes, [&article](std::string& out, const Timex& timex) {
    AppendTimex(out, article.id, timex);
  });
  out += ",\"entities\":";
  AppendArray(out, article.entities, AppendEntity);
  out += ",\"quotes\":";
  AppendArray(out, article.quotes, [&article](std::string& out, const Quote& quote) {
    AppendQuote(out, article.id, quote);
  });
  out += ",\"events\":";
  AppendArray(out, article.events, AppendEventJson);
  out += ",\"removed\":";
  AppendArray(out, article.removed, [](std::string& out, const RemovedLine& line) {
    out += "{\"text\":";
    AppendJsonString(out, line.text);
    out += ",\"reason\":";
    AppendJsonString(out, line.reason);
    out += '}';
  });
  out += ",\"warnings\":";
  AppendArray(out, article.warnings, [](std::string& out, const Warning& warning) {
    out += "{\"code\":";
    AppendJsonString(out, warning.code);
    out += ",\"message\":";
    AppendJsonString(out, warning.message);
    out += '}';
  });
  out += '}';
}

}  // namespace storyline::store::internal
