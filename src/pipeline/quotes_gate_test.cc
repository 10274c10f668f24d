// Quality gate of quotes with their speakers as analyze finds them: the
// entity stage first, then the quote finder, scored on PolNeAR's dev split
// (../shared/data/quotes-dev/polnear; skipped when absent). The quotes
// module's own gate scores speaker phrases without entities; this one scores
// speakers through the entities they resolve to too. Floors sit a little
// under the figures reached when they were set (in comments).
#include <gtest/gtest.h>

#include <string>

#include "entities/entities.h"
#include "pipeline/facts.h"
#include "quotes/polnear.h"
#include "quotes/quotes.h"
#include "test_paths.h"

namespace storyline::pipeline {
namespace {

TEST(PolnearGate, QuotesAndSpeakersWithEntitiesStayAboveFloors) {
  const std::optional<std::string> dir =
      storyline::testing::SharedPath("data/quotes-dev/polnear/dev");
  if (!dir) GTEST_SKIP() << "../shared/data/quotes-dev/polnear is absent: gate not run";
  const DataFiles data;
  Result<FactsStage> facts = FactsStage::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  ASSERT_TRUE(facts.ok() && segmenter.ok());
  entities::Workspace workspace;
  Result<std::vector<quotes::PolnearArticle>> articles = quotes::ReadPolnearSplit(*dir);
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  const quotes::EvalRun run = quotes::EvaluateArticles(
      *articles, facts->quotes(), *segmenter,
      [&](Article& article, const std::vector<std::vector<text::Token>>& words) {
        article.entities = facts->recognizer().Find(article, words, workspace);
      });
  EXPECT_EQ(run.articles, 84);
  const quotes::DirectTally& direct = run.scores.direct;
  EXPECT_EQ(direct.gold, 624);
  EXPECT_GE(direct.Found(), 0.925);                  // reached 0.931
  EXPECT_GE(direct.RightSpeakerEntity(), 0.879);     // reached 0.888
  EXPECT_GE(direct.RightSpeaker(), 0.867);           // reached 0.876
  EXPECT_GE(direct.Precision(), 0.96);               // reached 0.970
  EXPECT_GE(run.scores.content.PartialF1(), 0.708);  // reached 0.713
  EXPECT_GE(run.scores.source.PartialF1(), 0.648);   // reached 0.658
}

}  // namespace
}  // namespace storyline::pipeline
