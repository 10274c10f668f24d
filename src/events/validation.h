// validation.h: the event coders' validation suites, read into records with
// the events they expect, and the scoring of produced events against them.
// Used by `storyline eval tabari|petrarch` (src/cli/eval_events.cc) through
// pipeline/event_validation.h, which codes the records' texts.
//
// TABARI (DIR/Validate.project names the dictionaries and the text file).
// The project file's `<actorsfile> NAME`, `<agentsfile>`, `<verbsfile>` and
// `<textfile>` lines name files relative to DIR. In the text file:
//   - a record starts at a header line "YYMMDD  ID [DOCID]" (digits at the
//     left margin, then the id: the first later token holding a letter, so
//     "950101  950101  AGENTS-11" is AGENTS-11); 8 digits are YYYYMMDD (the
//     suite's `SET: YYYY = TRUE` records); other lengths leave the date
//     unknown. Two-digit years are POSIX's: 69..99 -> 19xx, 00..68 -> 20xx;
//   - `/* ... */` is a comment, which may span lines; a header line ends an
//     unterminated one (two records of the suite lack their `*/`, and the
//     next record is meant to start there). Lines starting with a literal
//     `\n` are comment lines too, wherever they stand: two records close
//     their comment early and list more events after it;
//   - the text is the record's lines outside comments, joined by spaces
//     (a record may carry text after its comment); `#` lines are banners;
//   - in the comment, `{ SRC / TGT / CODE } [YYMMDD]` is an expected event
//     and its date (a label after it, "(PRAISE) WELCOMED", is ignored);
//     `-{ ... }` is an expectation the suite's author deactivated ("currently
//     doesn't work -- deactivated", or `-{ --- / --- / 000 }` noting an
//     incomplete list): ignored; `{---}` expects no event, `{###}` a discard
//     (the sentence is dropped by a discard phrase or code), `{+++}` that
//     TABARI's complexity filter rejects the sentence (too many verbs or
//     conjunctions, no actor before the verb): TABARI codes nothing then, so
//     that expects nothing of a coder without the filter, except the events
//     the record still lists (DEBUG-11: "turn off complex filter to get this
//     to code"); `{ OPTION: ... }` changes TABARI's options for the records
//     that follow: such a record is a note, not news;
//   - the standard records end before the one whose text says "This is the
//     end of the standard validation records"; the records after it need
//     other options or crash TABARI and are not read.
//
// PETRARCH (PETR.UnitTest.records.xml): `<Environment>` names the
// dictionaries (`Verbfile`, `Actorfile`, `Agentfile`, `Discardfile`,
// relative to the file's folder); each `<Sentence date="YYYYMMDD" id
// category sentence>` holds `<EventCoding sourcecode targetcode eventcode>`
// (an expected event), `<EventCoding noevents="True">` (no event) or
// `<EventCoding error="...">`: "storydiscard" and "sentencediscard" expect a
// discard, "dateline" that PETRARCH's irregularity check rejects the
// sentence (as TABARI's `{+++}`), "bad_input_parse" a fault in the parse
// tree, which we do not read (nothing is expected of the text). The
// `<Parse>` trees are skipped: we code the raw `<Text>`. `<Config option
// value>` elements between sentences change options for the sentences that
// follow; each is recorded on the next sentence. sentence="false" marks a
// record PETRARCH's validator skips (a feature it lacks); its expectations
// are real codings, so it is scored.
//
// Scoring. Produced events are compared with expected ones as multisets of
// (source code, target code, event code); dates are not compared. A negated
// event (Event::negated) is not produced: it did not happen. Events of
// every modality count: the suites code "is about to restore" and "will
// meet" as the acts (064, 031), and the coder's code for them, intent or
// act, is what is compared. Per record:
//   - with expected events: found = the multiset intersection, produced =
//     every produced event (extra ones lower precision);
//   - no event or discard expected: its produced events count as produced
//     (none found), and it is honoured when nothing is produced;
//   - declined (`{+++}`, "dateline") or unchecked (bad parse, only
//     deactivated expectations) with nothing expected: not scored; their
//     produced events are counted apart;
//   - option records are not coded.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace storyline::events {

// An event as the suites write it.
struct EventCodes {
  std::string source;  // "ARN", "GONGOV"
  std::string target;  // "GON"; empty when there is none
  std::string code;    // "064"
  bool operator==(const EventCodes&) const = default;
  auto operator<=>(const EventCodes&) const = default;
};

struct ExpectedEvent {
  EventCodes codes;
  std::optional<std::string> date;  // ISO, when the suite states one
  bool operator==(const ExpectedEvent&) const = default;
};

enum class RecordKind {
  kNormal,     // events are expected (they may also be declined: DEBUG-11)
  kNoEvent,    // no event is expected
  kDiscard,    // a discard is expected: no event
  kDeclined,   // the reference coder rejects it by a filter of its own
  kUnchecked,  // nothing is expected of its text
  kOption,     // TABARI: sets options, not news
};

// "normal", "no event", "discard", "declined", "unchecked", "option".
std::string_view KindName(RecordKind kind);

struct ValidationRecord {
  std::string id;        // "DEMO-01"
  std::string category;  // PETRARCH's attribute; TABARI: the id before its first '-'
  std::string date;      // ISO "1995-01-01"; empty when unknown
  std::string text;      // its lines joined by spaces, valid UTF-8
  std::vector<ExpectedEvent> expected;
  RecordKind kind = RecordKind::kNormal;
  // TABARI: what its `{ OPTION: ... }` set ("SET: TIME SHIFT = FALSE");
  // PETRARCH: the `<Config>` set just before it ("require_dyad=false").
  std::vector<std::string> options;
  bool reference_skips = false;  // PETRARCH sentence="false"
  int line = 0;                  // of its header or <Sentence> tag
  bool operator==(const ValidationRecord&) const = default;
};

// The dictionaries a suite names, as paths, and its records in file order.
struct ValidationSuite {
  std::string name;  // "TABARI", "PETRARCH"
  std::vector<std::string> actor_files;
  std::vector<std::string> agent_files;
  std::vector<std::string> verb_files;
  std::vector<std::string> discard_files;
  std::vector<ValidationRecord> records;
};

// The standard records of a TABARI validation text. `name` prefixes errors:
// InvalidArgument "name:line: message" for a malformed expected event.
Result<std::vector<ValidationRecord>> ParseTabariRecords(std::string_view text,
                                                         std::string_view name);
// The records and dictionaries of a PETRARCH unit-test file; dictionary
// names are joined to `dir`. InvalidArgument "name:line: message" for
// malformed XML or a sentence without id or text.
Result<ValidationSuite> ParsePetrarchRecords(std::string_view xml, std::string_view name,
                                             const std::string& dir);

// DIR/Validate.project and the files it names. NotFound or IoError for a
// file that cannot be read; InvalidArgument when the project names no text
// file, or errors of ParseTabariRecords.
Result<ValidationSuite> ReadTabariSuite(const std::string& dir);
// The PETRARCH unit-test file at `path`; ReadFile's and
// ParsePetrarchRecords' errors.
Result<ValidationSuite> ReadPetrarchSuite(const std::string& path);

// The codes of the events that count as produced (all but negated ones).
std::vector<EventCodes> ProducedCodes(const std::vector<Event>& events);

struct Tally {
  int records = 0;            // records scored
  int expected = 0;           // expected events
  int found = 0;              // expected events produced exactly
  int produced = 0;           // events produced on scored records
  int silent = 0;             // records expecting no event or a discard
  int silent_honoured = 0;    // of those, records where nothing was produced
  int unscored = 0;           // declined or unchecked records expecting nothing
  int unscored_produced = 0;  // events produced on them
  void Add(const Tally& other);
  double Recall() const { return expected ? double(found) / expected : 0; }
  double Precision() const { return produced ? double(found) / produced : 0; }
};

// The tally of one coded record (REQUIRES: not an option record).
Tally ScoreRecord(const ValidationRecord& record, const std::vector<EventCodes>& produced);

struct SuiteScores {
  Tally total;
  std::map<std::string, Tally> categories;
  int options = 0;  // option records, not coded
};

// Codes each record but option records with `code` and scores it. With
// `errors`, appends every coded record: its text, expected and produced
// events, marked found ('=') or not ('-' missed, '+' not expected).
using CodeRecord = std::function<std::vector<Event>(const ValidationRecord& record)>;
SuiteScores ScoreSuite(const ValidationSuite& suite, const CodeRecord& code,
                       std::string* errors = nullptr);

}  // namespace storyline::events
