// json.cc: the JSON report. The contract is documented in docs/json.md; keep
// the two in step.

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/json_text.h"
#include "store/store.h"

namespace storyline::store {
namespace {

using internal::AppendArticleJson;

// ordered_json keeps the fields in the order of the contract, for people
// reading the report; parsers do not care.
using Json = nlohmann::ordered_json;

// Output is gathered in memory and written in chunks of about this size:
// few system calls, flat memory.
constexpr size_t kFlushBytes = 1 << 20;

Json OptionalString(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Compact, and the replace handler writes invalid UTF-8 as U+FFFD instead of
// throwing.
std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::string> DumpInputs(uint64_t read, uint64_t ingested,
                               const std::vector<Rejection>& rejected,
                               const std::map<std::string, uint64_t>& skipped) {
  try {
    Json rejections = Json::array();
    for (const Rejection& rejection : rejected) {
      rejections.push_back({{"origin", rejection.origin}, {"reason", rejection.reason}});
    }
    Json inputs = {{"read", read}, {"ingested", ingested}, {"rejected", std::move(rejections)}};
    if (!skipped.empty()) inputs["skipped"] = skipped;
    return Dump(inputs);
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal(std::string("cannot write the inputs summary as JSON: ") + e.what());
  }
}

Json SpanObject(const ArticleSpan& side) {
  return {{"article", side.article}, {"begin", side.span.begin}, {"end", side.span.end}};
}

Json ReportedEventJson(const ReportedEventReport& report) {
  const ReportedEvent& event = report.event;
  Json mentions = Json::array();
  for (const ReportedEventMention& m : report.mentions) {
    mentions.push_back({{"article", m.article},
                        {"event", m.event},
                        {"sentence", m.sentence},
                        {"begin", m.verb.begin},
                        {"end", m.verb.end},
                        {"outlet", OptionalString(m.outlet)},
                        {"published", OptionalString(m.published)}});
  }
  return {{"id", event.id},
          {"source", event.source},
          {"target", event.target.empty() ? Json(nullptr) : Json(event.target)},
          {"code", event.code},
          {"root", event.root},
          {"date", {{"value", OptionalString(event.date)}, {"how", event.date_how}}},
          {"place", event.place.empty() ? Json(nullptr) : Json(event.place)},
          {"num_mentions", report.mentions.size()},
          {"num_sources", report.sources},
          {"num_articles", report.articles},
          {"mentions", std::move(mentions)}};
}

// The link sections of the report, each element on a line of its own:
// ,\n"near_duplicates": [\n{...},\n{...}\n],\n"passages": [...],\n"stories": [...],
// \n"events": [...]
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
                       {"last_date", OptionalString(story.last_date)},
                       {"events", story.events},
                       {"actors", story.actors},
                       {"first_event_date", OptionalString(story.first_event_date)},
                       {"last_event_date", OptionalString(story.last_event_date)}});
    }
    section("stories", items);
    items.clear();
    for (const ReportedEventReport& report : links.events) {
      items.push_back(ReportedEventJson(report));
    }
    section("events", items);
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
  state.pending += state.any_article ? ",\n" : "\n";
  AppendArticleJson(state.pending, article);
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

Status JsonWriter::Finish(uint64_t read, uint64_t ingested, const std::vector<Rejection>& rejected,
                          const std::map<std::string, uint64_t>& skipped) {
  State& state = *state_;
  if (state.finished) return Status::Internal("JsonWriter::Finish called twice");
  if (!state.links_written) SL_RETURN_IF_ERROR(WriteLinks({}));
  if (!state.error.ok()) return state.error;
  SL_ASSIGN_OR_RETURN(std::string inputs, DumpInputs(read, ingested, rejected, skipped));
  state.pending += ",\n\"inputs\": ";
  state.pending += inputs;
  state.pending += "}\n";
  state.finished = true;
  return state.Close();
}

std::string ArticleToJson(const Article& article) {
  std::string json;
  AppendArticleJson(json, article);
  return json;
}

std::string EventToJson(const Event& event) {
  std::string json;
  internal::AppendEventJson(json, event);
  return json;
}

std::string ReportedEventToJson(const ReportedEventReport& report) {
  return Dump(ReportedEventJson(report));
}

}  // namespace storyline::store
