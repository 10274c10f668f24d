#include "timex/grammar.h"

namespace storyline::timex::internal {

void Discourse::Note(const Match& m) {
  if (m.day) day = month = year = m.day;
  if (m.day) day_in_sentence = true;
  if (m.type == "DURATION" && m.value.size() > 2 && m.value[1] != 'T' && m.value.back() == 'M') {
    months_in_sentence = true;
  }
  if (m.period && m.period_grain == Grain::kMonth) month = year = m.period;
  if (m.period && m.period_grain == Grain::kYear) year = m.period;
  // The quarter an article reports on: the latest one it names that had
  // ended by publication ("a flat second quarter" before the third is
  // background; "the fourth quarter" still under way is an outlook).
  if (m.quarter && (!quarter || DaysFromCivil(*m.quarter) > DaysFromCivil(*quarter)) &&
      (!publication ||
       DaysFromCivil(Shift(*m.quarter, Grain::kQuarter, 1)) <= DaysFromCivil(*publication))) {
    quarter = m.quarter;
  }
}

Grain GrainOfUnit(std::string_view unit) {
  if (unit == "D") return Grain::kDay;
  if (unit == "W") return Grain::kWeek;
  if (unit == "WE") return Grain::kWeekend;
  if (unit == "M") return Grain::kMonth;
  if (unit == "Q") return Grain::kQuarter;
  if (unit == "DE") return Grain::kDecade;
  if (unit == "CE") return Grain::kCentury;
  return Grain::kYear;
}

bool IsTimeUnit(std::string_view unit) { return unit == "H" || unit == "MIN" || unit == "S"; }

std::string DurationValue(std::string_view count, std::string_view unit) {
  // Appended rather than added: GCC 12 warns of a memcpy overlap (-Wrestrict)
  // in "P" + std::string(...) once the function is not inlined.
  std::string value = IsTimeUnit(unit) ? "PT" : "P";
  // TimeBank writes decades and centuries in years: "the past decade" P10Y.
  if ((unit == "DE" || unit == "CE") && count != "X") {
    value += std::to_string(*ParseInt(count) * (unit == "DE" ? 10 : 100));
    value += 'Y';
    return value;
  }
  value += count;
  value += unit == "MIN" ? std::string_view("M") : unit;
  return value;
}

std::optional<Match> SentenceTagger::At(size_t i) const {
  std::optional<Match> match = WithModifier(i);
  if (!match) return std::nullopt;
  // "Monday night" is the day with TimeML's part-of-day code (2021-09-27TNI);
  // the type stays DATE, as TimeBank marks such phrases, and the day is
  // still what later anaphora refer to.
  if (match->day && Has(match->end, kPartOfDay)) {
    match->value += "T" + Get(match->end, kPartOfDay);
    ++match->end;
  }
  return match;
}

std::optional<Match> SentenceTagger::WithModifier(size_t i) const {
  // "more than two years", "less than an hour", "at least"
  std::optional<std::string> mod;
  size_t j = i;
  if ((Is(i, "more") || Is(i, "less")) && Is(i + 1, "than")) {
    mod = Is(i, "more") ? "MORE_THAN" : "LESS_THAN";
    j = i + 2;
  } else if (Is(i, "at") && Is(i + 1, "least")) {
    mod = "EQUAL_OR_MORE";
    j = i + 2;
  } else if (Has(i, kMod)) {
    mod = Get(i, kMod);
    j = SkipHyphen(i + 1);
  }
  if (mod) {
    std::optional<Match> inner = WithThe(j);
    if (inner) {
      const bool positional = *mod == "START" || *mod == "MID" || *mod == "END";
      // "early Friday" is still Friday: a part of the day may follow
      // ("early Friday morning") and later anaphora may refer to it.
      if (positional == (inner->type == "DATE")) {
        inner->mod = mod;
        return inner;
      }
    }
    if (j != i + 1 || !Has(i, kMod)) return std::nullopt;
  }
  // "the end of 1990", "the beginning of the year"
  if (Is(i, "the") && Is(i + 2, "of")) {
    const std::string_view part = t_[i + 1].low;
    const char* position = part == "end"                            ? "END"
                           : part == "beginning" || part == "start" ? "START"
                           : part == "middle"                       ? "MID"
                                                                    : nullptr;
    if (position) {
      std::optional<Match> inner = WithThe(i + 3);
      if (inner && inner->type == "DATE") {
        inner->mod = position;
        inner->day.reset();
        return inner;
      }
    }
    // "the week of March 6": the ISO week of that day.
    if (part == "week") {
      std::optional<Match> inner = WithThe(i + 3);
      if (inner && inner->day) {
        inner->value = Format(*inner->day, Grain::kWeek);
        inner->day.reset();
        return inner;
      }
    }
  }
  // "the late 1970s", "the mid-1990s"
  if (Is(i, "the") && Has(i + 1, kMod)) {
    std::optional<Match> inner = WithModifier(i + 1);
    if (inner && inner->type == "DATE" && inner->mod) return inner;
  }
  // "fiscal 1989"
  if (Is(i, "fiscal") && IsNumber(i + 1)) {
    std::optional<Match> inner = Core(i + 1, false);
    if (inner && inner->type == "DATE") return inner;
  }
  return WithThe(i);
}

std::optional<Match> SentenceTagger::WithThe(size_t i) const {
  return Is(i, "the") ? Core(i + 1, true) : Core(i, false);
}

std::optional<Match> SentenceTagger::DecadeWord(size_t i) const {
  const int digit = std::stoi(Get(i, kDecade));
  if (!pub_) return Simple(i + 1, "DATE", "XX" + std::to_string(digit));
  int start = pub_->year / 100 * 100 + digit * 10;
  if (start > pub_->year) start -= 100;
  Match m = *Simple(i + 1, "DATE", std::to_string(start / 10));
  m.anchor = "publication";
  return m;
}

std::optional<Match> SentenceTagger::SecondDayOfPair(size_t i) const {
  if (i < 2 || !(Is(i - 1, "and") || Is(i - 1, "or")) || !IsNumber(i - 2) ||
      !seen_.day_in_sentence || Int(i - 2) != seen_.day->day || t_[i].low.size() > 2 ||
      Has(i + 1, kUnit) || Is(i + 1, "percent") || Is(i + 1, "%")) {
    return std::nullopt;
  }
  const CivilDay day{seen_.day->year, seen_.day->month, Int(i)};
  if (!IsValidDay(day.year, day.month, day.day)) return std::nullopt;
  return DayMatch(i + 1, day, "previous");
}

std::optional<Match> SentenceTagger::Core(size_t i, bool the) const {
  if (i >= t_.size()) return std::nullopt;
  if (IsNumber(i)) {
    if (std::optional<Match> second = SecondDayOfPair(i)) return second;
    return Numeric(i, the);
  }
  if (the && Is(i, "future")) return Simple(i + 1, "DATE", "FUTURE_REF");
  if (the && Has(i, kDecade)) return DecadeWord(i);
  // "the near future", "the near term", "the short term"
  if (the && (Is(i, "near") || Is(i, "short")) && (Is(i + 1, "future") || Is(i + 1, "term"))) {
    return Simple(i + 2, "DATE", "FUTURE_REF");
  }
  // "the fiscal year", "the full year": the adjective does not change the period.
  if (the && (Is(i, "fiscal") || Is(i, "full")) && Has(i + 1, kUnit)) return Core(i + 1, true);
  // "the latest period": the quarter the article reports on.
  if (the && Is(i, "latest") && Is(i + 1, "period") && seen_.quarter) {
    Match m = *Simple(i + 2, "DATE", Format(*seen_.quarter, Grain::kQuarter));
    m.anchor = "previous";
    return m;
  }
  // "recent years", "these days"
  // TimeBank reads "recent years" as a vague past, "recent weeks" as a span.
  if (!the && Is(i, "recent") && Has(i + 1, kUnit)) {
    return Is(i + 1, "years") ? Simple(i + 2, "DATE", "PAST_REF")
                              : Simple(i + 2, "DURATION", DurationValue("X", Get(i + 1, kUnit)));
  }
  if (!the && Is(i, "these") && Is(i + 1, "days")) return Simple(i + 2, "DATE", "PRESENT_REF");
  if (t_[i].kind != TokenKind::kWord || !t_[i].senses) {
    return std::nullopt;
  }
  // "year-earlier", "year-ago": adjectives for one unit back.
  if (Has(i, kUnit) && Is(i + 1, "-") && Adjacent(i + 1) && Has(i + 2, kAgo) && Adjacent(i + 2)) {
    // "the year-ago quarter", "the year-earlier period"; in "the year-ago
    // results" the article belongs to the noun.
    const size_t stop = Is(i + 3, "quarter") || Is(i + 3, "period") ? i + 4 : i + 3;
    if (the && stop == i + 3) return std::nullopt;
    if (Get(i, kUnit) == "Y") return YearBefore(stop, std::stoi(Get(i + 2, kAgo)), true);
    return Relative(i + 3, GrainOfUnit(Get(i, kUnit)), std::stoi(Get(i + 2, kAgo)),
                    !Is(i + 2, "ago"), Get(i, kUnit));
  }
  if (!the) {
    // "earlier that day", "later this year", "earlier Sunday": the date itself.
    if (Has(i, kAgo) && !Is(i, "ago")) {
      std::optional<Match> inner = Core(i + 1, false);
      if (inner && inner->type != "DURATION") return inner;
    }
    if (Has(i, kMonth)) return MonthFirst(i);
    if (Has(i, kWeekday)) return WeekdayAt(i, 0, i + 1);
    // "USA Today", "VOA Today": a title.
    if (Has(i, kDeictic) && !(IsTitleWord(i) && IsName(i - 1))) return DeicticDay(i);
    // "Now, the council..." is a discourse marker, not a time.
    if (Is(i, "now") && t_[i].capital && Is(i + 1, ",")) return std::nullopt;
    if (Has(i, kRef)) return Simple(i + 1, "DATE", Get(i, kRef));
    if (Has(i, kSet)) return Simple(i + 1, "SET", Get(i, kSet));
    if (Has(i, kHoliday)) return HolidayAt(i);
    // "noon Thursday", "at midnight"
    // "High Noon" and "high noon comes" are figures of speech.
    if (Has(i, kClock) && !(i > 0 && t_[i - 1].low == "high")) {
      return ClockTime(i + 1, std::stoi(Get(i, kClock)), 0);
    }
    // "miles per hour", "instructions per second" measure a rate; no time recurs.
    if (Has(i, kEvery) && Has(i + 1, kUnit) && !(Is(i, "per") && IsTimeUnit(Get(i + 1, kUnit)))) {
      return Simple(i + 2, "SET", DurationValue("1", Get(i + 1, kUnit)));
    }
    // "every Monday" XXXX-WXX-1, "each July" XXXX-07
    if (Has(i, kEvery) && Has(i + 1, kWeekday) && t_[i + 1].low.size() > 4) {
      return Simple(i + 2, "SET", "XXXX-WXX-" + Get(i + 1, kWeekday));
    }
    if (Has(i, kEvery) && Has(i + 1, kMonth) && t_[i + 1].capital) {
      const int month = std::stoi(Get(i + 1, kMonth));
      return Simple(SkipDot(i + 2), "SET",
                    std::string("XXXX-") + (month < 10 ? "0" : "") + std::to_string(month));
    }
  } else {
    if (Is(i, "past") && !Has(i + 1, kUnit) && !Has(i + 1, kNumber) && !IsNumber(i + 1)) {
      return Simple(i + 1, "DATE", "PAST_REF");
    }
    if ((Is(i, "year") || Is(i, "quarter")) && !Is(i + 1, "-")) return BareUnit(i);
    if (Is(i, "weekend")) return Weekend(i + 1);
  }
  if (Has(i, kShift)) {
    if (std::optional<Match> m = Shifted(i, the)) return m;
  }
  if (Has(i, kOrdinal)) {
    if (std::optional<Match> m = OrdinalPeriod(i, the)) return m;
  }
  if (std::optional<std::pair<int, size_t>> year = SpokenYear(i)) {
    return PeriodMatch(year->second, {year->first, 1, 1}, Grain::kYear, "none");
  }
  // "a few years", "a couple of years"
  if ((Is(i, "a") || Is(i, "an")) && Has(i + 1, kNumber) &&
      (Get(i + 1, kNumber) == "X" || Has(i + 2, kFiller))) {
    ++i;
  }
  // "two years", "twenty-four hours", "a year", "several years"
  if (std::optional<std::pair<int, size_t>> number = NumberWords(i); number && !the) {
    return Counted(number->second, std::to_string(number->first));
  }
  if (Has(i, kNumber)) return Counted(i + 1, Get(i, kNumber));
  // A bare season needs "the" or "in": "fall" is also a verb.
  if (Has(i, kSeason) && (the || (i > 0 && t_[i - 1].low == "in"))) return SeasonAt(i, 0);
  // "three-quarters of the food" is a fraction, "52 years old" an age.
  const bool fraction = i > 0 && t_[i - 1].low == "-" && !t_[i].space_before;
  if (!the && Has(i, kUnit) && t_[i].low.ends_with('s') && Get(i, kUnit) != "S" &&
      !IsTitleWord(i) && !(Get(i, kUnit) == "Q" && fraction) && !Is(i + 1, "old")) {
    // A bare plural: "for years", "weeks of talks".
    return Simple(i + 1, "DURATION", DurationValue("X", Get(i, kUnit)));
  }
  return std::nullopt;
}

std::optional<Match> SentenceTagger::Simple(size_t end, std::string type, std::string value) const {
  Match m;
  m.end = end;
  m.type = std::move(type);
  m.value = std::move(value);
  return m;
}

Match SentenceTagger::PeriodMatch(size_t end, CivilDay start, Grain grain,
                                  std::string anchor) const {
  Match m;
  m.end = end;
  m.value = Format(start, grain);
  m.anchor = std::move(anchor);
  m.period = start;
  m.period_grain = grain;
  return m;
}

Match SentenceTagger::DayMatch(size_t end, CivilDay day, std::string anchor) const {
  Match m;
  m.end = end;
  m.value = day.Iso();
  m.anchor = std::move(anchor);
  m.day = day;
  return m;
}

}  // namespace storyline::timex::internal
