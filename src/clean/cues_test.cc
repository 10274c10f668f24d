#include "clean/cues.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "clean/test_util.h"

namespace storyline::clean {
namespace {

using ::storyline::clean::testing::CheckAccounting;
using ::storyline::clean::testing::CleanText;
using ::storyline::clean::testing::KeptLines;
using ::storyline::clean::testing::Lines;
using ::storyline::clean::testing::ReasonFor;

// ---------------------------------------------------------------------------
// Loader.

TEST(CueSetParse, ReadsKindsReasonsAndComments) {
  const Result<CueSet> cues = CueSet::Parse("cues.tsv",
                                            "# a comment\n"
                                            "\n"
                                            "line\tad\t^advert$\r\n"
                                            "next\tvideo\t^\\d+:\\d\\d$\n"
                                            "block\trelated\t^see these$\n");
  ASSERT_TRUE(cues.ok()) << cues.status().ToString();
  ASSERT_EQ(cues->size(), 3);
  EXPECT_EQ(cues->cue(0).kind, CueKind::kLine);
  EXPECT_EQ(cues->cue(0).reason, "ad");
  EXPECT_EQ(cues->cue(0).line, 3);
  EXPECT_EQ(cues->cue(1).kind, CueKind::kNext);
  EXPECT_EQ(cues->cue(2).kind, CueKind::kBlock);
  std::vector<int> scratch;
  EXPECT_EQ(cues->Match("ADVERT", scratch), 0);  // case-insensitive by default
  EXPECT_EQ(cues->Match("12:07", scratch), 1);
  EXPECT_EQ(cues->Match("see these", scratch), 2);
  EXPECT_EQ(cues->Match("an advert", scratch), -1);
}

TEST(CueSetParse, FirstMatchingRowInFileOrderWins) {
  const Result<CueSet> cues =
      CueSet::Parse("cues.tsv", "line\tcounter\t^\\d+$\nline\tad\t^1$\nline\tsocial\t(?-i)^Xy$\n");
  ASSERT_TRUE(cues.ok());
  std::vector<int> scratch;
  EXPECT_EQ(cues->Match("1", scratch), 0);
  EXPECT_EQ(cues->Match("Xy", scratch), 2);
  EXPECT_EQ(cues->Match("xy", scratch), -1);  // (?-i) turns case back on
}

struct LoaderErrorCase {
  std::string contents;
  std::string message;
};

void PrintTo(const LoaderErrorCase& c, std::ostream* os) { *os << c.message; }

class CueSetParseError : public ::testing::TestWithParam<LoaderErrorCase> {};

TEST_P(CueSetParseError, PointsAtFileAndLine) {
  const Result<CueSet> cues = CueSet::Parse("boilerplate/test.tsv", GetParam().contents);
  ASSERT_FALSE(cues.ok());
  EXPECT_EQ(cues.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(cues.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, CueSetParseError,
    ::testing::Values(
        LoaderErrorCase{"line\tad\t^ad$\nlines\tad\t^x$\n",
                        "boilerplate/test.tsv:2: unknown kind 'lines' (expected line, next or "
                        "block)"},
        LoaderErrorCase{"# header\n\nline\tad\n",
                        "boilerplate/test.tsv:3: expected 3 tab-separated fields (kind, "
                        "reason, pattern), got 2"},
        LoaderErrorCase{"line\tad\t^a\tb$\n",
                        "boilerplate/test.tsv:1: expected 3 tab-separated fields (kind, "
                        "reason, pattern), got 4"},
        LoaderErrorCase{"line\tPhoto Credit\t^x$\n",
                        "boilerplate/test.tsv:1: reason must be a snake_case code, got 'Photo "
                        "Credit'"},
        LoaderErrorCase{"line\tad\t\n", "boilerplate/test.tsv:1: empty pattern"},
        LoaderErrorCase{"line\tad\t^ok$\nline\tad\t^(unclosed$\n",
                        "boilerplate/test.tsv:2: bad pattern: missing ): ^(unclosed$"},
        LoaderErrorCase{"line\tad\tx*\n",
                        "boilerplate/test.tsv:1: pattern matches an empty line"}));

TEST(CleanerCreate, ReportsBadCueFileWithItsDataPath) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("storyline_cues_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "boilerplate");
  std::ofstream(dir / "boilerplate" / "broken.tsv") << "line\tad\t^fine$\nline\tad\t[z-a]\n";
  Options options;
  options.cues = "boilerplate/broken.tsv";
  const Result<Cleaner> cleaner = Cleaner::Create(options, DataFiles(dir.string()));
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(cleaner.ok());
  EXPECT_EQ(cleaner.status().message(),
            "boilerplate/broken.tsv:2: bad pattern: invalid character class range: z-a");
}

TEST(CleanerCreate, ShippedRulesLoad) {
  const Result<Cleaner> cleaner = Cleaner::Create({}, DataFiles{});
  EXPECT_TRUE(cleaner.ok()) << cleaner.status().ToString();
}

// ---------------------------------------------------------------------------
// The shipped cues, on invented lines placed inside an invented article.

const std::string kHeadline = "Eastvale council adds evening ferry crossings";
const std::string kBody1 =
    "The Eastvale harbour council voted on Thursday to add two evening crossings to the ferry "
    "timetable from May.";
// Where a line removed between kBody1 and kBody2 stands in the clean text.
const uint32_t kAfterBody1 = static_cast<uint32_t>(kBody1.size() + 1);
const std::string kBody2 =
    "Councillors said the later ferries would help shift workers at the fish market get home "
    "before midnight.";

struct LineCueCase {
  std::string line;
  std::string reason;
};

void PrintTo(const LineCueCase& c, std::ostream* os) { *os << c.line; }

class LineCue : public ::testing::TestWithParam<LineCueCase> {};

// The line is removed with its reason wherever it sits in the body; the
// body around it stays.
TEST_P(LineCue, RemovesJustTheLine) {
  const std::string raw = Lines({kHeadline, kBody1, GetParam().line, kBody2});
  const Article article = CleanText(raw);
  ASSERT_EQ(article.removed.size(), 2u) << GetParam().line;
  EXPECT_EQ(article.removed[1], (RemovedLine{3, GetParam().line, GetParam().reason, kAfterBody1}));
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
  EXPECT_EQ(CheckAccounting(raw, article), "");
}

INSTANTIATE_TEST_SUITE_P(
    ShippedCues, LineCue,
    ::testing::Values(
        LineCueCase{"Advertisement", "ad"}, LineCueCase{"- ADVERTISEMENT -", "ad"},
        LineCueCase{"Sponsored content", "ad"},
        LineCueCase{"Story continues below advertisement", "ad"},
        LineCueCase{"Get more with Tidewire", "promotion"},
        LineCueCase{"Your personalised feed of coastal news, every morning", "promotion"},
        LineCueCase{"Learn more", "promotion"}, LineCueCase{"Subscribe now", "promotion"},
        LineCueCase{"Sign up for our morning harbour briefing newsletter", "promotion"},
        LineCueCase{"Download the Gullpost app for breaking alerts", "promotion"},
        LineCueCase{"Already a subscriber? Log in", "promotion"},
        LineCueCase{"Follow us on Birdsong", "social"}, LineCueCase{"Share this article", "social"},
        LineCueCase{"Share on Pigeonpost", "social"},
        LineCueCase{"Facebook Twitter Email", "social"},
        LineCueCase{"WhatsApp | Telegram | Copy link", "social"},
        LineCueCase{"The new ferry leaves the north pier at dawn. Photo: Lena Marsh",
                    "photo_credit"},
        LineCueCase{"Ferry passengers on the upper deck (Photo by Tomas Reed/Harbour Wire)",
                    "photo_credit"},
        LineCueCase{"Image credit: Eastvale Harbour Trust", "photo_credit"},
        LineCueCase{"Watch: Ferry crew practise a night rescue", "video"},
        LineCueCase{"Read more: Pier reopens after winter storm repairs", "related"},
        LineCueCase{"Also read: New buoys mark the shipping lane", "related"},
        LineCueCase{"12 comments", "comment_prompt"}, LineCueCase{"Comments", "comment_prompt"},
        LineCueCase{"Leave a comment", "comment_prompt"},
        LineCueCase{"Join the conversation", "comment_prompt"},
        LineCueCase{"What do you think?", "comment_prompt"}, LineCueCase{"4821", "counter"},
        LineCueCase{"0", "counter"}, LineCueCase{"Article ID: EV-20931", "counter"},
        LineCueCase{"News Code : 7781204", "counter"}, LineCueCase{"3 min read", "counter"},
        LineCueCase{"1.2k views", "counter"}, LineCueCase{"Updated 3 hours ago", "dateline"},
        LineCueCase{"Back to top", "navigation"}, LineCueCase{"Skip to content", "navigation"},
        LineCueCase{"Next article", "navigation"},
        LineCueCase{"Home > Regions > Eastvale", "navigation"},
        LineCueCase{"Tags: ferries, harbour, transport", "navigation"},
        LineCueCase{"Continue reading", "navigation"}, LineCueCase{"Politics", "section_label"},
        LineCueCase{"Follow the Gazette on Birdsong", "social"},
        LineCueCase{"Follow Harbour Radio for updates", "social"},
        LineCueCase{"By Mira Okafor", "byline"},
        LineCueCase{"By Mira Okafor in North Quay", "byline"},
        LineCueCase{"With reporting from Harbour Wire", "byline"},
        LineCueCase{"Source: Harbour Wire", "byline"},
        LineCueCase{"By Mira Okafor and Jon Pike, Harbour Reporters", "byline"},
        LineCueCase{"(Reporting by Ana Ruiz; Editing by Jon Pike)", "byline"},
        LineCueCase{"© 2031 Eastvale Courier", "copyright"},
        LineCueCase{"Copyright 2031 Gull Media. All rights reserved.", "copyright"},
        LineCueCase{"This material may not be published, broadcast or rewritten.", "copyright"}));

// Lines that look a little like boilerplate but are body text.
class BodyLineNotCue : public ::testing::TestWithParam<std::string> {};

TEST_P(BodyLineNotCue, StaysInTheBody) {
  const Article article = CleanText(Lines({kHeadline, kBody1, GetParam(), kBody2}));
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, GetParam(), kBody2}));
}

INSTANTIATE_TEST_SUITE_P(
    ShippedCues, BodyLineNotCue,
    ::testing::Values("By contrast, the ferry operator said the change came too late.",
                      "By Monday, the council expects the first tickets to be sold.",
                      "By Sunday evening in North Quay, the queue had gone.",
                      "Follow the signs for the ferry terminal, the notice says.",
                      "Share prices of the ferry operator rose on the news.",
                      "Copyright law does not cover the timetable itself, the clerk said.",
                      "More than 300 people signed the petition for later boats.",
                      "Comments from residents were mostly positive.",
                      "The photo: a queue of cars waiting at the pier, was shared widely.",
                      "Subscribers to the ferry pass will not pay extra.",
                      "The next crossing leaves at 21:40 from the north pier.",
                      "Related costs will be covered by the harbour fund."));

TEST(NextCue, VideoDurationTakesTitleAndItsRepeat) {
  const std::string title = "Ferry crew rescue stranded kayakers near the breakwater";
  const std::string raw = Lines({kHeadline, kBody1, "", "02:17", "", title, "", title, "", kBody2});
  const Article article = CleanText(raw);
  ASSERT_EQ(article.removed.size(), 4u);
  EXPECT_EQ(article.removed[1], (RemovedLine{4, "02:17", "video", kAfterBody1}));
  EXPECT_EQ(article.removed[2], (RemovedLine{6, title, "video", kAfterBody1}));
  EXPECT_EQ(article.removed[3], (RemovedLine{8, title, "video", kAfterBody1}));
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
}

TEST(NextCue, ReadMoreLabelTakesTheNextLineOnly) {
  const std::string link = "Pier reopens after winter storm";
  const std::string raw = Lines({kHeadline, kBody1, "Read more", link, kBody2});
  const Article article = CleanText(raw);
  ASSERT_EQ(article.removed.size(), 3u);
  EXPECT_EQ(article.removed[1], (RemovedLine{3, "Read more", "related", kAfterBody1}));
  EXPECT_EQ(article.removed[2], (RemovedLine{4, link, "related", kAfterBody1}));
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
}

class BlockCue : public ::testing::TestWithParam<std::string> {};

// A list heading removes the heading and everything after it; a line in the
// block that matches a cue of its own keeps that cue's reason.
TEST_P(BlockCue, RemovesTheListToTheEnd) {
  const std::string raw =
      Lines({kHeadline, kBody1, kBody2, GetParam(), "Storm closes the coast road again",
             "14 March 2031", "Mayor opens new library wing", "Back to top"});
  const Article article = CleanText(raw);
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
  ASSERT_EQ(article.removed.size(), 6u);
  for (size_t i = 1; i < 5; ++i) EXPECT_EQ(article.removed[i].reason, "related") << i;
  EXPECT_EQ(article.removed[5].reason, "navigation");
  EXPECT_EQ(article.published.how, DateHow::kUnknown);
}

INSTANTIATE_TEST_SUITE_P(ShippedCues, BlockCue,
                         ::testing::Values("Related Stories", "Featured Stories",
                                           "Related Articles", "More from Coastal News",
                                           "Most read", "You may also like", "Top Stories"));

TEST(BlockCue, ListHeadingBeforeAnyBodyTextGoesAlone) {
  const std::string raw = Lines({kHeadline, "Most read", kBody1, kBody2});
  const Article article = CleanText(raw);
  EXPECT_EQ(ReasonFor(article, "Most read"), "related");
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
}

}  // namespace
}  // namespace storyline::clean
