#include "chrono/chrono_peer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_paths.h"

namespace storyline::eval {
namespace {

constexpr std::string_view kText = "Sales fell on Monday, the café said.";

std::vector<PeerJob> OneJob() { return {{"a.tml", kText, CivilDay{1998, 2, 17}}}; }

TEST(ChronoJobs, WritesOneJsonLinePerText) {
  const std::vector<PeerJob> jobs = {{"a.tml", "On \"Monday\"", CivilDay{1998, 2, 17}},
                                     {"b.tml", "no date", std::nullopt}};
  EXPECT_EQ(ChronoJobs(jobs),
            "{\"dct\":\"1998-02-17\",\"id\":\"a.tml\",\"text\":\"On \\\"Monday\\\"\"}\n"
            "{\"dct\":null,\"id\":\"b.tml\",\"text\":\"no date\"}\n");
}

TEST(ParseChronoResults, ReadsSpansTypesValuesAndTime) {
  const Result<PeerRun> run = ParseChronoResults(
      "{\"id\":\"a.tml\",\"timexes\":[{\"begin\":11,\"end\":20,\"type\":\"DATE\","
      "\"value\":\"1998-02-16\"}],\"bytes\":74,\"cpu_seconds\":0.25}\n",
      OneJob());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->timexes.size(), 1u);
  ASSERT_EQ(run->timexes[0].size(), 1u);
  const Timex& found = run->timexes[0][0];
  EXPECT_EQ(found.text, "on Monday");
  EXPECT_EQ(found.span, (ByteSpan{11, 20}));
  EXPECT_EQ(found.type, "DATE");
  EXPECT_EQ(found.value, "1998-02-16");
  EXPECT_EQ(run->bytes, 74u);
  EXPECT_DOUBLE_EQ(run->cpu_seconds, 0.25);
}

TEST(ParseChronoResults, RejectsWhatChronoTagCannotHaveWritten) {
  const std::string tail = ",\"bytes\":1,\"cpu_seconds\":0}\n";
  const std::string empty = "{\"id\":\"a.tml\",\"timexes\":[]" + tail;
  const std::vector<std::string> bad = {
      "not json\n",
      "{\"id\":\"b.tml\",\"timexes\":[]" + tail,  // no such job
      empty + empty,                              // the job twice
      "",                                         // the job never answered
      "{\"id\":\"a.tml\",\"timexes\":[{\"begin\":30,\"end\":99,\"type\":\"DATE\",\"value\":"
      "\"1998\"}]" +
          tail,                                                    // past the text's end
      "{\"id\":\"a.tml\",\"timexes\":[{\"begin\":\"3\"}]" + tail,  // wrong field type
      "{\"id\":\"a.tml\"}\n",                                      // fields missing
  };
  for (const std::string& output : bad) {
    EXPECT_FALSE(ParseChronoResults(output, OneJob()).ok()) << output;
  }
}

TEST(ChronoVersion, SaysHowToInstallWhenMissing) {
  const Result<std::string> version = ChronoVersion("/nonexistent");
  ASSERT_FALSE(version.ok());
  EXPECT_NE(version.status().message().find("scripts/install-peers"), std::string::npos);
}

// The real chrono-node, when scripts/install-peers has installed it.
TEST(RunChrono, ValuesDatesAgainstTheReferenceWithByteSpans) {
  const std::string dir = storyline::testing::SourcePath("eval/chrono");
  if (!ChronoVersion(dir).ok()) GTEST_SKIP() << "chrono-node is not installed";
  // 17 February 1998 is a Tuesday; "café" puts the later spans one byte
  // past their UTF-16 index.
  const std::string text =
      "The café said on Monday it would reopen in July. Doors open at 10:53 a.m.";
  const Result<PeerRun> run =
      RunChrono(dir, {{"a", text, CivilDay{1998, 2, 17}}, {"b", "no dates", std::nullopt}});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->timexes.size(), 2u);
  EXPECT_TRUE(run->timexes[1].empty());
  std::vector<std::string> found;
  for (const Timex& t : run->timexes[0]) found.push_back(t.text + "|" + t.type + "|" + t.value);
  EXPECT_EQ(found, (std::vector<std::string>{"on Monday|DATE|1998-02-16", "July|DATE|1998-07",
                                             "at 10:53 a.m.|TIME|1998-02-17T10:53"}));
  EXPECT_EQ(run->bytes, text.size() + 8);
}

// chrono on TimeBank + AQUAINT, scored as timex_eval scores it. The version
// is pinned, so its figures only move when our side (the job texts, the
// byte spans, the TIMEX3 mapping in chrono_tag.mjs) changes; the bands catch
// a broken conversion without fixing every count.
TEST(EvaluateChrono, ScoresTimeBankInItsKnownRange) {
  const std::string dir = storyline::testing::SourcePath("eval/chrono");
  const std::optional<std::string> timeml =
      storyline::testing::SharedPath("data/timex-dev/TBAQ-cleaned");
  if (!timeml) GTEST_SKIP() << "../shared/data/timex-dev/TBAQ-cleaned is absent";
  if (!ChronoVersion(dir).ok()) GTEST_SKIP() << "chrono-node is not installed";
  const Result<std::vector<timex::TimeMlFile>> files = timex::ReadTimeMlDirectory(*timeml);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  const Result<PeerEval> scored = EvaluateChrono(dir, *files);
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  const timex::Tally& t = scored->tally;
  EXPECT_EQ(t.gold, 1822);
  EXPECT_NEAR(t.system, 1395, 30);          // 2.10.3: 1395
  EXPECT_NEAR(t.StrictF1(), 0.504, 0.02);   // 0.5042
  EXPECT_NEAR(t.RelaxedF1(), 0.748, 0.02);  // 0.7479
  EXPECT_NEAR(t.ValueF1(), 0.486, 0.02);    // 0.4855
}

}  // namespace
}  // namespace storyline::eval
