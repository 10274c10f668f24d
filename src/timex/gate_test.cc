// Quality gates over the shared development data: TimeBank/AQUAINT (TempEval-3
// task A timex figures) and the seed articles. Both skip with a message when
// ../shared is absent. Floors sit a little below the figures reached when they
// were set (in comments) so that noise does not fail the build but a real drop does.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "core/data_files.h"
#include "test_paths.h"
#include "text/text.h"
#include "timex/timeml.h"
#include "timex/timex.h"

namespace storyline::timex {
namespace {

TEST(TimeBankGate, StaysAboveFloors) {
  const std::optional<std::string> dir =
      storyline::testing::SharedPath("data/timex-dev/TBAQ-cleaned");
  if (!dir) GTEST_SKIP() << "../shared/data/timex-dev/TBAQ-cleaned is absent: gate not run";
  DataFiles data;
  Result<Tagger> tagger = Tagger::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  ASSERT_TRUE(tagger.ok() && segmenter.ok());
  Result<EvalRun> run = EvaluateDirectory(*dir, *tagger, *segmenter);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const Tally& t = run->tally;
  EXPECT_EQ(run->documents, 256);
  EXPECT_EQ(t.gold, 1822);
  EXPECT_GE(t.StrictF1(), 0.865);      // reached 0.8698
  EXPECT_GE(t.RelaxedF1(), 0.935);     // reached 0.9423
  EXPECT_GE(t.TypeAccuracy(), 0.955);  // reached 0.9615
  EXPECT_GE(t.ValueF1(), 0.815);       // reached 0.8205
}

// The seed articles: clean, segment and tag, then look for the expressions
// whose values were checked by hand.
class SeedTest : public ::testing::Test {
 protected:
  std::vector<Timex> TagSeed(const std::string& prefix, std::optional<CivilDay>* published) {
    const std::optional<std::string> dir = storyline::testing::SharedPath("seeds");
    if (!dir) return {};
    for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with(prefix) || !name.ends_with(".txt")) continue;
      DataFiles data;
      RawDocument doc;
      doc.origin = entry.path().string();
      doc.format = "txt";
      doc.text = storyline::testing::ReadFileOrEmpty(entry.path().string());
      Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, data);
      Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
      Result<Tagger> tagger = Tagger::Create({}, data);
      EXPECT_TRUE(cleaner.ok() && segmenter.ok() && tagger.ok());
      Article article = cleaner->Clean(std::move(doc));
      article.sentences = segmenter->Sentences(article.text);
      *published =
          article.published.value ? CivilDay::FromIso(*article.published.value) : std::nullopt;
      return tagger->Tag(article.text, article.sentences, *published);
    }
    return {};
  }

  static std::optional<std::string> ValueOf(const std::vector<Timex>& found,
                                            std::string_view text) {
    for (const Timex& t : found) {
      if (t.text == text) return t.value;
    }
    return std::nullopt;
  }
};

TEST_F(SeedTest, ResolvesPreviousDayAndMonthInFirstSeed) {
  if (!storyline::testing::SharedPath("seeds")) GTEST_SKIP() << "../shared/seeds is absent";
  std::optional<CivilDay> published;
  const std::vector<Timex> found = TagSeed("000_", &published);
  ASSERT_EQ(published, (CivilDay{2021, 9, 28}));
  EXPECT_EQ(ValueOf(found, "the previous day"), "2021-09-27");
  EXPECT_EQ(ValueOf(found, "July"), "2021-07");
}

TEST_F(SeedTest, ResolvesNextDayAfterExplicitDateInSecondSeed) {
  if (!storyline::testing::SharedPath("seeds")) GTEST_SKIP() << "../shared/seeds is absent";
  std::optional<CivilDay> published;
  const std::vector<Timex> found = TagSeed("001_", &published);
  ASSERT_EQ(published, (CivilDay{2021, 9, 29}));
  EXPECT_EQ(ValueOf(found, "27 September 2021"), "2021-09-27");
  EXPECT_EQ(ValueOf(found, "the next day"), "2021-09-28");
}

}  // namespace
}  // namespace storyline::timex
