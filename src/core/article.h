// article.h: the typed records that flow between pipeline stages.
//
//   ingest  -> RawDocument (one per input record) or Rejection
//   clean   -> Article with text, title, published, language, removed lines
//   segment -> Article::sentences filled in
//   timex   -> Article::timexes
//   entities, actors, quotes -> Article::entities, Article::quotes
//   events  -> Article::events
//
// Offsets are byte offsets into Article::text, the clean UTF-8 text, as
// half-open ranges [begin, end). Later stages add their facts with the same
// convention, so every fact can be highlighted in its sentence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// A half-open byte range [begin, end) into an article's clean text.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  // True when the two share at least one byte.
  bool Overlaps(ByteSpan other) const { return begin < other.end && other.begin < end; }
  bool operator==(const ByteSpan&) const = default;
};

// A problem with one input record that did not stop it from being ingested,
// e.g. {"invalid_utf8", "3 invalid byte sequences replaced with U+FFFD"}.
// Codes are stable snake_case identifiers; messages are for people.
struct Warning {
  std::string code;
  std::string message;
  bool operator==(const Warning&) const = default;
};

// An input that could not become an article, with the reason people read.
struct Rejection {
  std::string origin;  // path as given, or path:LINE for a JSONL record
  std::string reason;
};

// How a publication date was obtained. Values are written to the database
// and to JSON by name: never rename them.
// kCapture: the day a crawler fetched the page (WARC-Date), a fallback that
// bounds the publication from above, never presented as found.
enum class DateHow { kExplicit, kMetadata, kInferred, kUnknown, kCapture };
std::string_view DateHowName(DateHow how);  // "explicit", "metadata", ...

struct PublishedDate {
  std::optional<std::string> value;  // ISO 8601 "YYYY-MM-DD", nullopt when unknown
  DateHow how = DateHow::kUnknown;
  std::vector<std::string> evidence;  // the phrases the value was read from
};

// One input record as read from disk: decoded, valid UTF-8, not yet cleaned.
struct RawDocument {
  std::string id;      // stable: derived from origin and content (see MakeArticleId)
  std::string origin;  // path as given, or path:LINE for a JSONL record
  std::string format;  // "txt", "jsonl" or "html" (HTML files, JSONL "html", WARC responses)
  // The record's text, valid UTF-8, line ends normalised to '\n'; for "html"
  // the page's markup, converted to UTF-8 from its declared or detected charset.
  std::string text;
  // Metadata supplied by the container (JSONL fields); absent for plain text.
  std::optional<std::string> source_id;
  std::optional<std::string> url;
  std::optional<std::string> outlet;
  std::optional<std::string> title;
  std::optional<std::string> published;  // as given, e.g. "2021-09-28T10:53:00Z"
  // When a crawler fetched the page (WARC-Date, ISO 8601), for WARC records.
  std::optional<std::string> captured;
  std::vector<Warning> warnings;  // e.g. repaired UTF-8
};

// One metadata value read from a web page, and where it came from: `how` is
// the kind of source ("json-ld", "meta", "time", "url", "byline", "script",
// "title-tag", "heading", "html-lang", "link", "capture"), `evidence` the markup or text it
// was read from, e.g. `<meta property="article:published_time">`.
struct MetadataField {
  std::string field;  // "title", "published", "modified", "author", "site_name",
                      // "canonical_url", "language"
  std::string value;
  std::string how;
  std::string evidence;
  bool operator==(const MetadataField&) const = default;
};

// A line of the raw text that the cleaner removed, and why.
struct RemovedLine {
  uint32_t line = 0;   // 1-based line number in RawDocument::text
  std::string text;    // the line, trimmed
  std::string reason;  // a boilerplate reason code, e.g. "ad", "related", "dateline"
  // Where the line stood relative to the clean text: the byte offset in
  // Article::text of the first kept line after it (text.size() when none), so
  // the original order can be shown with removed lines marked in place.
  uint32_t offset = 0;
  bool operator==(const RemovedLine&) const = default;
};

// A time expression found in an article's clean text, normalised to a TimeML
// TIMEX3 value (see timex/timex.h and docs/formats/timex.md).
struct Timex {
  uint32_t sentence = 0;           // index into Article::sentences
  ByteSpan span;                   // bytes into Article::text
  std::string text;                // text[span]
  std::string type;                // "DATE", "TIME", "DURATION" or "SET"
  std::string value;               // e.g. "2021-09-27", "2021-W39", "P2D", "PAST_REF", "XXXX-07"
  std::optional<std::string> mod;  // TimeML mod: "START", "END", "MID", "APPROX", ...
  std::string anchor = "none";     // what the value was resolved against:
                                   // "publication", "previous" (an earlier date) or "none"
  bool operator==(const Timex&) const = default;
};

// An actor code in the CAMEO convention (see actors/actors.h): a country
// (ISO 3166 alpha-3: "CHN"), an international or non-state organisation
// ("IGOWSTNAT", "AFGINS"), either followed by role codes ("CHNGOV",
// "USAMIL", "AFGREB"), or a role alone when no country is known ("GOV").
struct ActorCode {
  std::string code;
  // How the code was found. Values are stored and written to JSON by name:
  // never rename them.
  //   "person"     a person in a dictionary, in a role dated to include the
  //                article's date ("Wang Yi" in 2021: CHNGOV)
  //   "dictionary" a name in an actor dictionary (countries, organisations,
  //                groups, or a user's TABARI/Phoenix file)
  //   "role"       a role noun with its country or organisation ("China's
  //                foreign minister": CHNGOV, "a Taliban spokesman")
  //   "demonym"    a country adjective before a noun ("Chinese officials")
  //   "capital"    a capital standing for its government ("Beijing said")
  std::string how;
  // The entry or phrase it came from, for people: "actors/people.tsv:212",
  // "Phoenix.agents.txt:40", or the text of the role phrase.
  std::string evidence;
  bool operator==(const ActorCode&) const = default;
};

// One mention of an entity: where its text stands and what kind of phrase it
// is. Kinds are stored and written by name: "name" ("Wang Yi", "Wang",
// "NATO"), "nominal" ("the minister", "China's foreign minister"),
// "pronoun" ("he", "she", "they").
struct EntityMention {
  uint32_t sentence = 0;  // index into Article::sentences
  ByteSpan span;          // bytes into Article::text
  std::string kind = "name";
  bool operator==(const EntityMention&) const = default;
};

// Something an article names: a person, organisation, place or other named
// thing (CoNLL-2003 types "PER", "ORG", "LOC", "MISC"), with every mention of
// it in the article (see entities/entities.h).
struct Entity {
  uint32_t id = 0;  // its index in Article::entities (by first mention)
  // The same across articles for the same entity: type, normalised name and,
  // when known, country, e.g. "PER:wang yi:CHN", "ORG:nato", "LOC:tianjin:CHN".
  std::string key;
  std::string name;                     // the fullest name the article uses: "Wang Yi"
  std::string type;                     // "PER", "ORG", "LOC" or "MISC"
  std::optional<std::string> role;      // "foreign minister", "spokesman"
  std::optional<std::string> country;   // ISO 3166 alpha-3 it belongs to: "CHN"
  std::optional<ActorCode> actor;       // its CAMEO actor code, when found
  std::vector<EntityMention> mentions;  // in text order; the first is a name
  bool operator==(const Entity&) const = default;
};

// Who said something: the phrase that names the speaker in the text (a name,
// a role, a pronoun), and the entity it was resolved to.
struct QuoteSpeaker {
  std::string text;  // text[span]: "Wang", "the spokesman", "he"
  ByteSpan span;
  std::optional<uint32_t> entity;   // Entity::id, when resolved
  std::optional<std::string> code;  // the entity's actor code, when it has one
  bool operator==(const QuoteSpeaker&) const = default;
};

// A statement an article attributes to someone (see quotes/quotes.h).
// Kinds are stored and written by name: "direct" (a whole sentence or more
// in quote marks), "partial" (quoted words inside a sentence of the
// reporter's), "indirect" (reported speech: "X said (that) ...",
// "according to X, ...").
struct Quote {
  uint32_t sentence = 0;  // the sentence where the quote starts
  ByteSpan span;          // the quoted content: inside the marks for direct and partial quotes
  std::string text;       // text[span]
  std::string kind;
  std::optional<ByteSpan> cue;  // the speech verb or phrase: "said", "according to"
  std::optional<QuoteSpeaker> speaker;
  bool operator==(const Quote&) const = default;
};

// One side of an event (see events/events.h): the words that name the actor
// in the sentence, its CAMEO actor code and, when the actor is one of the
// article's entities, that entity.
struct EventActor {
  std::string text;  // text[span]: "China's foreign minister", "he"
  std::string code;  // "CHNGOV", "IGOWSTNAT"
  ByteSpan span;
  std::optional<uint32_t> entity;  // Entity::id
  bool operator==(const EventActor&) const = default;
};

// When an event happened and how that was found. Values of `how` are stored
// and written by name: "timex" (a time expression of its sentence dates it),
// "publication" (the article's stated or metadata date), "inferred" (the
// publication date the timex stage inferred from the text) or "unknown"
// (value empty: nothing dates it, and no date is made up).
struct EventDate {
  std::optional<std::string> value;  // ISO 8601, as precise as known: "2021-09-27", "2021-09"
  std::string how = "unknown";
  std::optional<ByteSpan> span;  // the time expression, for "timex"
  bool operator==(const EventDate&) const = default;
};

// Where an event happened, when its sentence says so ("in Tianjin").
struct EventPlace {
  std::string text;
  ByteSpan span;
  std::optional<std::string> country;  // ISO 3166 alpha-3, when known
  bool operator==(const EventPlace&) const = default;
};

// A CAMEO event coded from one sentence (see events/events.h): who did what to
// whom, when and where, with the spans and the dictionary pattern it was
// read from.
struct Event {
  uint32_t id = 0;        // its index in Article::events
  uint32_t sentence = 0;  // index into Article::sentences
  std::string code;       // CAMEO event code: "036", "0311", "112"
  std::string root;       // its root category: "03"
  int quad_class = 0;     // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;   // Goldstein scale, -10 .. +10
  EventActor source;
  std::optional<EventActor> target;
  ByteSpan verb;  // the verb or event noun: "met", "talks"
  EventDate date;
  std::optional<EventPlace> place;
  std::string pattern;    // the pattern that fired: "events/verbs.en.txt:120"
  double confidence = 0;  // 0..1
  // True when the sentence says it did not happen ("did not meet"); the code
  // is then the act that did not happen, never counted as done.
  bool negated = false;
  // How the sentence presents the act. Values are stored and written by
  // name: "asserted", "future" ("will visit"), "possible" ("may impose"),
  // "conditional" ("if ... would"), "question". Future and possible acts
  // are coded as CAMEO codes intents and threats (036, 138), not as the act.
  std::string modality = "asserted";
  // The quote (Quote index in Article::quotes) the event is reported in,
  // when it stands inside reported speech: the speaker's claim, not the
  // reporter's.
  std::optional<uint32_t> quote;
  bool operator==(const Event&) const = default;
};

// A real-world event that one or more articles report (coref/coref.h): what
// later mentions are compared with, and how many mentions it has. Its
// mentions are the Events of the articles that report it.
struct ReportedEvent {
  // "e-" and the XXH3 (hex) of its first mention's article id, ':' and index.
  std::string id;
  // The most specific actor codes among its mentions; target empty when none.
  std::string source;
  std::string target;
  std::string code;  // the first mention's CAMEO code
  std::string root;  // its root
  // Its day ("YYYY-MM-DD") when a mention dates it to a day, else the most
  // precise date a mention gives ("YYYY-MM", "YYYY"); nullopt when none does.
  std::optional<std::string> date;
  // How `date` was found, as EventDate::how: a day from a time expression
  // is preferred to a publication day.
  std::string date_how = "unknown";
  // The place's country code when known, else its name lowercased; empty
  // when no mention names one.
  std::string place;
  // A bounded sample of its mentions' sentence words (XXH3 hashes, sorted):
  // what new mentions are compared with, so stored ones are never re-read.
  std::vector<uint64_t> words;
  uint32_t mentions = 0;
  bool operator==(const ReportedEvent&) const = default;
};

// A byte range of one article's clean text, named by the article's id.
struct ArticleSpan {
  std::string article;  // Article::id
  ByteSpan span;        // bytes into that article's Article::text
  bool operator==(const ArticleSpan&) const = default;
};

// A passage two articles share (see link/link.h): the aligned text in each,
// how alike the two sides are (1.0 when the normalised words are identical)
// and, when both publication dates are known and differ, which side came
// first: "a", "b" or "unknown".
struct Passage {
  ArticleSpan a;
  ArticleSpan b;
  double similarity = 0;
  std::string earlier = "unknown";
  bool operator==(const Passage&) const = default;
};

// Articles about one event (see link/link.h). The id is derived from the id
// of its first article, so it does not depend on which thread or run made it.
struct Story {
  std::string id;
  std::vector<std::string> articles;  // Article::id, in the order they joined
  std::string label;                  // headline of the most central article
  // Earliest and latest publication date of its articles, ISO 8601
  // "YYYY-MM-DD"; nullopt when none is known.
  std::optional<std::string> first_date;
  std::optional<std::string> last_date;
  // Filled in by the store (not by the clusterer): the reported events its
  // articles report (ReportedEvent::id), most mentioned first, and its main
  // actors, the codes those events' mentions name most, at most five.
  std::vector<std::string> events;
  std::vector<std::string> actors;
  // The earliest and latest day those events are dated to ("YYYY-MM-DD");
  // nullopt when none is dated to a day.
  std::optional<std::string> first_event_date;
  std::optional<std::string> last_event_date;
  bool operator==(const Story&) const = default;
};

// Articles that are near-duplicates of each other (see link/link.h): ids
// sorted, the smallest first (it labels the group), and the lowest estimated
// Jaccard similarity among the verified pairs that join them.
struct NearDuplicateGroup {
  std::vector<std::string> articles;
  double similarity = 0;
  bool operator==(const NearDuplicateGroup&) const = default;
};

struct Article {
  std::string id;
  std::string origin;
  std::string format;
  std::optional<std::string> source_id;
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> url;
  std::string language = "und";  // ISO 639-1 code, "und" when undetermined
  PublishedDate published;
  std::string text;  // clean text: kept lines, trimmed, joined by '\n'
  std::vector<ByteSpan> sentences;
  std::vector<Timex> timexes;    // time expressions in `text`, in order
  std::vector<Entity> entities;  // by first mention; Entity::id is the index
  std::vector<Quote> quotes;     // in text order
  std::vector<Event> events;     // by sentence, then verb position
  std::vector<RemovedLine> removed;
  std::vector<Warning> warnings;
  // For web pages: every metadata value found, with its source (authors in
  // page order); empty for text and JSONL records.
  std::vector<MetadataField> metadata;
  // What the link stage needs of the article (link::EncodeFeatures), filled
  // in by the pipeline's workers and stored with it; opaque bytes, empty when
  // not computed.
  std::string link_features;
};

}  // namespace storyline
