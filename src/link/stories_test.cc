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

// The cap on scored candidates: with one, each article is still scored
// against its own event's story (the one its query terms weigh most on);
// with none, no story is scored and every article starts one.
TEST(StoryClusterer, ScoresAtMostMaxScoredCandidates) {
  const std::vector<Article> articles = InventedArticles();
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  for (const auto& [cap, expected] :
       {std::pair<size_t, std::vector<size_t>>{1, {0, 1, 0, 2, 1, 2}},
        std::pair<size_t, std::vector<size_t>>{0, {0, 1, 2, 3, 4, 5}}}) {
    StoryOptions options;
    options.max_scored_candidates = cap;
    StoryClusterer clusterer(statistics, options);
    std::vector<size_t> story;
    for (const Article& a : articles) story.push_back(clusterer.Add(a));
    EXPECT_EQ(story, expected) << "max_scored_candidates " << cap;
  }
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

// The window counts calendar days (core/calendar.h), across month and year
// ends: 2031-12-30 to 2032-01-06 is 7 days, to 2032-01-07 is 8.
TEST(StoryClusterer, CountsTheWindowInCalendarDaysAcrossAYearEnd) {
  for (const auto& [follow_up_date, story] :
       {std::pair<std::string, size_t>{"2032-01-06", 0}, {"2032-01-07", 1}}) {
    std::vector<Article> articles = InventedArticles();
    articles[0].published.value = "2031-12-30";
    articles[2].published.value = follow_up_date;
    TermStatistics statistics;
    for (const Article& a : articles) statistics.Add(a);
    StoryClusterer clusterer(statistics);
    EXPECT_EQ(clusterer.Add(articles[0]), 0u);
    EXPECT_EQ(clusterer.Add(articles[2]), story) << follow_up_date;
  }
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

// A story started by an article with many words of its own still takes a
// short report of the same event: words no other article has stay out of
// story centroids, where they would only lower every cosine.
TEST(StoryClusterer, WordsOfOneArticleStayOutOfTheCentroid) {
  std::string long_text = "Cracks closed the Glasswater bridge in Ternby.";
  for (char a = 'a'; a <= 'e'; ++a) {
    for (char b = 'a'; b <= 'h'; ++b) long_text += std::string(" zq") + a + b + "x";
  }
  std::vector<Article> articles = {
      MakeArticle("long", "", long_text, "2031-06-03"),
      MakeArticle("short", "", "Glasswater bridge in Ternby closed after cracks found.",
                  "2031-06-03"),
      MakeArticle("other", "", "Kell Valley growers count hail losses.", "2031-06-03"),
  };
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  StoryClusterer clusterer(statistics);
  EXPECT_EQ(clusterer.Add(articles[0]), 0u);
  EXPECT_EQ(clusterer.Add(articles[1]), 0u);
  EXPECT_EQ(clusterer.Add(articles[2]), 1u);

  StoryOptions keep_all;
  keep_all.min_document_frequency = 0;
  StoryClusterer diluted(statistics, keep_all);
  EXPECT_EQ(diluted.Add(articles[0]), 0u);
  EXPECT_EQ(diluted.Add(articles[1]), 1u);
}

uint64_t HashOf(std::string_view word) { return NormalizedWords(word).at(0).hash; }

// Stories that ended more than window_days before an article's date leave
// the index lists it looks up (articles arrive roughly in date order), so an
// article dated earlier still, arriving after that, no longer finds them.
TEST(StoryClusterer, DropsStoriesBehindTheWindowFromTheIndex) {
  std::vector<Article> articles = InventedArticles();
  Article late = articles[2];  // the bridge follow-up, three weeks on
  late.published.value = "2031-06-24";
  TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  statistics.Add(late);
  StoryClusterer in_order(statistics);
  EXPECT_EQ(in_order.Add(articles[0]), 0u);
  EXPECT_EQ(in_order.Add(articles[2]), 0u);

  StoryClusterer late_first(statistics);
  EXPECT_EQ(late_first.Add(articles[0]), 0u);
  EXPECT_EQ(late_first.Add(late), 1u);
  // Neither the 06-03 story (gone from the index) nor the 06-24 one (outside
  // the window) takes the 06-05 article.
  EXPECT_EQ(late_first.Add(articles[2]), 2u);
}

// Words normalised once for MinHash and seeds give the same statistics.
TEST(TermStatistics, CountsTheSameFromPrecomputedWords) {
  const std::vector<Article> articles = InventedArticles();
  TermStatistics from_text, from_words;
  for (const Article& a : articles) {
    from_text.Add(a);
    from_words.Add(a, NormalizedWords(a.text));
  }
  EXPECT_EQ(from_words.documents(), 6u);
  for (std::string_view word : {"Glasswater", "girders", "Lindqvist", "orchards", "Ternby"}) {
    EXPECT_EQ(from_words.DocumentFrequency(HashOf(word)), from_text.DocumentFrequency(HashOf(word)))
        << word;
  }
  EXPECT_EQ(from_words.DocumentFrequency(HashOf("Glasswater")), 2u);
  EXPECT_EQ(from_words.DocumentFrequency(HashOf("Lindqvist")), 2u);
}

// Thousands of terms: the frequency table grows and keeps every count.
TEST(TermStatistics, CountsDocumentFrequenciesOfManyTerms) {
  TermStatistics statistics;
  for (int i = 0; i < 3000; ++i) {
    const std::string number = std::to_string(i);
    std::string text = "Glasswater term";
    text.append(number).append("x");
    statistics.Add(MakeArticle(number, "", text, "2031-06-03"));
  }
  EXPECT_EQ(statistics.documents(), 3000u);
  EXPECT_EQ(statistics.DocumentFrequency(HashOf("Glasswater")), 3000u);
  EXPECT_EQ(statistics.DocumentFrequency(HashOf("term2999x")), 1u);
  EXPECT_EQ(statistics.DocumentFrequency(HashOf("term0x")), 1u);
  EXPECT_EQ(statistics.DocumentFrequency(HashOf("Ternby")), 0u);
}

TEST(Stopwords, EmbeddedListHoldsFunctionAndReportingWords) {
  const Stopwords& stopwords = Stopwords::Embedded();
  EXPECT_TRUE(stopwords.Contains(HashOf("the")));
  EXPECT_TRUE(stopwords.Contains(HashOf("Said")));
  EXPECT_TRUE(stopwords.Contains(HashOf("otherwise")));
  EXPECT_FALSE(stopwords.Contains(HashOf("bridge")));
}

TEST(Stopwords, MatchAfterNormalisation) {
  Result<Stopwords> stopwords = Stopwords::Parse("# comment\n\nOrganisation\r\nsociety's\n");
  ASSERT_TRUE(stopwords.ok()) << stopwords.status().ToString();
  EXPECT_EQ(stopwords->size(), 2u);
  EXPECT_TRUE(stopwords->Contains(HashOf("organization")));
  EXPECT_TRUE(stopwords->Contains(HashOf("societys")));
}

TEST(Stopwords, RejectsALineThatIsNotOneWord) {
  Result<Stopwords> two = Stopwords::Parse("the\nas well\n");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.status().message(), "line 2: expected one word, got 'as well'");
  Result<Stopwords> tab = Stopwords::Parse("the\tand\n");
  ASSERT_FALSE(tab.ok());
  EXPECT_EQ(tab.status().message(), "line 1: expected one word, got 'the' and a tab");
  EXPECT_FALSE(Stopwords::Parse("...\n").ok());
}

// The statistics' stopwords decide which words count: two sentences made of
// function words share nothing under the embedded list, and everything
// under an empty one.
TEST(StoryClusterer, UsesTheStatisticsStopwords) {
  const std::vector<Article> articles = {
      MakeArticle("x", "", "They said that it was over there.", std::nullopt),
      MakeArticle("y", "", "They said that it was over here.", std::nullopt),
  };
  TermStatistics embedded;
  for (const Article& a : articles) embedded.Add(a);
  StoryClusterer stopped(embedded);
  EXPECT_EQ(stopped.Add(articles[0]), 0u);
  EXPECT_EQ(stopped.Add(articles[1]), 1u);

  Result<Stopwords> none = Stopwords::Parse("");
  ASSERT_TRUE(none.ok());
  TermStatistics counted(*none);
  for (const Article& a : articles) counted.Add(a);
  StoryClusterer clusterer(counted);
  EXPECT_EQ(clusterer.Add(articles[0]), 0u);
  EXPECT_EQ(clusterer.Add(articles[1]), 0u);
}

// The set is a probe table: every listed word is found, others are not,
// and an empty set (default or empty file) holds nothing.
TEST(Stopwords, FindsEveryListedWordAndNoOther) {
  const Result<Stopwords> listed = Stopwords::Parse("the\nsaid\nMonday\nsaid\n");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);
  for (std::string_view word : {"the", "said", "Monday", "monday"}) {
    EXPECT_TRUE(listed->Contains(HashOf(word))) << word;
  }
  for (std::string_view word : {"Glasswater", "then", "Tuesday"}) {
    EXPECT_FALSE(listed->Contains(HashOf(word))) << word;
  }
  EXPECT_FALSE(Stopwords().Contains(HashOf("the")));
  EXPECT_FALSE(Stopwords::Parse("")->Contains(0));
}

}  // namespace
}  // namespace storyline::link
