#include "html/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "core/data_files.h"
#include "core/tsv.h"
#include "html/candidates.h"
#include "html/meta_text.h"
#include "html/metadata_words.h"

namespace storyline::html {
namespace {

constexpr size_t kMaxTextDates = 64;     // dates of the page text looked at for a stamp word
constexpr size_t kAfterHeadline = 1500;  // text after the headline searched for a date
constexpr size_t kBeforeHeadline = 300;  // and before it
constexpr int kTimeOfDayLetters = 3;     // "Uhr", "am", "pm"; more is words

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` digits at `at`; advances it.
bool ReadDigits(std::string_view text, size_t& at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!IsDigit(text[at + i])) return false;
    value = value * 10 + (text[at + i] - '0');
  }
  at += count;
  return true;
}

// 1 or 2 digits.
bool ReadShort(std::string_view text, size_t& at, int& value) {
  if (at < text.size() && IsDigit(text[at]) && at + 1 < text.size() && IsDigit(text[at + 1]))
    return ReadDigits(text, at, 2, value);
  return ReadDigits(text, at, 1, value);
}

std::array<std::string_view, 4> Views(const std::array<re2::StringPiece, 4>& pieces) {
  std::array<std::string_view, 4> views;
  for (size_t i = 0; i < pieces.size(); ++i)
    views[i] = std::string_view(pieces[i].data(), pieces[i].size());
  return views;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int days = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  return day <= days;
}

std::string FormatDate(int year, int month, int day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// "2021-09-28", "2021/09/28", "20210928", with an optional time
// "T10:53[:00[.000]][Z|+02:00|+0200]". nullopt when `text` does not start so.
std::optional<std::string> ParseIsoLike(std::string_view text) {
  size_t at = 0;
  int year = 0, month = 0, day = 0;
  if (!ReadDigits(text, at, 4, year)) return std::nullopt;
  if (at < text.size() && (text[at] == '-' || text[at] == '/' || text[at] == '.')) {
    const char separator = text[at++];
    if (!ReadShort(text, at, month)) return std::nullopt;
    if (at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    if (!ReadShort(text, at, day)) return std::nullopt;
  } else {
    if (!ReadDigits(text, at, 2, month) || !ReadDigits(text, at, 2, day)) return std::nullopt;
  }
  if (at < text.size() && IsDigit(text[at])) return std::nullopt;
  if (!IsValidDate(year, month, day)) return std::nullopt;
  std::string date = FormatDate(year, month, day);
  // Time of day.
  if (at + 5 < text.size() + 0 && (text[at] == 'T' || text[at] == ' ')) {
    size_t t = at + 1;
    int hour = 0, minute = 0, second = 0;
    if (!ReadDigits(text, t, 2, hour) || t >= text.size() || text[t] != ':' ||
        !ReadDigits(text, ++t, 2, minute))
      return date;
    if (t < text.size() && text[t] == ':' && !ReadDigits(text, ++t, 2, second)) return date;
    if (hour > 23 || minute > 59 || second > 60) return date;
    if (t < text.size() && text[t] == '.') {
      ++t;
      while (t < text.size() && IsDigit(text[t])) ++t;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour, minute, second);
    date += buffer;
    while (t < text.size() && text[t] == ' ') ++t;
    if (t < text.size() && text[t] == 'Z') {
      date += "+00:00";
    } else if (t < text.size() && (text[t] == '+' || text[t] == '-')) {
      const char sign = text[t++];
      int zone_hour = 0, zone_minute = 0;
      if (ReadDigits(text, t, 2, zone_hour)) {
        if (t < text.size() && text[t] == ':') ++t;
        if (!ReadDigits(text, t, 2, zone_minute)) zone_minute = 0;
        if (zone_hour <= 14 && zone_minute <= 59) {
          std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, zone_hour, zone_minute);
          date += buffer;
        }
      }
    }
  }
  return date;
}

int YearOf(std::string_view date) { return std::atoi(std::string(date.substr(0, 4)).c_str()); }

std::optional<int> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Days since 1970-01-01 of an ISO date's first 10 characters.
std::optional<long> DayNumber(std::string_view date) {
  if (date.size() < 10) return std::nullopt;
  std::optional<int> y = ParseNumber(date.substr(0, 4)), m = ParseNumber(date.substr(5, 2)),
                     d = ParseNumber(date.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  long year = *y - (*m <= 2 ? 1 : 0);
  const long era = year / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (*m + (*m > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// ---------------------------------------------------------------------------
// DateWords.

struct DateWords::Patterns {
  std::unordered_map<std::string, int> months;
  std::unordered_map<std::string, int> stamps;
  std::unique_ptr<RE2>
      day_month_year;  // "3. März 2020", "3rd of March, 2020", "3 de marzo de 2020"
  std::unique_ptr<RE2> month_day_year;  // "March 3, 2020"
  std::unique_ptr<RE2> dotted;          // "03.03.2020"
  std::unique_ptr<RE2> short_year;      // "03.03.20", in date elements only
  std::unique_ptr<RE2> slashed;         // "03/03/2020"
  std::unique_ptr<RE2> iso;             // "2020-03-03", "2020/03/03"
};

namespace {

// A month or stamp name as listed: lower case, without dots ("MÄRZ" and
// "Mär." are "märz" and "mär").
std::string MonthKey(std::string_view text) {
  std::string key = Lower(text);
  key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
  return key;
}

// `pattern` with each `\s` matching any Unicode space too: pages set dates
// with thin and narrow no-break spaces ("4.&thinsp;2.&thinsp;2022"), and
// RE2's `\s` is ASCII only.
std::string AnySpace(std::string_view pattern) {
  std::string out;
  for (size_t at = 0; at < pattern.size(); ++at) {
    if (pattern.compare(at, 2, R"(\s)") == 0) {
      out += R"([\s\p{Zs}])";
      ++at;
    } else {
      out += pattern[at];
    }
  }
  return out;
}

}  // namespace

Result<DateWords> DateWords::Parse(std::string_view file_name, std::string_view contents) {
  auto patterns = std::make_unique<Patterns>();
  for (const TsvRow& row : SplitTsv(contents)) {
    auto error = [&](std::string_view message) {
      return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(row.line) +
                                     ": " + std::string(message));
    };
    if (row.fields.size() != 3) return error("expected KIND<TAB>NAME<TAB>VALUE");
    const std::string_view kind = row.fields[0];
    if (kind != "month" && kind != "stamp") return error("kind must be \"month\" or \"stamp\"");
    std::string_view name = row.fields[1];
    if (name.empty() || name.size() > 31 || Contains(name, ".") || Contains(name, " "))
      return error("name must be one word without dots, at most 31 bytes");
    if (MonthKey(name) != name) return error("name must be lower case");
    if (kind == "stamp") {
      if (row.fields[2] != "-") return error("a stamp's value must be \"-\"");
      if (!patterns->stamps.emplace(std::string(name), 0).second)
        return error("stamp listed twice: " + std::string(name));
      continue;
    }
    std::optional<int> value = ParseNumber(row.fields[2]);
    if (!value || *value < 1 || *value > 12) return error("month number must be 1-12");
    if (!patterns->months.emplace(std::string(name), *value).second)
      return error("month name listed twice: " + std::string(name));
  }
  if (patterns->months.empty()) {
    return Status::InvalidArgument(std::string(file_name) + ": no month names");
  }
  // Longest names first, so "march" is tried before "mar".
  std::vector<std::string> names;
  for (const auto& [name, number] : patterns->months) names.push_back(RE2::QuoteMeta(name));
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alternation;
  for (const std::string& name : names) {
    if (!alternation.empty()) alternation += '|';
    alternation += name;
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  const std::string before = R"((?:^|[^\pL\pN]))";
  const std::string after_number = R"((?:$|[^\pN]))";
  patterns->day_month_year = std::make_unique<RE2>(
      AnySpace(before + R"((\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:of\s+|de\s+)?()" + alternation +
               R"()\.?,?\s*(?:de\s+)?(\d{4}))" + after_number),
      options);
  patterns->month_day_year = std::make_unique<RE2>(
      AnySpace(before + "(" + alternation + R"()\.?\s*(\d{1,2})(?:st|nd|rd|th)?\.?,?\s*(\d{4}))" +
               after_number),
      options);
  patterns->dotted = std::make_unique<RE2>(
      AnySpace(R"((?:^|[^\pN.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}))" + after_number), options);
  patterns->short_year =
      std::make_unique<RE2>(R"((?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:$|[^\d.]))", options);
  patterns->slashed =
      std::make_unique<RE2>(R"((?:^|[^\pN/])(\d{1,2})/(\d{1,2})/(\d{4}))" + after_number, options);
  patterns->iso = std::make_unique<RE2>(
      R"((?:^|[^\pN])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))" + after_number, options);
  for (const RE2* re :
       {patterns->day_month_year.get(), patterns->month_day_year.get(), patterns->dotted.get(),
        patterns->short_year.get(), patterns->slashed.get(), patterns->iso.get()}) {
    if (!re->ok()) return Status::InvalidArgument(std::string(file_name) + ": " + re->error());
  }
  return DateWords(std::move(patterns));
}

const DateWords& DateWords::Default() {
  static const DateWords* words = [] {
    Result<std::string> contents = DataFiles().Read("html/months.tsv");
    Result<DateWords> parsed = contents.ok() ? DateWords::Parse("html/months.tsv", *contents)
                                             : DateWords::Parse("html/months.tsv", "");
    if (!parsed.ok()) {
      parsed = DateWords::Parse("builtin", "month\tjanuary\t1\n");
    }
    return new DateWords(std::move(*parsed));
  }();
  return *words;
}

namespace {

enum class DateOrder { kDmy, kMdy, kYmd };

struct DatePattern {
  const RE2* re;
  DateOrder order;
  bool month_name;
};

}  // namespace

// The first valid date that `pattern` finds in `text` at or after `from`.
std::optional<DateWords::Found> DateWords::NextDate(const void* pattern_pointer,
                                                    std::string_view text, size_t from,
                                                    bool slash_month_first) const {
  const DatePattern& pattern = *static_cast<const DatePattern*>(pattern_pointer);
  while (from < text.size()) {
    std::array<re2::StringPiece, 4> pieces;
    if (!pattern.re->Match(text, from, text.size(), RE2::UNANCHORED, pieces.data(), 4)) break;
    const auto groups = Views(pieces);
    const size_t offset = static_cast<size_t>(groups[1].data() - text.data());
    from = static_cast<size_t>(groups[0].data() - text.data()) + 1;
    int year = 0, month = 0, day = 0;
    auto number = [](std::string_view digits) { return ParseNumber(digits).value_or(0); };
    if (pattern.order == DateOrder::kYmd) {
      year = number(groups[1]);
      month = number(groups[2]);
      day = number(groups[3]);
    } else if (pattern.month_name) {
      std::string_view name = pattern.order == DateOrder::kDmy ? groups[2] : groups[1];
      auto found = patterns_->months.find(MonthKey(name));
      if (found == patterns_->months.end()) continue;
      month = found->second;
      day = number(pattern.order == DateOrder::kDmy ? groups[1] : groups[2]);
      year = number(groups[3]);
    } else {
      int first = number(groups[1]), second = number(groups[2]);
      year = number(groups[3]);
      // "/" is month first (US) unless the caller says otherwise or the
      // first number cannot be a month.
      if (pattern.order == DateOrder::kMdy && slash_month_first && first <= 12) {
        month = first;
        day = second;
      } else {
        day = first;
        month = second;
      }
    }
    if (!IsValidDate(year, month, day)) continue;
    const size_t end = static_cast<size_t>(groups[3].data() + groups[3].size() - text.data());
    return Found{FormatDate(year, month, day), offset, end};
  }
  return std::nullopt;
}

std::vector<DateWords::Found> DateWords::FindDates(std::string_view text, size_t limit,
                                                   bool slash_month_first) const {
  const std::array<DatePattern, 5> patterns = {
      {{patterns_->day_month_year.get(), DateOrder::kDmy, true},
       {patterns_->month_day_year.get(), DateOrder::kMdy, true},
       {patterns_->dotted.get(), DateOrder::kDmy, false},
       {patterns_->slashed.get(), DateOrder::kMdy, false},
       {patterns_->iso.get(), DateOrder::kYmd, false}}};
  // Each pattern keeps its next match, so the text is scanned about once
  // per pattern however many dates it holds.
  std::array<std::optional<Found>, patterns.size()> next;
  for (size_t i = 0; i < patterns.size(); ++i) {
    next[i] = NextDate(&patterns[i], text, 0, slash_month_first);
  }
  std::vector<Found> dates;
  while (dates.size() < limit) {
    std::optional<size_t> first;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (next[i] && (!first || next[i]->offset < next[*first]->offset)) first = i;
    }
    if (!first) break;
    dates.push_back(*next[*first]);
    const size_t after = dates.back().offset + 1;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (next[i] && next[i]->offset < after) {
        next[i] = NextDate(&patterns[i], text, after, slash_month_first);
      }
    }
  }
  return dates;
}

std::optional<DateWords::Found> DateWords::FindDate(std::string_view text,
                                                    bool slash_month_first) const {
  std::vector<Found> dates = FindDates(text, 1, slash_month_first);
  if (dates.empty()) return std::nullopt;
  return dates.front();
}

bool DateWords::IsStamp(std::string_view word) const {
  return patterns_->stamps.count(MonthKey(word)) > 0;
}

std::optional<std::string> DateWords::StampBefore(std::string_view text, size_t offset) const {
  constexpr size_t kWindow = 40;
  size_t start = offset > kWindow ? offset - kWindow : 0;
  while (start > 0 && start < offset && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  std::string_view window = text.substr(start, offset - start);
  size_t at = 0;
  while (at < window.size()) {
    auto is_letter = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    if (!is_letter(window[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < window.size() && is_letter(window[end])) ++end;
    std::string_view word = window.substr(at, end - at);
    if (patterns_->stamps.count(MonthKey(word))) return std::string(word);
    at = end;
  }
  return std::nullopt;
}

DateWords::DateWords(std::unique_ptr<const Patterns> patterns) : patterns_(std::move(patterns)) {}
DateWords::DateWords(DateWords&&) noexcept = default;
DateWords& DateWords::operator=(DateWords&&) noexcept = default;
DateWords::~DateWords() = default;

std::optional<DateWords::Found> DateWords::FindShortYearDate(std::string_view text) const {
  constexpr int kFirstCentury = 95;  // "95" to "99" are 1995-1999, the rest 20XX
  std::array<re2::StringPiece, 4> pieces;
  if (!patterns_->short_year->Match(text, 0, text.size(), RE2::UNANCHORED, pieces.data(), 4))
    return std::nullopt;
  const auto groups = Views(pieces);
  const int day = ParseNumber(groups[1]).value_or(0), month = ParseNumber(groups[2]).value_or(0);
  const int short_year = ParseNumber(groups[3]).value_or(0);
  const int year = short_year + (short_year >= kFirstCentury ? 1900 : 2000);
  if (!IsValidDate(year, month, day)) return std::nullopt;
  const size_t offset = static_cast<size_t>(groups[1].data() - text.data());
  const size_t end = static_cast<size_t>(groups[3].data() + groups[3].size() - text.data());
  return DateWords::Found{FormatDate(year, month, day), offset, end};
}

// ---------------------------------------------------------------------------
// Dates in the URL and in the page's text.

namespace {

// Day, month, year or month, day, year, whichever is a date; nullopt when
// neither is, or both are and differ ("/03-04-2020/" says no more).
std::optional<std::string> YearLastDate(const std::array<int, 3>& numbers) {
  const auto [first, second, year] = numbers;
  const bool day_first = IsValidDate(year, second, first);
  const bool month_first = IsValidDate(year, first, second);
  if (day_first && month_first && first != second) return std::nullopt;
  if (day_first) return FormatDate(year, second, first);
  if (month_first) return FormatDate(year, first, second);
  return std::nullopt;
}

// A time of day, punctuation and white space only: what may come between a
// date line and the headline under it ("12.12.2022 12:22", "4. Mai 2021,
// 15:29 Uhr").
bool IsOnlyTimeOfDay(std::string_view text) {
  int letters = 0;  // a character outside ASCII counts as one, by its lead byte
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0)
      ++letters;
  }
  return letters <= kTimeOfDayLetters;
}

// The last acceptable date of the text shortly before the headline when
// nothing but a time of day separates them: a date line over the headline.
std::optional<DateWords::Found> DateRightAbove(std::string_view text, size_t headline_at,
                                               const Collector& collector) {
  const size_t start = headline_at > kBeforeHeadline ? headline_at - kBeforeHeadline : 0;
  std::vector<DateWords::Found> dates =
      collector.FindDates(text.substr(start, headline_at - start), kMaxTextDates);
  if (dates.empty()) return std::nullopt;
  DateWords::Found last = dates.back();
  const std::string_view between = text.substr(start + last.end, headline_at - start - last.end);
  if (!IsOnlyTimeOfDay(between) || !collector.Acceptable(last.date)) return std::nullopt;
  last.offset += start;
  last.end += start;
  return last;
}

}  // namespace

std::vector<UrlDate> DatesInUrl(std::string_view url) {
  static const RE2 kSlashed(R"([/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$))");
  static const RE2 kCompact(R"([/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$))");
  // "/29-10-2021", "_22.04.2020_", "-01-23-2020/": year last.
  static const RE2 kYearLast(R"([/_-](\d{1,2})[._-](\d{1,2})[._-]((?:19|20)\d{2})(?:[/_.-]|$))");
  std::vector<UrlDate> dates;
  for (const RE2* re : {&kSlashed, &kCompact, &kYearLast}) {
    std::array<re2::StringPiece, 4> pieces;
    if (!re->Match(url, 0, url.size(), RE2::UNANCHORED, pieces.data(), 4)) continue;
    const auto groups = Views(pieces);
    std::array<int, 3> numbers;
    for (size_t i = 0; i < numbers.size(); ++i) numbers[i] = ParseNumber(groups[i + 1]).value_or(0);
    std::optional<std::string> date = re == &kYearLast ? YearLastDate(numbers) : std::nullopt;
    if (re != &kYearLast && IsValidDate(numbers[0], numbers[1], numbers[2]))
      date = FormatDate(numbers[0], numbers[1], numbers[2]);
    if (date) dates.push_back({*date, std::string(groups[0])});
  }
  return dates;
}

std::optional<ScriptDate> FindScriptDate(std::string_view script, const MetadataWords& words) {
  constexpr int kMaxDatedKeys = 64;
  static const RE2 kDatedKey(
      R"re(\\?"(\w{1,40})\\?"\s*:\s*\\?"((?:19|20)\d{2}-\d{2}-\d{2}[^"\\]{0,30}))re");
  re2::StringPiece input(script.data(), script.size());
  re2::StringPiece key, value;
  std::optional<ScriptDate> best;
  for (int i = 0; i < kMaxDatedKeys && RE2::FindAndConsume(&input, kDatedKey, &key, &value); ++i) {
    const std::string_view key_view(key.data(), key.size());
    const std::optional<size_t> trust = words.ScriptDateKeyTrust(Lower(key_view));
    if (!trust || (best && *trust >= best->trust)) continue;
    std::optional<std::string> date = ParseIsoLike(std::string_view(value.data(), value.size()));
    if (!date) continue;
    best = ScriptDate{*date, std::string(key_view), *trust};
    if (best->trust == 0) break;
  }
  return best;
}

void AddTextDates(std::string_view text, const std::vector<TextRange>& modified_text,
                  std::optional<size_t> headline_at, Collector& collector) {
  const DateWords& words = collector.words();
  const MetadataWords& page_words = collector.page_words();
  auto is_modified = [&](size_t offset) {
    return page_words.UpdatedBefore(text, offset) ||
           std::any_of(modified_text.begin(), modified_text.end(), [&](const TextRange& range) {
             return offset >= range.begin && offset < range.end;
           });
  };
  // The page's clock ("Aktuelle Zeit: ...") and the day a member joined are
  // no dates of the page.
  auto is_page_date = [&](const DateWords::Found& found, size_t offset) {
    return collector.Acceptable(found.date) && !page_words.OtherDateBefore(text, offset);
  };
  const std::vector<DateWords::Found> dates = collector.FindDates(text, kMaxTextDates);
  // The last resort: the first date in the text.
  for (const DateWords::Found& found : dates) {
    if (!is_page_date(found, found.offset)) continue;
    collector.Add(is_modified(found.offset) ? "modified" : "published", found.date, "byline",
                  "first date in the text", rank::kFirstTextDate);
    break;
  }
  // The first date a stamp word introduces, of each kind ("Letzte Änderung:
  // 31.10.2023, erschienen am 01.11.2023" gives both).
  bool stamped_published = false, stamped_modified = false;
  for (const DateWords::Found& found : dates) {
    if (stamped_published && stamped_modified) break;
    std::optional<std::string> stamp = words.StampBefore(text, found.offset);
    if (!stamp || !is_page_date(found, found.offset)) continue;
    const bool modified = is_modified(found.offset);
    bool& stamped = modified ? stamped_modified : stamped_published;
    if (stamped) continue;
    stamped = true;
    collector.Add(modified ? "modified" : "published", found.date, "byline",
                  "text \"" + *stamp + "\"", rank::kStampedDate);
  }
  if (!headline_at || *headline_at > text.size()) return;
  if (std::optional<DateWords::Found> above = DateRightAbove(text, *headline_at, collector)) {
    collector.Add(is_modified(above->offset) ? "modified" : "published", above->date, "byline",
                  "text right above the headline", rank::kAboveHeadline);
    return;
  }
  std::string_view after = text.substr(*headline_at, kAfterHeadline);
  std::optional<DateWords::Found> found = collector.FindDate(after);
  std::string evidence = "text after the headline";
  size_t at = *headline_at + (found ? found->offset : 0);
  if (!found) {
    const size_t start = *headline_at > kBeforeHeadline ? *headline_at - kBeforeHeadline : 0;
    std::string_view before = text.substr(start, *headline_at - start);
    found = collector.FindDate(before);
    evidence = "text before the headline";
    at = start + (found ? found->offset : 0);
  }
  if (found && is_page_date(*found, at)) {
    const bool modified = is_modified(at);
    collector.Add(
        modified ? "modified" : "published", found->date, "byline", evidence,
        evidence == "text after the headline" ? rank::kNearHeadline : rank::kBeforeHeadline);
  }
}

}  // namespace storyline::html
