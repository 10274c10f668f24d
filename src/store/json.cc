// json.cc: the JSON report. The contract is documented in docs/json.md; keep
// the two in step.

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/store.h"

namespace storyline::store {
namespace {

// ordered_json keeps the fields in the order of the contract, for people
// reading the report; parsers do not care.
using Json = nlohmann::ordered_json;

// Output is gathered in memory and written in chunks of about this size:
// few system calls, flat memory.
constexpr size_t kFlushBytes = 1 << 20;

Json OptionalString(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json SpanOrNull(const std::optional<ByteSpan>& span) {
  if (!span) return nullptr;
  return {{"begin", span->begin}, {"end", span->end}};
}

// {"id", "key", "text", "type", "role", "actor", "country", "mentions"}.
Json EntityObject(const Entity& entity) {
  Json actor = nullptr;
  if (entity.actor) {
    actor = {{"code", entity.actor->code},
             {"how", entity.actor->how},
             {"evidence", entity.actor->evidence}};
  }
  Json mentions = Json::array();
  for (const EntityMention& mention : entity.mentions) {
    mentions.push_back({{"sentence", mention.sentence},
                        {"begin", mention.span.begin},
                        {"end", mention.span.end},
                        {"kind", mention.kind}});
  }
  return {{"id", entity.id},
          {"key", entity.key.empty() ? Json(nullptr) : Json(entity.key)},
          {"text", entity.name},
          {"type", entity.type},
          {"role", OptionalString(entity.role)},
          {"actor", std::move(actor)},
          {"country", OptionalString(entity.country)},
          {"mentions", std::move(mentions)}};
}

// {"article", "sentence", "begin", "end", "text", "kind", "cue", "speaker"}.
Json QuoteObject(const std::string& article_id, const Quote& quote) {
  Json speaker = nullptr;
  if (quote.speaker) {
    const QuoteSpeaker& who = *quote.speaker;
    speaker = {{"text", who.text},
               {"begin", who.span.begin},
               {"end", who.span.end},
               {"entity", who.entity ? Json(*who.entity) : Json(nullptr)},
               {"code", OptionalString(who.code)}};
  }
  return {{"article", article_id},        {"sentence", quote.sentence},
          {"begin", quote.span.begin},    {"end", quote.span.end},
          {"text", quote.text},           {"kind", quote.kind},
          {"cue", SpanOrNull(quote.cue)}, {"speaker", std::move(speaker)}};
}

Json ArticleObject(const Article& article) {
  Json published = {{"value", OptionalString(article.published.value)},
                    {"how", DateHowName(article.published.how)}};
  if (!article.published.evidence.empty()) published["evidence"] = article.published.evidence;

  Json sentences = Json::array();
  for (const ByteSpan& span : article.sentences) sentences.push_back({span.begin, span.end});
  Json timexes = Json::array();
  for (const Timex& timex : article.timexes) {
    Json object = {{"article", article.id},     {"sentence", timex.sentence},
                   {"begin", timex.span.begin}, {"end", timex.span.end},
                   {"text", timex.text},        {"type", timex.type},
                   {"value", timex.value}};
    if (timex.mod) object["mod"] = *timex.mod;
    object["anchor"] = timex.anchor;
    timexes.push_back(std::move(object));
  }
  Json entities = Json::array();
  for (const Entity& entity : article.entities) entities.push_back(EntityObject(entity));
  Json quotes = Json::array();
  for (const Quote& quote : article.quotes) quotes.push_back(QuoteObject(article.id, quote));
  Json removed = Json::array();
  for (const RemovedLine& line : article.removed) {
    removed.push_back({{"text", line.text}, {"reason", line.reason}});
  }
  Json warnings = Json::array();
  for (const Warning& warning : article.warnings) {
    warnings.push_back({{"code", warning.code}, {"message", warning.message}});
  }

  return {{"id", article.id},
          {"origin", article.origin},
          {"format", article.format},
          {"source_id", OptionalString(article.source_id)},
          {"title", OptionalString(article.title)},
          {"outlet", OptionalString(article.outlet)},
          {"url", OptionalString(article.url)},
          {"language", article.language},
          {"published", std::move(published)},
          {"text", article.text},
          {"sentences", std::move(sentences)},
          {"timexes", std::move(timexes)},
          {"entities", std::move(entities)},
          {"quotes", std::move(quotes)},
          {"removed", std::move(removed)},
          {"warnings", std::move(warnings)}};
}

// Compact, and the replace handler writes invalid UTF-8 as U+FFFD instead of
// throwing.
std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::string> DumpArticle(const Article& article) {
  try {
    return Dump(ArticleObject(article));
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal("cannot write article " + article.id + " as JSON: " + e.what());
  }
}

Result<std::string> DumpInputs(uint64_t read, uint64_t ingested,
                               const std::vector<Rejection>& rejected) {
  try {
    Json rejections = Json::array();
    for (const Rejection& rejection : rejected) {
      rejections.push_back({{"origin", rejection.origin}, {"reason", rejection.reason}});
    }
    return Dump({{"read", read}, {"ingested", ingested}, {"rejected", std::move(rejections)}});
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal(std::string("cannot write the inputs summary as JSON: ") + e.what());
  }
}

Json SpanObject(const ArticleSpan& side) {
  return {{"article", side.article}, {"begin", side.span.begin}, {"end", side.span.end}};
}

// The link sections of the report, each element on a line of its own:
// ,\n"near_duplicates": [\n{...},\n{...}\n],\n"passages": [...],\n"stories": [...]
Result<std::string> DumpLinks(const LinkReport& links) {
  try {
    std::string out;
    auto section = [&out](const char* name, const std::vector<Json>& items) {
      out += ",\n\"";
      out += name;
      out += "\": [";
      for (size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += Dump(items[i]);
      }
      out += items.empty() ? "]" : "\n]";
    };
    std::vector<Json> items;
    for (const NearDuplicateGroup& group : links.near_duplicates) {
      items.push_back({{"articles", group.articles}, {"similarity", group.similarity}});
    }
    section("near_duplicates", items);
    items.clear();
    for (const Passage& p : links.passages) {
      items.push_back({{"a", SpanObject(p.a)},
                       {"b", SpanObject(p.b)},
                       {"similarity", p.similarity},
                       {"earlier", p.earlier}});
    }
    section("passages", items);
    items.clear();
    for (const Story& story : links.stories) {
      items.push_back({{"id", story.id},
                       {"articles", story.articles},
                       {"title", story.label.empty() ? Json(nullptr) : Json(story.label)},
                       {"first_date", OptionalString(story.first_date)},
                       {"last_date", OptionalString(story.last_date)}});
    }
    section("stories", items);
    return out;
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal(std::string("cannot write the links as JSON: ") + e.what());
  }
}

std::string ErrnoText() { return std::strerror(errno); }

}  // namespace

struct JsonWriter::State {
  std::string path;       // the final path, or "-" for stdout
  std::string temp_path;  // empty for stdout
  FILE* file = nullptr;
  std::string pending;  // written but not yet handed to `file`
  bool any_article = false;
  bool links_written = false;
  bool finished = false;
  Status error;  // the first write error; every later call returns it

  ~State() {
    if (file == nullptr) return;
    if (temp_path.empty()) {
      std::fflush(file);  // stdout: the reader gets what there is
      return;
    }
    std::fclose(file);
    std::remove(temp_path.c_str());
  }

  bool ToStdout() const { return temp_path.empty(); }

  // Write() and WriteLinks() may not come after the links or the end.
  Status BeforeSection(const char* call) const {
    if (finished || links_written) {
      return Status::Internal(std::string("JsonWriter::") + call + " after WriteLinks or Finish");
    }
    return error;
  }

  Status Flush() {
    if (!error.ok()) return error;
    if (!pending.empty() &&
        std::fwrite(pending.data(), 1, pending.size(), file) != pending.size()) {
      error = Status::IoError("cannot write '" + Name() + "': " + ErrnoText());
    }
    pending.clear();
    return error;
  }

  // Flushes, syncs and closes the file and moves it to its final name.
  Status Close() {
    SL_RETURN_IF_ERROR(Flush());
    if (std::fflush(file) != 0) {
      error = Status::IoError("cannot write '" + Name() + "': " + ErrnoText());
      return error;
    }
    if (ToStdout()) return Status::Ok();
    // Synced before the rename so that a crash cannot leave an empty or
    // partial file under the final name.
    const bool synced = ::fsync(fileno(file)) == 0;
    const bool closed = std::fclose(file) == 0;
    file = nullptr;
    if (!synced || !closed) {
      error = Status::IoError("cannot write '" + temp_path + "': " + ErrnoText());
    } else if (std::rename(temp_path.c_str(), path.c_str()) != 0) {
      error =
          Status::IoError("cannot rename '" + temp_path + "' to '" + path + "': " + ErrnoText());
    }
    if (!error.ok()) std::remove(temp_path.c_str());
    return error;
  }

  const std::string& Name() const { return ToStdout() ? path : temp_path; }
};

JsonWriter::JsonWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
JsonWriter::JsonWriter(JsonWriter&&) noexcept = default;
JsonWriter& JsonWriter::operator=(JsonWriter&&) noexcept = default;
JsonWriter::~JsonWriter() = default;

Result<JsonWriter> JsonWriter::Create(const std::string& path) {
  auto state = std::make_unique<State>();
  state->path = path;
  if (path == "-") {
    state->file = stdout;
  } else {
    state->temp_path = path + ".tmp";
    state->file = std::fopen(state->temp_path.c_str(), "wb");
    if (state->file == nullptr) {
      return Status::IoError("cannot create '" + state->temp_path + "': " + ErrnoText());
    }
  }
  state->pending.reserve(kFlushBytes + kFlushBytes / 4);
  state->pending = "{\"articles\": [";
  return JsonWriter(std::move(state));
}

Status JsonWriter::Write(const Article& article) {
  State& state = *state_;
  SL_RETURN_IF_ERROR(state.BeforeSection("Write"));
  SL_ASSIGN_OR_RETURN(std::string object, DumpArticle(article));
  state.pending += state.any_article ? ",\n" : "\n";
  state.pending += object;
  state.any_article = true;
  if (state.pending.size() >= kFlushBytes) return state.Flush();
  return Status::Ok();
}

Status JsonWriter::WriteLinks(const LinkReport& links) {
  State& state = *state_;
  SL_RETURN_IF_ERROR(state.BeforeSection("WriteLinks"));
  SL_ASSIGN_OR_RETURN(std::string sections, DumpLinks(links));
  state.pending += state.any_article ? "\n]" : "]";
  state.pending += sections;
  state.links_written = true;
  return state.Flush();
}

Status JsonWriter::Finish(uint64_t read, uint64_t ingested,
                          const std::vector<Rejection>& rejected) {
  State& state = *state_;
  if (state.finished) return Status::Internal("JsonWriter::Finish called twice");
  if (!state.links_written) SL_RETURN_IF_ERROR(WriteLinks({}));
  if (!state.error.ok()) return state.error;
  SL_ASSIGN_OR_RETURN(std::string inputs, DumpInputs(read, ingested, rejected));
  state.pending += ",\n\"inputs\": ";
  state.pending += inputs;
  state.pending += "}\n";
  state.finished = true;
  return state.Close();
}

std::string ArticleToJson(const Article& article) {
  Result<std::string> json = DumpArticle(article);
  // Unreachable with the replace handler; "null" keeps the output valid JSON.
  return json.ok() ? std::move(json).value() : std::string("null");
}

}  // namespace storyline::store
