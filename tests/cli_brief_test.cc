// End-to-end tests of `storyline brief`: a handful of articles read as one
// story, its brief, timeline, sources and differences.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "cli_fixture.h"
#include "test_paths.h"

namespace storyline {
namespace {

using nlohmann::json;

// The demo's dam failure: the wire story and two outlets that republished it.
std::string DamFailureFiles() {
  std::string files;
  for (const char* name :
       {"wire/meridian_wire_0001.txt", "tidewater_courier_0001.txt", "hathrin_herald_0001.txt"}) {
    files += ' ';  // appended apart: `" " + std::string` trips GCC 12's -Wrestrict
    files += testing::SourcePath(std::string("examples/demo/") + name);
  }
  return files;
}

class BriefCommandTest : public CliTest {};

TEST_F(BriefCommandTest, ABriefCountsASyndicatedSentenceOnceAndNamesItsCopies) {
  const Outcome outcome = Run("brief" + DamFailureFiles() + " --json --words 60");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const json digest = json::parse(outcome.out);
  const json& sentences = digest["brief"]["sentences"];
  ASSERT_FALSE(sentences.empty());
  // The lead of the wire story, which both outlets carry: once, with its copies.
  const std::string lead = sentences[0]["text"];
  EXPECT_NE(lead.find("gave way late on Sunday"), std::string::npos) << lead;
  EXPECT_EQ(sentences[0]["also_in"].size(), 2u);
  std::set<std::string> texts;
  for (const json& sentence : sentences) {
    EXPECT_TRUE(texts.insert(sentence["text"].get<std::string>()).second) << sentence;
    EXPECT_LT(sentence["begin"].get<int>(), sentence["end"].get<int>());
  }
  EXPECT_GE(digest["brief"]["words"].get<int>(), 60);
  EXPECT_LT(digest["brief"]["words"].get<int>(), 60 + 60);
  // "late on Sunday": the night of 2 March, a statement dated by its time expression.
  bool sunday = false;
  for (const json& item : digest["timeline"]) {
    sunday |= item["date"] == "2025-03-02" && item["date_how"] == "timex";
  }
  EXPECT_TRUE(sunday) << digest["timeline"].dump(1);
  // Three outlets-or-files, and the copies between them from the passages.
  EXPECT_EQ(digest["sources"].size(), 3u);
  ASSERT_FALSE(digest["copies"].empty());
  EXPECT_GT(digest["copies"][0]["share"].get<double>(), 0.7);
}

TEST_F(BriefCommandTest, PrintsTheDigestAsTextAndStoresOnlyWhenAsked) {
  const Outcome text = Run("brief" + DamFailureFiles());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* section :
       {"Brief\n", "\nTimeline\n", "\nSources\n", "\nWhere sources differ\n"}) {
    EXPECT_NE(text.out.find(section), std::string::npos) << section;
  }
  EXPECT_NE(text.out.find("meridian_wire_0001.txt"), std::string::npos);
  EXPECT_NE(text.err.find("read 3, ingested 3, rejected 0"), std::string::npos) << text.err;
  EXPECT_FALSE(fs::exists(Path("stored.db")));

  const Outcome stored = Run("brief" + DamFailureFiles() + " --db " + Path("stored.db"));
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_TRUE(fs::exists(Path("stored.db")));
  // The same digest from the stored articles on a second run.
  const Outcome again = Run("brief" + DamFailureFiles() + " --db " + Path("stored.db"));
  EXPECT_EQ(again.out, stored.out);
}

TEST_F(BriefCommandTest, RejectedInputsAreCountedAndTheRestSummarised) {
  const std::string empty = Write("empty.txt", "");
  const Outcome outcome = Run("brief" + DamFailureFiles() + " " + empty + " --json");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_NE(outcome.err.find("rejected"), std::string::npos);
  EXPECT_FALSE(json::parse(outcome.out)["brief"]["sentences"].empty());
}

TEST_F(BriefCommandTest, ReportWritesOneSelfContainedPageOfEveryStory) {
  ASSERT_EQ(Run("analyze" + DamFailureFiles() + " --db " + Path("d.db")).exit_code, 0);
  const Outcome outcome = Run("report --db " + Path("d.db") + " --html " + Path("r.html"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("1 stories, 3 articles"), std::string::npos) << outcome.out;
  const std::string page = testing::ReadFileOrEmpty(Path("r.html"));
  // Nothing is fetched: no element names a file, the data and d3 are inside.
  EXPECT_EQ(page.find(" src=\""), std::string::npos);
  EXPECT_EQ(page.find("rel=\"stylesheet\""), std::string::npos);
  EXPECT_NE(page.find("window.STORYLINE_DATA = {"), std::string::npos);
  EXPECT_NE(page.find("d3"), std::string::npos);
  EXPECT_NE(page.find("Dam failure on Sendra River floods delta towns"), std::string::npos);
  // A missing database is an error, and no page is left behind.
  const Outcome missing = Run("report --db " + Path("none.db") + " --html " + Path("x.html"));
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_FALSE(fs::exists(Path("x.html")));
}

// The seeds' meeting of 27 September 2021, reported by two outlets, one
// copying paragraphs of the other and wording the minister's remark on
// military blocs its own way.
TEST_F(BriefCommandTest, TheSeedsMeetingStoryShowsItsCopiesAndBothWordingsOfTheRemark) {
  const std::optional<std::string> first = testing::SeedPath("000");
  const std::optional<std::string> second = testing::SeedPath("001");
  if (!first || !second) GTEST_SKIP() << "../shared/seeds is absent (a user's clone)";
  const Outcome outcome = Run("brief " + *first + " " + *second + " --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const json digest = json::parse(outcome.out);

  // The meeting: one timeline row, dated by its time expression, reported by both.
  bool meeting = false;
  for (const json& item : digest["timeline"]) {
    if (item["kind"] != "event" || item["date"] != "2021-09-27") continue;
    std::set<std::string> articles;
    for (const json& source : item["sources"]) articles.insert(source["article"]);
    meeting |= item["code"].get<std::string>().starts_with("04") &&
               item["source_actor"] == "CHNGOV" && item["target_actor"] == "IGOWSTNAT" &&
               item["date_how"] == "timex" && articles.size() == 2;
  }
  EXPECT_TRUE(meeting) << digest["timeline"].dump(1);

  // 000 came first; 001 carries paragraphs copied from it.
  ASSERT_EQ(digest["sources"].size(), 2u);
  EXPECT_TRUE(digest["sources"][0]["first"].get<bool>());
  EXPECT_NE(digest["sources"][0]["outlet"].get<std::string>().find("000_"), std::string::npos);
  const std::string first_id = digest["sources"][0]["articles"][0]["id"];
  ASSERT_FALSE(digest["copies"].empty());
  EXPECT_EQ(digest["copies"][0]["from"], first_id);
  EXPECT_TRUE(digest["copies"][0]["direction_known"].get<bool>());
  EXPECT_GT(digest["copies"][0]["bytes"].get<int>(), 1000);

  // The remark on military blocs, once per outlet, side by side.
  bool remark = false;
  for (const json& difference : digest["differences"]) {
    if (difference["kind"] != "quote_wording" || difference["variants"].size() != 2) continue;
    const json& variants = difference["variants"];
    remark |= variants[0]["text"].get<std::string>().find("military") != std::string::npos &&
              variants[1]["text"].get<std::string>().find("military") != std::string::npos &&
              variants[0]["source"]["article"] != variants[1]["source"]["article"];
  }
  EXPECT_TRUE(remark) << digest["differences"].dump(1);
}

}  // namespace
}  // namespace storyline
