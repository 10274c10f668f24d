// dates.h (internal): dates of the metadata reader (metadata.h): the
// calendar checks and ISO forms every source uses, dates written out in text
// (DateWords, from data/html/months.tsv), full dates in a page's URL, and
// the dates of the page's text around its headline.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::html {

class Collector;
class MetadataWords;

// Month names (data/html/months.tsv), compiled into the patterns that find
// written-out dates.
class DateWords {
 public:
  // InvalidArgument "file:line: message" on a bad row or a name listed twice.
  static Result<DateWords> Parse(std::string_view file_name, std::string_view contents);
  // The embedded data/html/months.tsv, loaded once.
  static const DateWords& Default();

  // The first date written out in `text` as "YYYY-MM-DD", with the byte
  // offset where it starts; nullopt when there is none.
  struct Found {
    std::string date;
    size_t offset = 0;
    size_t end = 0;  // where the date's text ends
  };
  // "3/4/2020" is read as March 4 when `slash_month_first`, else as 3 April
  // (also when the first number is above 12).
  std::optional<Found> FindDate(std::string_view text, bool slash_month_first = true) const;
  // The first `limit` dates written out in `text`, in text order. Linear in
  // the text (each pattern scans it about once).
  std::vector<Found> FindDates(std::string_view text, size_t limit,
                               bool slash_month_first = true) const;
  // The first day-first dotted date with a two-digit year in `text`
  // ("23.09.22", read as 2022-09-23; 95-99 as 1995-1999): the short form a
  // date element may show. Not for running text, where "1.2.3" is no date.
  std::optional<Found> FindShortYearDate(std::string_view text) const;

  // A stamp word ("published", "veröffentlicht", "stand") in the 40 bytes
  // of `text` before `offset`, as written; nullopt when there is none.
  bool IsStamp(std::string_view word) const;
  std::optional<std::string> StampBefore(std::string_view text, size_t offset) const;

  DateWords(DateWords&&) noexcept;
  DateWords& operator=(DateWords&&) noexcept;
  ~DateWords();

 private:
  struct Patterns;
  explicit DateWords(std::unique_ptr<const Patterns> patterns);
  std::optional<Found> NextDate(const void* pattern, std::string_view text, size_t from,
                                bool slash_month_first) const;
  std::unique_ptr<const Patterns> patterns_;
};

// Whether year-month-day is a day of the Gregorian calendar.
bool IsValidDate(int year, int month, int day);
// "YYYY-MM-DD".
std::string FormatDate(int year, int month, int day);
// "2021-09-28", "2021/09/28", "20210928", with an optional time
// "T10:53[:00[.000]][Z|+02:00|+0200]", as "YYYY-MM-DD[THH:MM:SS[±HH:MM]]";
// nullopt when `text` does not start so or the date is impossible.
std::optional<std::string> ParseIsoLike(std::string_view text);
// 1 to 4 ASCII digits; nullopt otherwise.
std::optional<int> ParseNumber(std::string_view text);
// The year of an ISO date.
int YearOf(std::string_view date);
// Days since 1970-01-01 of an ISO date's first 10 characters.
std::optional<long> DayNumber(std::string_view date);

// Full dates in a URL (/2021/09/28/, /2021-09-28/, /20210928/, and year
// last /28-09-2021/ when only one of day-first and month-first is a date; a
// year and month alone give nothing), at most one per pattern, in the order
// the patterns are tried; `text` is what matched.
struct UrlDate {
  std::string date;
  std::string text;
};
std::vector<UrlDate> DatesInUrl(std::string_view url);

// The first publication date that JSON data in a script gives under a key
// holding a script_date_key word, of the most trusted (earliest) row's
// keys ("publishedAt": "2019-03-02T06:22:28" before "createdAt", also when
// escaped in a string); `key` as written. At most 64 dated keys are looked
// at.
struct ScriptDate {
  std::string date;
  std::string key;
  size_t trust = 0;  // the key's script_date_key row (lower is more trusted)
};
std::optional<ScriptDate> FindScriptDate(std::string_view script, const MetadataWords& words);

// A range of a page's text: [begin, end) in bytes.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

// Adds the dates written in the page's text (`text`, collapsed): the first
// date of all, the first one a stamp word introduces of each kind
// ("Veröffentlicht am 16.08.2019"), and the date line right over the
// headline (which starts at `headline_at`; only a time of day between them),
// or else the first date after the headline, or else shortly before it.
// "Updated" words before a date make it modified, and so does starting in
// one of `modified_text`, the text of an element marked as a modified date.
void AddTextDates(std::string_view text, const std::vector<TextRange>& modified_text,
                  std::optional<size_t> headline_at, Collector& collector);

}  // namespace storyline::html
