// Entities, actor codes and quotes through the whole per-article stage
// (Pipeline::Process, the shipped tagger model and dictionaries): on
// sentences written here, and on the seed articles (../shared/seeds, skipped
// when absent), whose people, groups and quotes were checked by hand.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace storyline::pipeline {
namespace {

class FactsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> pipeline = Pipeline::Create({});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    pipeline_ = new Pipeline(std::move(pipeline).value());
    Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
    ASSERT_TRUE(segmenter.ok());
    segmenter_ = new text::Segmenter(std::move(segmenter).value());
  }

  static Article Process(const std::string& text, const std::string& published = "") {
    RawDocument doc;
    doc.origin = "test.jsonl:1";
    doc.format = "jsonl";
    doc.text = text;
    if (!published.empty()) doc.published = published;
    return pipeline_->Process(std::move(doc), *segmenter_);
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

  static const Entity* Named(const Article& article, const std::string& name) {
    for (const Entity& entity : article.entities) {
      if (entity.name == name) return &entity;
    }
    return nullptr;
  }

  static std::string Code(const Entity* entity) {
    return entity != nullptr && entity->actor ? entity->actor->code : "-";
  }

  // The entity the quote holding `words` is attributed to.
  static const Entity* SpeakerOf(const Article& article, const std::string& words) {
    for (const Quote& quote : article.quotes) {
      if (quote.text.find(words) == std::string::npos || !quote.speaker || !quote.speaker->entity) {
        continue;
      }
      return &article.entities[*quote.speaker->entity];
    }
    return nullptr;
  }

  static Pipeline* pipeline_;
  static text::Segmenter* segmenter_;
};

Pipeline* FactsTest::pipeline_ = nullptr;
text::Segmenter* FactsTest::segmenter_ = nullptr;

TEST_F(FactsTest, ACapitalAsASpeakerIsItsCountry) {
  const Article article =
      Process("Beijing said on Tuesday that the talks had been useful.", "2021-09-28");
  ASSERT_EQ(article.quotes.size(), 1u);
  const Quote& quote = article.quotes[0];
  ASSERT_TRUE(quote.speaker.has_value());
  EXPECT_EQ(quote.speaker->text, "Beijing");
  EXPECT_EQ(quote.speaker->code, "CHN");
  EXPECT_EQ(quote.text, "that the talks had been useful");
  const Entity* beijing = Named(article, "Beijing");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->actor->how, "capital");
}

TEST_F(FactsTest, APronounSpeakerBecomesAMentionOfItsEntity) {
  const Article article = Process(
      "Foreign Minister Wang Yi met his counterparts in Tianjin on Monday.\n"
      "\xE2\x80\x9CWe will keep the border open,\xE2\x80\x9D he said.",
      "2021-07-28");
  const Entity* wang = Named(article, "Wang Yi");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(Code(wang), "CHNGOV");
  ASSERT_EQ(article.quotes.size(), 1u);
  ASSERT_TRUE(article.quotes[0].speaker->entity.has_value());
  EXPECT_EQ(*article.quotes[0].speaker->entity, wang->id);
  ASSERT_EQ(wang->mentions.size(), 2u);
  EXPECT_EQ(wang->mentions[1].kind, "pronoun");
  EXPECT_EQ(article.text.substr(wang->mentions[1].span.begin, wang->mentions[1].span.size()), "he");
}

TEST_F(FactsTest, SeedsNameWangYiAsAChineseGovernmentActorInEveryArticle) {
  int articles = 0;
  for (const std::string seed : {"000_", "001_", "002_", "003_", "004_"}) {
    const std::optional<Article> article = Seed(seed);
    if (!article) GTEST_SKIP() << "../shared/seeds is absent";
    const Entity* wang = Named(*article, "Wang Yi");
    ASSERT_NE(wang, nullptr) << seed;
    EXPECT_EQ(Code(wang), "CHNGOV") << seed;
    EXPECT_EQ(wang->key, "PER:wang yi:CHN") << seed;
    ++articles;
  }
  EXPECT_EQ(articles, 5);
}

TEST_F(FactsTest, SeedsTieStoltenbergToNatoAndTheTalibanAreANonStateGroup) {
  for (const std::string seed : {"000_", "001_"}) {
    const std::optional<Article> article = Seed(seed);
    if (!article) GTEST_SKIP() << "../shared/seeds is absent";
    const Entity* stoltenberg = Named(*article, "Jens Stoltenberg");
    ASSERT_NE(stoltenberg, nullptr) << seed;
    EXPECT_EQ(Code(stoltenberg), "IGOWSTNAT") << seed;
    EXPECT_EQ(stoltenberg->role, "secretary general") << seed;
  }
  for (const std::string seed : {"000_", "002_", "003_", "004_"}) {
    const std::optional<Article> article = Seed(seed);
    const Entity* taliban = Named(*article, "Taliban");
    ASSERT_NE(taliban, nullptr) << seed;
    EXPECT_EQ(taliban->type, "ORG") << seed;
    EXPECT_EQ(Code(taliban), "AFGREB") << seed;  // rebels: not a state's government
  }
}

TEST_F(FactsTest, SeedQuotesGoToTheirSpeakers) {
  const std::optional<Article> statement = Seed("000_");
  if (!statement) GTEST_SKIP() << "../shared/seeds is absent";
  const Entity* ministry = SpeakerOf(*statement, "positive and constructive");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->name, "Foreign Ministry");
  EXPECT_EQ(ministry->country, "CHN");
  EXPECT_EQ(Code(ministry), "CHNGOV");
  const Entity* adversary = SpeakerOf(*statement, "does not see China as an adversary");
  ASSERT_NE(adversary, nullptr);
  EXPECT_EQ(adversary->name, "Jens Stoltenberg");
  const Entity* wang = SpeakerOf(*statement, "does not need new military groups");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->name, "Wang Yi");

  const std::optional<Article> call = Seed("002_");
  const Entity* biden = SpeakerOf(*call, "wrong for US troops");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->name, "Joe Biden");
  EXPECT_EQ(Code(biden), "USAGOV");
}

// The events of the seed articles, with our dictionaries: the events the
// events issue names, checked by hand against the articles.

// The first asserted, not negated event of root `root` from an actor whose
// code starts with `source` to one whose code starts with `target` ("" for
// none), or nullptr.
const Event* FindEvent(const Article& article, const std::string& source, const std::string& root,
                       const std::string& target) {
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

std::string VerbText(const Article& article, const Event& event) {
  return article.text.substr(event.verb.begin, event.verb.size());
}

// The 27 September 2021 virtual meeting of China's foreign minister and
// NATO's Secretary General, in both articles that report it.
TEST_F(FactsTest, TheVirtualMeetingIsAConsultDatedTheDayItHappened) {
  for (const std::string seed : {"000_", "001_"}) {
    const std::optional<Article> article = Seed(seed);
    if (!article) GTEST_SKIP() << "../shared/seeds is absent";
    for (const auto& [from, to] : {std::pair{"CHN", "IGOWSTNAT"}, std::pair{"IGOWSTNAT", "CHN"}}) {
      const Event* meeting = FindEvent(*article, from, "04", to);
      ASSERT_NE(meeting, nullptr) << seed << " " << from << " -> " << to;
      ASSERT_TRUE(meeting->date.value.has_value());
      EXPECT_EQ(*meeting->date.value, "2021-09-27") << seed;
      EXPECT_EQ(meeting->date.how, "timex") << seed;
    }
  }
}

TEST_F(FactsTest, TheSecretaryOfStatesCallIsAConsultBetweenTheUsAndChina) {
  const std::optional<Article> article = Seed("002_");
  if (!article) GTEST_SKIP() << "../shared/seeds is absent";
  const Event* call = FindEvent(*article, "USA", "04", "CHN");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->source.code, "USAGOV");
  EXPECT_EQ(call->target->code, "CHNGOV");
  EXPECT_NE(FindEvent(*article, "CHN", "04", "USA"), nullptr);
  // The article states no date: the event is not given one.
  EXPECT_FALSE(call->date.value.has_value());
  EXPECT_EQ(call->date.how, "unknown");
}

TEST_F(FactsTest, WangsCriticismOfPlanesAndShipsIsDisapproval) {
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

TEST_F(FactsTest, TheTalibanDelegationInTianjinIsAConsultWithChina) {
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
  EXPECT_NE(FindEvent(*article, "AFGREB", "04", "CHN"), nullptr);
}

}  // namespace
}  // namespace storyline::pipeline
