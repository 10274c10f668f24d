#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "text/text.h"

namespace storyline::text {
namespace {

Segmenter MakeSegmenter(const Options& options = {}) {
  Result<Segmenter> segmenter = Segmenter::Create(options, DataFiles{});
  EXPECT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  return std::move(segmenter).value();
}

std::vector<std::string> Strings(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::vector<std::string> strings;
  for (const ByteSpan& span : spans) strings.emplace_back(text.substr(span.begin, span.size()));
  return strings;
}

bool StartsWithSpace(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, int32_t(s.size()), c);
  return u_isUWhiteSpace(c);
}

bool EndsWithSpace(std::string_view s) {
  int32_t i = int32_t(s.size());
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return u_isUWhiteSpace(c);
}

// The contract every result must keep, whatever the text.
void ExpectWellFormed(std::string_view text, const std::vector<ByteSpan>& spans) {
  uint32_t previous_end = 0;
  for (const ByteSpan& span : spans) {
    EXPECT_LT(span.begin, span.end) << "empty span";
    EXPECT_LE(previous_end, span.begin) << "overlapping or out of order";
    ASSERT_LE(span.end, text.size());
    const std::string_view sentence = text.substr(span.begin, span.size());
    EXPECT_FALSE(StartsWithSpace(sentence)) << "leading space in \"" << sentence << "\"";
    EXPECT_FALSE(EndsWithSpace(sentence)) << "trailing space in \"" << sentence << "\"";
    previous_end = span.end;
  }
}

struct SentenceCase {
  const char* name;
  std::string text;
  std::vector<std::string> sentences;
};

void PrintTo(const SentenceCase& c, std::ostream* os) { *os << c.name; }

class SentencesTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentencesTest, SplitsAsExpected) {
  const SentenceCase& c = GetParam();
  Segmenter segmenter = MakeSegmenter();
  const std::vector<ByteSpan> spans = segmenter.Sentences(c.text);
  EXPECT_EQ(Strings(c.text, spans), c.sentences);
  ExpectWellFormed(c.text, spans);
}

// All people, places and outlets below are invented.
const SentenceCase kSentenceCases[] = {
    // Abbreviations that ICU would break after.
    {"TitleBeforeNameDoesNotEndSentence",
     "Mr. Tovald Brin arrived late. He sat down.",
     {"Mr. Tovald Brin arrived late.", "He sat down."}},
    {"RankBeforeNameDoesNotEndSentence",
     "Gen. Ilsa Ortiz spoke to the council. The vote followed.",
     {"Gen. Ilsa Ortiz spoke to the council.", "The vote followed."}},
    {"DoctorBeforeNameDoesNotEndSentence",
     "Dr. Hesper Lune of Castellan University led the study.",
     {"Dr. Hesper Lune of Castellan University led the study."}},
    {"TitleNeverEndsSentenceEvenBeforeStarter",
     "They met Sen. The Amberly family later.",
     {"They met Sen. The Amberly family later."}},
    {"TitleInsideBracketsDoesNotEndSentence",
     "The minister (Gen. Ortiz) spoke first.",
     {"The minister (Gen. Ortiz) spoke first."}},
    {"TitleAfterHyphenDoesNotEndSentence",
     "The ex-Gov. Arlen Voss of Westmarch said no.",
     {"The ex-Gov. Arlen Voss of Westmarch said no."}},
    {"TitleBeforeNoBreakSpaceDoesNotEndSentence",
     "Mr.\u00a0Brin left early.",
     {"Mr.\u00a0Brin left early."}},
    {"CountryBeforeLowercaseWordDoesNotEndSentence",
     "U.S. officials met in Varno on Tuesday.",
     {"U.S. officials met in Varno on Tuesday."}},
    {"CountryBeforeCapitalisedNounDoesNotEndSentence",
     "The U.S. Navy sent a ship to Port Ellery.",
     {"The U.S. Navy sent a ship to Port Ellery."}},
    {"MonthBeforeDayDoesNotEndSentence",
     "On Jan. 5 Mayor Ardo Pell opened the bridge.",
     {"On Jan. 5 Mayor Ardo Pell opened the bridge."}},
    {"NumberSignBeforeNumberDoesNotEndSentence",
     "They met at No. 10 Quill Lane in Dovermouth.",
     {"They met at No. 10 Quill Lane in Dovermouth."}},
    {"TimeOfDayDoesNotEndSentence",
     "The vote starts at 10 a.m. on Monday. Polls close at 8 p.m. Tuesday evening.",
     {"The vote starts at 10 a.m. on Monday.", "Polls close at 8 p.m. Tuesday evening."}},
    {"SaintBeforeNameDoesNotEndSentence",
     "Bells rang at St. Aldric Church in Varno.",
     {"Bells rang at St. Aldric Church in Varno."}},

    // Abbreviations that end a sentence.
    {"CountryBeforeStarterEndsSentence",
     "The firm moved to the U.S. The next day it hired staff.",
     {"The firm moved to the U.S.", "The next day it hired staff."}},
    {"CompanyBeforePronounEndsSentence",
     "Shares fell at Brindle Inc. They rose again on Friday.",
     {"Shares fell at Brindle Inc.", "They rose again on Friday."}},
    {"EtceteraBeforeStarterEndsSentence",
     "They sold apples, pears, etc. The market closed early.",
     {"They sold apples, pears, etc.", "The market closed early."}},
    {"MonthBeforeStarterEndsSentence",
     "The plant opened in Jan. In March it closed.",
     {"The plant opened in Jan.", "In March it closed."}},
    {"NoAsAnswerEndsSentence",
     "Was the plan approved? No. The committee rejected it.",
     {"Was the plan approved?", "No.", "The committee rejected it."}},
    {"StreetBeforeStarterEndsSentence",
     "They live on Quarry St. The house is old.",
     {"They live on Quarry St.", "The house is old."}},
    {"AbbreviationBeforeQuotedStarterEndsSentence",
     "They moved to the U.S. \u201cThe move was hard,\u201d she said.",
     {"They moved to the U.S.", "\u201cThe move was hard,\u201d she said."}},
    {"AbbreviationAtLineEndEndsSentence",
     "The firm is based in the U.S.\nIts staff work from Varno.",
     {"The firm is based in the U.S.", "Its staff work from Varno."}},
    {"TitleAtLineEndEndsSentence",
     "Talks with Mr.\nBrin failed.",
     {"Talks with Mr.", "Brin failed."}},
    {"AbbreviationAtTextEnd", "The firm is based in the U.S.", {"The firm is based in the U.S."}},

    // Initials.
    {"InitialsBeforeSurnameDoNotEndSentence",
     "J. R. Quenby wrote the report. It was long.",
     {"J. R. Quenby wrote the report.", "It was long."}},
    {"InitialThatIsAStarterWordStaysInName",
     "The author, J. A. Corlan, declined to comment.",
     {"The author, J. A. Corlan, declined to comment."}},
    {"NonAsciiInitialDoesNotEndSentence",
     "\u00d6. Kardel chairs the board.",
     {"\u00d6. Kardel chairs the board."}},
    {"SingleLetterBeforeStarterEndsSentence",
     "They chose Plan B. The vote was close.",
     {"They chose Plan B.", "The vote was close."}},
    {"PossessiveLetterIsNotAnInitial",
     "They ate at Ann's. Dinner was late.",
     {"They ate at Ann's.", "Dinner was late."}},

    // Numbers and quotes, handled by ICU.
    {"DecimalDoesNotEndSentence",
     "Prices rose 3.5 percent in Varno. Exports fell.",
     {"Prices rose 3.5 percent in Varno.", "Exports fell."}},
    {"MoneyWithDecimalDoesNotEndSentence",
     "The deal is worth $31.5 million, officials said. Talks went on.",
     {"The deal is worth $31.5 million, officials said.", "Talks went on."}},
    {"StraightQuoteAfterFullStopBelongsToSentence",
     "\"We are done.\" He left the room.",
     {"\"We are done.\"", "He left the room."}},
    {"CurlyQuoteAfterFullStopBelongsToSentence",
     "\u201cWe are done.\u201d He left the room.",
     {"\u201cWe are done.\u201d", "He left the room."}},
    {"QuestionAndExclamationEndSentences",
     "Will it rain? Nobody knows! Stay home.",
     {"Will it rain?", "Nobody knows!", "Stay home."}},
    {"ThreeFullStopsEndSentence",
     "They waited... The bus never came.",
     {"They waited...", "The bus never came."}},
    // ICU does not treat U+2026 as a sentence terminator; we keep its choice
    // because a mid-sentence elision ("the plan \u2026 failed") is as common.
    {"EllipsisCharacterDoesNotEndSentence",
     "They waited\u2026 The bus never came.",
     {"They waited\u2026 The bus never came."}},

    // Lines.
    {"BulletLinesWithoutStopAreSentences",
     "Key points:\n\u2013 A bullet line without stop\n\u2013 Another bullet\nThe body starts "
     "here.",
     {"Key points:", "\u2013 A bullet line without stop", "\u2013 Another bullet",
      "The body starts here."}},
    {"HeadlineWithoutStopIsSentence",
     "Flood waters rise in Marrowby\nResidents left their homes on Sunday. Schools closed.",
     {"Flood waters rise in Marrowby", "Residents left their homes on Sunday.", "Schools closed."}},
    {"ParagraphsEndSentences",
     "First paragraph ends. Second sentence\nNew paragraph here.\n\nLast one",
     {"First paragraph ends.", "Second sentence", "New paragraph here.", "Last one"}},
    {"CarriageReturnLineEndsEndSentences",
     "One line\r\nAnother line",
     {"One line", "Another line"}},
    {"SurroundingSpaceIsTrimmed",
     "  \n\t Hello there.   How are you?  \n\n ",
     {"Hello there.", "How are you?"}},
    {"EmptyTextHasNoSentences", "", {}},
    {"OnlySpaceHasNoSentences", " \n\t \n\u00a0\u3000 ", {}},

    // Other scripts.
    {"NonAsciiLettersAndPunctuation",
     "Z\u00fcrich-based \u00d6ko AG grew. Die Aktie stieg um 3,5 Prozent. "
     "\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002\u6211\u4eec\u8d70\u5427\u3002",
     {"Z\u00fcrich-based \u00d6ko AG grew.", "Die Aktie stieg um 3,5 Prozent.",
      "\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002", "\u6211\u4eec\u8d70\u5427\u3002"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, SentencesTest, ::testing::ValuesIn(kSentenceCases),
                         [](const ::testing::TestParamInfo<SentenceCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(SegmenterTest, SpansAreByteOffsetsIntoText) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text = "  Z\u00fcrich grew.  Mr. Brin left.\nDone";
  EXPECT_EQ(segmenter.Sentences(text), (std::vector<ByteSpan>{{2, 15}, {17, 31}, {32, 36}}));
}

// Whatever the pieces, the contract holds and only whitespace is left out.
TEST(SegmenterTest, RandomTextKeepsContractAndLosesNothing) {
  const char* const kPieces[] = {
      "Mr.",         "U.S.",   "J.",     "a.m.",   "etc.", "The",  "the",    "Brin",   "3.5",
      "No.",         "10",     "\u201c", "\u201d", "\"",   "...",  "\u2026", "?",      "!",
      ".",           " ",      " ",      " ",      "\n",   "\n\n", "\u00a0", "\u3000", "\u3002",
      "Z\u00fcrich", "\u2013", "(",      ")",      "\t",   "\r\n"};
  Segmenter segmenter = MakeSegmenter();
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int n = random() % 24; n > 0; --n) text += kPieces[random() % std::size(kPieces)];
    const std::vector<ByteSpan> spans = segmenter.Sentences(text);
    ExpectWellFormed(text, spans);
    // Every code point outside the spans is White_Space.
    size_t covered = 0;
    auto expect_space = [&](int32_t begin, int32_t end) {
      while (begin < end) {
        UChar32 c;
        U8_NEXT(text.data(), begin, end, c);
        EXPECT_TRUE(u_isUWhiteSpace(c)) << "lost U+" << std::hex << c << " in \"" << text << "\"";
      }
    };
    for (const ByteSpan& span : spans) {
      expect_space(int32_t(covered), int32_t(span.begin));
      covered = span.end;
    }
    expect_space(int32_t(covered), int32_t(text.size()));
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(SegmenterTest, MegabyteWithoutPunctuationIsOneSentenceInLinearTime) {
  Segmenter segmenter = MakeSegmenter();
  auto seconds_for = [&](size_t bytes, std::vector<ByteSpan>* spans) {
    std::string text;
    while (text.size() < bytes) text += "word after word ";
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      *spans = segmenter.Sentences(text);
      best = std::min(
          best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    EXPECT_EQ(*spans, (std::vector<ByteSpan>{{0, uint32_t(text.size() - 1)}}));
    return best;
  };
  std::vector<ByteSpan> spans;
  const double one = seconds_for(1 << 20, &spans);
  const double eight = seconds_for(8 << 20, &spans);
  // Linear is 8x; quadratic would be 64x. The margin absorbs timer noise.
  EXPECT_LT(eight, 32 * one + 0.05) << "1 MB: " << one << " s, 8 MB: " << eight << " s";
}

TEST(SegmenterTest, LongRunOfTitlesIsOneSentence) {
  Segmenter segmenter = MakeSegmenter();
  std::string text;
  while (text.size() < (1 << 20)) text += "Mr. Dr. Gen. ";
  text += "Brin left.";
  EXPECT_EQ(segmenter.Sentences(text), (std::vector<ByteSpan>{{0, uint32_t(text.size())}}));
}

TEST(SegmenterTest, FilteredIcuLocaleStillAppliesOurList) {
  Options options;
  options.locale = "en@ss=standard";
  Segmenter segmenter = MakeSegmenter(options);
  const std::string text =
      "Mr.\u00a0Brin met Gen. Ortiz in the U.S. The talks went well. J. R. Quenby agreed.";
  EXPECT_EQ(Strings(text, segmenter.Sentences(text)),
            (std::vector<std::string>{"Mr.\u00a0Brin met Gen. Ortiz in the U.S.",
                                      "The talks went well.", "J. R. Quenby agreed."}));
}

TEST(SegmenterTest, CopiesSegmentIndependently) {
  Segmenter original = MakeSegmenter();
  Segmenter copy = original;
  const std::string first = "Mr. Brin left. Gen. Ortiz stayed.";
  const std::string second = "One. Two. Three.";
  // Interleave: each copy keeps its own iterator position.
  EXPECT_EQ(original.Sentences(first).size(), 2u);
  EXPECT_EQ(copy.Sentences(second).size(), 3u);
  EXPECT_EQ(original.Sentences(second), copy.Sentences(second));

  Segmenter assigned = MakeSegmenter();
  assigned = copy;
  Segmenter moved = std::move(copy);
  EXPECT_EQ(assigned.Sentences(first), moved.Sentences(first));
  EXPECT_EQ(Strings(first, assigned.Sentences(first)),
            (std::vector<std::string>{"Mr. Brin left.", "Gen. Ortiz stayed."}));
}

// The iterators still point at the last text; a copy must not read it.
TEST(SegmenterTest, CopiesAfterTheLastTextIsGone) {
  Segmenter original = MakeSegmenter();
  {
    const std::string gone = "Mr. Brin left. Gen. Ortiz stayed.";
    EXPECT_EQ(original.Sentences(gone).size(), 2u);
    EXPECT_EQ(original.Tokens(gone, {0, 3}).size(), 2u);
  }
  Segmenter copy = original;
  const std::string text = "One. Two.";
  EXPECT_EQ(copy.Sentences(text), (std::vector<ByteSpan>{{0, 4}, {5, 9}}));
  EXPECT_EQ(original.Sentences(text), (std::vector<ByteSpan>{{0, 4}, {5, 9}}));
}

TEST(SegmenterTest, UnknownLocaleIsInvalidArgument) {
  Options options;
  options.locale = "xx";
  Result<Segmenter> segmenter = Segmenter::Create(options, DataFiles{});
  ASSERT_FALSE(segmenter.ok());
  EXPECT_EQ(segmenter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(segmenter.status().message(), "unknown locale 'xx'");
}

TEST(SegmenterTest, MissingAbbreviationFileIsNotFound) {
  Options options;
  options.abbreviations = "text/no-such-file.txt";
  Result<Segmenter> segmenter = Segmenter::Create(options, DataFiles{});
  ASSERT_FALSE(segmenter.ok());
  EXPECT_EQ(segmenter.status().code(), StatusCode::kNotFound);
}

TEST(SegmenterTest, BadAbbreviationFileReportsLineAndColumn) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("segment_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "text");
  std::ofstream(dir / "text" / "bad.txt") << "prefix Mr.\nprefix Dr\n";
  Options options;
  options.abbreviations = "text/bad.txt";
  Result<Segmenter> segmenter = Segmenter::Create(options, DataFiles(dir.string()));
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(segmenter.ok());
  EXPECT_EQ(segmenter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(segmenter.status().message(),
            "text/bad.txt:2:8: an abbreviation ends with '.'\nprefix Dr\n       ^");
}

TEST(SegmenterTest, OverrideFileReplacesEmbeddedList) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("segment_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "text");
  std::ofstream(dir / "text" / "abbreviations.en.txt") << "prefix Cllr.\n";
  Result<Segmenter> segmenter = Segmenter::Create({}, DataFiles(dir.string()));
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  const std::string text = "Cllr. Brin met Mr. Ortiz.";
  EXPECT_EQ(Strings(text, segmenter->Sentences(text)),
            (std::vector<std::string>{"Cllr. Brin met Mr.", "Ortiz."}));
}

// Tokens.

struct TokenText {
  std::string text;
  TokenKind kind;
  bool operator==(const TokenText&) const = default;
};

void PrintTo(const TokenText& t, std::ostream* os) {
  static const char* const kNames[] = {"word", "number", "punctuation", "symbol"};
  *os << "{\"" << t.text << "\", " << kNames[static_cast<int>(t.kind)] << "}";
}

std::vector<TokenText> TokenTexts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<TokenText> result;
  for (const Token& token : tokens) {
    result.push_back({std::string(text.substr(token.span.begin, token.span.size())), token.kind});
  }
  return result;
}

constexpr TokenKind kW = TokenKind::kWord;
constexpr TokenKind kN = TokenKind::kNumber;
constexpr TokenKind kP = TokenKind::kPunctuation;
constexpr TokenKind kS = TokenKind::kSymbol;

TEST(TokensTest, SplitsWordsNumbersPunctuationAndSymbols) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text = "Mr. Brin paid $31.5 million (3.5%) on 2024-03-05, she said.";
  EXPECT_EQ(TokenTexts(text, segmenter.Tokens(text, {0, uint32_t(text.size())})),
            (std::vector<TokenText>{
                {"Mr", kW},      {".", kP},    {"Brin", kW}, {"paid", kW}, {"$", kS},  {"31.5", kN},
                {"million", kW}, {"(", kP},    {"3.5", kN},  {"%", kP},    {")", kP},  {"on", kW},
                {"2024", kN},    {"-", kP},    {"03", kN},   {"-", kP},    {"05", kN}, {",", kP},
                {"she", kW},     {"said", kW}, {".", kP}}));
}

TEST(TokensTest, HandlesNonAsciiLettersQuotesAndDashes) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text =
      "\u201cZ\u00fcrich\u2019s na\u00efve plan \u2014 a caf\u00e9 \u2014 failed,\u201d he said "
      "\u2192 \u00a9";
  EXPECT_EQ(TokenTexts(text, segmenter.Tokens(text, {0, uint32_t(text.size())})),
            (std::vector<TokenText>{{"\u201c", kP},
                                    {"Z\u00fcrich\u2019s", kW},
                                    {"na\u00efve", kW},
                                    {"plan", kW},
                                    {"\u2014", kP},
                                    {"a", kW},
                                    {"caf\u00e9", kW},
                                    {"\u2014", kP},
                                    {"failed", kW},
                                    {",", kP},
                                    {"\u201d", kP},
                                    {"he", kW},
                                    {"said", kW},
                                    {"\u2192", kS},
                                    {"\u00a9", kS}}));
}

TEST(TokensTest, ClassifiesEmojiAndGroupedDigits) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text = "3,000 fans \U0001F600 #win";
  EXPECT_EQ(TokenTexts(text, segmenter.Tokens(text, {0, uint32_t(text.size())})),
            (std::vector<TokenText>{
                {"3,000", kN}, {"fans", kW}, {"\U0001F600", kS}, {"#", kP}, {"win", kW}}));
}

TEST(TokensTest, SplitsChineseIntoWords) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text = "\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002";
  const std::vector<TokenText> tokens =
      TokenTexts(text, segmenter.Tokens(text, {0, uint32_t(text.size())}));
  ASSERT_FALSE(tokens.empty());
  std::string joined;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].kind, kW) << tokens[i].text;
    joined += tokens[i].text;
  }
  EXPECT_EQ(tokens.back(), (TokenText{"\u3002", kP}));
  EXPECT_EQ(joined, "\u4eca\u5929\u5929\u6c14\u5f88\u597d");
  EXPECT_GT(tokens.size(), 2u) << "expected dictionary-based word breaks";
}

TEST(TokensTest, OffsetsPointIntoWholeText) {
  Segmenter segmenter = MakeSegmenter();
  const std::string text = "Intro line\nGen. Ortiz said 42 \u00e9l\u00e8ves left.";
  const std::vector<ByteSpan> sentences = segmenter.Sentences(text);
  ASSERT_EQ(sentences.size(), 2u);
  const std::vector<Token> tokens = segmenter.Tokens(text, sentences[1]);
  EXPECT_EQ(TokenTexts(text, tokens), (std::vector<TokenText>{{"Gen", kW},
                                                              {".", kP},
                                                              {"Ortiz", kW},
                                                              {"said", kW},
                                                              {"42", kN},
                                                              {"\u00e9l\u00e8ves", kW},
                                                              {"left", kW},
                                                              {".", kP}}));
  EXPECT_EQ(tokens.front().span, (ByteSpan{11, 14}));
  EXPECT_EQ(tokens.back().span.end, text.size());
  for (const Token& token : tokens) {
    EXPECT_GE(token.span.begin, sentences[1].begin);
    EXPECT_LE(token.span.end, sentences[1].end);
  }
}

TEST(TokensTest, EmptyRangeHasNoTokens) {
  Segmenter segmenter = MakeSegmenter();
  EXPECT_TRUE(segmenter.Tokens("some text", {4, 4}).empty());
  EXPECT_TRUE(segmenter.Tokens("  \n\t ", {0, 5}).empty());
}

}  // namespace
}  // namespace storyline::text
