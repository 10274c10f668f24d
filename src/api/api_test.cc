// The API's views over a database written by the store: content, paging and
// the errors every front end gives alike.
#include "api/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/test_util.h"

namespace storyline::api {
namespace {

using nlohmann::json;
using store::testing::FactsArticle;
using store::testing::FullArticle;
using store::testing::PlainArticle;
using store::testing::SampleLinks;

class ApiTest : public store::testing::OpenRunTest {
 protected:
  void SetUp() override {
    OpenRunTest::SetUp();
    Put({FullArticle(), PlainArticle(), FactsArticle()});
    ASSERT_TRUE(db_->PutLinks(run_, SampleLinks()).ok());
  }

  // The answer's status, and its body parsed.
  std::pair<int, json> Get(const std::string& path,
                           std::map<std::string, std::string> params = {}) {
    const Response response = api_.Handle(*db_, {path, std::move(params)});
    return {response.status, json::parse(response.body)};
  }

  Api api_{Options{}};
};

TEST_F(ApiTest, ListsStoriesWithCountsAndFilters) {
  auto [status, body] = Get("/api/stories");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["total"], 1);
  EXPECT_EQ(body["limit"], 50);
  ASSERT_EQ(body["stories"].size(), 1u);
  const json& story = body["stories"][0];
  EXPECT_EQ(story["id"], "s-0000000000000001");
  EXPECT_EQ(story["label"], SampleLinks().stories[0].label);
  EXPECT_EQ(story["articles"], 2);
  EXPECT_EQ(story["first_date"], "2031-04-15");

  EXPECT_EQ(Get("/api/stories", {{"q", "lighthouse"}}).second["total"], 1);
  EXPECT_EQ(Get("/api/stories", {{"q", "submarine"}}).second["total"], 0);
  EXPECT_EQ(Get("/api/stories", {{"from", "2031-05-01"}}).second["total"], 0);
  EXPECT_EQ(Get("/api/stories", {{"offset", "1"}}).second["stories"].size(), 0u);
}

TEST_F(ApiTest, AStoryCarriesItsArticlesAndDigest) {
  auto [status, body] = Get("/api/stories/s-0000000000000001");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["label"], SampleLinks().stories[0].label);
  ASSERT_EQ(body["articles"].size(), 2u);
  std::set<std::string> ids;
  for (const json& article : body["articles"]) ids.insert(article["id"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{FullArticle().id, PlainArticle().id}));
  for (const char* key :
       {"brief", "timeline", "sources", "copies", "differences", "events", "network"}) {
    EXPECT_TRUE(body.contains(key)) << key;
  }
  // The plain article's one sentence is brief material; every brief
  // sentence points into an article of the story.
  ASSERT_FALSE(body["brief"]["sentences"].empty());
  for (const json& sentence : body["brief"]["sentences"]) {
    EXPECT_TRUE(ids.contains(sentence["article"].get<std::string>()));
  }
  // The passage SampleLinks stores: the plain article carries 55 bytes of the full one.
  ASSERT_EQ(body["copies"].size(), 1u);
  EXPECT_EQ(body["copies"][0]["to"], PlainArticle().id);
  EXPECT_EQ(body["copies"][0]["from"], FullArticle().id);
}

TEST_F(ApiTest, AnArticleIsTheReportsObjectWithItsStory) {
  auto [status, body] = Get("/api/articles/" + PlainArticle().id.substr(0, 6));
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["id"], PlainArticle().id);
  EXPECT_EQ(body["text"], PlainArticle().text);
  EXPECT_EQ(body["story"], "s-0000000000000001");
  EXPECT_TRUE(Get("/api/articles/" + FactsArticle().id).second["story"].is_null());
}

TEST_F(ApiTest, SearchMarksMatchesAndEscapesTheRest) {
  auto [status, body] = Get("/api/search", {{"q", "passengers"}});
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["total"], 2);
  for (const json& result : body["results"]) {
    EXPECT_NE(result["snippet"].get<std::string>().find("<mark>passengers</mark>"),
              std::string::npos);
  }
  EXPECT_EQ(SnippetHtml("a <b> & \x01x\x02 \"q\""),
            "a &lt;b&gt; &amp; <mark>x</mark> &quot;q&quot;");
  // Operators are words: no syntax error reaches the user.
  EXPECT_EQ(Get("/api/search", {{"q", "\"unclosed AND OR ("}}).first, 200);
}

TEST_F(ApiTest, EntitiesByKeyPrefix) {
  auto [status, body] = Get("/api/entities", {{"q", "PER:ilsa"}});
  ASSERT_EQ(status, 200) << body;
  ASSERT_EQ(body["entities"].size(), 1u);
  EXPECT_EQ(body["entities"][0]["key"], "PER:ilsa quorren:XVY");
  EXPECT_EQ(body["entities"][0]["articles"], 1);
}

TEST_F(ApiTest, BadParametersAre400sAndMissingThings404s) {
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> bad = {
      {"/api/stories", {{"limit", "ten"}}},
      {"/api/stories", {{"limit", "100000"}}},
      {"/api/stories", {{"from", "yesterday"}}},
      {"/api/stories", {{"colour", "red"}}},
      {"/api/stories", {{"actor", std::string(5000, 'A')}}},
      {"/api/events", {{"to", "2031-4-1"}}},
      {"/api/search", {}},
      {"/api/stories/s-0000000000000001", {{"x", "1"}}},
  };
  for (const auto& [path, params] : bad) {
    auto [status, body] = Get(path, params);
    EXPECT_EQ(status, 400) << path;
    EXPECT_TRUE(body["error"].is_string()) << body;
  }
  for (const std::string path : {"/api/stories/s-missing", "/api/articles/ffffffffffffffff",
                                 "/api/nothing", "/api/stories/a/b", "/api/articles/"}) {
    auto [status, body] = Get(path);
    EXPECT_EQ(status, 404) << path;
    EXPECT_TRUE(body["error"].is_string());
  }
}

}  // namespace
}  // namespace storyline::api
