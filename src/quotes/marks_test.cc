#include "quotes/marks.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::quotes {
namespace {

// The content of each region, "+" appended to one left open.
std::vector<std::string> Contents(std::string_view text) {
  std::vector<std::string> contents;
  for (const QuotedRegion& r : FindQuotedRegions(text)) {
    contents.push_back(std::string(text.substr(r.content.begin, r.content.size())) +
                       (r.closed ? "" : "+"));
  }
  return contents;
}

TEST(MarksTest, FindsStraightAndCurlyQuotesWithTheirOffsets) {
  const std::string text = "He said \"yes\" and “no”.";
  const std::vector<QuotedRegion> regions = FindQuotedRegions(text);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].content, (ByteSpan{9, 12}));
  EXPECT_EQ(regions[0].outer, (ByteSpan{8, 13}));
  EXPECT_EQ(regions[1].content, (ByteSpan{21, 23}));  // “ is 3 bytes at 18
  EXPECT_EQ(regions[1].outer, (ByteSpan{18, 26}));
}

TEST(MarksTest, NestedSingleQuotesStayInside) {
  EXPECT_EQ(Contents("“He told me ‘never again’ twice,” she said."),
            (std::vector<std::string>{"He told me ‘never again’ twice,"}));
  EXPECT_EQ(Contents("\"He told me 'never again' twice,\" she said."),
            (std::vector<std::string>{"He told me 'never again' twice,"}));
}

TEST(MarksTest, NestedDoubleQuotesOfTheOtherStyleStayInside) {
  EXPECT_EQ(Contents("\"The sign read “Closed” all week.\" she said."),
            (std::vector<std::string>{"The sign read “Closed” all week."}));
  EXPECT_EQ(Contents("“The sign read “Closed” all week.” she said."),
            (std::vector<std::string>{"The sign read “Closed” all week."}));
}

TEST(MarksTest, AQuoteContinuedOverParagraphsIsOneRegion) {
  const std::string text =
      "“The first paragraph ends open.\n"
      "“The second one closes,” she said.\n"
      "Then “another”.";
  EXPECT_EQ(Contents(text),
            (std::vector<std::string>{"The first paragraph ends open.\n“The second one closes,",
                                      "another"}));
  // Blank lines between the paragraphs do not matter.
  EXPECT_EQ(Contents("\"Open.\n\n\"Closed.\""), (std::vector<std::string>{"Open.\n\n\"Closed."}));
}

TEST(MarksTest, AnUnclosedQuoteEndsWithItsParagraph) {
  EXPECT_EQ(Contents("“Never closed\nA new paragraph “done”."),
            (std::vector<std::string>{"Never closed+", "done"}));
  EXPECT_EQ(Contents("A last “open"), (std::vector<std::string>{"open+"}));
}

TEST(MarksTest, MixedStylesCloseAQuote) {
  EXPECT_EQ(Contents("\"Two people can do it,” said Smith. “That is all.”"),
            (std::vector<std::string>{"Two people can do it,", "That is all."}));
}

TEST(MarksTest, StrayMarksOpenNothing) {
  EXPECT_EQ(Contents("A closing ” alone, and a straight \" before a space."),
            (std::vector<std::string>{}));
  EXPECT_EQ(Contents("Empty “” marks."), (std::vector<std::string>{}));
  EXPECT_EQ(Contents(""), (std::vector<std::string>{}));
  EXPECT_EQ(Contents("\xE2\x80"), (std::vector<std::string>{}));  // a cut mark
}

TEST(MarksTest, GuillemetsDelimitQuotes) {
  EXPECT_EQ(Contents("Il a dit «non» hier."), (std::vector<std::string>{"non"}));
}

}  // namespace
}  // namespace storyline::quotes
