#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "text/text.h"

namespace storyline::text {
namespace {

std::vector<std::string> WordsOf(std::string_view text) {
  Result<Segmenter> segmenter = Segmenter::Create({}, DataFiles{});
  EXPECT_TRUE(segmenter.ok());
  std::vector<std::string> words;
  for (const Token& token : segmenter->Words(text, {0, static_cast<uint32_t>(text.size())})) {
    words.emplace_back(text.substr(token.span.begin, token.span.size()));
  }
  return words;
}

using Words = std::vector<std::string>;

TEST(Words, SplitsPossessivesAndNegationsAsTheTreebankDoes) {
  EXPECT_EQ(WordsOf("China's foreign minister didn't say."),
            (Words{"China", "'s", "foreign", "minister", "did", "n't", "say", "."}));
  EXPECT_EQ(WordsOf("NATO\xE2\x80\x99s chief"), (Words{"NATO", "\xE2\x80\x99s", "chief"}));
  EXPECT_EQ(WordsOf("the ministers' talks"), (Words{"the", "ministers", "'", "talks"}));
  EXPECT_EQ(WordsOf("they're here"), (Words{"they", "'re", "here"}));
}

// Regression: a clitic at the very start of the text split as "'" "s".
TEST(Words, CliticKeepsItsApostropheAtTheStartOfTheText) {
  EXPECT_EQ(WordsOf("'s big"), (Words{"'s", "big"}));
  EXPECT_EQ(WordsOf("x 's big"), (Words{"x", "'s", "big"}));
  EXPECT_EQ(WordsOf("\xE2\x80\x99re here"), (Words{"\xE2\x80\x99re", "here"}));
  EXPECT_EQ(WordsOf("'sup"), (Words{"'", "sup"}));
}

TEST(Words, KeepsAbbreviationsAndSplitsSentenceFullStops) {
  EXPECT_EQ(
      WordsOf("Mr. Wang met U.S. officials at 10 a.m. in Tianjin."),
      (Words{"Mr.", "Wang", "met", "U.S.", "officials", "at", "10", "a.m.", "in", "Tianjin", "."}));
  EXPECT_EQ(WordsOf("Jens J. Stoltenberg"), (Words{"Jens", "J.", "Stoltenberg"}));
  EXPECT_EQ(WordsOf("He waited..."), (Words{"He", "waited", "..."}));
}

TEST(Words, SeparatesQuotesBracketsAndDashes) {
  EXPECT_EQ(WordsOf("\xE2\x80\x9CPositive and constructive,\xE2\x80\x9D he said."),
            (Words{"\xE2\x80\x9C", "Positive", "and", "constructive", ",", "\xE2\x80\x9D", "he",
                   "said", "."}));
  EXPECT_EQ(WordsOf("(Reuters) \"Yes\""), (Words{"(", "Reuters", ")", "\"", "Yes", "\""}));
  EXPECT_EQ(WordsOf("Afghanistan\xE2\x80\x94with which"),
            (Words{"Afghanistan", "\xE2\x80\x94", "with", "which"}));
  EXPECT_EQ(WordsOf("peace--now"), (Words{"peace", "--", "now"}));
  EXPECT_EQ(WordsOf("'quoted'"), (Words{"'", "quoted", "'"}));
}

TEST(Words, KeepsNumbersHyphensAndInnerMarks) {
  EXPECT_EQ(WordsOf("$31 million, 3,000 doses, 31.5% of COVID-19 cases at 10:53"),
            (Words{"$", "31", "million", ",", "3,000", "doses", ",", "31.5", "%", "of", "COVID-19",
                   "cases", "at", "10:53"}));
  EXPECT_EQ(WordsOf("O'Brien of AT&T in the '90s"),
            (Words{"O'Brien", "of", "AT&T", "in", "the", "'90s"}));
}

TEST(Words, OffsetsAreBytesIntoTheText) {
  const std::string text = "x  Zürich’s mayor";
  Result<Segmenter> segmenter = Segmenter::Create({}, DataFiles{});
  ASSERT_TRUE(segmenter.ok());
  const std::vector<Token> tokens = segmenter->Words(text, {3, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].span, (ByteSpan{3, 10}));  // "Zürich" is 7 bytes
  EXPECT_EQ(tokens[1].span, (ByteSpan{10, 14}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[2].span, (ByteSpan{15, 20}));
}

TEST(Words, ClassifiesTokens) {
  Result<Segmenter> segmenter = Segmenter::Create({}, DataFiles{});
  ASSERT_TRUE(segmenter.ok());
  const std::string text = "In 2021 , $ 5";
  const std::vector<Token> tokens = segmenter->Words(text, {0, uint32_t(text.size())});
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunctuation);
  EXPECT_EQ(tokens[3].kind, TokenKind::kSymbol);
}

TEST(Words, SurvivesMarksOnlyAndEmptyRanges) {
  EXPECT_EQ(WordsOf(""), Words{});
  EXPECT_EQ(WordsOf("   "), Words{});
  EXPECT_EQ(WordsOf("'"), Words{"'"});
  EXPECT_EQ(WordsOf("\"\"\"!!"), (Words{"\"", "\"", "\"", "!", "!"}));
  EXPECT_EQ(WordsOf("...."), Words{"...."});
}

}  // namespace
}  // namespace storyline::text
