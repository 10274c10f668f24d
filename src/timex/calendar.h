// calendar.h: day arithmetic and TIMEX3 value formatting. Internal to the
// timex module; other modules use timex/timex.h.
#pragma once

#include <cstdint>
#include <string>

#include "timex/timex.h"

namespace storyline::timex {

// Days since 1970-01-01 (negative before), proleptic Gregorian.
int64_t DaysFromCivil(const CivilDay& day);
CivilDay CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
bool IsValidDay(int year, int month, int day);
// ISO 8601 weekday, Monday = 1 ... Sunday = 7.
int Weekday(const CivilDay& day);
CivilDay AddDays(const CivilDay& day, int64_t n);

// The precision of a resolved date and how it is written.
enum class Grain { kDay, kWeek, kWeekend, kMonth, kQuarter, kHalf, kYear, kDecade, kCentury };

// `day` moved by n units of `grain` (months keep the day within the month).
CivilDay Shift(const CivilDay& day, Grain grain, int n);

// The TIMEX3 value of the period of `grain` that contains `day`:
// kDay "2021-09-27", kWeek "2021-W39", kWeekend "2021-W39-WE", kMonth
// "2021-09", kQuarter "2021-Q3", kHalf "2021-H2", kYear "2021", kDecade
// "202", kCentury "20".
std::string Format(const CivilDay& day, Grain grain);
// The same with the year unknown: "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX", "XXXX".
std::string FormatUnknown(Grain grain);

}  // namespace storyline::timex
