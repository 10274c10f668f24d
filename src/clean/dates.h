// dates.h: calendar dates as scraped news pages write them. Internal to the
// clean module; other modules use clean/clean.h.
//
// Three readers, from strict to loose:
//   ParseIsoDate      "2021-09-28" or "2021-09-28T10:53:00Z" (container metadata)
//   ParseDateline     a line that is only a date: "Tuesday 28 September 2021 - 10:53",
//                     "Sept. 28, 2021", "2021-09-28", "Published: March 3, 2025 4:15 pm"
//   ParseLeadingDate  a date opening a body line: "LONDON, Sept. 28, 2021 (Agency) -"
// Month, weekday and other names come from a DateLexicon (data/lexicon/en/dates.tsv,
// format in docs/formats/lexicon.md). Written dates are day-month-year or
// month-day-year with the month as a word, or year-month-day with digits;
// all-digit day/month orders ("09/10/2021") are ambiguous and not read.
// Impossible dates (31 February) are not dates. All functions are pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::clean {

// Years outside this range are more likely counts or codes than dates.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;

struct CivilDate {
  int year = 0;
  int month = 0;            // 1..12
  int day = 0;              // 1..31
  std::string Iso() const;  // "YYYY-MM-DD"
  bool operator==(const CivilDate&) const = default;
};

// True for a day of the Gregorian calendar with kMinYear <= year <= kMaxYear.
bool IsValidDate(int year, int month, int day);

// The kinds of words the date lexicon knows. Values are documented in
// docs/formats/lexicon.md.
enum class LexiconKind {
  kMonth,     // value 1..12
  kWeekday,   // value 1..7, Monday = 1 (ISO 8601)
  kMeridiem,  // value 0 (am) or 12 (pm): hours to add
  kZone,      // value: offset from UTC in minutes
  kStamp,     // value "-": a word that introduces a date ("published", "updated")
};

// Names of months, weekdays and the small words around dates. Immutable once
// parsed; lookups are thread-safe and do not allocate.
class DateLexicon {
 public:
  // Parses the lexicon TSV. InvalidArgument "file:line: message" on a bad row.
  static Result<DateLexicon> Parse(std::string_view file_name, std::string_view contents);

  // The value of `word` as `kind`, ignoring ASCII case and dots, so "Sept."
  // finds "sept". nullopt when the lexicon does not list it.
  std::optional<int> Find(LexiconKind kind, std::string_view word) const;

  // Every kind `word` has, found with one lookup.
  struct Senses {
    unsigned kinds = 0;  // bit (1 << kind) set for each kind the word has
    int values[5] = {};  // indexed by LexiconKind
    bool Has(LexiconKind kind) const { return kinds & (1u << static_cast<int>(kind)); }
  };
  Senses Lookup(std::string_view word) const;

 private:
  struct Entry {
    std::string name;  // lower case, no dots
    LexiconKind kind;
    int value;
  };
  std::vector<Entry> entries_;  // sorted by name, then kind
};

// "YYYY-MM-DD" optionally followed by "T" or a space and a time. nullopt when
// the text does not start so or the date is impossible.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// The date of a line made only of one date plus weekday, time, time zone,
// stamp words and separators. nullopt for anything else, including lines with
// other words or numbers ("Updated 2 hours ago", "held a meeting on 27 ...").
std::optional<CivilDate> ParseDateline(std::string_view line, const DateLexicon& lexicon);

struct LeadingDate {
  CivilDate date;
  std::string_view phrase;  // the date as written, a view into the line
};

// A date near the start of a line, after at most a place name, and followed
// by a bracket, a dash or a colon: "LONDON, Sept. 28, 2021 (Agency) - ...".
// A date inside a sentence ("On Sept. 28, 2021 the council ...") is not one.
std::optional<LeadingDate> ParseLeadingDate(std::string_view line, const DateLexicon& lexicon);

}  // namespace storyline::clean
