#include "core/calendar.h"

#include <charconv>
#include <cstdio>

namespace storyline {
namespace {

std::optional<int> ParseDigits(std::string_view s) {
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<CivilDay> CivilDay::FromIso(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> year = ParseDigits(text.substr(0, 4));
  const std::optional<int> month = ParseDigits(text.substr(5, 2));
  const std::optional<int> day = ParseDigits(text.substr(8, 2));
  if (!year || !month || !day || !IsValidDay(*year, *month, *day)) return std::nullopt;
  return CivilDay{*year, *month, *day};
}

std::string CivilDay::Iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(const CivilDay& day) {
  const int64_t y = day.year - (day.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (day.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Howard Hinnant's civil_from_days.
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

}  // namespace storyline
