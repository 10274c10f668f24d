#include <cstdio>

#include "timex/grammar.h"

namespace storyline::timex::internal {

std::optional<Match> SentenceTagger::MonthFirst(size_t i) const {
  const int month = std::stoi(Get(i, kMonth));
  // "may" and "march" are also verbs: only with a day or year, or capitalised.
  const bool ambiguous = t_[i].low == "may" || t_[i].low == "march";
  size_t j = SkipDot(i + 1);
  // September 27[,] [2021]
  if (IsNumber(j) && t_[j].low.size() <= 2 && Int(j) >= 1 && Int(j) <= 31) {
    const int day = Int(j);
    size_t k = j + 1;
    if (Is(k, "st") || Is(k, "nd") || Is(k, "rd") || Is(k, "th")) ++k;
    size_t y = Is(k, ",") ? k + 1 : k;
    if (IsNumber(y) && t_[y].low.size() == 4 && IsValidDay(Int(y), month, day)) {
      return DayMatch(y + 1, {Int(y), month, day}, "none");
    }
    return MonthDayNoYear(k, month, day);
  }
  // "March eighth", as transcripts write it
  if (Has(j, kOrdinal) && !Has(j + 1, kUnit) && !Is(j + 1, "half")) {
    return MonthDayNoYear(j + 1, month, std::stoi(Get(j, kOrdinal)));
  }
  // September 2021, January nineteen ninety-seven
  if (IsNumber(j) && t_[j].low.size() == 4) {
    return PeriodMatch(j + 1, {Int(j), month, 1}, Grain::kMonth, "none");
  }
  if (std::optional<std::pair<int, size_t>> year = SpokenYear(j)) {
    return PeriodMatch(year->second, {year->first, month, 1}, Grain::kMonth, "none");
  }
  if (ambiguous && !IsCapitalised(i)) return std::nullopt;
  // "the annual March for Life", "``March of the Mothers": a procession
  // ("in March for health reasons" is the month).
  if (t_[i].low == "march" && (Is(j, "for") || Is(j, "of")) && i > 0 &&
      (Is(i - 1, "the") || Is(i - 1, "a") || Is(i - 1, "annual") || Is(i - 1, "`") ||
       Is(i - 1, "\""))) {
    return std::nullopt;
  }
  // "Jan" alone is more often a name than a month.
  if (t_[i].low.size() <= 4 && !ambiguous && t_[i].low != "june" && t_[i].low != "july" &&
      !HasDot(i + 1)) {
    return std::nullopt;
  }
  return MonthOnly(j, month);
}

int SentenceTagger::YearOf(int month) const {
  const int ahead = month - pub_->month;  // -11..11 within the publication year
  const int reach_back = past() ? 9 : future() ? 2 : 7;
  const int reach_ahead = past() ? 2 : future() ? 9 : 4;
  if (ahead > reach_ahead) return pub_->year - 1;
  if (ahead < -reach_back) return pub_->year + 1;
  return pub_->year;
}

std::optional<Match> SentenceTagger::MonthOnly(size_t end, int month,
                                               std::optional<int> shift) const {
  if (!pub_) {
    return Simple(end, "DATE",
                  std::string("XXXX-") + (month < 10 ? "0" : "") + std::to_string(month));
  }
  size_t stop = end;
  int year = pub_->year;
  if (!shift) {
    year = YearOf(month);
    if ((Is(end, "last") || Is(end, "next") || Is(end, "this")) && Is(end + 1, "year")) {
      year = pub_->year + std::stoi(Get(end, kShift));
      stop = end + 2;
    }
  }
  if (shift && *shift < 0 && month >= pub_->month) --year;
  if (shift && *shift > 0 && month <= pub_->month) ++year;
  return PeriodMatch(stop, {year, month, 1}, Grain::kMonth, "publication");
}

std::optional<Match> SentenceTagger::MonthDayNoYear(size_t end, int month, int day) const {
  if (!pub_) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "XXXX-%02d-%02d", month, day);
    return Simple(end, "DATE", buffer);
  }
  const int year = YearOf(month);
  if (!IsValidDay(year, month, day)) return std::nullopt;
  return DayMatch(end, {year, month, day}, "publication");
}

std::optional<Match> SentenceTagger::WeekdayAt(size_t i, int direction, size_t end) const {
  const int weekday = std::stoi(Get(i, kWeekday));
  // "sun", "sat", "wed" are words too: abbreviations need a capital.
  if (t_[i].low.size() <= 4 && !(t_[i].capital && HasDot(i + 1))) return std::nullopt;
  if (end == i + 1) end = SkipDot(end);
  // "Tuesday nights": every Tuesday night; so is "Monday" in "Monday and
  // Tuesday nights".
  const bool shared = (Is(end, "and") || Is(end, "or")) && Has(end + 1, kWeekday);
  const size_t part = shared ? end + 2 : end;
  if (Has(part, kPartOfDay) && t_[part].low.ends_with('s')) {
    return Simple(shared ? end : end + 1, "SET",
                  "XXXX-WXX-" + std::to_string(weekday) + "T" + Get(part, kPartOfDay));
  }
  // "Monday, Oct. 26": the date says which Monday.
  const size_t after = Is(end, ",") ? end + 1 : end;
  if (Has(after, kMonth)) {
    if (std::optional<Match> date = MonthFirst(after); date && date->day) return date;
  }
  Match m;
  m.end = end;
  if (!pub_) {
    m.value = "XXXX-WXX-" + std::to_string(weekday);
    return m;
  }
  m.anchor = "publication";
  const int today = Weekday(*pub_);
  int delta;
  // Without a tense cue, the day after publication is more often meant than
  // the same weekday six days back ("Saturday" in a Friday paper).
  const bool tomorrow = !past() && weekday == today % 7 + 1;
  const bool forward = direction > 0 || (direction == 0 && (future() || tomorrow));
  if (forward) {
    delta = (weekday - today + 7) % 7;
    if (direction > 0 && delta == 0) delta = 7;
  } else {
    delta = -((today - weekday + 7) % 7);
    if (direction < 0 && delta == 0) delta = -7;
  }
  return DayMatch(end, AddDays(*pub_, delta), "publication");
}

std::optional<Match> SentenceTagger::DeicticDay(size_t i) const {
  const int offset = std::stoi(Get(i, kDeictic));
  if (!pub_) return Simple(i + 1, "DATE", "XXXX-XX-XX");
  Match m = DayMatch(i + 1, AddDays(*pub_, offset), "publication");
  return m;
}

std::optional<Match> SentenceTagger::HolidayAt(size_t i) const {
  const std::string& rule = Get(i, kHoliday);
  const int month = *ParseInt(rule.substr(0, 2));
  auto day_in = [&](int year) {
    if (rule.size() == 5) return *ParseInt(rule.substr(3, 2));
    const int nth = rule[3] - '0';
    const int weekday = rule[5] - '0';
    return 1 + (weekday - Weekday({year, month, 1}) + 7) % 7 + 7 * (nth - 1);
  };
  size_t end = Is(i + 1, "day") ? i + 2 : i + 1;
  if (IsNumber(end) && t_[end].low.size() == 4) {
    const int year = Int(end);
    return DayMatch(end + 1, {year, month, day_in(year)}, "none");
  }
  if (!pub_) return MonthDayNoYear(end, month, rule.size() == 5 ? day_in(2000) : 1);
  std::optional<Match> m = MonthDayNoYear(end, month, day_in(pub_->year));
  if (m && m->day && m->day->year != pub_->year) {
    *m = DayMatch(end, {m->day->year, month, day_in(m->day->year)}, "publication");
  }
  return m;
}

std::optional<Match> SentenceTagger::SeasonAt(size_t i, int shift) const {
  const std::string& code = Get(i, kSeason);
  // "summer 1994", "the winter of nineteen ninety-four"
  const size_t y = Is(i + 1, "of") ? i + 2 : i + 1;
  if (IsNumber(y) && t_[y].low.size() == 4) {
    return Simple(y + 1, "DATE", std::string(t_[y].low) + "-" + code);
  }
  if (std::optional<std::pair<int, size_t>> year = SpokenYear(y)) {
    return Simple(year->second, "DATE", std::to_string(year->first) + "-" + code);
  }
  Match m;
  m.end = i + 1;
  if (!pub_) {
    m.value = "XXXX-" + code;
    return m;
  }
  m.anchor = "publication";
  m.value = std::to_string(pub_->year + shift) + "-" + code;
  return m;
}

std::optional<Match> SentenceTagger::LatestSeason(size_t i) const {
  const std::string& code = Get(i, kSeason);
  if (!pub_) return Simple(i + 1, "DATE", "XXXX-" + code);
  const int last_month = code == "SP" ? 5 : code == "SU" ? 8 : code == "FA" ? 11 : 14;
  int year = pub_->year;
  while (year * 12 + last_month >= pub_->year * 12 + pub_->month) --year;
  Match m = *Simple(i + 1, "DATE", std::to_string(year) + "-" + code);
  m.anchor = "publication";
  return m;
}

}  // namespace storyline::timex::internal
