#include <gtest/gtest.h>

#include "brief/brief.h"
#include "brief/test_story.h"

namespace storyline::brief {
namespace {

using testing::InputOf;
using testing::MakeArticle;

std::vector<std::string> OutletNames(const Sources& sources) {
  std::vector<std::string> names;
  for (const Source& source : sources.outlets) names.push_back(source.outlet);
  return names;
}

Passage PassageOf(std::string a, ByteSpan in_a, std::string b, ByteSpan in_b, std::string earlier) {
  return {{std::move(a), in_a}, {std::move(b), in_b}, 1.0, std::move(earlier)};
}

TEST(SourcesTest, OrdersOutletsByEarliestArticleUndatedLastTiesAsTheyCame) {
  const Article lantern_late =
      MakeArticle("a1", "Harbor Lantern", {"The pier reopened."}, "2031-04-16");
  const Article post = MakeArticle("a2", "Veyra Post", {"The pier reopened."}, "2031-04-14");
  const Article wire = MakeArticle("a3", std::nullopt, {"The pier reopened."});
  const Article radio = MakeArticle("a4", "Coast Radio", {"The pier reopened."}, "2031-04-15");
  const Article lantern_early =
      MakeArticle("a5", "Harbor Lantern", {"The pier will reopen."}, "2031-04-14");
  const Sources sources =
      MakeSources(InputOf({&lantern_late, &post, &wire, &radio, &lantern_early}));

  EXPECT_EQ(OutletNames(sources), (std::vector<std::string>{"Harbor Lantern", "Veyra Post",
                                                            "Coast Radio", "feeds/a3.txt"}));
  // Both outlets with an article of the 14th reported first.
  EXPECT_TRUE(sources.outlets[0].first);
  EXPECT_TRUE(sources.outlets[1].first);
  EXPECT_FALSE(sources.outlets[2].first);
  EXPECT_FALSE(sources.outlets[3].first);
  // An outlet's articles stay in reading order.
  const std::vector<ArticleSource>& lantern = sources.outlets[0].articles;
  ASSERT_EQ(lantern.size(), 2u);
  EXPECT_EQ(lantern[0].id, "a1");
  EXPECT_EQ(lantern[0].published, "2031-04-16");
  EXPECT_EQ(lantern[0].published_how, "explicit");
  EXPECT_EQ(lantern[1].id, "a5");
  const ArticleSource& undated = sources.outlets[3].articles.at(0);
  EXPECT_EQ(undated.published, std::nullopt);
  EXPECT_EQ(undated.published_how, "unknown");
}

TEST(SourcesTest, NoOutletIsFirstWhenNoArticleIsDated) {
  Article titled = MakeArticle("b1", "Veyra Post", {"Fog closed the port."});
  titled.title = "Fog closes Port Veyra";
  const Article other = MakeArticle("b2", "Coast Radio", {"Fog closed the port."});
  const Sources sources = MakeSources(InputOf({&titled, &other}));

  EXPECT_EQ(OutletNames(sources), (std::vector<std::string>{"Veyra Post", "Coast Radio"}));
  EXPECT_FALSE(sources.outlets[0].first);
  EXPECT_FALSE(sources.outlets[1].first);
  EXPECT_EQ(sources.outlets[0].articles.at(0).title, "Fog closes Port Veyra");
  EXPECT_TRUE(sources.copies.empty());
}

TEST(SourcesTest, CopyRunsFromTheEarlierArticleAndCountsOverlapsOnce) {
  const Article original = MakeArticle("c1", "Veyra Post", {std::string(200, 'x')}, "2031-04-14");
  const Article copy = MakeArticle("c2", "Coast Radio", {std::string(400, 'y')}, "2031-04-15");
  // Two passages whose sides in the copy overlap: [10, 60) and [50, 100).
  const Sources sources =
      MakeSources(InputOf({&copy, &original}, {PassageOf("c1", {0, 50}, "c2", {10, 60}, "a"),
                                               PassageOf("c2", {50, 100}, "c1", {40, 90}, "b")}));

  ASSERT_EQ(sources.copies.size(), 1u);
  const Copy& c = sources.copies[0];
  EXPECT_EQ(c.from, "c1");
  EXPECT_EQ(c.to, "c2");
  EXPECT_EQ(c.bytes, 90u);
  EXPECT_DOUBLE_EQ(c.share, 90.0 / 400.0);
  EXPECT_TRUE(c.direction_known);
}

TEST(SourcesTest, UndatedCopiesRunInReadingOrderLargestFirst) {
  const Article first = MakeArticle("d1", "Veyra Post", {std::string(100, 'x')});
  const Article second = MakeArticle("d2", "Coast Radio", {std::string(100, 'y')});
  const Article third = MakeArticle("d3", "Harbor Lantern", {std::string(50, 'z')});
  const Sources sources = MakeSources(
      InputOf({&first, &second, &third}, {PassageOf("d2", {0, 20}, "d1", {0, 20}, "unknown"),
                                          PassageOf("d3", {0, 40}, "d1", {50, 90}, "unknown"),
                                          // Not an article of the story: ignored.
                                          PassageOf("d1", {0, 100}, "elsewhere", {0, 100}, "a")}));

  ASSERT_EQ(sources.copies.size(), 2u);
  EXPECT_EQ(sources.copies[0].from, "d1");
  EXPECT_EQ(sources.copies[0].to, "d3");
  EXPECT_EQ(sources.copies[0].bytes, 40u);
  EXPECT_DOUBLE_EQ(sources.copies[0].share, 0.8);
  EXPECT_FALSE(sources.copies[0].direction_known);
  EXPECT_EQ(sources.copies[1].from, "d1");
  EXPECT_EQ(sources.copies[1].to, "d2");
  EXPECT_EQ(sources.copies[1].bytes, 20u);
}

TEST(SourcesTest, EmptyStoryHasNoSources) {
  const Sources sources = MakeSources(InputOf({}));
  EXPECT_TRUE(sources.outlets.empty());
  EXPECT_TRUE(sources.copies.empty());
}

}  // namespace
}  // namespace storyline::brief
