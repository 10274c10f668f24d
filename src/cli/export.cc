// storyline export events: the stored events as GDELT 2.0 event (and
// mentions) tables, or as JSON lines. docs/json.md ("Exported events")
// describes the columns we fill and how; keep the two in step.
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "core/actor_code.h"
#include "core/calendar.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

struct ExportArgs {
  std::string db = "storyline.db";
  std::string format;     // "gdelt" or "jsonl"
  std::string out = "-";  // "-": stdout
  std::string mentions;   // the GDELT mentions table; empty: none
};

// A file written whole or not at all: to PATH.tmp, renamed to PATH by
// Close(), removed when destroyed unclosed. "-" is stdout.
class Output {
 public:
  static Result<std::unique_ptr<Output>> Open(const std::string& path) {
    auto output = std::unique_ptr<Output>(new Output(path));
    if (path == "-") {
      output->file_ = stdout;
      return output;
    }
    output->file_ = std::fopen(output->temp_path().c_str(), "wb");
    if (output->file_ == nullptr) {
      return Status::IoError("cannot create '" + output->temp_path() +
                             "': " + std::strerror(errno));
    }
    return output;
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() {
    if (file_ == nullptr || file_ == stdout) return;
    std::fclose(file_);
    std::remove(temp_path().c_str());
  }

  Status Write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) == text.size()) return Status::Ok();
    return Status::IoError("cannot write '" + Name() + "': " + std::strerror(errno));
  }

  // Flushes the file and moves it to its final name.
  Status Close() {
    const bool to_stdout = file_ == stdout;
    const bool written = std::fflush(file_) == 0 && (to_stdout || std::fclose(file_) == 0);
    if (!to_stdout) file_ = nullptr;
    if (!written) {
      std::remove(temp_path().c_str());
      return Status::IoError("cannot write '" + Name() + "': " + std::strerror(errno));
    }
    if (!to_stdout && std::rename(temp_path().c_str(), path_.c_str()) != 0) {
      std::remove(temp_path().c_str());
      return Status::IoError("cannot rename '" + temp_path() + "' to '" + path_ +
                             "': " + std::strerror(errno));
    }
    return Status::Ok();
  }

 private:
  explicit Output(std::string path) : path_(std::move(path)) {}
  std::string temp_path() const { return path_ + ".tmp"; }
  std::string Name() const { return path_ == "-" ? "standard output" : temp_path(); }

  std::string path_;
  FILE* file_ = nullptr;
};

// ---- Values of the columns ----

// A text column: tabs and line breaks would break the table, so they become
// spaces.
std::string Field(std::string_view text) {
  std::string field(text);
  std::replace_if(
      field.begin(), field.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return field;
}

// GLOBALEVENTID: the 64-bit XXH3 of "ARTICLE_ID:EVENT_INDEX" with its top
// bit cleared, a positive signed integer; the same for the same stored event
// in every export and every database.
int64_t GlobalEventId(const std::string& article_id, uint32_t event) {
  const std::string key = article_id + ":" + std::to_string(event);
  return static_cast<int64_t>(XXH3_64bits(key.data(), key.size()) >> 1);
}

// The GLOBALEVENTID of a reported event (events across articles): the same
// hash of its id, so every mention of it carries one id.
int64_t GlobalEventId(const std::string& reported_event_id) {
  return static_cast<int64_t>(XXH3_64bits(reported_event_id.data(), reported_event_id.size()) >> 1);
}

// YYYYMMDDHHMMSS of a stored time "YYYY-MM-DDTHH:MM:SS.sssZ"; empty when it
// is not one.
std::string GdeltTimestamp(std::string_view iso) {
  constexpr size_t kDigitPositions[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
  std::string digits;
  for (const size_t at : kDigitPositions) {
    if (at >= iso.size() || iso[at] < '0' || iso[at] > '9') return {};
    digits += iso[at];
  }
  return digits;
}

// SQLDATE, MonthYear, Year and FractionDate (year + day of year / 365) of
// an event dated to a day; four empty columns otherwise.
void AppendDateColumns(std::vector<std::string>& row, const EventDate& date) {
  const std::optional<CivilDay> day =
      date.value && date.value->size() >= 10 ? CivilDay::FromIso(*date.value) : std::nullopt;
  if (!day) {
    row.insert(row.end(), 4, "");
    return;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d", day->year, day->month, day->day);
  row.emplace_back(text);
  row.emplace_back(std::string(text, 6));
  row.emplace_back(std::string(text, 4));
  const int64_t day_of_year = DaysFromCivil(*day) - DaysFromCivil({day->year, 1, 1}) + 1;
  std::snprintf(text, sizeof text, "%.4f", day->year + static_cast<double>(day_of_year) / 365);
  row.emplace_back(text);
}

// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code; all empty for no actor.
void AppendActorColumns(std::vector<std::string>& row, const std::optional<EventActor>& actor) {
  if (!actor) {
    row.insert(row.end(), 10, "");
    return;
  }
  ActorCodeParts parts = SplitActorCode(actor->code);
  parts.types.resize(3);
  row.insert(row.end(), {Field(actor->code), Field(actor->text), parts.country, parts.known_group,
                         "", "", "", parts.types[0], parts.types[1], parts.types[2]});
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// The columns of `row` separated by tabs, with a newline.
template <typename Row>
std::string TsvLine(const Row& row) {
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += '\t';
    line += row[i];
  }
  return line + '\n';
}

// What the stored article gives every row of its events.
struct ArticleColumns {
  std::string date_added;  // DATEADDED: when the article was stored
  std::string source_url;  // its url, else its origin
};

ArticleColumns ColumnsOf(const store::EventArticle& stored) {
  const Article& article = stored.article;
  return {GdeltTimestamp(stored.stored_at), Field(article.url.value_or(article.origin))};
}

// Only acts reported as done go into GDELT's event table: GDELT codes what
// is reported as happening, so neither negated acts nor future, possible,
// conditional or questioned ones (which we code as intents) belong there.
bool IsGdeltEvent(const Event& event) { return !event.negated && event.modality == "asserted"; }

// What GDELT counts of one event: its mentions, the outlets and the articles
// that report it, and the first report's URL (SOURCEURL).
struct EventCounts {
  uint32_t mentions = 1;
  uint32_t sources = 1;
  uint32_t articles = 1;
  std::string source_url;           // empty: the mention's own article's
  std::optional<std::string> date;  // the reported event's date, when known
};

// The 61 columns of a GDELT 2.0 event row, tab-separated, with its newline.
std::string GdeltEventRow(const Event& event, int64_t id, const ArticleColumns& article,
                          const EventCounts& counts) {
  std::vector<std::string> row = {std::to_string(id)};
  EventDate date = event.date;
  if (counts.date) date.value = counts.date;
  AppendDateColumns(row, date);
  AppendActorColumns(row, event.source);
  AppendActorColumns(row, event.target);
  row.insert(row.end(), {event.sentence == 0 ? "1" : "0", event.code, event.code.substr(0, 3),
                         event.root, std::to_string(event.quad_class), Number(event.goldstein),
                         std::to_string(counts.mentions), std::to_string(counts.sources),
                         std::to_string(counts.articles), ""});
  row.insert(row.end(), 16, "");  // Actor1Geo_*, Actor2Geo_*: we place only the action
  row.insert(row.end(), {"", event.place ? Field(event.place->text) : "",
                         event.place ? event.place->country.value_or("") : "", "", "", "", "", ""});
  row.insert(row.end(), {article.date_added,
                         counts.source_url.empty() ? article.source_url : counts.source_url});
  return TsvLine(row);
}

// The number of characters (code points) in the first `bytes` bytes of the
// UTF-8 `text`.
size_t CharOffset(std::string_view text, uint32_t bytes) {
  const std::string_view prefix = text.substr(0, std::min<size_t>(bytes, text.size()));
  return static_cast<size_t>(std::count_if(prefix.begin(), prefix.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// True when the actor is a pronoun resolved to an entity: GDELT's InRawText
// is 0 for events whose actors took such processing to find.
bool IsResolvedPronoun(const Article& article, const std::optional<EventActor>& actor) {
  if (!actor || !actor->entity || *actor->entity >= article.entities.size()) return false;
  const std::vector<EntityMention>& mentions = article.entities[*actor->entity].mentions;
  return std::any_of(mentions.begin(), mentions.end(), [&actor](const EntityMention& mention) {
    return mention.span == actor->span && mention.kind == "pronoun";
  });
}

// The 16 columns of a GDELT 2.0 mentions row, tab-separated, with its
// newline.
std::string GdeltMentionRow(const Article& article, const Event& event, int64_t id,
                            const ArticleColumns& columns) {
  const bool raw =
      !IsResolvedPronoun(article, event.source) && !IsResolvedPronoun(article, event.target);
  const long confidence = std::clamp(std::lround(event.confidence * 100), 0L, 100L);
  const std::array<std::string, 16> row = {
      std::to_string(id),
      columns.date_added,
      columns.date_added,
      "1",
      Field(article.outlet.value_or("")),
      columns.source_url,
      std::to_string(event.sentence + 1),
      std::to_string(CharOffset(article.text, event.source.span.begin)),
      event.target ? std::to_string(CharOffset(article.text, event.target->span.begin)) : "-1",
      std::to_string(CharOffset(article.text, event.verb.begin)),
      raw ? "1" : "0",
      std::to_string(confidence),
      std::to_string(CharOffset(article.text, static_cast<uint32_t>(article.text.size()))),
      "",
      "",
      ""};
  return TsvLine(row);
}

// {"article", "global_event_id", "reported_event", "event"} on one line.
std::string JsonLine(const Event& event, int64_t id, const std::string& article_id,
                     const std::string* reported) {
  return "{\"article\":" + nlohmann::json(article_id).dump() +
         ",\"global_event_id\":" + std::to_string(id) + ",\"reported_event\":" +
         (reported ? nlohmann::json(*reported).dump() : std::string("null")) +
         ",\"event\":" + store::EventToJson(event) + "}\n";
}

// ---- The command ----

struct Outputs {
  std::unique_ptr<Output> events;
  std::unique_ptr<Output> mentions;  // null without --mentions
};

// The reported events of the database: which one each event mention
// joined, and GDELT's counts of each.
struct ReportedEvents {
  std::unordered_map<std::string, std::string> of_mention;  // "ARTICLE:INDEX" -> event id
  std::unordered_map<std::string, EventCounts> counts;      // event id -> counts
  std::unordered_set<std::string> exported;                 // event rows written
};

std::string MentionKey(const std::string& article, uint32_t event) {
  return article + ':' + std::to_string(event);
}

Result<ReportedEvents> ReadReportedEvents(store::Database& db) {
  ReportedEvents reported;
  SL_RETURN_IF_ERROR(db.ForEachEventMention([&](store::EventMentionRecord&& mention) {
    reported.of_mention.emplace(MentionKey(mention.article, mention.event),
                                std::move(mention.reported));
    return Status::Ok();
  }));
  std::vector<std::string> ids;
  SL_RETURN_IF_ERROR(db.ForEachReportedEvent([&](ReportedEvent&& event) {
    ids.push_back(std::move(event.id));
    return Status::Ok();
  }));
  for (const std::string& id : ids) {
    SL_ASSIGN_OR_RETURN(const store::ReportedEventReport report, db.GetReportedEvent(id));
    EventCounts counts{static_cast<uint32_t>(report.mentions.size()), report.sources,
                       report.articles, "", report.event.date};
    if (!report.mentions.empty()) {
      counts.source_url = Field(report.mentions[0].url.value_or(""));
    }
    reported.counts.emplace(id, std::move(counts));
  }
  return reported;
}

// Writes the rows of one article's events; counts those written. With the
// GDELT format an event that other mentions report too is one row, written
// with its first GDELT mention; every mention gets a mentions row.
Status ExportArticle(const ExportArgs& args, const store::EventArticle& stored, Outputs& outputs,
                     ReportedEvents& reported, uint64_t& exported) {
  const Article& article = stored.article;
  const ArticleColumns columns = ColumnsOf(stored);
  const bool gdelt = args.format == "gdelt";
  for (const Event& event : article.events) {
    if (gdelt && !IsGdeltEvent(event)) continue;
    const auto joined = reported.of_mention.find(MentionKey(article.id, event.id));
    const std::string* reported_id =
        joined == reported.of_mention.end() ? nullptr : &joined->second;
    const int64_t id =
        reported_id ? GlobalEventId(*reported_id) : GlobalEventId(article.id, event.id);
    if (!gdelt) {
      SL_RETURN_IF_ERROR(outputs.events->Write(JsonLine(event, id, article.id, reported_id)));
      ++exported;
    } else if (!reported_id || reported.exported.insert(*reported_id).second) {
      const auto counts = reported_id ? reported.counts.find(*reported_id) : reported.counts.end();
      SL_RETURN_IF_ERROR(outputs.events->Write(GdeltEventRow(
          event, id, columns, counts == reported.counts.end() ? EventCounts{} : counts->second)));
      ++exported;
    }
    if (outputs.mentions) {
      SL_RETURN_IF_ERROR(outputs.mentions->Write(GdeltMentionRow(article, event, id, columns)));
    }
  }
  return Status::Ok();
}

Result<Outputs> OpenOutputs(const ExportArgs& args) {
  Outputs outputs;
  SL_ASSIGN_OR_RETURN(outputs.events, Output::Open(args.out));
  if (!args.mentions.empty()) {
    SL_ASSIGN_OR_RETURN(outputs.mentions, Output::Open(args.mentions));
  }
  return outputs;
}

int RunExportEvents(const ExportArgs& args) {
  store::OpenOptions open_options;
  open_options.create_if_missing = false;  // a mistyped path is an error, not a new database
  Result<store::Database> db = store::Database::Open(args.db, open_options);
  if (!db.ok()) return Fail(db.status());
  Result<ReportedEvents> reported = ReadReportedEvents(*db);
  if (!reported.ok()) return Fail(reported.status());
  Result<Outputs> outputs = OpenOutputs(args);
  if (!outputs.ok()) return Fail(outputs.status());
  uint64_t exported = 0;
  uint64_t articles = 0;
  Status status = db->ForEachEventArticle([&](store::EventArticle&& stored) {
    ++articles;
    return ExportArticle(args, stored, *outputs, *reported, exported);
  });
  if (status.ok()) status = outputs->events->Close();
  if (status.ok() && outputs->mentions) status = outputs->mentions->Close();
  if (!status.ok()) return Fail(status);
  std::fprintf(stderr, "exported %llu %s of %llu %s\n", static_cast<unsigned long long>(exported),
               exported == 1 ? "event" : "events", static_cast<unsigned long long>(articles),
               articles == 1 ? "article" : "articles");
  return kSuccess;
}

void AddExportEventsCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<ExportArgs>();
  command.add_option("--db", args->db, "SQLite database to read")->capture_default_str();
  command
      .add_option("--format", args->format,
                  "gdelt: the GDELT 2.0 event table (61 tab-separated columns, no header), "
                  "asserted and not negated events only, one row per event however many "
                  "articles report it (NumMentions, NumSources, NumArticles, the first "
                  "SOURCEURL); jsonl: every event mention, one JSON object a line "
                  "({\"article\", \"global_event_id\", \"reported_event\", \"event\"})")
      ->required()
      ->check(CLI::IsMember({"gdelt", "jsonl"}));
  command.add_option("--out", args->out, "File to write; - for standard output")
      ->capture_default_str();
  command
      .add_option("--mentions", args->mentions,
                  "Also write the GDELT 2.0 mentions table (16 columns) to this file: one row "
                  "per mention of the exported events, with its event's GLOBALEVENTID, "
                  "sentence, character offsets of the actors and the action, confidence")
      ->option_text("FILE");
  command.callback([args, &run] { run = [args] { return RunExportEvents(*args); }; });
}

}  // namespace

void AddExportCommand(CLI::App& command, Handler& run) {
  command.require_subcommand(1);
  AddExportEventsCommand(
      *command.add_subcommand("events", "The stored events as GDELT 2.0 tables or JSON lines"),
      run);
}

}  // namespace storyline::cli
