#include "quotes/lexicon.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "quotes/quotes.h"

namespace storyline::quotes {
namespace {

std::string ErrorOf(std::string_view contents) {
  const Result<Lexicon> lexicon = Lexicon::Parse(contents, "cues.tsv");
  return lexicon.ok() ? "ok" : lexicon.status().message();
}

TEST(LexiconTest, ReadsCuesWithTheirKindsLongestFirst) {
  const Result<Lexicon> lexicon = Lexicon::Parse(
      "# comment\n"
      "verb\tsay, said\n"
      "source_after\taccording to\n"
      "verb\tpoint, point out\n"
      "object_verb\ttold\n",
      "cues.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  const std::vector<CuePhrase>& point = lexicon->CuesStartingWith(lexicon->WordId("point"));
  ASSERT_EQ(point.size(), 2u);
  EXPECT_EQ(point[0].words.size(), 2u);
  EXPECT_EQ(point[1].words.size(), 1u);
  const std::vector<CuePhrase>& according = lexicon->CuesStartingWith(lexicon->WordId("according"));
  ASSERT_EQ(according.size(), 1u);
  EXPECT_EQ(according[0].kind, CueKind::kSourceAfter);
  EXPECT_EQ(lexicon->CuesStartingWith(lexicon->WordId("told"))[0].kind, CueKind::kObjectVerb);
  EXPECT_EQ(lexicon->WordId("unknown"), kUnknownWord);
  EXPECT_TRUE(lexicon->CuesStartingWith(kUnknownWord).empty());
}

TEST(LexiconTest, GivesAWordAllItsRoles) {
  const Result<Lexicon> lexicon = Lexicon::Parse(
      "left_boundary\tthat\nright_boundary\tthat\ndeterminer\tthat\n"
      "link\thas, has been\nperson_pronoun\the\n",
      "cues.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_EQ(lexicon->Roles(lexicon->WordId("that")), kLeftBoundary | kRightBoundary | kDeterminer);
  EXPECT_EQ(lexicon->Roles(lexicon->WordId("he")), kPersonPronoun);
  EXPECT_EQ(lexicon->Roles(lexicon->WordId("has")), kLink);
  // "been" is only known as the end of the two-word link.
  EXPECT_EQ(lexicon->Roles(lexicon->WordId("been")), 0);
  EXPECT_EQ(lexicon->LinksEndingWith(lexicon->WordId("been")).size(), 1u);
}

TEST(LexiconTest, ReportsTheFileAndLineOfABadRow) {
  EXPECT_EQ(ErrorOf("verb\tsay\nverbb\tsaid\n"), "cues.tsv:2: unknown kind 'verbb'");
  EXPECT_EQ(ErrorOf("\n\nverb\n"), "cues.tsv:3: expected 2 tab-separated fields: KIND, FORMS");
  EXPECT_EQ(ErrorOf("verb\tsay\textra\n"),
            "cues.tsv:1: expected 2 tab-separated fields: KIND, FORMS");
  EXPECT_EQ(ErrorOf("verb\tSaid\n"),
            "cues.tsv:1: a form must be lower-case words separated by single spaces, got 'Said'");
  EXPECT_EQ(ErrorOf("verb\tpoint  out\n"),
            "cues.tsv:1: a form must be lower-case words separated by single spaces, got "
            "'point  out'");
  EXPECT_EQ(ErrorOf("verb\tsay,said\n"),
            "cues.tsv:1: a form must be lower-case words separated by single spaces, got "
            "'say,said'");
  EXPECT_EQ(ErrorOf("verb\tsay\n"), "ok");
  EXPECT_EQ(ErrorOf("verb\tsaid\nobject_verb\tsaid\n"),
            "cues.tsv:2: cue 'said' already given on line 1");
  EXPECT_EQ(ErrorOf("person_pronoun\the, she, he\n"), "cues.tsv:1: duplicate person_pronoun 'he'");
  EXPECT_EQ(ErrorOf("relative\twho said\n"),
            "cues.tsv:1: relative must be one word, got 'who said'");
}

TEST(LexiconTest, ShippedFileLoads) { EXPECT_TRUE(Finder::Create({}, DataFiles{}).ok()); }

TEST(LexiconTest, FinderNamesAMissingFileAndBadOptions) {
  Options options;
  options.cues = "quotes/missing.tsv";
  const Result<Finder> missing = Finder::Create(options, DataFiles{});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  Options negative;
  negative.scare_quote_max_words = -1;
  const Result<Finder> bad = Finder::Create(negative, DataFiles{});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace storyline::quotes
