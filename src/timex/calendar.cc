#include "timex/calendar.h"

#include <cstdio>

namespace storyline::timex {

CivilDay Shift(const CivilDay& day, Grain grain, int n) {
  auto add_months = [&](int months) {
    const int index = day.year * 12 + (day.month - 1) + months;
    CivilDay out{index / 12, index % 12 + 1, day.day};
    if (out.day > DaysInMonth(out.year, out.month)) out.day = DaysInMonth(out.year, out.month);
    return out;
  };
  switch (grain) {
    case Grain::kDay:
      return AddDays(day, n);
    case Grain::kWeek:
    case Grain::kWeekend:
      return AddDays(day, 7 * int64_t{n});
    case Grain::kMonth:
      return add_months(n);
    case Grain::kQuarter:
      return add_months(3 * n);
    case Grain::kHalf:
      return add_months(6 * n);
    case Grain::kYear:
      return add_months(12 * n);
    case Grain::kDecade:
      return add_months(120 * n);
    case Grain::kCentury:
      return add_months(1200 * n);
  }
  return day;
}

namespace {

// ISO 8601 week-numbering year and week of `day`.
std::pair<int, int> IsoWeek(const CivilDay& day) {
  const int64_t thursday = DaysFromCivil(day) - (Weekday(day) - 1) + 3;
  const int year = CivilFromDays(thursday).year;
  const int64_t first = DaysFromCivil({year, 1, 1});
  return {year, static_cast<int>((thursday - first) / 7 + 1)};
}

}  // namespace

std::string Format(const CivilDay& day, Grain grain) {
  char buffer[32];
  switch (grain) {
    case Grain::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", day.year, day.month, day.day);
      break;
    case Grain::kWeek:
    case Grain::kWeekend: {
      const auto [year, week] = IsoWeek(day);
      std::snprintf(buffer, sizeof buffer, "%04d-W%02d%s", year, week,
                    grain == Grain::kWeekend ? "-WE" : "");
      break;
    }
    case Grain::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", day.year, day.month);
      break;
    case Grain::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%d", day.year, (day.month - 1) / 3 + 1);
      break;
    case Grain::kHalf:
      std::snprintf(buffer, sizeof buffer, "%04d-H%d", day.year, (day.month - 1) / 6 + 1);
      break;
    case Grain::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", day.year);
      break;
    case Grain::kDecade:
      std::snprintf(buffer, sizeof buffer, "%03d", day.year / 10);
      break;
    case Grain::kCentury:
      std::snprintf(buffer, sizeof buffer, "%02d", day.year / 100);
      break;
  }
  return buffer;
}

std::string FormatUnknown(Grain grain) {
  switch (grain) {
    case Grain::kDay:
      return "XXXX-XX-XX";
    case Grain::kWeek:
      return "XXXX-WXX";
    case Grain::kWeekend:
      return "XXXX-WXX-WE";
    case Grain::kMonth:
      return "XXXX-XX";
    case Grain::kQuarter:
      return "XXXX-QX";
    case Grain::kHalf:
      return "XXXX-HX";
    case Grain::kYear:
      return "XXXX";
    case Grain::kDecade:
      return "XXX";
    case Grain::kCentury:
      return "XX";
  }
  return "XXXX";
}

}  // namespace storyline::timex
