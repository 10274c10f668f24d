#include "timex/grammar.h"

namespace storyline::timex::internal {

std::optional<Match> SentenceTagger::Relative(size_t end, Grain grain, int n, bool anaphoric,
                                              std::string_view unit) const {
  if (IsTimeUnit(unit)) return std::nullopt;
  Match m;
  m.end = end;
  const std::optional<CivilDay>& prior = seen_.For(grain);
  const std::optional<CivilDay>& base = anaphoric && prior ? prior : pub_;
  if (!base) {
    m.value = FormatUnknown(grain);
    return m;
  }
  m.anchor = anaphoric && prior ? "previous" : "publication";
  const CivilDay day = Shift(*base, grain, n);
  m.value = Format(day, grain);
  if (grain == Grain::kDay) m.day = day;
  if (grain == Grain::kQuarter) m.quarter = day;
  if (grain == Grain::kMonth || grain == Grain::kYear) {
    m.period = day;
    m.period_grain = grain;
  }
  return m;
}

std::optional<Match> SentenceTagger::YearBefore(size_t end, int n, bool anaphoric) const {
  // "the six months ended Aug. 12 ... compared with a year earlier": that day.
  if (anaphoric && seen_.day_in_sentence) {
    return DayMatch(end, Shift(*seen_.day, Grain::kYear, n), "previous");
  }
  if (!seen_.quarter || !(n == -1 || n == 1)) return Relative(end, Grain::kYear, n, anaphoric, "Y");
  Match m;
  m.end = end;
  m.anchor = "previous";
  // "for the nine months, ... compared with a year earlier": the months
  // are not the quarter, so the year before the quarter's.
  m.value = Format(Shift(*seen_.quarter, Grain::kYear, n),
                   seen_.months_in_sentence ? Grain::kYear : Grain::kQuarter);
  return m;
}

std::optional<Match> SentenceTagger::Shifted(size_t i, bool the) const {
  // "this past spring": the latest one; "this past week" is last week.
  const bool this_past = Is(i, "this") && Is(i + 1, "past") && !the;
  if (this_past) ++i;
  const int offset = std::stoi(Get(i, kShift));
  // "the next day" follows the text's own dates; "next week" the publication,
  // and so does "the current year".
  const bool anaphoric = Has(i, kAnaphoric) || (the && offset != 0);
  // "that day", "that year": only a unit or a part of the day may follow
  // ("said that 30 years ago", "that March" are something else).
  const bool demonstrative = anaphoric && offset == 0 && !the;
  size_t j = i + 1;
  if (demonstrative && !Has(j, kUnit) && !Has(j, kPartOfDay)) return std::nullopt;
  if (Has(j, kWeekday) && !the) return WeekdayAt(j, offset, j + 1);
  // "the previous Friday": the Friday before the date the text is about.
  if (Has(j, kWeekday) && the && offset != 0 && seen_.day) {
    const int weekday = std::stoi(Get(j, kWeekday));
    int delta = (weekday - Weekday(*seen_.day) + 7 * offset) % 7;
    if (offset < 0 && delta >= 0) delta -= 7;
    if (offset > 0 && delta <= 0) delta += 7;
    return DayMatch(j + 1, AddDays(*seen_.day, delta), "previous");
  }
  if (Has(j, kMonth) && !the && (t_[j].capital || (!Is(j, "may") && !Is(j, "march")))) {
    const int month = std::stoi(Get(j, kMonth));
    const size_t k = SkipDot(j + 1);
    std::optional<Match> m = MonthOnly(k, month, offset);
    // "last Oct. 23": that day of the month "last October" names.
    const int day = IsNumber(k) && t_[k].low.size() <= 2 ? Int(k) : 0;
    if (m && pub_ && day >= 1) {
      const int year = *ParseInt(std::string_view(m->value).substr(0, 4));
      if (IsValidDay(year, month, day)) return DayMatch(k + 1, {year, month, day}, "publication");
    }
    return m;
  }
  if (Has(j, kSeason)) return this_past ? LatestSeason(j) : SeasonAt(j, offset);
  // "the last half of 1989", "the last quarter of 1990"
  if (the && Is(i, "last") && (Is(j, "half") || Is(j, "quarter")) && Is(j + 1, "of") &&
      IsNumber(j + 2) && t_[j + 2].low.size() == 4) {
    return Simple(j + 3, "DATE", std::string(t_[j + 2].low) + (Is(j, "half") ? "-H2" : "-Q4"));
  }
  // "this morning", "last night": a part of the publication day or the one
  // before; "that morning" of the day the text is about.
  if (Has(j, kPartOfDay) && (offset == 0 || t_[i].low == "last") && !the) {
    const bool previous = demonstrative && seen_.day;
    if (!previous && !pub_) return std::nullopt;
    const CivilDay day = previous ? *seen_.day : AddDays(*pub_, offset);
    Match m = *Simple(j + 1, "TIME", day.Iso() + "T" + Get(j, kPartOfDay));
    m.anchor = previous ? "previous" : "publication";
    return m;
  }
  // "the past three years", "the last two weeks", "the next 12 months": durations.
  std::string count;
  if (IsNumber(j)) {
    count = std::to_string(Int(j));
    ++j;
  } else if (std::optional<std::pair<int, size_t>> number = NumberWords(j)) {
    count = std::to_string(number->first);
    j = number->second;
  } else if (Has(j, kNumber) && !Is(j, "a") && !Is(j, "an")) {
    count = Get(j, kNumber);
    ++j;
  }
  j = SkipFiller(j);
  // "the current fiscal year" is the current year.
  if (Is(j, "fiscal") && Has(j + 1, kUnit)) ++j;
  if (!Has(j, kUnit) || IsTitleWord(j)) return std::nullopt;
  const std::string& unit = Get(j, kUnit);
  if (!count.empty()) return Simple(j + 1, "DURATION", DurationValue(count, unit));
  // "the coming years", "in recent months"
  if (t_[j].low.ends_with('s')) return Simple(j + 1, "DURATION", DurationValue("X", unit));
  // "the past year" is the last calendar year, as TimeBank reads it; "the
  // past decade" the span of ten years.
  if ((t_[i].low == "past" && (unit == "DE" || unit == "CE")) || IsTimeUnit(unit)) {
    return Simple(j + 1, "DURATION", DurationValue("1", unit));
  }
  Grain grain = GrainOfUnit(unit);
  int n = offset;
  // "next year's first quarter", "last year's quarter"
  if (unit == "Y" && Is(j + 1, "'") && Is(j + 2, "s") && pub_) {
    size_t q = j + 3;
    const int ordinal = Has(q, kOrdinal) ? std::stoi(Get(q, kOrdinal)) : 0;
    if (ordinal) ++q;
    if (Is(q, "quarter") && ordinal <= 4 && (ordinal || seen_.quarter)) {
      const int year = pub_->year + n;
      const int quarter = ordinal ? ordinal : (seen_.quarter->month - 1) / 3 + 1;
      Match m = *Simple(q + 1, "DATE", std::to_string(year) + "-Q" + std::to_string(quarter));
      m.anchor = "publication";
      m.quarter = CivilDay{year, 3 * quarter - 2, 1};
      return m;
    }
  }
  // "earnings of $33 million last year", "the corresponding period last
  // year" in a quarterly report: the same quarter a year before, like "a
  // year earlier".
  if (unit == "Y" && n == -1 && !the && i > 0 && (IsAmount(i - 1) || Is(i - 1, "period"))) {
    return YearBefore(j + 1, n, false);
  }
  // "the latest quarter": the last one completed.
  return Relative(j + 1, grain, n, anaphoric, unit);
}

std::optional<Match> SentenceTagger::Weekend(size_t end) const {
  if (!pub_) return Relative(end, Grain::kWeekend, 0, false, "WE");
  const int today = Weekday(*pub_);  // Monday = 1
  const bool back = today <= 5 && (past() || (!future() && today <= 3));
  return Relative(end, Grain::kWeekend, back ? -1 : 0, false, "WE");
}

std::optional<Match> SentenceTagger::BareUnit(size_t i) const {
  const bool quarter = Is(i, "quarter");
  // "the year 1998", "the year two thousand"
  if (!quarter) {
    std::optional<std::pair<int, size_t>> year = NumberWords(i + 1);
    if (IsNumber(i + 1) && t_[i + 1].low.size() == 4) year = std::make_pair(Int(i + 1), i + 2);
    if (year && year->first >= lex_.min_year && year->first <= lex_.max_year) {
      return PeriodMatch(year->second, {year->first, 1, 1}, Grain::kYear, "none");
    }
  }
  // "the year ended June 30" is a twelve-month span, not a calendar year
  // ("the quarter ended Sept. 30" is still the third quarter).
  if (!quarter && (Is(i + 1, "ended") || Is(i + 1, "ending"))) {
    return Simple(i + 1, "DURATION", "P1Y");
  }
  // In an article about a named quarter, "the quarter" is that one.
  if (quarter && seen_.quarter) {
    Match m = *Simple(i + 1, "DATE", Format(*seen_.quarter, Grain::kQuarter));
    m.anchor = "previous";
    return m;
  }
  return Relative(i + 1, quarter ? Grain::kQuarter : Grain::kYear, quarter ? -1 : 0, false,
                  quarter ? "Q" : "Y");
}

std::optional<Match> SentenceTagger::OrdinalPeriod(size_t i, bool the) const {
  const int n = std::stoi(Get(i, kOrdinal));
  size_t j = SkipHyphen(i + 1);
  // "the third-quarter results": TimeBank leaves the article out of the adjective.
  if (the && j != i + 1) return std::nullopt;
  if (Has(j, kNumber) || IsNumber(j)) {
    const std::string count = IsNumber(j) ? std::to_string(Int(j)) : Get(j, kNumber);
    if (Has(j + 1, kUnit) && count != "X") {
      return Simple(j + 2, "DURATION", DurationValue(count, Get(j + 1, kUnit)));
    }
    return std::nullopt;
  }
  const bool quarter = Is(j, "quarter");
  const bool half = Is(j, "half");
  if (!(quarter && n <= 4) && !(half && n <= 2)) return std::nullopt;
  const char letter = quarter ? 'Q' : 'H';
  Match m;
  m.end = j + 1;
  if (!pub_) {
    m.value = std::string("XXXX-") + letter + std::to_string(n);
    return m;
  }
  m.anchor = "publication";
  const int current = quarter ? (pub_->month - 1) / 3 + 1 : (pub_->month - 1) / 6 + 1;
  int year = pub_->year;
  // A period that has not begun is last year's, unless the sentence looks ahead.
  if (n > current && !future()) --year;
  // "the third quarter of 1990"
  if (Is(j + 1, "of") && IsNumber(j + 2) && t_[j + 2].low.size() == 4) {
    year = Int(j + 2);
    m.end = j + 3;
    m.anchor = "none";
  }
  m.value = std::to_string(year) + "-" + letter + std::to_string(n);
  if (quarter) m.quarter = CivilDay{year, 3 * n - 2, 1};
  return m;
}

}  // namespace storyline::timex::internal
