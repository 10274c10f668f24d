#include "text/abbreviations.h"

#include <gtest/gtest.h>

#include <string>

#include "core/data_files.h"

namespace storyline::text {
namespace {

TEST(AbbreviationsTest, ReadsClassesCommentsAndBlankLines) {
  Result<Abbreviations> parsed = Abbreviations::Parse(
      "t.txt", "# a comment\n\nprefix Mr.\r\n  abbrev\tU.S.   # trailing comment\nstarter The\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->IsPrefix("Mr."));
  EXPECT_FALSE(parsed->IsAbbrev("Mr."));
  EXPECT_TRUE(parsed->IsAbbrev("U.S."));
  EXPECT_TRUE(parsed->IsStarter("The"));
  EXPECT_FALSE(parsed->IsStarter("the"));
  EXPECT_FALSE(parsed->IsPrefix("mr."));
}

TEST(AbbreviationsTest, EmbeddedListParses) {
  Result<std::string> contents = DataFiles{}.Read("text/abbreviations.en.txt");
  ASSERT_TRUE(contents.ok());
  Result<Abbreviations> parsed = Abbreviations::Parse("text/abbreviations.en.txt", *contents);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->IsPrefix("Gen."));
  EXPECT_TRUE(parsed->IsAbbrev("Jan."));
  EXPECT_TRUE(parsed->IsStarter("However"));
}

struct ErrorCase {
  const char* name;
  std::string contents;
  std::string message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class AbbreviationsErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(AbbreviationsErrorTest, PointsAtTheFault) {
  Result<Abbreviations> parsed = Abbreviations::Parse("t.txt", GetParam().contents);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), GetParam().message);
}

const ErrorCase kErrorCases[] = {
    {"UnknownClass", "prefix Mr.\ntitle Dr.\n",
     "t.txt:2:1: unknown class 'title' (expected prefix, abbrev or starter)\ntitle Dr.\n^"},
    {"MissingEntry", "prefix\n", "t.txt:1:7: expected a class and an entry\nprefix\n      ^"},
    {"ExtraField", "prefix Mr. Dr.\n",
     "t.txt:1:12: unexpected text after the entry\nprefix Mr. Dr.\n           ^"},
    {"AbbreviationWithoutFullStop", "abbrev Inc\n",
     "t.txt:1:8: an abbreviation ends with '.'\nabbrev Inc\n       ^"},
    {"AbbreviationWithNonAsciiLetter", "abbrev Stra\u00dfe.\n",
     "t.txt:1:8: an abbreviation has only ASCII letters and '.'\nabbrev Stra\u00dfe.\n       ^"},
    {"AbbreviationStartingWithFullStop", "abbrev .com.\n",
     "t.txt:1:8: an abbreviation starts with a letter\nabbrev .com.\n       ^"},
    {"AbbreviationTooLong", "abbrev Abcdefghijklmnopq.\n",
     "t.txt:1:8: an abbreviation has at most 16 bytes\nabbrev Abcdefghijklmnopq.\n       ^"},
    {"LowercaseStarter", "starter the\n",
     "t.txt:1:9: a starter starts with a capital letter\nstarter the\n        ^"},
    {"StarterWithFullStop", "starter The.\n",
     "t.txt:1:9: a starter has only ASCII letters\nstarter The.\n        ^"},
    {"CaretFollowsTabs", "\tprefix\tDr\n",
     "t.txt:1:9: an abbreviation ends with '.'\n\tprefix\tDr\n\t      \t^"},
    {"Duplicate", "prefix Mr.\n\nabbrev Mr.\n",
     "t.txt:3:8: duplicate entry 'Mr.' (first on line 1)\nabbrev Mr.\n       ^"},
};

INSTANTIATE_TEST_SUITE_P(Cases, AbbreviationsErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace storyline::text
