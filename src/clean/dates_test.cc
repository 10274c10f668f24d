#include "clean/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/data_files.h"

namespace storyline::clean {
namespace {

const DateLexicon& Lexicon() {
  static const DateLexicon* const lexicon = [] {
    Result<std::string> text = DataFiles{}.Read("lexicon/en/dates.tsv");
    if (!text.ok()) std::abort();
    Result<DateLexicon> parsed = DateLexicon::Parse("lexicon/en/dates.tsv", *text);
    if (!parsed.ok()) std::abort();
    return new DateLexicon(std::move(parsed).value());
  }();
  return *lexicon;
}

std::optional<std::string> Dateline(std::string_view line) {
  std::optional<CivilDate> date = ParseDateline(line, Lexicon());
  if (!date) return std::nullopt;
  return date->Iso();
}

struct DatelineCase {
  std::string line;
  std::optional<std::string> iso;
};

void PrintTo(const DatelineCase& c, std::ostream* os) { *os << c.line; }

class DatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, ReadsWholeLineDates) {
  EXPECT_EQ(Dateline(GetParam().line), GetParam().iso) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, DatelineTest,
    ::testing::Values(
        DatelineCase{"Friday 14 March 2031 - 09:05", "2031-03-14"},
        DatelineCase{"14 March 2031", "2031-03-14"}, DatelineCase{"Sept. 3, 2030", "2030-09-03"},
        DatelineCase{"Sep 3 2030", "2030-09-03"}, DatelineCase{"SEPTEMBER 3, 2030", "2030-09-03"},
        DatelineCase{"2030-09-03", "2030-09-03"}, DatelineCase{"2030/09/03", "2030-09-03"},
        DatelineCase{"Published: March 3, 2025 4:15 pm", "2025-03-03"},
        DatelineCase{"Updated: Wed, 5 Feb 2031 18:20 GMT", "2031-02-05"},
        DatelineCase{"Posted on 1st June 2030 at 10am", "2030-06-01"},
        DatelineCase{"Last updated 2030-06-01T08:15:00Z", "2030-06-01"},
        DatelineCase{"June 1, 2030 | 08:15 IST", "2030-06-01"},
        DatelineCase{"Thursday, November 30, 2028", "2028-11-30"},
        DatelineCase{"29 February 2028", "2028-02-29"},
        DatelineCase{"12 Jan 2031 (local time)", "2031-01-12"},
        DatelineCase{"Tue 4 Feb. 2031 · 7:02 a.m. EST", "2031-02-04"},
        // Not datelines.
        DatelineCase{"31 February 2030", std::nullopt},
        DatelineCase{"29 February 2030", std::nullopt}, DatelineCase{"2030-02-30", std::nullopt},
        DatelineCase{"Updated 2 hours ago", std::nullopt},
        DatelineCase{"The council met on 3 March 2030 to vote.", std::nullopt},
        DatelineCase{"March 2030", std::nullopt}, DatelineCase{"3 March", std::nullopt},
        DatelineCase{"14/03/2031", std::nullopt}, DatelineCase{"Room 2030", std::nullopt},
        DatelineCase{"13 Smarch 2030", std::nullopt},
        DatelineCase{"3 March 2030 and 4 March 2030", std::nullopt},
        DatelineCase{"3 March 1850", std::nullopt}, DatelineCase{"03:24", std::nullopt},
        DatelineCase{"25:61 14 March 2031", std::nullopt},
        DatelineCase{"“14 March 2031”", std::nullopt}, DatelineCase{"", std::nullopt}));

struct LeadingCase {
  std::string line;
  std::optional<std::string> iso;
  std::string phrase;
};

void PrintTo(const LeadingCase& c, std::ostream* os) { *os << c.line; }

class LeadingDateTest : public ::testing::TestWithParam<LeadingCase> {};

TEST_P(LeadingDateTest, ReadsDateOpeningABodyLine) {
  const std::optional<LeadingDate> lead = ParseLeadingDate(GetParam().line, Lexicon());
  if (!GetParam().iso) {
    EXPECT_EQ(lead, std::nullopt) << GetParam().line;
    return;
  }
  ASSERT_TRUE(lead) << GetParam().line;
  EXPECT_EQ(lead->date.Iso(), *GetParam().iso);
  EXPECT_EQ(lead->phrase, GetParam().phrase);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, LeadingDateTest,
    ::testing::Values(
        LeadingCase{"EASTVALE, Sept. 3, 2030 (Harbour Wire) - The council voted.", "2030-09-03",
                    "Sept. 3, 2030"},
        LeadingCase{"March 3, 2030 — Officials in Eastvale said the ferry would run.", "2030-03-03",
                    "March 3, 2030"},
        LeadingCase{"NEW HARBOUR, Friday 14 March 2031: The pier was closed.", "2031-03-14",
                    "14 March 2031"},
        LeadingCase{"2031-03-14 - The pier was closed again.", "2031-03-14", "2031-03-14"},
        LeadingCase{"On March 3, 2030 the council met.", std::nullopt, ""},
        LeadingCase{"The council met on March 3, 2030 - as planned.", std::nullopt, ""},
        LeadingCase{"EASTVALE, March 3 (Harbour Wire) - No year here.", std::nullopt, ""},
        LeadingCase{"EASTVALE: The council voted on 3 March 2030.", std::nullopt, ""}));

TEST(ParseIsoDate, TakesTheDatePartOfMetadata) {
  EXPECT_EQ(ParseIsoDate("2021-09-28T10:53:00Z")->Iso(), "2021-09-28");
  EXPECT_EQ(ParseIsoDate(" 2028-02-29 ")->Iso(), "2028-02-29");
  EXPECT_EQ(ParseIsoDate("2031-03-14 09:30")->Iso(), "2031-03-14");
  EXPECT_EQ(ParseIsoDate("2030-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2030-13-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("20300101"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2030-01-01x"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseIsoDate(""), std::nullopt);
}

TEST(IsValidDate, KnowsMonthLengthsAndLeapYears) {
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(2100, 2, 29));
  EXPECT_TRUE(IsValidDate(2031, 4, 30));
  EXPECT_FALSE(IsValidDate(2031, 4, 31));
  EXPECT_FALSE(IsValidDate(2031, 0, 1));
  EXPECT_FALSE(IsValidDate(2031, 1, 0));
  EXPECT_FALSE(IsValidDate(1899, 1, 1));
}

TEST(DateLexicon, FindsNamesIgnoringCaseAndDots) {
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMonth, "Sept."), 9);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMonth, "DEC"), 12);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kWeekday, "Thurs"), 4);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMeridiem, "p.m."), 12);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kZone, "GMT"), 0);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kStamp, "Updated"), 0);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMonth, "Thurs"), std::nullopt);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMonth, "ferry"), std::nullopt);
  EXPECT_EQ(Lexicon().Find(LexiconKind::kMonth, std::string(100, 'a')), std::nullopt);
}

struct LexiconErrorCase {
  std::string contents;
  std::string message;
};

void PrintTo(const LexiconErrorCase& c, std::ostream* os) { *os << c.message; }

class DateLexiconParseError : public ::testing::TestWithParam<LexiconErrorCase> {};

TEST_P(DateLexiconParseError, PointsAtFileAndLine) {
  const Result<DateLexicon> lexicon =
      DateLexicon::Parse("lexicon/xx/dates.tsv", GetParam().contents);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(lexicon.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, DateLexiconParseError,
    ::testing::Values(
        LexiconErrorCase{"month\tjan\t1\nmnth\tfeb\t2\n",
                         "lexicon/xx/dates.tsv:2: unknown kind 'mnth' (expected month, weekday, "
                         "meridiem, zone or stamp)"},
        LexiconErrorCase{"# months\nmonth\tjan\n",
                         "lexicon/xx/dates.tsv:2: expected 3 tab-separated fields (kind, name, "
                         "value), got 2"},
        LexiconErrorCase{"month\tsmarch\t13\n",
                         "lexicon/xx/dates.tsv:1: month value must be 1..12, got '13'"},
        LexiconErrorCase{"weekday\tmon\tone\n",
                         "lexicon/xx/dates.tsv:1: value must be an integer, got 'one'"},
        LexiconErrorCase{"month\tSept.\t9\n",
                         "lexicon/xx/dates.tsv:1: name must be one lower-case word without "
                         "dots, got 'Sept.'"},
        LexiconErrorCase{"stamp\tposted\t1\n",
                         "lexicon/xx/dates.tsv:1: a stamp has the value '-', got '1'"},
        LexiconErrorCase{"meridiem\tpm\t11\n",
                         "lexicon/xx/dates.tsv:1: a meridiem value is 0 or 12, got '11'"},
        LexiconErrorCase{"month\tjan\t1\n\nmonth\tjan\t1\n",
                         "lexicon/xx/dates.tsv:3: duplicate month 'jan' (first on line 1)"}));

TEST(DateLexicon, SameNameMayHaveSeveralKinds) {
  const Result<DateLexicon> lexicon =
      DateLexicon::Parse("dates.tsv", "month\tmar\t3\nstamp\tmar\t-\nzone\tz\t0\nzone\tx\t-300\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_EQ(lexicon->Find(LexiconKind::kMonth, "mar"), 3);
  EXPECT_EQ(lexicon->Find(LexiconKind::kStamp, "mar"), 0);
  EXPECT_EQ(lexicon->Find(LexiconKind::kZone, "x"), -300);
}

}  // namespace
}  // namespace storyline::clean
