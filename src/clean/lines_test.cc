#include "clean/lines.h"

#include <gtest/gtest.h>

namespace storyline::clean {
namespace {

TEST(TrimSpace, RemovesAsciiAndUnicodeSpaces) {
  EXPECT_EQ(TrimSpace("  ferry \t\r"), "ferry");
  EXPECT_EQ(TrimSpace("\xC2\xA0"), "");
  EXPECT_EQ(TrimSpace("\xC2\xA0 \xE2\x80\x89pier\xE3\x80\x80\xEF\xBB\xBF"), "pier");
  EXPECT_EQ(TrimSpace("\xE2\x80\x93 bullet"), "\xE2\x80\x93 bullet");  // a dash is not space
  EXPECT_EQ(TrimSpace("a\xC2\xA0"
                      "b"),
            "a\xC2\xA0"
            "b");
  EXPECT_EQ(TrimSpace(""), "");
  EXPECT_EQ(TrimSpace("\xC2"), "\xC2");  // a lone lead byte stays
}

TEST(ShapeOf, SeesSentenceEndsThroughClosingQuotes) {
  EXPECT_TRUE(ShapeOf("He said it was “over.”").ends_sentence);
  EXPECT_TRUE(ShapeOf("It was “over”.").ends_full_stop);
  EXPECT_TRUE(ShapeOf("Is it over?").ends_sentence);
  EXPECT_FALSE(ShapeOf("Is it over?").ends_full_stop);
  EXPECT_TRUE(ShapeOf("And then…").ends_full_stop);
  EXPECT_FALSE(ShapeOf("Pier reopens after storm").ends_sentence);
  EXPECT_TRUE(ShapeOf("He said:").ends_clause);
}

TEST(ShapeOf, CountsWordsUpToTheHeadlineLimit) {
  EXPECT_EQ(ShapeOf("one two\xC2\xA0three").words, 3);
  std::string long_line;
  for (int i = 0; i < 100; ++i) long_line += "word ";
  EXPECT_EQ(ShapeOf(long_line).words, kMaxHeadlineWords + 1);
}

TEST(IsHeadlineLike, TakesShortUnpunctuatedCapitalisedLines) {
  EXPECT_TRUE(IsHeadlineLike(ShapeOf("Pier reopens after winter storm")));
  EXPECT_TRUE(IsHeadlineLike(ShapeOf("Will the new ferry run on time?")));
  EXPECT_TRUE(IsHeadlineLike(ShapeOf("‘We waited years’: residents cheer later ferries")));
  EXPECT_FALSE(IsHeadlineLike(ShapeOf("Pier reopens after storm.")));
  EXPECT_FALSE(IsHeadlineLike(ShapeOf("World news")));
  EXPECT_FALSE(IsHeadlineLike(ShapeOf("and the pier reopened after the storm")));
  EXPECT_FALSE(IsHeadlineLike(ShapeOf("\xE2\x80\x93 Two new evening crossings from May")));
  EXPECT_FALSE(IsHeadlineLike(ShapeOf("12 34 56")));  // digits only
}

}  // namespace
}  // namespace storyline::clean
