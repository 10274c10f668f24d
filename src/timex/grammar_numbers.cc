#include <cstdio>

#include "timex/grammar.h"

namespace storyline::timex::internal {

namespace {

// "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M: the half in the next smaller
// unit; units without an exact half (months, weeks) keep the whole count.
std::string DurationAndAHalf(std::string_view count, std::string_view unit) {
  const std::string whole = DurationValue(count, unit);
  if (unit == "Y") return whole + "6M";
  if (unit == "D") return whole + "T12H";
  if (unit == "H") return whole + "30M";
  if (unit == "MIN") return whole + "30S";
  return whole;
}

}  // namespace

std::optional<Match> SentenceTagger::Numeric(size_t i, bool the) const {
  const std::string_view digits = t_[i].low;
  const int value = Int(i);
  // 2021-09-27
  if (digits.size() == 4 && Is(i + 1, "-") && Adjacent(i + 1) && IsNumber(i + 2) &&
      Adjacent(i + 2) && t_[i + 2].low.size() == 2 && Is(i + 3, "-") && Adjacent(i + 3) &&
      IsNumber(i + 4) && Adjacent(i + 4) && t_[i + 4].low.size() == 2) {
    if (IsValidDay(value, Int(i + 2), Int(i + 4)))
      return DayMatch(i + 5, {value, Int(i + 2), Int(i + 4)}, "none");
  }
  // "the 20th century" is 19 (the years 1900-1999).
  if (digits.size() <= 2 && value >= 1 && Adjacent(i + 1) &&
      (Is(i + 1, "st") || Is(i + 1, "nd") || Is(i + 1, "rd") || Is(i + 1, "th")) &&
      Is(i + 2, "century")) {
    char century[16];
    std::snprintf(century, sizeof century, "%02d", value - 1);
    return Simple(i + 3, "DATE", century);
  }
  // 10:53, 4:15 pm
  if (digits.size() <= 2 && value <= 24 && Is(i + 1, ":") && Adjacent(i + 1) && IsNumber(i + 2) &&
      Adjacent(i + 2) && t_[i + 2].low.size() == 2 && Int(i + 2) < 60) {
    int hour = value;
    size_t end = i + 3;
    if (auto meridiem = Meridiem(end)) {
      hour = hour % 12 + meridiem->first;
      end = meridiem->second;
    }
    return ClockTime(end, hour, Int(i + 2));
  }
  // 10 a.m.
  if (digits.size() <= 2 && value >= 1 && value <= 12) {
    if (auto meridiem = Meridiem(i + 1)) {
      return ClockTime(meridiem->second, value % 12 + meridiem->first, 0);
    }
  }
  // 27 September [2021]
  if (digits.size() <= 2 && value >= 1 && value <= 31 && Has(i + 1, kMonth)) {
    const int month = std::stoi(Get(i + 1, kMonth));
    size_t end = SkipDot(i + 2);
    if (IsNumber(end) && t_[end].low.size() == 4 && IsValidDay(Int(end), month, value)) {
      return DayMatch(end + 1, {Int(end), month, value}, "none");
    }
    return MonthDayNoYear(end, month, value);
  }
  // "the 1988 second quarter"
  const bool year = digits.size() == 4 && value >= lex_.min_year && value <= lex_.max_year;
  if (year && Has(i + 1, kOrdinal) && Is(i + 2, "quarter")) {
    const int n = std::stoi(Get(i + 1, kOrdinal));
    if (n >= 1 && n <= 4) {
      Match m = *Simple(i + 3, "DATE", std::string(digits) + "-Q" + std::to_string(n));
      m.quarter = CivilDay{value, 3 * n - 2, 1};
      return m;
    }
  }
  // "the 1988 quarter", "the 1988 period": the quarter under discussion, in 1988.
  if (year && (Is(i + 1, "quarter") || Is(i + 1, "period")) && seen_.quarter) {
    const int q = (seen_.quarter->month - 1) / 3 + 1;
    Match m = *Simple(i + 2, "DATE", std::string(digits) + "-Q" + std::to_string(q));
    m.quarter = CivilDay{value, seen_.quarter->month, 1};
    return m;
  }
  // 1990s
  if (digits.size() == 4 && Is(i + 1, "s") && Adjacent(i + 1) && value % 10 == 0) {
    return Simple(i + 2, "DATE", std::string(digits.substr(0, 3)));
  }
  // 1998 alone, unless it is part of a name ("Orion 1980", "Expo 2000"): a
  // capitalised word inside the sentence with no time sense before it.
  const bool in_name = i > 1 && IsName(i - 1);
  if (year && !the && !in_name &&
      !(i > 0 && (t_[i - 1].low == "$" || (t_[i - 1].low == "," && !t_[i].space_before))) &&
      !(Is(i + 1, ",") && Adjacent(i + 1) && IsNumber(i + 2) && Adjacent(i + 2)) &&
      !(Is(i + 1, "%") || Is(i + 1, "percent")) && !Has(SkipHyphen(i + 1), kUnit) &&
      !(Is(i + 1, ".") && Adjacent(i + 1) && IsNumber(i + 2) && Adjacent(i + 2))) {
    return PeriodMatch(i + 1, {value, 1, 1}, Grain::kYear, "none");
  }
  if (value >= 0 && value < 1000 && !the &&
      !(i > 0 && (t_[i - 1].low == "." || t_[i - 1].low == ",") && !t_[i].space_before)) {
    return Counted(i + 1, std::to_string(value));
  }
  return std::nullopt;
}

std::optional<std::pair<int, size_t>> SentenceTagger::Meridiem(size_t i) const {
  if (Has(i, kMeridiem)) return std::make_pair(std::stoi(Get(i, kMeridiem)), SkipDot(i + 1));
  if ((Is(i, "a") || Is(i, "p")) && Is(i + 1, ".") && Adjacent(i + 1) && Is(i + 2, "m") &&
      Adjacent(i + 2)) {
    return std::make_pair(Is(i, "p") ? 12 : 0, SkipDot(i + 3));
  }
  return std::nullopt;
}

std::optional<Match> SentenceTagger::ClockTime(size_t end, int hour, int minute) const {
  if (hour > 24) return std::nullopt;
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d", hour, minute);
  // "4 a.m. EDT Thursday", "10 p.m. yesterday": the day named after the clock.
  size_t k = Has(end, kZone) && t_[end].capital ? end + 1 : end;
  if (Is(k, ",")) ++k;
  if (Has(k, kWeekday) || Has(k, kDeictic) || Has(k, kMonth)) {
    std::optional<Match> day = Has(k, kWeekday) ? WeekdayAt(k, 0, k + 1)
                               : Has(k, kMonth) ? MonthFirst(k)
                                                : DeicticDay(k);
    if (day && day->day) {
      day->value = day->day->Iso() + clock;
      day->type = "TIME";
      day->day.reset();
      return day;
    }
  }
  Match m;
  m.end = end;
  m.type = "TIME";
  const CivilDay* base = seen_.day ? &*seen_.day : (pub_ ? &*pub_ : nullptr);
  m.anchor = seen_.day ? "previous" : (pub_ ? "publication" : "none");
  m.value = (base ? base->Iso() : std::string("XXXX-XX-XX")) + clock;
  return m;
}

std::optional<std::pair<int, size_t>> SentenceTagger::NumberWords(size_t i) const {
  if (!Has(i, kNumber) || Get(i, kNumber) == "X" || Is(i, "a") || Is(i, "an")) {
    return std::nullopt;
  }
  const int first = *ParseInt(Get(i, kNumber));
  // "two thousand", "two thousand and one"
  if (first < 10 && Has(i + 1, kNumber) && Get(i + 1, kNumber) == "1000") {
    const size_t rest = Is(i + 2, "and") ? i + 3 : i + 2;
    std::optional<std::pair<int, size_t>> units = NumberWords(rest);
    if (units && units->first < 100)
      return std::make_pair(first * 1000 + units->first, units->second);
    return std::make_pair(first * 1000, i + 2);
  }
  const size_t k = SkipHyphen(i + 1);
  if (first >= 20 && first % 10 == 0 && first < 100 && Has(k, kNumber) && !Is(k, "a") &&
      !Is(k, "an") && Get(k, kNumber).size() == 1) {
    return std::make_pair(first + *ParseInt(Get(k, kNumber)), k + 1);
  }
  return std::make_pair(first, i + 1);
}

std::optional<std::pair<int, size_t>> SentenceTagger::SpokenYear(size_t i) const {
  std::optional<std::pair<int, size_t>> century = NumberWords(i);
  if (!century || century->first < 10 || century->first > 20) return std::nullopt;
  std::optional<std::pair<int, size_t>> rest = NumberWords(century->second);
  if (!rest || rest->first < 10 || rest->first > 99) return std::nullopt;
  return std::make_pair(century->first * 100 + rest->first, rest->second);
}

std::optional<Match> SentenceTagger::Counted(size_t i, const std::string& count) const {
  // "5 1/2 hours", "an hour and a half"
  bool half = Is(i, "1") && Is(i + 1, "/") && Adjacent(i + 1) && Is(i + 2, "2") && Adjacent(i + 2);
  if (half) i += 3;
  i = SkipFiller(SkipHyphen(i));
  if (!Has(i, kUnit) || IsTitleWord(i)) return std::nullopt;
  const std::string& unit = Get(i, kUnit);
  size_t end = i + 1;
  if (Is(end, "and") && (Is(end + 1, "a") || Is(end + 1, "one")) && Is(end + 2, "half")) {
    half = true;
    end += 3;
  }
  if (half && count != "X") return Simple(end, "DURATION", DurationAndAHalf(count, unit));
  // "a year-earlier loss": the article belongs to the noun, "year-earlier" is the date.
  if (Is(end, "-") && Adjacent(end) && Has(end + 1, kAgo) && Adjacent(end + 1)) {
    return std::nullopt;
  }
  // "a year ago", "two days earlier", "year-earlier" handled in Shifted.
  if (Is(end, "ago") && count == "X") return Simple(end + 1, "DATE", "PAST_REF");
  if (Has(end, kAgo) && count != "X") {
    const int n = std::stoi(count) * std::stoi(Get(end, kAgo));
    const bool anaphoric = !Is(end, "ago");
    if (unit == "Y") return YearBefore(end + 1, n, anaphoric);
    return Relative(end + 1, GrainOfUnit(unit), n, anaphoric, unit);
  }
  // "a quarter of the shares" is a fraction; "a second time" an ordinal.
  if (unit == "Q" && Is(end, "of") && count != "X") return std::nullopt;
  if (unit == "S" && count == "1") return std::nullopt;
  // "five-year-old", "52 years old" are ages, not time expressions.
  if (Is(end, "old") || (Is(end, "-") && Is(end + 1, "old"))) return std::nullopt;
  return Simple(end, "DURATION", DurationValue(count, unit));
}

}  // namespace storyline::timex::internal
