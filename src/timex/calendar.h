// calendar.h: periods of TIMEX3 values (weeks, quarters, ...): shifting a
// day by them and formatting them. Day arithmetic is in core/calendar.h.
// Internal to the timex module; other modules use timex/timex.h.
#pragma once

#include <string>

#include "timex/timex.h"

namespace storyline::timex {

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
