#include "clean/clean.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "clean/test_util.h"
#include "core/utf8.h"
#include "test_paths.h"

namespace storyline::clean {
namespace {

using ::storyline::clean::testing::CheckAccounting;
using ::storyline::clean::testing::CleanText;
using ::storyline::clean::testing::DefaultCleaner;
using ::storyline::clean::testing::KeptLines;
using ::storyline::clean::testing::Lines;
using ::storyline::clean::testing::NonBlankLines;
using ::storyline::clean::testing::RawLine;
using ::storyline::clean::testing::ReasonFor;
using ::storyline::clean::testing::RemovedTexts;

// ---------------------------------------------------------------------------
// The five real scraped articles in ../shared/seeds. Their text is not copied
// here: long expectations are read from the seed itself by line number.

class SeedTest : public ::testing::Test {
 protected:
  // Loads the seed whose name starts with `prefix`; skips when absent.
  void Load(const std::string& prefix) {
    const std::optional<std::string> dir = storyline::testing::SharedPath("seeds");
    if (!dir) GTEST_SKIP() << "no ../shared/seeds beside the checkout";
    for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(prefix) && name.ends_with(".txt")) {
        raw_ = storyline::testing::ReadFileOrEmpty(entry.path().string());
        RawDocument doc;
        doc.origin = entry.path().string();
        doc.format = "txt";
        doc.text = raw_;
        article_ = DefaultCleaner().Clean(std::move(doc));
        return;
      }
    }
    GTEST_SKIP() << "no seed " << prefix << "*.txt";
  }

  std::string Line(uint32_t number) const { return RawLine(raw_, number); }

  // The removed lines as number -> reason.
  std::map<uint32_t, std::string> Removed() const {
    std::map<uint32_t, std::string> removed;
    for (const RemovedLine& line : article_.removed) removed[line.line] = line.reason;
    return removed;
  }

  // The non-blank raw lines in [first, last], trimmed.
  std::vector<std::string> RawRange(uint32_t first, uint32_t last) const {
    std::vector<std::string> lines;
    for (const auto& line : NonBlankLines(raw_)) {
      if (line.number >= first && line.number <= last) lines.push_back(line.text);
    }
    return lines;
  }

  std::string raw_;
  Article article_;
};

TEST_F(SeedTest, Seed000DropsCountersDatelineRepeatAndRelatedBlock) {
  Load("000_");
  ASSERT_EQ(article_.title, "China, NATO Officials Discuss Afghanistan, Regional Tensions");
  EXPECT_EQ(article_.published.value, "2021-09-28");
  EXPECT_EQ(article_.published.how, DateHow::kExplicit);
  EXPECT_EQ(article_.published.evidence, std::vector<std::string>{Line(2)});
  EXPECT_EQ(Line(2), "Tuesday 28 September 2021 - 10:53");

  const std::map<uint32_t, std::string> removed = Removed();
  EXPECT_EQ(removed.at(1), "counter");  // "0"
  EXPECT_EQ(removed.at(2), "dateline");
  EXPECT_EQ(removed.at(4), "headline");
  EXPECT_EQ(removed.at(6), "counter");  // "Story Code : 956151"
  EXPECT_EQ(ReasonFor(article_, "Story Code : 956151"), "counter");
  EXPECT_EQ(removed.at(7), "repeated_headline");
  // "Related Stories" and everything after it.
  EXPECT_EQ(Line(35), "Related Stories");
  for (const auto& line : NonBlankLines(raw_)) {
    if (line.number >= 35) {
      EXPECT_TRUE(removed.contains(line.number)) << line.number;
    }
  }
  EXPECT_EQ(ReasonFor(article_, "Comment"), "comment_prompt");
  EXPECT_EQ(ReasonFor(article_, "Featured Stories"), "related");

  // Every body paragraph, and nothing else.
  const std::vector<std::string> kept = KeptLines(article_);
  EXPECT_EQ(kept, RawRange(8, 34));
  ASSERT_EQ(kept.size(), 14u);
  EXPECT_TRUE(kept.front().starts_with("The Chinese Foreign Ministry said Tuesday"));
  EXPECT_TRUE(kept.back().starts_with("He also raised NATO"));
  EXPECT_EQ(CheckAccounting(raw_, article_), "");
  EXPECT_EQ(article_.language, "en");
}

TEST_F(SeedTest, Seed001TakesFirstLineAsTitleAndDatelineAsDate) {
  Load("001_");
  EXPECT_EQ(article_.title, Line(1));
  EXPECT_TRUE(article_.title->starts_with("NATO Secretary General discusses"));
  EXPECT_EQ(article_.published.value, "2021-09-29");
  EXPECT_EQ(article_.published.how, DateHow::kExplicit);
  EXPECT_EQ(article_.published.evidence, std::vector<std::string>{"29 September 2021"});
  EXPECT_EQ(Removed(), (std::map<uint32_t, std::string>{{1, "headline"}, {3, "dateline"}}));
  EXPECT_EQ(KeptLines(article_), RawRange(4, 1000));
  EXPECT_EQ(KeptLines(article_).size(), 8u);
  EXPECT_EQ(CheckAccounting(raw_, article_), "");
}

TEST_F(SeedTest, Seed002DropsAdsPromotionCaptionVideosInlineLinksAndCounter) {
  Load("002_");
  EXPECT_EQ(article_.title, Line(9));
  EXPECT_TRUE(article_.title->starts_with("China ‘willing’ to work with US"));
  EXPECT_EQ(article_.published.value, std::nullopt);
  EXPECT_EQ(article_.published.how, DateHow::kUnknown);

  const std::map<uint32_t, std::string> expected = {
      {1, "ad"},        {2, "ad"},        {3, "section_label"}, {4, "promotion"},
      {5, "promotion"}, {6, "promotion"}, {7, "photo_credit"},  {9, "headline"},
      {18, "related"},  {26, "video"},    {28, "video"},        {30, "video"},
      {42, "related"},  {50, "related"},  {62, "video"},        {64, "video"},
      {66, "video"},    {78, "counter"}};
  EXPECT_EQ(Removed(), expected);
  EXPECT_EQ(Line(1), "Advertisement");
  EXPECT_EQ(Line(3), "US-China relations");
  EXPECT_TRUE(Line(7).ends_with("Photo: AFP"));
  EXPECT_EQ(Line(26), "03:24");
  EXPECT_EQ(Line(62), "01:28");
  EXPECT_EQ(Line(28), Line(30));
  EXPECT_EQ(Line(64), Line(66));
  EXPECT_EQ(Line(78), "129");
  EXPECT_TRUE(Line(50).starts_with("‘I do not regret my decision’"));

  const std::vector<std::string> kept = KeptLines(article_);
  ASSERT_GE(kept.size(), 2u);
  // The two standfirst bullets stay, and so does every body paragraph.
  EXPECT_EQ(kept[0], Line(11));
  EXPECT_EQ(kept[1], Line(12));
  EXPECT_TRUE(kept[0].starts_with("\xE2\x80\xA2 "));
  EXPECT_TRUE(kept[1].starts_with("\xE2\x80\xA2 "));
  EXPECT_NE(std::find(kept.begin(), kept.end(), Line(70)), kept.end());
  EXPECT_TRUE(Line(70).starts_with("The readout quoted Lavrov"));
  EXPECT_EQ(kept.size(), NonBlankLines(raw_).size() - expected.size());
  EXPECT_EQ(CheckAccounting(raw_, article_), "");
}

TEST_F(SeedTest, Seed003DropsSectionLabelAndTrailingNavigation) {
  Load("003_");
  EXPECT_EQ(article_.title, Line(3));
  EXPECT_TRUE(article_.title->starts_with("China looks to step up cooperation"));
  EXPECT_EQ(article_.published.how, DateHow::kUnknown);
  EXPECT_EQ(Removed(),
            (std::map<uint32_t, std::string>{
                {1, "section_label"}, {3, "headline"}, {31, "related"}, {33, "navigation"}}));
  EXPECT_EQ(Line(1), "World");
  EXPECT_EQ(Line(31), "Related Articles");
  EXPECT_EQ(Line(33), "Back to top button");
  const std::vector<std::string> kept = KeptLines(article_);
  EXPECT_EQ(kept, RawRange(4, 30));
  EXPECT_TRUE(Line(7).starts_with("China has also sought a"));
  EXPECT_NE(std::find(kept.begin(), kept.end(), Line(7)), kept.end());
  EXPECT_EQ(CheckAccounting(raw_, article_), "");
}

TEST_F(SeedTest, Seed004HasNoTitleAndKeepsEveryBodyLine) {
  Load("004_");
  EXPECT_EQ(article_.title, std::nullopt);
  EXPECT_EQ(article_.published.how, DateHow::kUnknown);
  ASSERT_EQ(article_.removed.size(), 1u);
  EXPECT_EQ(article_.removed[0], (RemovedLine{1, "Follow Us on Google News", "social"}));
  const std::vector<std::string> kept = KeptLines(article_);
  ASSERT_EQ(kept.size(), 10u);
  EXPECT_TRUE(kept.front().starts_with("TIANJIN: "));
  EXPECT_EQ(kept, RawRange(2, 1000));
  EXPECT_EQ(CheckAccounting(raw_, article_), "");
}

// ---------------------------------------------------------------------------
// Structure heuristics, on invented articles about the fictional town of
// Eastvale.

const std::string kBody1 =
    "The Eastvale harbour council voted on Thursday to add two evening crossings to the ferry "
    "timetable from May.";
const std::string kBody2 =
    "Councillors said the later ferries would help shift workers at the fish market get home "
    "before midnight.";
const std::string kBody3 =
    "The timetable change will cost the harbour authority about 40,000 crowns a year.";

TEST(CleanTitle, FindsHeadlineBelowAdsAndSectionLabel) {
  const std::string raw =
      Lines({"Advertisement", "Coastal towns", "",
             "Eastvale ferry timetable gets two evening crossings", "", kBody1, kBody2});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.title, "Eastvale ferry timetable gets two evening crossings");
  EXPECT_EQ(ReasonFor(article, "Advertisement"), "ad");
  EXPECT_EQ(ReasonFor(article, "Coastal towns"), "section_label");
  EXPECT_EQ(ReasonFor(article, "Eastvale ferry timetable gets two evening crossings"), "headline");
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
  EXPECT_EQ(CheckAccounting(raw, article), "");
}

TEST(CleanTitle, PrefersTheCandidateThatSharesWordsWithTheBody) {
  // The first headline-like line is an uncued promotion; the body talks
  // about ferries, not about weekend guides.
  const std::string promo = "Your weekly guide to gardens, gigs and good food";
  const std::string headline = "Eastvale council adds evening ferry crossings";
  const std::string raw = Lines({promo, headline, kBody1, kBody2, kBody3});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.title, headline);
  EXPECT_EQ(ReasonFor(article, promo), "before_headline");
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2, kBody3}));
}

TEST(CleanTitle, RemovesLaterCopiesOfTheHeadline) {
  const std::string headline = "Eastvale council adds evening ferry crossings";
  const std::string raw = Lines({headline, "Story ID: 88213", headline, kBody1, kBody2});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.title, headline);
  ASSERT_EQ(article.removed.size(), 3u);
  EXPECT_EQ(article.removed[0], (RemovedLine{1, headline, "headline"}));
  EXPECT_EQ(article.removed[1], (RemovedLine{2, "Story ID: 88213", "counter"}));
  EXPECT_EQ(article.removed[2], (RemovedLine{3, headline, "repeated_headline"}));
}

TEST(CleanArticle, RemovedLinesPointAtTheNextKeptLine) {
  const std::string raw = Lines({"Advertisement", kBody1, "4821", kBody2, "Back to top"});
  const Article article = CleanText(raw);
  ASSERT_EQ(article.removed.size(), 3u);
  EXPECT_EQ(article.removed[0].offset, 0u);
  EXPECT_EQ(article.removed[1].offset, kBody1.size() + 1);
  EXPECT_EQ(article.text.substr(article.removed[1].offset), kBody2);
  EXPECT_EQ(article.removed[2].offset, article.text.size());
}

TEST(CleanTitle, IsNullWhenTheTextStartsWithTheBody) {
  const std::string raw = Lines({"EASTVALE: " + kBody1, kBody2, kBody3});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.title, std::nullopt);
  EXPECT_TRUE(article.removed.empty());
  EXPECT_EQ(KeptLines(article).size(), 3u);
}

TEST(CleanTitle, MetadataTitleWinsAndItsLineIsRemoved) {
  RawDocument doc;
  doc.text = Lines({"Ferry plan approved", kBody1, kBody2});
  doc.title = "Ferry plan approved";
  const Article article = DefaultCleaner().Clean(doc);
  EXPECT_EQ(article.title, "Ferry plan approved");
  EXPECT_EQ(ReasonFor(article, "Ferry plan approved"), "headline");

  doc.title = "Harbour votes for later ferries";  // not in the text
  doc.text = Lines({"Eastvale council adds evening ferry crossings", kBody1, kBody2});
  const Article other = DefaultCleaner().Clean(doc);
  EXPECT_EQ(other.title, "Harbour votes for later ferries");
  EXPECT_EQ(ReasonFor(other, "Eastvale council adds evening ferry crossings"), "headline");
}

TEST(CleanBody, KeepsSubheadingsBulletsAndShortSentences) {
  const std::vector<std::string> body = {"\xE2\x80\x93 Two new evening crossings from May",
                                         "\xE2\x80\xA2 Fares stay the same for residents",
                                         kBody1,
                                         "What happens next",
                                         "It passed.",
                                         kBody2,
                                         "Who will pay for the extra crossings?",
                                         kBody3};
  std::vector<std::string> raw_lines = {"Eastvale council adds evening ferry crossings"};
  raw_lines.insert(raw_lines.end(), body.begin(), body.end());
  const Article article = CleanText(Lines(raw_lines));
  EXPECT_EQ(KeptLines(article), body);
}

TEST(CleanBody, RemovesInlineLinksToOtherStories) {
  const std::string link = "Lighthouse keeper retires after forty years on the rocks";
  const std::string raw =
      Lines({"Eastvale council adds evening ferry crossings", kBody1, "", link, "", kBody2});
  const Article article = CleanText(raw);
  EXPECT_EQ(ReasonFor(article, link), "related");
  EXPECT_EQ(KeptLines(article), (std::vector<std::string>{kBody1, kBody2}));
}

TEST(CleanBody, RemovesRepeatOfAnEarlierRemovedHeadline) {
  const std::string link = "Lighthouse keeper retires after forty years on the rocks";
  const std::string raw =
      Lines({"Eastvale council adds evening ferry crossings", kBody1, link, kBody2, link, kBody3});
  const Article article = CleanText(raw);
  ASSERT_EQ(article.removed.size(), 3u);
  EXPECT_EQ(article.removed[1].reason, "related");
  EXPECT_EQ(article.removed[2].reason, "repeated_headline");
  EXPECT_EQ(article.removed[2].line, 5u);
}

TEST(CleanBody, TrimsAndSkipsNonBreakingSpaceLines) {
  const std::string nbsp = "\xC2\xA0";
  const std::string raw = "Eastvale council adds evening ferry crossings\n" + nbsp + "\n  " +
                          kBody1 + nbsp + " \n\t\n" + nbsp + nbsp + kBody2 + "\r\n";
  const Article article = CleanText(raw);
  EXPECT_EQ(article.text, kBody1 + "\n" + kBody2);
  EXPECT_EQ(article.removed.size(), 1u);
  EXPECT_EQ(CheckAccounting(raw, article), "");
}

// ---------------------------------------------------------------------------
// Publication dates.

TEST(CleanPublished, StandaloneDatelineIsExplicit) {
  const std::string raw = Lines({"Eastvale council adds evening ferry crossings",
                                 "Published: March 3, 2025 4:15 pm", kBody1, kBody2});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.published.value, "2025-03-03");
  EXPECT_EQ(article.published.how, DateHow::kExplicit);
  EXPECT_EQ(article.published.evidence,
            std::vector<std::string>{"Published: March 3, 2025 4:15 pm"});
  EXPECT_EQ(ReasonFor(article, "Published: March 3, 2025 4:15 pm"), "dateline");
}

TEST(CleanPublished, LeadingDateOfFirstBodyLineIsExplicitAndLineStays) {
  const std::string first =
      "EASTVALE, Sept. 3, 2030 (Harbour Wire) - The council voted to add two evening ferries.";
  const Article article =
      CleanText(Lines({"Eastvale council adds evening ferry crossings", first, kBody2}));
  EXPECT_EQ(article.published.value, "2030-09-03");
  EXPECT_EQ(article.published.how, DateHow::kExplicit);
  EXPECT_EQ(article.published.evidence, std::vector<std::string>{"Sept. 3, 2030"});
  EXPECT_EQ(KeptLines(article).front(), first);
}

TEST(CleanPublished, DateInsideASentenceIsNotThePublicationDate) {
  const std::string first =
      "The harbour council held a meeting on 27 September 2030 to discuss the ferry timetable.";
  const Article article =
      CleanText(Lines({"Eastvale council adds evening ferry crossings", first, kBody2}));
  EXPECT_EQ(article.published.value, std::nullopt);
  EXPECT_EQ(article.published.how, DateHow::kUnknown);
}

TEST(CleanPublished, DatesInRelatedBlockAreNotUsed) {
  const std::string raw =
      Lines({"Eastvale council adds evening ferry crossings", kBody1, kBody2, "Related Stories",
             "Storm closes the coast road again", "14 March 2031"});
  const Article article = CleanText(raw);
  EXPECT_EQ(article.published.how, DateHow::kUnknown);
  EXPECT_EQ(ReasonFor(article, "14 March 2031"), "related");
}

TEST(CleanPublished, ImpossibleDateIsNotADate) {
  const Article article = CleanText(
      Lines({"Eastvale council adds evening ferry crossings", "31 February 2031", kBody1}));
  EXPECT_EQ(article.published.how, DateHow::kUnknown);
}

TEST(CleanPublished, FallsBackToMetadataDate) {
  RawDocument doc;
  doc.origin = "feed.jsonl:3";
  doc.format = "jsonl";
  doc.text = Lines({"Eastvale council adds evening ferry crossings", kBody1, kBody2});
  doc.published = "2031-03-14T09:30:00Z";
  Article article = DefaultCleaner().Clean(doc);
  EXPECT_EQ(article.published.value, "2031-03-14");
  EXPECT_EQ(article.published.how, DateHow::kMetadata);
  EXPECT_EQ(article.published.evidence, std::vector<std::string>{"2031-03-14T09:30:00Z"});

  doc.published = "2031-03-14";
  EXPECT_EQ(DefaultCleaner().Clean(doc).published.value, "2031-03-14");

  doc.published = "2031-02-30T09:30:00Z";  // no such day
  article = DefaultCleaner().Clean(doc);
  EXPECT_EQ(article.published.value, std::nullopt);
  EXPECT_EQ(article.published.how, DateHow::kUnknown);

  doc.published = "2031-03-14";  // an explicit date in the text wins
  doc.text = Lines({"Eastvale council adds evening ferry crossings", "2 March 2031", kBody1});
  article = DefaultCleaner().Clean(doc);
  EXPECT_EQ(article.published.value, "2031-03-02");
  EXPECT_EQ(article.published.how, DateHow::kExplicit);
}

// ---------------------------------------------------------------------------
// Metadata, language, robustness.

TEST(CleanArticle, CopiesRecordMetadata) {
  RawDocument doc;
  doc.id = "00aa11bb22cc33dd";
  doc.origin = "feed.jsonl:7";
  doc.format = "jsonl";
  doc.source_id = "ev-881";
  doc.url = "https://courier.example/ferries";
  doc.outlet = "Eastvale Courier";
  doc.warnings = {{"invalid_utf8", "1 invalid byte sequence replaced with U+FFFD"}};
  doc.text = Lines({kBody1});
  const Article article = DefaultCleaner().Clean(doc);
  EXPECT_EQ(article.id, doc.id);
  EXPECT_EQ(article.origin, doc.origin);
  EXPECT_EQ(article.format, doc.format);
  EXPECT_EQ(article.source_id, doc.source_id);
  EXPECT_EQ(article.url, doc.url);
  EXPECT_EQ(article.outlet, doc.outlet);
  EXPECT_EQ(article.warnings, doc.warnings);
}

TEST(CleanArticle, DetectsLanguageOfTheBody) {
  EXPECT_EQ(CleanText(Lines({kBody1, kBody2, kBody3})).language, "en");
  const Article french = CleanText(Lines(
      {"Le conseil du port d'Eastvale a voté jeudi l'ajout de deux traversées du soir au "
       "calendrier des ferries.",
       "Les conseillers ont expliqué que les bateaux plus tardifs aideraient les travailleurs "
       "du marché aux poissons à rentrer chez eux avant minuit."}));
  EXPECT_EQ(french.language, "fr");
  EXPECT_EQ(CleanText("Ferry.\n").language, "und");
}

TEST(CleanArticle, EmptyAndBlankTextGiveAnEmptyArticleWithWarning) {
  for (const std::string& raw :
       {std::string(""), std::string("\n\n  \n"), std::string("\xC2\xA0\n\xC2\xA0\xC2\xA0\n\t")}) {
    const Article article = CleanText(raw);
    EXPECT_EQ(article.text, "");
    EXPECT_TRUE(article.removed.empty());
    EXPECT_EQ(article.title, std::nullopt);
    EXPECT_EQ(article.language, "und");
    ASSERT_EQ(article.warnings.size(), 1u);
    EXPECT_EQ(article.warnings[0].code, "empty_text");
  }
}

TEST(CleanArticle, SurvivesAOneMegabyteLine) {
  std::string raw;
  while (raw.size() < (1 << 20)) raw += "ferry harbour council timetable ";
  Article article = CleanText(raw);
  EXPECT_EQ(CheckAccounting(raw, article), "");

  const std::string no_spaces(1 << 20, 'x');
  article = CleanText(no_spaces);
  EXPECT_TRUE(article.text == no_spaces);  // EXPECT_EQ would print a megabyte
}

TEST(CleanArticle, SurvivesBinaryBytesAfterUtf8Repair) {
  std::mt19937 random(20310314);
  for (int round = 0; round < 50; ++round) {
    std::string raw(4096, '\0');
    for (char& c : raw) c = static_cast<char>(random());
    RepairUtf8(raw);
    const Article article = CleanText(raw);
    EXPECT_EQ(CheckAccounting(raw, article), "") << "round " << round;
    EXPECT_TRUE(IsValidUtf8(article.text));
  }
}

TEST(CleanArticle, SurvivesLongRunsOfCuesAndDatelines) {
  std::vector<std::string> lines;
  for (int i = 0; i < 2000; ++i) {
    lines.push_back(i % 3 == 0 ? "03:24" : i % 3 == 1 ? "Related" : "1 March 2031");
  }
  const std::string raw = Lines(lines);
  const Article article = CleanText(raw);
  EXPECT_EQ(CheckAccounting(raw, article), "");
}

TEST(CleanArticle, ConcurrentCleansAgreeWithSerialOnes) {
  const std::vector<std::string> texts = {
      Lines({"Advertisement", "Eastvale council adds evening ferry crossings", "4 June 2030",
             kBody1, kBody2, "Related Stories", "Storm closes the coast road again"}),
      Lines({"EASTVALE: " + kBody1, kBody2, kBody3, "42"}),
  };
  std::vector<std::string> serial;
  for (const std::string& text : texts) serial.push_back(CleanText(text).text);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          if (CleanText(texts[i]).text != serial[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(CleanArticle, EveryNonBlankLineIsKeptOrRemovedOnce) {
  std::vector<std::string> texts = {
      Lines({"Advertisement", "Coastal towns", "Eastvale council adds evening ferry crossings",
             "4 June 2030", "By Mira Okafor", kBody1, "", "02:17", "Crew practise a night rescue",
             "Crew practise a night rescue", kBody2, "What happens next", kBody3,
             "Lighthouse keeper retires after forty years on the rocks", "Related Stories",
             "Storm closes the coast road again", "3 June 2030", "Back to top"}),
      Lines({"EASTVALE: " + kBody1, kBody2, "", "Â ", kBody3, "42"}),
  };
  if (const std::optional<std::string> dir = storyline::testing::SharedPath("seeds")) {
    for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
      texts.push_back(storyline::testing::ReadFileOrEmpty(entry.path().string()));
    }
  }
  for (const std::string& text : texts) {
    const Article article = CleanText(text);
    EXPECT_EQ(CheckAccounting(text, article), "");
    EXPECT_EQ(KeptLines(article).size() + article.removed.size(), NonBlankLines(text).size());
  }
}

// Throughput on the seeds, one thread. Run with
//   clean_tests --gtest_also_run_disabled_tests --gtest_filter='*Throughput*'
// in a Release build; it prints MB/s and asserts nothing about speed.
TEST(CleanSpeed, DISABLED_SeedsThroughput) {
  const std::optional<std::string> dir = storyline::testing::SharedPath("seeds");
  if (!dir) GTEST_SKIP() << "no ../shared/seeds beside the checkout";
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    seeds.push_back(storyline::testing::ReadFileOrEmpty(entry.path().string()));
  }
  std::vector<RawDocument> docs;
  size_t bytes = 0;
  for (int round = 0; round < 2000; ++round) {
    for (const std::string& seed : seeds) {
      docs.emplace_back().text = seed;
      bytes += seed.size();
    }
  }
  const auto start = std::chrono::steady_clock::now();
  size_t kept = 0;
  for (RawDocument& doc : docs) kept += DefaultCleaner().Clean(std::move(doc)).text.size();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("cleaned %zu articles, %.1f MB in %.3f s: %.1f MB/s, %.2f ns/byte (kept %zu)\n",
              docs.size(), bytes / 1e6, seconds, bytes / seconds / 1e6, seconds * 1e9 / bytes,
              kept);
}

TEST(CleanerCreate, MissingRuleFileIsNotFound) {
  Options options;
  options.cues = "boilerplate/xx.tsv";
  const Result<Cleaner> cleaner = Cleaner::Create(options, DataFiles{});
  ASSERT_FALSE(cleaner.ok());
  EXPECT_EQ(cleaner.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace storyline::clean
