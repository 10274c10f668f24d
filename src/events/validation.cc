#include "events/validation.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "core/calendar.h"
#include "core/data_files.h"
#include "core/utf8.h"

namespace storyline::events {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// "950103" (POSIX two-digit years) or "19950103" -> "1995-01-03"; empty for
// any other length or an impossible day.
std::string IsoFromCompact(std::string_view digits) {
  if (!AllDigits(digits) || (digits.size() != 6 && digits.size() != 8)) return "";
  const size_t year_digits = digits.size() - 4;
  int year = Number(digits.substr(0, year_digits));
  if (year_digits == 2) year += year >= 69 ? 1900 : 2000;
  const int month = Number(digits.substr(year_digits, 2));
  const int day = Number(digits.substr(year_digits + 2, 2));
  if (!IsValidDay(year, month, day)) return "";
  return CivilDay{year, month, day}.Iso();
}

// Splits on runs of blanks.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

// Joins the non-blank lines of `lines` with single spaces, as valid UTF-8.
std::string JoinLines(const std::vector<std::string_view>& lines) {
  std::string text;
  for (std::string_view line : lines) {
    line = Trim(line);
    if (line.empty()) continue;
    if (!text.empty()) text += ' ';
    text.append(line);
  }
  RepairUtf8(text);
  return text;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

Status LineError(std::string_view name, int line, std::string_view message) {
  return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line) + ": " +
                                 std::string(message));
}

// ---- TABARI -----------------------------------------------------------------

// "950101  DEMO-01": digits at the left margin, then something.
bool IsTabariHeader(std::string_view line) {
  const std::vector<std::string_view> fields = Fields(line);
  return !line.empty() && line[0] >= '0' && line[0] <= '9' && fields.size() >= 2 &&
         AllDigits(fields[0]) && fields[0].size() >= 6;
}

std::string TabariId(const std::vector<std::string_view>& fields) {
  for (size_t i = 1; i < fields.size(); ++i) {
    if (std::any_of(fields[i].begin(), fields[i].end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      return std::string(fields[i]);
    }
  }
  return std::string(fields[1]);
}

// What the comment of a record says, as read so far.
struct TabariNotes {
  std::vector<ExpectedEvent> expected;
  std::vector<std::string> options;
  bool no_event = false;
  bool discard = false;
  bool declined = false;
};

// One `{...}` of a comment line: `body` is what stands between the braces,
// `after` the rest of the line.
Status ReadTabariBraces(std::string_view body, std::string_view after, std::string_view name,
                        int line, TabariNotes& notes) {
  body = Trim(body);
  if (body.starts_with("OPTION:")) {
    notes.options.emplace_back(Trim(body.substr(7)));
    return Status::Ok();
  }
  if (body == "---") notes.no_event = true;
  if (body == "###") notes.discard = true;
  if (body == "+++") notes.declined = true;
  if (std::count(body.begin(), body.end(), '/') != 2) return Status::Ok();  // prose: "in {}"
  const size_t first = body.find('/');
  const size_t second = body.find('/', first + 1);
  ExpectedEvent event;
  event.codes.source = Trim(body.substr(0, first));
  event.codes.target = Trim(body.substr(first + 1, second - first - 1));
  event.codes.code = Trim(body.substr(second + 1));
  if (event.codes.source.empty() || event.codes.code.empty()) {
    return LineError(name, line,
                     "expected event without source or code: {" + std::string(body) + "}");
  }
  const std::vector<std::string_view> rest = Fields(after);
  if (!rest.empty()) {
    const std::string date = IsoFromCompact(rest[0]);
    if (!date.empty()) event.date = date;
  }
  notes.expected.push_back(std::move(event));
  return Status::Ok();
}

// Reads every `{...}` of one comment line. An option left open runs to the
// line's end (the suite has "{ OPTION: SET: MINIMUM WORDS = 4  */").
Status ReadTabariComment(std::string_view comment, std::string_view name, int line,
                         TabariNotes& notes) {
  size_t open = comment.find('{');
  while (open != std::string_view::npos) {
    const size_t close = comment.find('}', open);
    const size_t end = close == std::string_view::npos ? comment.size() : close;
    const bool deactivated = open > 0 && comment[open - 1] == '-';
    if (!deactivated) {
      const std::string_view after = end < comment.size() ? comment.substr(end + 1) : "";
      const Status status =
          ReadTabariBraces(comment.substr(open + 1, end - open - 1), after, name, line, notes);
      if (!status.ok()) return status;
    }
    open = comment.find('{', end);
  }
  return Status::Ok();
}

RecordKind TabariKind(const TabariNotes& notes) {
  if (!notes.options.empty()) return RecordKind::kOption;
  if (!notes.expected.empty()) return RecordKind::kNormal;
  if (notes.discard) return RecordKind::kDiscard;
  if (notes.no_event) return RecordKind::kNoEvent;
  if (notes.declined) return RecordKind::kDeclined;
  return RecordKind::kUnchecked;
}

std::string CategoryOf(std::string_view id) { return std::string(id.substr(0, id.find('-'))); }

// Splits a record's body into text and comment lines, C style, and reads
// the comments. `in_comment` carries an open comment from line to line.
class TabariRecordBuilder {
 public:
  TabariRecordBuilder(std::string_view header, int line) {
    const std::vector<std::string_view> fields = Fields(header);
    record_.id = TabariId(fields);
    record_.category = CategoryOf(record_.id);
    record_.date = IsoFromCompact(fields[0]);
    record_.line = line;
  }

  Status AddLine(std::string_view line, std::string_view name, int number) {
    if (!in_comment_ && (line.starts_with("\\n") || line.starts_with("#"))) {
      return line.starts_with("#") ? Status::Ok() : ReadTabariComment(line, name, number, notes_);
    }
    while (!line.empty()) {
      if (in_comment_) {
        const size_t end = line.find("*/");
        const Status status = ReadTabariComment(line.substr(0, end), name, number, notes_);
        if (!status.ok()) return status;
        if (end == std::string_view::npos) return Status::Ok();
        in_comment_ = false;
        line.remove_prefix(end + 2);
      } else {
        const size_t start = line.find("/*");
        text_.push_back(line.substr(0, start));
        if (start == std::string_view::npos) return Status::Ok();
        in_comment_ = true;
        line.remove_prefix(start + 2);
      }
    }
    return Status::Ok();
  }

  ValidationRecord Finish() && {
    record_.text = JoinLines(text_);
    record_.kind = TabariKind(notes_);
    record_.expected = std::move(notes_.expected);
    record_.options = std::move(notes_.options);
    return std::move(record_);
  }

 private:
  ValidationRecord record_;
  TabariNotes notes_;
  std::vector<std::string_view> text_;
  bool in_comment_ = false;
};

bool EndsStandardRecords(const ValidationRecord& record) {
  return record.text.starts_with("This is the end of the standard validation records");
}

// ---- PETRARCH: a reader for the XML the unit-test file uses -------------------
// Elements, attributes (either quote), comments, character data and the five
// predefined and numeric entities; no DTD, namespaces or CDATA, which the
// file does not use. A small reader rather than a library: the project has
// no XML dependency and this one file is regular.

struct XmlTag {
  std::string name;
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;
  int line = 0;

  std::optional<std::string> Attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return v;
    }
    return std::nullopt;
  }
};

void AppendCodePoint(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Replaces entities; one that is not known is kept as written.
std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i++];
      continue;
    }
    const std::string_view entity = s.substr(i + 1, semi - i - 1);
    const auto named = std::find_if(std::begin(kNamed), std::end(kNamed),
                                    [&](const auto& n) { return n.first == entity; });
    uint32_t cp = 0;
    const bool hex = entity.starts_with("#x");
    const std::string_view digits = entity.substr(hex ? 2 : 1);
    if (named != std::end(kNamed)) {
      out += named->second;
    } else if (entity.starts_with("#") && !digits.empty() &&
               std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10)
                       .ptr == digits.data() + digits.size() &&
               cp > 0 && cp <= 0x10FFFF) {
      AppendCodePoint(cp, out);
    } else {
      out.append(s.substr(i, semi + 1 - i));
    }
    i = semi + 1;
  }
  return out;
}

class XmlReader {
 public:
  XmlReader(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {}

  // The next tag, skipping comments and declarations; `text` gets the
  // character data before it, decoded. nullopt at the end.
  Result<std::optional<XmlTag>> Next(std::string& text) {
    text.clear();
    while (pos_ < xml_.size()) {
      const size_t open = xml_.find('<', pos_);
      text += DecodeEntities(Advance(open));
      if (open == std::string_view::npos) break;
      if (xml_.substr(open).starts_with("<!--")) {
        if (!Skip("-->")) return Error("comment without -->");
      } else if (xml_.substr(open).starts_with("<?") || xml_.substr(open).starts_with("<!")) {
        if (!Skip(">")) return Error("declaration without >");
      } else {
        return ReadTag();
      }
    }
    return std::optional<XmlTag>();
  }

  Status Error(std::string_view message) const { return LineError(name_, line_, message); }
  int line() const { return line_; }

 private:
  // Moves to `end` (npos: the end), counting lines; returns what was passed.
  std::string_view Advance(size_t end) {
    end = std::min(end, xml_.size());
    const std::string_view passed = xml_.substr(pos_, end - pos_);
    line_ += int(std::count(passed.begin(), passed.end(), '\n'));
    pos_ = end;
    return passed;
  }

  bool Skip(std::string_view terminator) {
    const size_t end = xml_.find(terminator, pos_);
    if (end == std::string_view::npos) return false;
    Advance(end + terminator.size());
    return true;
  }

  Result<std::optional<XmlTag>> ReadTag() {
    XmlTag tag;
    tag.line = line_;
    const size_t end = xml_.find('>', pos_);
    if (end == std::string_view::npos) return Error("tag without >");
    std::string_view inside = Advance(end + 1);
    inside = inside.substr(1, inside.size() - 2);  // without < and >
    tag.closing = inside.starts_with("/");
    if (tag.closing) inside.remove_prefix(1);
    if (inside.ends_with("/")) inside.remove_suffix(1);  // <a/>: its end tag is not needed here
    size_t i = 0;
    while (i < inside.size() && !IsSpace(inside[i])) ++i;
    tag.name = inside.substr(0, i);
    if (tag.name.empty()) return Error("tag without a name");
    if (!ReadAttributes(inside.substr(i), tag)) return Error("malformed tag <" + tag.name + ">");
    return std::optional<XmlTag>(std::move(tag));
  }

  // `key = "value"` or `key='value'`, blanks allowed around '='.
  static bool ReadAttributes(std::string_view s, XmlTag& tag) {
    while (true) {
      s = Trim(s);
      if (s.empty()) return true;
      const size_t eq = s.find('=');
      if (eq == std::string_view::npos) return false;
      const std::string_view key = Trim(s.substr(0, eq));
      s = Trim(s.substr(eq + 1));
      if (key.empty() || s.empty() || (s[0] != '"' && s[0] != '\'')) return false;
      const size_t close = s.find(s[0], 1);
      if (close == std::string_view::npos) return false;
      tag.attributes.emplace_back(std::string(key), DecodeEntities(s.substr(1, close - 1)));
      s.remove_prefix(close + 1);
    }
  }

  std::string_view xml_;
  std::string_view name_;
  size_t pos_ = 0;
  int line_ = 1;
};

// What an <EventCoding> says of its sentence.
Status ReadEventCoding(const XmlTag& tag, const XmlReader& reader, ValidationRecord& record,
                       std::optional<RecordKind>& kind) {
  if (const std::optional<std::string> error = tag.Attribute("error")) {
    if (*error == "storydiscard" || *error == "sentencediscard") {
      kind = RecordKind::kDiscard;
    } else if (*error == "dateline") {
      kind = RecordKind::kDeclined;
    } else if (*error == "bad_input_parse") {
      kind = RecordKind::kUnchecked;
    } else {
      return reader.Error("unknown EventCoding error '" + *error + "'");
    }
    return Status::Ok();
  }
  if (tag.Attribute("noevents")) {
    kind = RecordKind::kNoEvent;
    return Status::Ok();
  }
  ExpectedEvent event;
  event.codes.source = tag.Attribute("sourcecode").value_or("");
  event.codes.target = tag.Attribute("targetcode").value_or("");
  event.codes.code = tag.Attribute("eventcode").value_or("");
  if (event.codes.source.empty() || event.codes.code.empty()) {
    return reader.Error("EventCoding without sourcecode or eventcode");
  }
  record.expected.push_back(std::move(event));
  return Status::Ok();
}

// The state of reading the unit-test file.
struct PetrarchParse {
  ValidationSuite suite;
  std::string dir;
  std::optional<ValidationRecord> record;  // inside a <Sentence>
  std::optional<RecordKind> kind;          // what its EventCoding elements said
  bool has_text = false;
  bool in_environment = false;  // its <Config> are run settings, not options of records
  std::vector<std::string> pending_options;  // <Config> since the last sentence
};

Status OpenSentence(const XmlTag& tag, PetrarchParse& parse, const XmlReader& reader) {
  ValidationRecord record;
  record.id = tag.Attribute("id").value_or("");
  if (record.id.empty()) return reader.Error("Sentence without id");
  record.category = tag.Attribute("category").value_or("");
  record.date = IsoFromCompact(tag.Attribute("date").value_or(""));
  record.reference_skips = tag.Attribute("sentence") == "false";
  record.options = std::move(parse.pending_options);
  parse.pending_options.clear();
  record.line = tag.line;
  parse.record = std::move(record);
  parse.kind.reset();
  parse.has_text = false;
  return Status::Ok();
}

Status CloseSentence(PetrarchParse& parse, const XmlReader& reader) {
  ValidationRecord& record = *parse.record;
  if (!parse.has_text) return reader.Error("Sentence " + record.id + " without Text");
  record.kind =
      !record.expected.empty() ? RecordKind::kNormal : parse.kind.value_or(RecordKind::kUnchecked);
  parse.suite.records.push_back(std::move(record));
  parse.record.reset();
  return Status::Ok();
}

// The dictionary a tag of <Environment> names, if it names one.
std::vector<std::string>* EnvironmentList(std::string_view name, ValidationSuite& suite) {
  if (name == "Verbfile") return &suite.verb_files;
  if (name == "Actorfile") return &suite.actor_files;
  if (name == "Agentfile") return &suite.agent_files;
  if (name == "Discardfile") return &suite.discard_files;
  return nullptr;
}

std::string JoinPath(const std::string& dir, std::string_view file) {
  return (std::filesystem::path(dir) / std::string(file)).string();
}

Status ReadPetrarchTag(const XmlTag& tag, const std::string& text, PetrarchParse& parse,
                       const XmlReader& reader) {
  if (tag.name == "Sentence") {
    if (tag.closing != parse.record.has_value()) return reader.Error("misplaced Sentence tag");
    return tag.closing ? CloseSentence(parse, reader) : OpenSentence(tag, parse, reader);
  }
  if (parse.record) {
    if (tag.name == "EventCoding" && !tag.closing) {
      return ReadEventCoding(tag, reader, *parse.record, parse.kind);
    }
    if (tag.name == "Text" && tag.closing) {
      parse.record->text = JoinLines(SplitLines(text));
      parse.has_text = true;
    }
    return Status::Ok();
  }
  if (tag.name == "Environment") {
    parse.in_environment = !tag.closing;
  } else if (tag.name == "Config" && !tag.closing && !parse.in_environment) {
    parse.pending_options.push_back(tag.Attribute("option").value_or("") + "=" +
                                    tag.Attribute("value").value_or(""));
  } else if (std::vector<std::string>* list = EnvironmentList(tag.name, parse.suite);
             list && tag.closing) {
    list->push_back(JoinPath(parse.dir, Trim(text)));
  }
  return Status::Ok();
}

// ---- Scoring ---------------------------------------------------------------

// Counts of each event in `events`.
std::map<EventCodes, int> Counts(const std::vector<EventCodes>& events) {
  std::map<EventCodes, int> counts;
  for (const EventCodes& e : events) ++counts[e];
  return counts;
}

std::string Describe(const EventCodes& e) {
  return e.source + " " + (e.target.empty() ? "-" : e.target) + " " + e.code;
}

// The record's lines for --errors: '=' found, '-' missed, '+' not expected.
void AppendRecord(const ValidationRecord& record, const std::vector<EventCodes>& produced,
                  const Tally& tally, std::string& out) {
  char head[160];
  std::snprintf(head, sizeof head, "%s  %s  %s%s  expected %d found %d produced %zu\n",
                record.id.c_str(), std::string(KindName(record.kind)).c_str(),
                record.date.empty() ? "no date" : record.date.c_str(),
                record.reference_skips ? "  (skipped by the reference coder)" : "", tally.expected,
                tally.found, produced.size());
  out += head;
  out += "  text: " + record.text + "\n";
  std::map<EventCodes, int> left = Counts(produced);
  for (const ExpectedEvent& e : record.expected) {
    const bool found = left[e.codes] > 0;
    if (found) --left[e.codes];
    out += std::string("  ") + (found ? "= " : "- ") + Describe(e.codes);
    if (e.date) out += " " + *e.date;
    out += "\n";
  }
  for (const auto& [e, n] : left) {
    for (int i = 0; i < n; ++i) out += "  + " + Describe(e) + "\n";
  }
}

}  // namespace

std::string_view KindName(RecordKind kind) {
  switch (kind) {
    case RecordKind::kNormal:
      return "normal";
    case RecordKind::kNoEvent:
      return "no event";
    case RecordKind::kDiscard:
      return "discard";
    case RecordKind::kDeclined:
      return "declined";
    case RecordKind::kUnchecked:
      return "unchecked";
    case RecordKind::kOption:
      return "option";
  }
  return "?";
}

Result<std::vector<ValidationRecord>> ParseTabariRecords(std::string_view text,
                                                         std::string_view name) {
  std::vector<ValidationRecord> records;
  std::optional<TabariRecordBuilder> builder;
  // Adds the record being read; false when it is the end record, which is
  // dropped.
  const auto finish = [&] {
    records.push_back(std::move(*builder).Finish());
    if (!EndsStandardRecords(records.back())) return true;
    records.pop_back();
    return false;
  };
  const std::vector<std::string_view> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsTabariHeader(lines[i])) {
      if (builder && !finish()) return records;
      builder.emplace(lines[i], int(i) + 1);
    } else if (builder) {
      const Status status = builder->AddLine(lines[i], name, int(i) + 1);
      if (!status.ok()) return status;
    }
  }
  if (builder) finish();
  return records;
}

Result<ValidationSuite> ReadTabariSuite(const std::string& dir) {
  const std::string project_path = JoinPath(dir, "Validate.project");
  SL_ASSIGN_OR_RETURN(const std::string project, ReadFile(project_path));
  ValidationSuite suite;
  suite.name = "TABARI";
  std::string text_file;
  for (const std::string_view line : SplitLines(project)) {
    const std::vector<std::string_view> fields = Fields(line);
    if (fields.size() < 2) continue;
    const std::string path = JoinPath(dir, fields[1]);
    if (fields[0] == "<actorsfile>") suite.actor_files.push_back(path);
    if (fields[0] == "<agentsfile>") suite.agent_files.push_back(path);
    if (fields[0] == "<verbsfile>") suite.verb_files.push_back(path);
    if (fields[0] == "<textfile>") text_file = path;
  }
  if (text_file.empty()) return Status::InvalidArgument(project_path + ": no <textfile>");
  SL_ASSIGN_OR_RETURN(const std::string text, ReadFile(text_file));
  SL_ASSIGN_OR_RETURN(suite.records, ParseTabariRecords(text, text_file));
  return suite;
}

Result<ValidationSuite> ParsePetrarchRecords(std::string_view xml, std::string_view name,
                                             const std::string& dir) {
  PetrarchParse parse;
  parse.suite.name = "PETRARCH";
  parse.dir = dir;
  XmlReader reader(xml, name);
  std::string text;
  while (true) {
    SL_ASSIGN_OR_RETURN(const std::optional<XmlTag> tag, reader.Next(text));
    if (!tag) break;
    const Status status = ReadPetrarchTag(*tag, text, parse, reader);
    if (!status.ok()) return status;
  }
  if (parse.record) return reader.Error("Sentence " + parse.record->id + " not closed");
  return std::move(parse.suite);
}

Result<ValidationSuite> ReadPetrarchSuite(const std::string& path) {
  SL_ASSIGN_OR_RETURN(const std::string xml, ReadFile(path));
  return ParsePetrarchRecords(xml, path, std::filesystem::path(path).parent_path().string());
}

std::vector<EventCodes> ProducedCodes(const std::vector<Event>& events) {
  std::vector<EventCodes> codes;
  for (const Event& e : events) {
    if (e.negated) continue;
    codes.push_back({e.source.code, e.target ? e.target->code : "", e.code});
  }
  return codes;
}

void Tally::Add(const Tally& o) {
  records += o.records;
  expected += o.expected;
  found += o.found;
  produced += o.produced;
  silent += o.silent;
  silent_honoured += o.silent_honoured;
  unscored += o.unscored;
  unscored_produced += o.unscored_produced;
}

Tally ScoreRecord(const ValidationRecord& record, const std::vector<EventCodes>& produced) {
  Tally t;
  const int n = int(produced.size());
  const bool silent = record.kind == RecordKind::kNoEvent || record.kind == RecordKind::kDiscard;
  if (record.expected.empty() && !silent) {
    t.unscored = 1;
    t.unscored_produced = n;
    return t;
  }
  t.records = 1;
  t.expected = int(record.expected.size());
  t.produced = n;
  std::map<EventCodes, int> left = Counts(produced);
  for (const ExpectedEvent& e : record.expected) {
    if (left[e.codes] > 0) {
      --left[e.codes];
      ++t.found;
    }
  }
  if (silent) {
    t.silent = 1;
    t.silent_honoured = n == 0;
  }
  return t;
}

SuiteScores ScoreSuite(const ValidationSuite& suite, const CodeRecord& code, std::string* errors) {
  SuiteScores scores;
  for (const ValidationRecord& record : suite.records) {
    if (record.kind == RecordKind::kOption) {
      ++scores.options;
      continue;
    }
    const std::vector<EventCodes> produced = ProducedCodes(code(record));
    const Tally tally = ScoreRecord(record, produced);
    scores.total.Add(tally);
    scores.categories[record.category].Add(tally);
    if (errors) AppendRecord(record, produced, tally, *errors);
  }
  return scores;
}

}  // namespace storyline::events
