// End-to-end tests of `storyline brief`: a handful of articles read as one
// story, its brief, timeline, sources and differences.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

}  // namespace
}  // namespace storyline
