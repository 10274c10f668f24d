// The demo corpus in examples/demo, cleaned and segmented by the real
// pipeline: examples/demo.expected.json lists passages that pairs of articles
// share (exact text in each) and the event of every article.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "link/link.h"
#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace storyline::link {
namespace {

class CollectingSink : public pipeline::Sink {
 public:
  Status Articles(std::vector<Article>& batch) override {
    for (Article& a : batch) articles.push_back(std::move(a));
    return Status::Ok();
  }
  Status Rejected(const Rejection&) override { return Status::Ok(); }
  std::vector<Article> articles;
};

class LinkDemoCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string expected_text = storyline::testing::ReadFileOrEmpty(
        storyline::testing::SourcePath("examples/demo.expected.json"));
    ASSERT_FALSE(expected_text.empty()) << "examples/demo.expected.json is missing";
    expected_ = nlohmann::json::parse(expected_text);
    Result<pipeline::Pipeline> pipeline = pipeline::Pipeline::Create({});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    CollectingSink sink;
    ASSERT_TRUE(pipeline->Run({storyline::testing::SourcePath("examples/demo")}, sink).ok());
    articles_ = std::move(sink.articles);
  }

  // The article of the expected.json entry `file` (and JSONL `line`).
  const Article* Find(const std::string& file, int line) const {
    std::string suffix = "/";
    suffix.append(file);
    if (line > 0) suffix.append(":").append(std::to_string(line));
    for (const Article& a : articles_) {
      if (a.origin.size() >= suffix.size() &&
          a.origin.compare(a.origin.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return &a;
      }
    }
    return nullptr;
  }

  nlohmann::json expected_;
  std::vector<Article> articles_;
};

ByteSpan SpanOf(const Article& article, const std::string& text) {
  const size_t at = article.text.find(text);
  EXPECT_NE(at, std::string::npos) << article.origin << " lacks: " << text;
  if (at == std::string::npos) return {};
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
}

TEST_F(LinkDemoCorpus, FindsEveryListedSharedPassageWithExactOffsets) {
  int checked = 0;
  for (const nlohmann::json& entry : expected_.at("shared_passages")) {
    const Article* a = Find(entry.at("a"), entry.value("a_line", 0));
    const Article* b = Find(entry.at("b"), entry.value("b_line", 0));
    ASSERT_NE(a, nullptr) << entry.at("a");
    ASSERT_NE(b, nullptr) << entry.at("b");
    const std::string text = entry.at("text");
    const ByteSpan want_a = SpanOf(*a, text);
    const ByteSpan want_b = SpanOf(*b, entry.value("b_text", text));
    const std::vector<Passage> found = FindSharedPassages(*a, *b);
    bool match = false;
    for (const Passage& p : found) match |= p.a.span == want_a && p.b.span == want_b;
    EXPECT_TRUE(match) << entry.at("a") << " / " << entry.at("b") << " (" << entry.at("note")
                       << "): " << text;
    ++checked;
  }
  EXPECT_EQ(checked, 16);
}

// No story mixes two events. The converse does not hold yet: with the
// default options the 28 articles of five events end up in 9 stories (16
// before terms of a single article were kept out of the index and the
// centroids; follow-ups such as flood-relief funding or insurance bills
// still start stories of their own), so the split count is pinned to catch
// regressions either way.
TEST_F(LinkDemoCorpus, NoStoryMixesEvents) {
  // Canonical order: publication date (unknown last), then the origin inside
  // examples/. Not the id: ids hash the origin as given, which includes where
  // the checkout lives, and the clusterer is online, so order matters.
  const auto key = [](const Article* a) {
    return std::make_pair(a->published.value.value_or("9999"),
                          a->origin.substr(a->origin.rfind("examples/")));
  };
  std::vector<const Article*> order;
  for (const Article& a : articles_) order.push_back(&a);
  std::sort(order.begin(), order.end(),
            [&](const Article* x, const Article* y) { return key(x) < key(y); });
  TermStatistics statistics;
  for (const Article* a : order) statistics.Add(*a);
  StoryClusterer clusterer(statistics);
  std::map<std::string, size_t> story_of;  // article id -> story
  for (const Article* a : order) story_of[a->id] = clusterer.Add(*a);

  std::map<std::string, std::set<size_t>> stories_of_event;
  std::map<size_t, std::set<std::string>> events_of_story;
  for (const nlohmann::json& entry : expected_.at("articles")) {
    const Article* a = Find(entry.at("file"), entry.value("line", 0));
    ASSERT_NE(a, nullptr) << entry.at("file");
    const std::string event = entry.at("event");
    stories_of_event[event].insert(story_of.at(a->id));
    events_of_story[story_of.at(a->id)].insert(event);
  }
  EXPECT_EQ(stories_of_event.size(), 5u);
  for (const auto& [story, events] : events_of_story) {
    EXPECT_EQ(events.size(), 1u) << "story " << story << " mixes events";
  }
  const std::vector<Story> stories = clusterer.Stories();
  EXPECT_EQ(stories.size(), 9u);
  for (const Story& s : stories) {
    EXPECT_EQ(s.id.size(), 18u);
    if (s.first_date) {
      EXPECT_LE(*s.first_date, *s.last_date);
    }
  }
}

// The seed index proposes every pair that expected.json lists, without
// being told the pairs.
TEST_F(LinkDemoCorpus, SeedIndexProposesEveryListedPair) {
  SharedTextIndex index;
  std::map<std::string, size_t> position;  // article id -> index in `index`
  for (const Article& a : articles_) {
    position[a.id] = index.size();
    index.Add(a.id, PassageSeeds(a.text));
  }
  const std::vector<std::pair<size_t, size_t>> pairs = index.CandidatePairs();
  const std::set<std::pair<size_t, size_t>> proposed(pairs.begin(), pairs.end());
  for (const nlohmann::json& entry : expected_.at("shared_passages")) {
    const Article* a = Find(entry.at("a"), entry.value("a_line", 0));
    const Article* b = Find(entry.at("b"), entry.value("b_line", 0));
    ASSERT_TRUE(a != nullptr && b != nullptr);
    const size_t x = position.at(a->id), y = position.at(b->id);
    EXPECT_TRUE(proposed.count({std::min(x, y), std::max(x, y)}))
        << entry.at("a") << " / " << entry.at("b");
  }
  // Same-event reporting shares stock phrases, but most pairs share nothing.
  EXPECT_LT(pairs.size(), articles_.size() * (articles_.size() - 1) / 8);
}

// The acceptance case on ../shared/seeds: the two reports of the
// 27 September 2021 China-NATO video call (000, 001) share a story; the
// three other articles (the fall of Kabul, China and Pakistan, Wang Yi and a
// Taliban delegation) are not in it.
TEST(LinkSeeds, ChinaNatoReportsShareAStoryTheOthersDoNot) {
  const std::optional<std::string> dir = storyline::testing::SharedPath("seeds");
  if (!dir) GTEST_SKIP() << "../shared/seeds is absent";
  Result<pipeline::Pipeline> pipeline = pipeline::Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  CollectingSink sink;
  ASSERT_TRUE(pipeline->Run({*dir}, sink).ok());
  std::vector<Article>& articles = sink.articles;
  ASSERT_EQ(articles.size(), 5u);
  // Canonical order: publication date (unknown last), then the file name.
  const auto key = [](const Article& a) {
    return std::make_pair(a.published.value.value_or("9999"),
                          a.origin.substr(a.origin.rfind('/') + 1));
  };
  std::sort(articles.begin(), articles.end(),
            [&](const Article& x, const Article& y) { return key(x) < key(y); });
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  StoryClusterer clusterer(statistics);
  std::map<std::string, size_t> story_of;  // file name prefix ("000") -> story
  for (const Article& a : articles) story_of[key(a).second.substr(0, 3)] = clusterer.Add(a);
  EXPECT_EQ(story_of.at("000"), story_of.at("001"));
  for (const char* other : {"002", "003", "004"}) {
    EXPECT_NE(story_of.at(other), story_of.at("000")) << other;
  }
}

}  // namespace
}  // namespace storyline::link
