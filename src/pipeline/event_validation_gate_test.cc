// Quality floors of the event coder on the validation suites beside the
// checkout (../shared/data/event-coding-dev; skipped when absent), each run
// with its own dictionaries through our loaders, as `storyline eval tabari`
// and `storyline eval petrarch` run them. The floors sit a little below the
// figures measured when they were set (bench/README.md, eval/README.md):
// a change that loses events or precision fails here.
#include <gtest/gtest.h>

#include "pipeline/event_validation.h"
#include "test_paths.h"

namespace storyline::pipeline {
namespace {

void ExpectAtLeast(const events::SuiteScores& scores, double recall, double precision) {
  EXPECT_GE(scores.total.Recall(), recall);
  EXPECT_GE(scores.total.Precision(), precision);
}

TEST(EventValidationGate, TabariSuite) {
  const std::optional<std::string> dir =
      storyline::testing::SharedPath("data/event-coding-dev/tabari");
  if (!dir) GTEST_SKIP() << "../shared/data/event-coding-dev is absent";
  Result<events::SuiteScores> scores = EvaluateTabari(*dir, DataFiles{});
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  ExpectAtLeast(*scores, 0.62, 0.75);
}

TEST(EventValidationGate, PetrarchUnitTests) {
  const std::optional<std::string> file =
      storyline::testing::SharedPath("data/event-coding-dev/petrarch/PETR.UnitTest.records.xml");
  if (!file) GTEST_SKIP() << "../shared/data/event-coding-dev is absent";
  Result<events::SuiteScores> scores = EvaluatePetrarch(*file, DataFiles{});
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  ExpectAtLeast(*scores, 0.74, 0.85);
}

}  // namespace
}  // namespace storyline::pipeline
