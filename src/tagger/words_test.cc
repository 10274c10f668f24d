#include "tagger/words.h"

#include <gtest/gtest.h>

namespace storyline::tagger {
namespace {

std::string Shape(std::string_view word, bool collapse) {
  std::string shape;
  WordShape(word, collapse, &shape);
  return shape;
}

std::string Lower(std::string_view word) {
  std::string lower;
  LowerCase(word, &lower);
  return lower;
}

TEST(WordShape, LongShapeKeepsRunsOfUpToFour) {
  EXPECT_EQ(Shape("Brussels", false), "Xxxxx");
  EXPECT_EQ(Shape("1996-08-22", false), "dddd-dd-dd");
  EXPECT_EQ(Shape("U.S.", false), "X.X.");
  EXPECT_EQ(Shape("McBride's", false), "XxXxxxx'x");
  EXPECT_EQ(Shape("3,000", false), "d,ddd");
}

TEST(WordShape, ShortShapeCollapsesRuns) {
  EXPECT_EQ(Shape("Brussels", true), "Xx");
  EXPECT_EQ(Shape("1996-08-22", true), "d-d-d");
  EXPECT_EQ(Shape("NATO", true), "X");
  EXPECT_EQ(Shape("iPod", true), "xXx");
}

TEST(WordShape, ClassifiesLatin1LettersAndKeepsPunctuationMarks) {
  EXPECT_EQ(Shape("São", false), "Xxx");
  EXPECT_EQ(Shape("ÉCOLE", true), "X");
  EXPECT_EQ(Shape("“", false), "“");
  EXPECT_EQ(Shape("Москва", true), "o");
}

TEST(CasingOf, ReadsTheShape) {
  EXPECT_EQ(CasingOf(Shape("Lisbon", true)), Casing::kTitle);
  EXPECT_EQ(CasingOf(Shape("McBride", true)), Casing::kTitle);
  EXPECT_EQ(CasingOf(Shape("NATO", true)), Casing::kUpper);
  EXPECT_EQ(CasingOf(Shape("U.S.", true)), Casing::kUpper);
  EXPECT_EQ(CasingOf(Shape("said", true)), Casing::kLower);
  EXPECT_EQ(CasingOf(Shape("eBay", true)), Casing::kMixed);
  EXPECT_EQ(CasingOf(Shape("1996", true)), Casing::kNoLetters);
  EXPECT_EQ(CasingOf(Shape(",", true)), Casing::kNoLetters);
}

TEST(LowerCase, LowersAsciiAndLatin1Capitals) {
  EXPECT_EQ(Lower("ÉCOLE Zürich"), "école zürich");
  EXPECT_EQ(Lower("ÀÞ×"), "àþ×");  // U+00D7 (multiplication sign) has no lower case
  EXPECT_EQ(Lower("ΑΒΓ"), "ΑΒΓ");  // beyond Latin-1: unchanged
}

TEST(Affixes, CountCharactersNotBytes) {
  EXPECT_EQ(Prefix("Zürich", 2), "Zü");
  EXPECT_EQ(Suffix("Zürich", 4), "rich");
  EXPECT_EQ(Suffix("São", 2), "ão");
  EXPECT_EQ(Prefix("of", 2), "of");
  EXPECT_EQ(Prefix("of", 3), "");
  EXPECT_EQ(Suffix("of", 3), "");
  EXPECT_EQ(Prefix("", 1), "");
}

TEST(Affixes, SurviveBrokenUtf8) {
  const std::string truncated = "ab\xC3";
  EXPECT_EQ(Prefix(truncated, 3), truncated);
  EXPECT_EQ(Suffix("\x80\x80", 1), "\x80\x80");
  EXPECT_EQ(Shape(truncated, false), "xxo");
}

TEST(Mix, DependsOnOrder) {
  EXPECT_NE(Mix(1, 2), Mix(2, 1));
  EXPECT_EQ(Mix(1, 2), Mix(1, 2));
}

}  // namespace
}  // namespace storyline::tagger
