// calendar.h: days of the proleptic Gregorian calendar and their arithmetic,
// for every stage that reasons about dates (timex resolves relative dates,
// link keeps stories within a time window). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// A day of the proleptic Gregorian calendar.
struct CivilDay {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  // "YYYY-MM-DD" (a longer string such as "2021-09-28T10:53:00Z" is read up
  // to the day); nullopt when it is not a valid day (IsValidDay).
  static std::optional<CivilDay> FromIso(std::string_view text);
  std::string Iso() const;  // "YYYY-MM-DD"
  bool operator==(const CivilDay&) const = default;
};

// Days since 1970-01-01 (negative before); exact for every Gregorian date.
int64_t DaysFromCivil(const CivilDay& day);
// The inverse of DaysFromCivil.
CivilDay CivilFromDays(int64_t days);
// REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);
// True for a real day of a year in 1..9999.
bool IsValidDay(int year, int month, int day);
// ISO 8601 weekday, Monday = 1 ... Sunday = 7.
int Weekday(const CivilDay& day);
CivilDay AddDays(const CivilDay& day, int64_t n);

}  // namespace storyline
