#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

Article MakeArticle(std::string id, std::string title, std::string text,
                    std::optional<std::string> date) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  a.published.value = std::move(date);
  return a;
}

// Three invented events reported by invented outlets, interleaved.
std::vector<Article> InventedArticles() {
  return {
      MakeArticle("a1", "Glasswater bridge closes after cracks found in Ternby span",
                  "Engineers closed the Glasswater bridge in Ternby on Tuesday after inspectors "
                  "found cracks in two steel girders. Commuters face long detours across the "
                  "Velde river while the span is assessed.",
                  "2031-06-03"),
      MakeArticle("b1", "Orchard growers in Kell Valley count losses after hailstorm",
                  "A hailstorm stripped blossom from apple orchards across Kell Valley, and "
                  "growers fear the harvest will be half of last season's. The growers' "
                  "cooperative asked for emergency loans.",
                  "2031-06-03"),
      MakeArticle("a2", "Ternby commuters face months of detours as Glasswater bridge stays shut",
                  "The Glasswater bridge will stay closed for months, Ternby's engineers said, "
                  "after further cracks were found in the girders. Ferry services across the "
                  "Velde river will be doubled for commuters.",
                  "2031-06-05"),
      MakeArticle("c1", "Mirren Rovers sign striker Oskar Lindqvist from Haldane",
                  "Mirren Rovers completed the signing of striker Oskar Lindqvist from Haldane "
                  "Athletic for an undisclosed fee. Lindqvist scored 19 goals last season.",
                  "2031-06-04"),
      MakeArticle("b2", "Kell Valley cooperative seeks hail relief for apple growers",
                  "The Kell Valley growers' cooperative asked the province for hail relief "
                  "after the storm destroyed apple blossom in most orchards. Loans alone will "
                  "not save the harvest, its chair said.",
                  "2031-06-06"),
      MakeArticle("c2", "Lindqvist says Mirren Rovers move is a dream",
                  "Oskar Lindqvist said joining Mirren Rovers was a dream. The striker, signed "
                  "from Haldane Athletic, hopes to repeat his 19 goals.",
                  "2031-06-05"),
  };
}

TEST(StoryClusterer, GroupsSameEventArticlesFromDifferentOutlets) {
  const std::vector<Article> articles = InventedArticles();
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  StoryClusterer clusterer(statistics);
  std::vector<size_t> story;
  for (const Article& a : articles) story.push_back(clusterer.Add(a));
  EXPECT_EQ(story, (std::vector<size_t>{0, 1, 0, 2, 1, 2}));

  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].articles, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(stories[0].first_date, "2031-06-03");
  EXPECT_EQ(stories[0].last_date, "2031-06-05");
  EXPECT_EQ(stories[1].articles, (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(stories[2].articles, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(stories[0].id.substr(0, 2), "s-");
  EXPECT_EQ(stories[0].id.size(), 18u);
}

TEST(StoryClusterer, StartsANewStoryOutsideTheTimeWindow) {
  std::vector<Article> articles = InventedArticles();
  articles[2].published.value = "2031-08-01";  // the bridge follow-up, two months on
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  StoryClusterer clusterer(statistics);
  EXPECT_EQ(clusterer.Add(articles[0]), 0u);
  EXPECT_EQ(clusterer.Add(articles[2]), 1u);
}

TEST(StoryClusterer, LabelIsAHeadlineOfTheStory) {
  const std::vector<Article> articles = InventedArticles();
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  StoryClusterer clusterer(statistics);
  for (const Article& a : articles) clusterer.Add(a);
  const Story story = clusterer.Stories()[0];
  EXPECT_TRUE(story.label == *articles[0].title || story.label == *articles[2].title)
      << story.label;
}

}  // namespace
}  // namespace storyline::link
