// The events of the seed articles (../shared/seeds, skipped when absent),
// through the whole per-article stage with our dictionaries: the events the
// issue names, checked by hand against the articles.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace storyline::pipeline {
namespace {

class EventSeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> pipeline = Pipeline::Create({});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    pipeline_ = new Pipeline(std::move(pipeline).value());
    Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
    ASSERT_TRUE(segmenter.ok());
    segmenter_ = new text::Segmenter(std::move(segmenter).value());
  }

  // The seed article whose file name starts with `prefix`, processed.
  static std::optional<Article> Seed(const std::string& prefix) {
    const std::optional<std::string> path = storyline::testing::SeedPath(prefix);
    if (!path) return std::nullopt;
    RawDocument doc;
    doc.origin = *path;
    doc.format = "txt";
    doc.text = storyline::testing::ReadFileOrEmpty(*path);
    return pipeline_->Process(std::move(doc), *segmenter_);
  }

  // The first asserted, not negated event of root `root` from an actor whose
  // code starts with `source` to one whose code starts with `target` ("" for
  // none), or nullptr.
  static const Event* Find(const Article& article, const std::string& source,
                           const std::string& root, const std::string& target) {
    for (const Event& event : article.events) {
      if (event.negated || event.modality != "asserted" || event.root != root) continue;
      if (!event.source.code.starts_with(source)) continue;
      if (target.empty() ? event.target.has_value()
                         : !event.target || !event.target->code.starts_with(target)) {
        continue;
      }
      return &event;
    }
    return nullptr;
  }

  static std::string VerbText(const Article& article, const Event& event) {
    return article.text.substr(event.verb.begin, event.verb.size());
  }

  static Pipeline* pipeline_;
  static text::Segmenter* segmenter_;
};

Pipeline* EventSeedsTest::pipeline_ = nullptr;
text::Segmenter* EventSeedsTest::segmenter_ = nullptr;

// The 27 September 2021 virtual meeting of China's foreign minister and
// NATO's Secretary General, in both articles that report it.
TEST_F(EventSeedsTest, TheVirtualMeetingIsAConsultDatedTheDayItHappened) {
  for (const std::string seed : {"000_", "001_"}) {
    const std::optional<Article> article = Seed(seed);
    if (!article) GTEST_SKIP() << "../shared/seeds is absent";
    for (const auto& [from, to] : {std::pair{"CHN", "IGOWSTNAT"}, std::pair{"IGOWSTNAT", "CHN"}}) {
      const Event* meeting = Find(*article, from, "04", to);
      ASSERT_NE(meeting, nullptr) << seed << " " << from << " -> " << to;
      ASSERT_TRUE(meeting->date.value.has_value());
      EXPECT_EQ(*meeting->date.value, "2021-09-27") << seed;
      EXPECT_EQ(meeting->date.how, "timex") << seed;
    }
  }
}

TEST_F(EventSeedsTest, TheSecretaryOfStatesCallIsAConsultBetweenTheUsAndChina) {
  const std::optional<Article> article = Seed("002_");
  if (!article) GTEST_SKIP() << "../shared/seeds is absent";
  const Event* call = Find(*article, "USA", "04", "CHN");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->source.code, "USAGOV");
  EXPECT_EQ(call->target->code, "CHNGOV");
  EXPECT_NE(Find(*article, "CHN", "04", "USA"), nullptr);
  // The article states no date: the event is not given one.
  EXPECT_FALSE(call->date.value.has_value());
  EXPECT_EQ(call->date.how, "unknown");
}

TEST_F(EventSeedsTest, WangsCriticismOfPlanesAndShipsIsDisapproval) {
  for (const std::string seed : {"000_", "001_"}) {
    const std::optional<Article> article = Seed(seed);
    if (!article) GTEST_SKIP() << "../shared/seeds is absent";
    bool found = false;
    for (const Event& event : article->events) {
      const ByteSpan sentence = article->sentences[event.sentence];
      const std::string text = article->text.substr(sentence.begin, sentence.size());
      if (event.root == "11" && event.source.code == "CHNGOV" &&
          text.find("planes and ships") != std::string::npos) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << seed;
  }
}

TEST_F(EventSeedsTest, TheTalibanDelegationInTianjinIsAConsultWithChina) {
  const std::optional<Article> article = Seed("004_");
  if (!article) GTEST_SKIP() << "../shared/seeds is absent";
  const Event* meeting = nullptr;
  for (const Event& event : article->events) {
    if (event.root == "04" && event.source.code.starts_with("CHN") && event.target &&
        event.target->code == "AFGREB" && event.place && event.place->text == "Tianjin") {
      meeting = &event;
    }
  }
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(VerbText(*article, *meeting), "met");
  EXPECT_EQ(meeting->place->country, "CHN");
  EXPECT_EQ(meeting->pattern.rfind("events/verbs.en.txt:", 0), 0u);
  EXPECT_NE(Find(*article, "AFGREB", "04", "CHN"), nullptr);
}

}  // namespace
}  // namespace storyline::pipeline
