#include "core/calendar.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(Calendar, CountsDaysFromTheUnixEpoch) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(DaysFromCivil({2021, 9, 27}), 18897);
  EXPECT_EQ(DaysFromCivil({1600, 2, 29}), -135081);
  EXPECT_EQ(DaysFromCivil({1, 1, 1}), -719162);
  EXPECT_EQ(DaysFromCivil({9999, 12, 31}), 2932896);
}

TEST(Calendar, DaysAndDatesRoundTripDayByDay) {
  CivilDay expected{1, 1, 1};
  for (int64_t z = DaysFromCivil({1, 1, 1}); z <= DaysFromCivil({9999, 12, 31}); ++z) {
    ASSERT_EQ(CivilFromDays(z), expected) << z;
    ASSERT_EQ(DaysFromCivil(expected), z) << expected.Iso();
    // The next day by counting, not by arithmetic.
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) expected = {expected.year + 1, 1, 1};
    }
  }
}

TEST(Calendar, KnowsLeapYearsAndWeekdays) {
  EXPECT_EQ(DaysInMonth(2020, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_FALSE(IsValidDay(2021, 2, 29));
  EXPECT_FALSE(IsValidDay(2021, 13, 1));
  EXPECT_FALSE(IsValidDay(0, 1, 1));
  EXPECT_EQ(Weekday({2021, 9, 27}), 1);  // a Monday
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);   // a Thursday
  EXPECT_EQ(Weekday({2024, 3, 3}), 7);   // a Sunday
  EXPECT_EQ(AddDays({2021, 12, 30}, 3), (CivilDay{2022, 1, 2}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (CivilDay{2024, 2, 29}));
}

TEST(CivilDay, ReadsIsoDatesAndRejectsImpossibleOnes) {
  EXPECT_EQ(CivilDay::FromIso("2021-09-28T10:53:00Z"), (CivilDay{2021, 9, 28}));
  EXPECT_EQ(CivilDay::FromIso("2021-09-28"), (CivilDay{2021, 9, 28}));
  EXPECT_FALSE(CivilDay::FromIso("2021-02-29").has_value());
  EXPECT_FALSE(CivilDay::FromIso("2021-9-28").has_value());
  EXPECT_FALSE(CivilDay::FromIso("2021-09").has_value());
  EXPECT_FALSE(CivilDay::FromIso("").has_value());
  EXPECT_EQ(CivilDay({2020, 2, 29}).Iso(), "2020-02-29");
  EXPECT_EQ(CivilDay({812, 7, 4}).Iso(), "0812-07-04");
}

}  // namespace
}  // namespace storyline
