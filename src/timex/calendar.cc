#include "timex/calendar.h"

#include <cstdio>

namespace storyline::timex {

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
int64_t DaysFromCivil(const CivilDay& day) {
  const int64_t y = day.year - (day.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (day.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValidDay(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

int Weekday(const CivilDay& day) {
  // 1970-01-01 was a Thursday (4).
  const int64_t z = DaysFromCivil(day);
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

CivilDay AddDays(const CivilDay& day, int64_t n) { return CivilFromDays(DaysFromCivil(day) + n); }

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
