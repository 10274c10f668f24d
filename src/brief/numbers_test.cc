#include "brief/numbers.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::brief {
namespace {

// "AMOUNT=VALUE KEY" for each number of `text`, e.g. "12=12 people".
std::vector<std::string> Counts(std::string_view text) {
  std::vector<std::string> counts;
  const ByteSpan whole{0, static_cast<uint32_t>(text.size())};
  for (const CountedNumber& n : NumberWords::Embedded().Find(text, whole)) {
    char value[32];
    std::snprintf(value, sizeof(value), "%.10g", n.value);
    counts.push_back(std::string(text.substr(n.span.begin, n.span.size())) + "=" + value + " " +
                     n.key);
  }
  return counts;
}

using Strings = std::vector<std::string>;

TEST(NumbersTest, ReadsDigitsWithSeparatorsDecimalsAndMultipliers) {
  EXPECT_EQ(Counts("Officials said 1,500 homes and 2.5 million trees were lost, and 3bn yuan "
                   "was pledged."),
            (Strings{"1,500=1500 home", "2.5 million=2500000 tree", "3bn=3000000000 yuan"}));
}

TEST(NumbersTest, ReadsNumberWords) {
  EXPECT_EQ(
      Counts("Twenty-five soldiers, forty two sailors and three hundred villagers left."),
      (Strings{"Twenty-five=25 soldier", "forty two=42 sailor", "three hundred=300 villager"}));
}

TEST(NumbersTest, CurrencyStandsBeforeTheAmount) {
  EXPECT_EQ(
      Counts("The council approved $2 billion, then US$40 million and £3 million more."),
      (Strings{"$2 billion=2000000000 $", "US$40 million=40000000 us$", "£3 million=3000000 £"}));
}

TEST(NumbersTest, PercentagesAreKeyedByTheWordsAroundThem) {
  EXPECT_EQ(Counts("Inflation was 7 percent in March."),
            (Strings{"7 percent=7 % inflation march"}));
  EXPECT_EQ(Counts("Unemployment was 5 per cent in March."),
            (Strings{"5 per cent=5 % unemployment march"}));
  EXPECT_EQ(Counts("Turnout reached 52% of voters."), (Strings{"52%=52 % reached voters"}));
}

TEST(NumbersTest, YearsDatesTimesOrdinalsAndCodesAreNoCounts) {
  EXPECT_EQ(Counts("In 2019, on 14 March and on May 3 at 10:30 or 6 pm, the 3rd ferry of the G7 "
                   "fleet left piers 4-6 on 2021-09-27 (27/09) as COVID-19 spread."),
            Strings{});
}

TEST(NumbersTest, ANumberWithoutWhatItCountsIsLeftOut) {
  EXPECT_EQ(Counts("Rescuers found 12 of the 15 boats, between 3 and 5 miles out."),
            (Strings{"15=15 boat", "5=5 mile"}));
}

TEST(NumbersTest, AHyphenJoinsTheNumberToItsNoun) {
  EXPECT_EQ(Counts("A 12-year-old boy was found."), (Strings{"12=12 year"}));
}

TEST(NumbersTest, AYearBesideACountIsNotACount) {
  EXPECT_EQ(Counts("The 2019 floods killed 12 people."), (Strings{"12=12 people"}));
  // Written with a separator, it is a count.
  EXPECT_EQ(Counts("About 2,000 people fled."), (Strings{"2,000=2000 people"}));
}

TEST(NumbersTest, ReadsOnlyTheSpanGiven) {
  const std::string text = "12 boats sank. 15 boats sank.";
  const std::vector<CountedNumber> second = NumberWords::Embedded().Find(text, {15, 29});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].value, 15);
  EXPECT_EQ(second[0].label, "boats");
  EXPECT_EQ(second[0].span, (ByteSpan{15, 17}));
}

std::string ErrorOf(std::string_view contents) {
  const Result<NumberWords> words = NumberWords::Parse(contents);
  return words.ok() ? "ok" : words.status().message();
}

TEST(NumbersTest, ReportsTheLineOfABadRow) {
  EXPECT_EQ(ErrorOf("# numbers\nnumber\ttwelve\t12\npercent\t%, percent\n"), "ok");
  EXPECT_EQ(ErrorOf("\nnumbr\ttwelve\t12\n"), "line 2: unknown kind 'numbr'");
  EXPECT_EQ(ErrorOf("number\ttwelve\n"), "line 1: expected KIND, FORMS, VALUE separated by tabs");
  EXPECT_EQ(ErrorOf("calendar\tmay\t5\n"), "line 1: expected KIND, FORMS separated by tabs");
  EXPECT_EQ(ErrorOf("multiplier\tmillion\tmany\n"),
            "line 1: expected a positive number, got 'many'");
  EXPECT_EQ(ErrorOf("function\tOf\n"),
            "line 1: a form must be lower case, without a comma or outer spaces, got 'Of'");
  EXPECT_EQ(ErrorOf("function\tof,and\n"),
            "line 1: a form must be lower case, without a comma or outer spaces, got 'of,and'");
  EXPECT_EQ(ErrorOf("calendar\tmay\nfunction\tmay\n"), "line 2: 'may' given twice");
}

TEST(NumbersTest, ShippedFileLoads) {
  const Result<std::string> contents = DataFiles{}.Read(kNumbersFile);
  ASSERT_TRUE(contents.ok());
  EXPECT_EQ(ErrorOf(*contents), "ok");
}

}  // namespace
}  // namespace storyline::brief
