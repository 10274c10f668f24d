// The link stage over a growing collection: features and their bytes, and
// Linker runs split across "runs" the way storyline analyze splits them.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

Article MakeArticle(std::string id, std::string title, std::string text, std::string date) {
  Article a;
  a.id = std::move(id);
  a.origin = "invented/" + a.id + ".txt";
  a.title = std::move(title);
  a.text = std::move(text);
  a.published.value = std::move(date);
  return a;
}

// A wire paragraph that two invented outlets republish word for word.
constexpr const char* kWireParagraph =
    "Engineers closed the Glasswater bridge in Ternby on Tuesday after inspectors found cracks "
    "in two steel girders, and commuters face long detours across the Velde river.";

// Two invented events; "a" articles about a bridge, "b" about a hailstorm.
std::map<std::string, Article> InventedArticles() {
  std::map<std::string, Article> articles;
  for (Article a : {
           MakeArticle("a1", "Glasswater bridge closes after cracks found in Ternby span",
                       std::string(kWireParagraph) +
                           "\nThe council said repairs could take the whole summer.",
                       "2031-06-03"),
           MakeArticle("b1", "Orchard growers in Kell Valley count losses after hailstorm",
                       "A hailstorm stripped blossom from apple orchards across Kell Valley, and "
                       "growers fear the harvest will be half of last season's.",
                       "2031-06-03"),
           MakeArticle("a2", "Ternby commuters face detours as Glasswater bridge stays shut",
                       "Ternby's engineers said the Glasswater bridge girders need new steel.\n" +
                           std::string(kWireParagraph),
                       "2031-06-05"),
           MakeArticle("b2", "Kell Valley cooperative seeks hail relief for apple growers",
                       "The Kell Valley cooperative asked for hail relief after the storm "
                       "destroyed apple blossom in the orchards, its chair said.",
                       "2031-06-06"),
       }) {
    articles.emplace(a.id, std::move(a));
  }
  return articles;
}

StoryArticle AsStoryArticle(const Article& a) {
  return {a.id, a.title.value_or(""), a.published.value, {}, {}, {}, {}};
}

Linker::ArticleLoader LoaderOf(const std::map<std::string, Article>& articles) {
  return [&articles](const std::string& id) -> Result<Article> {
    const auto it = articles.find(id);
    if (it == articles.end()) return Status::NotFound(id);
    return it->second;
  };
}

TEST(LinkFeatures, RoundTripThroughBytesAndRejectForeignBytes) {
  const Article a = InventedArticles().at("a1");
  const ArticleFeatures features = ComputeFeatures(a);
  EXPECT_EQ(features.signature, MinHash(a.text));
  EXPECT_EQ(features.seeds, PassageSeeds(a.text));
  EXPECT_EQ(features.terms, ArticleTerms(a));
  const std::string bytes = EncodeFeatures(features);
  EXPECT_EQ(bytes.size(),
            17 + 4 * kSignatureSize + 8 * features.seeds.size() + 12 * features.terms.size());
  EXPECT_EQ(DecodeFeatures(bytes), features);
  EXPECT_EQ(DecodeFeatures(""), std::nullopt);
  EXPECT_EQ(DecodeFeatures(bytes.substr(0, bytes.size() - 1)), std::nullopt);
  std::string other_version = bytes;
  other_version[0] = static_cast<char>(other_version[0] + 1);
  EXPECT_EQ(DecodeFeatures(other_version), std::nullopt);
}

// Stored features say what they were computed with, so that a run with
// another stopword list (or seed length, or title weight) can tell they are
// stale: the digest follows the words of the list, not its bytes.
TEST(LinkFeatures, RecordTheStopwordListAndOptionsTheyWereComputedWith) {
  const Article a = InventedArticles().at("a1");
  LinkOptions embedded;
  LinkOptions same_words, more_words, longer_seeds;
  same_words.stopwords = std::make_shared<const Stopwords>(*Stopwords::Parse("The\nsaid\nthe\n"));
  more_words.stopwords =
      std::make_shared<const Stopwords>(*Stopwords::Parse("said\nthe\nbridge\n"));
  const LinkOptions reordered = [] {
    LinkOptions options;
    options.stopwords = std::make_shared<const Stopwords>(*Stopwords::Parse("said\nthe\n"));
    return options;
  }();
  longer_seeds.passages.seed_words = 10;

  EXPECT_EQ(ComputeFeatures(a, embedded).computed_with, FeaturesDigest(embedded));
  EXPECT_EQ(FeaturesDigest(same_words), FeaturesDigest(reordered));
  EXPECT_NE(FeaturesDigest(more_words), FeaturesDigest(reordered));
  EXPECT_NE(FeaturesDigest(embedded), FeaturesDigest(reordered));
  EXPECT_NE(FeaturesDigest(longer_seeds), FeaturesDigest(embedded));

  const ArticleFeatures with_more = ComputeFeatures(a, more_words);
  EXPECT_EQ(with_more.computed_with, FeaturesDigest(more_words));
  EXPECT_EQ(DecodeFeatures(EncodeFeatures(with_more))->computed_with, FeaturesDigest(more_words));
  EXPECT_LT(with_more.terms.size(), ComputeFeatures(a, reordered).terms.size());  // no "bridge"
}

TEST(LinkFeatures, TitleWordsCountTitleWeightTimes) {
  Article a = MakeArticle("x", "Glasswater", "Glasswater bridge", "2031-06-03");
  StoryOptions options;
  options.title_weight = 3;
  const TermCounts terms = ArticleTerms(a, Stopwords::Embedded(), options);
  ASSERT_EQ(terms.size(), 2u);  // "glasswater" and "bridge"
  float total = 0;
  for (const auto& [term, count] : terms) total += count;
  EXPECT_EQ(total, 5.0f);  // 3 (title) + 1 + 1
}

// Adds the articles `ids` to `linker` as new ones, in that order.
void AddNew(Linker& linker, const std::map<std::string, Article>& articles,
            const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    const Article& a = articles.at(id);
    linker.AddNew(AsStoryArticle(a), a.origin, ComputeFeatures(a));
  }
}

// One run over all four articles, as a single analyze would do.
LinkResult LinkAllAtOnce(const std::map<std::string, Article>& articles,
                         const std::vector<std::string>& add_order) {
  Linker linker;
  AddNew(linker, articles, add_order);
  Result<LinkResult> result = linker.Run(LoaderOf(articles));
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? std::move(result).value() : LinkResult{};
}

TEST(Linker, ResultsDoNotDependOnTheOrderArticlesAreAdded) {
  const std::map<std::string, Article> articles = InventedArticles();
  const LinkResult forward = LinkAllAtOnce(articles, {"a1", "b1", "a2", "b2"});
  const LinkResult backward = LinkAllAtOnce(articles, {"b2", "a2", "b1", "a1"});
  EXPECT_EQ(forward.joined, backward.joined);
  EXPECT_EQ(forward.stories, backward.stories);
  EXPECT_EQ(forward.passages, backward.passages);
  // Canonical order: by date, then origin.
  ASSERT_EQ(forward.joined.size(), 4u);
  EXPECT_EQ(forward.joined[0].first, "a1");
  EXPECT_EQ(forward.joined[1].first, "b1");
  EXPECT_EQ(forward.joined[2].first, "a2");
  EXPECT_EQ(forward.joined[3].first, "b2");
  // Two events, two stories.
  EXPECT_EQ(forward.joined[0].second, forward.joined[2].second);
  EXPECT_EQ(forward.joined[1].second, forward.joined[3].second);
  EXPECT_NE(forward.joined[0].second, forward.joined[1].second);
  // The wire paragraph, at its offsets in each.
  ASSERT_EQ(forward.passages.size(), 1u);
  const Passage& p = forward.passages[0];
  EXPECT_EQ(p.a.article, "a1");
  const uint32_t length = static_cast<uint32_t>(std::string(kWireParagraph).size());
  EXPECT_EQ(p.a.span, (ByteSpan{0, length}));
  EXPECT_EQ(p.b.article, "a2");
  const uint32_t second_line = static_cast<uint32_t>(articles.at("a2").text.find('\n') + 1);
  EXPECT_EQ(p.b.span, (ByteSpan{second_line, second_line + length}));
  EXPECT_EQ(p.earlier, "a");
}

TEST(Linker, SecondRunReplaysStoriesAndLinksOnlyTheNewArticles) {
  const std::map<std::string, Article> articles = InventedArticles();
  // First run: the articles of 3 June.
  Linker first;
  AddNew(first, articles, {"a1", "b1"});
  Result<LinkResult> before = first.Run(LoaderOf(articles));
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->passages.empty());
  std::map<std::string, std::string> story_of(before->joined.begin(), before->joined.end());

  // Second run: the stored ones replayed, the later ones new. Only the new
  // articles are loaded for passages, with the old ones they pair with.
  Linker second;
  for (const auto& [id, story] : before->joined) {
    second.AddLinked(AsStoryArticle(articles.at(id)), story, ComputeFeatures(articles.at(id)));
  }
  AddNew(second, articles, {"b2", "a2"});
  EXPECT_EQ(second.new_articles(), 2u);
  std::vector<std::string> loaded;
  Result<LinkResult> after = second.Run([&](const std::string& id) -> Result<Article> {
    loaded.push_back(id);
    return articles.at(id);
  });
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->joined, (std::vector<std::pair<std::string, std::string>>{
                               {"a2", story_of.at("a1")}, {"b2", story_of.at("b1")}}));
  ASSERT_EQ(after->stories.size(), 2u);
  for (const Story& story : after->stories) {
    EXPECT_EQ(story.articles.size(), 2u);
    EXPECT_EQ(story.first_date, "2031-06-03");
  }
  ASSERT_EQ(after->passages.size(), 1u);
  EXPECT_EQ(after->passages[0].a.article, "a1");
  EXPECT_EQ(after->passages[0].b.article, "a2");
  EXPECT_EQ(loaded, (std::vector<std::string>{"a1", "a2"}));

  // The same split gives what one run over everything gives.
  const LinkResult at_once = LinkAllAtOnce(articles, {"a1", "b1", "a2", "b2"});
  EXPECT_EQ(after->passages, at_once.passages);
}

TEST(Linker, ReturnsTheLoadersError) {
  const std::map<std::string, Article> articles = InventedArticles();
  Linker linker;
  AddNew(linker, articles, {"a1", "a2"});
  Result<LinkResult> result =
      linker.Run([](const std::string& id) -> Result<Article> { return Status::IoError(id); });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIoError);
}

TEST(Linker, GroupsNearDuplicatesWithTheirWeakestLink) {
  std::map<std::string, Article> articles = InventedArticles();
  Article copy = articles.at("a1");
  copy.id = "a0";
  copy.origin = "invented/a0.txt";
  articles.emplace(copy.id, copy);
  const LinkResult result = LinkAllAtOnce(articles, {"a0", "a1", "a2", "b1", "b2"});
  // a0 and a1 are the same text; a2 is mostly the wire paragraph too.
  ASSERT_EQ(result.near_duplicates.size(), 1u);
  EXPECT_EQ(result.near_duplicates[0].articles, (std::vector<std::string>{"a0", "a1", "a2"}));
  const double a1_a2 =
      EstimatedJaccard(MinHash(articles.at("a1").text), MinHash(articles.at("a2").text));
  EXPECT_LT(a1_a2, 1.0);
  EXPECT_EQ(result.near_duplicates[0].similarity, a1_a2);
}

// Regression: the Linker used to leave every article of a band bucket over
// 1,000 articles out of near-duplicate detection, so a wire story copied
// 1,500 times was not reported at all.
TEST(Linker, ReportsAStoryCopiedThousandsOfTimesAsOneGroup) {
  std::map<std::string, Article> articles = InventedArticles();
  std::vector<std::string> ids = {"a1", "a2", "b1", "b2"};
  std::vector<std::string> expected = {"a1", "a2"};
  const Article& original = articles.at("a1");
  for (int i = 0; i < 1500; ++i) {
    std::string id(1, 'c');
    id += std::to_string(1000 + i);
    ids.push_back(id);
    expected.push_back(id);
    articles.emplace(id, MakeArticle(id, *original.title, original.text, "2031-06-03"));
  }
  const LinkResult result = LinkAllAtOnce(articles, ids);
  ASSERT_EQ(result.near_duplicates.size(), 1u);
  EXPECT_EQ(result.near_duplicates[0].articles, expected);
  EXPECT_EQ(result.near_duplicates[0].similarity,
            EstimatedJaccard(MinHash(articles.at("a1").text), MinHash(articles.at("a2").text)));
}

// A wire story republished 1,500 times with two words changed in each copy:
// every seed of the story is shared by far more than max_articles_per_seed
// articles, so the copies are paired with the group's label for passages,
// one pair per copy rather than 1,500^2 / 2.
TEST(Linker, FindsThePassagesOfAWireStoryCopiedThousandsOfTimes) {
  constexpr size_t kCopies = 1500;
  std::vector<std::string> words;
  uint64_t state = 7;
  for (int w = 0; w < 300; ++w) {
    std::string word;
    for (int syllable = 0; syllable < 3; ++syllable) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      word += "bdgklmnprstv"[(state >> 33) % 12];
      word += "aeiou"[(state >> 45) % 5];
    }
    words.push_back(word);
  }
  // Six paragraphs of five ten-word sentences; each copy changes two words.
  const auto text_of = [&](size_t copy) {
    std::string text;
    for (size_t w = 0; w < words.size(); ++w) {
      const bool edited = copy > 0 && (w == copy % 300 || w == (copy * 7 + 150) % 300);
      // The new word is the copy's own, so no seed is shared by a few copies only.
      text += edited ? "edit" + std::string{char('a' + copy / 676), char('a' + copy / 26 % 26),
                                            char('a' + copy % 26)}
                     : words[w];
      text += w % 50 == 49 ? ".\n" : w % 10 == 9 ? ". " : " ";
    }
    return text;
  };
  std::map<std::string, Article> articles;
  Linker linker;
  for (size_t copy = 0; copy <= kCopies; ++copy) {
    char id[16];
    std::snprintf(id, sizeof(id), "w%05zu", copy);
    const Article a = MakeArticle(id, "Wire story", text_of(copy), "2031-06-03");
    linker.AddNew(AsStoryArticle(a), a.origin, ComputeFeatures(a));
    articles.emplace(a.id, a);
  }
  Result<LinkResult> result = linker.Run(LoaderOf(articles));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->near_duplicates.size(), 1u);
  EXPECT_EQ(result->near_duplicates[0].articles.size(), kCopies + 1);
  EXPECT_EQ(result->near_duplicates[0].articles[0], "w00000");
  std::map<std::string, size_t> passages_with_original;
  for (const Passage& p : result->passages) {
    if (p.a.article == "w00000") ++passages_with_original[p.b.article];
  }
  EXPECT_EQ(passages_with_original.size(), kCopies);
}

}  // namespace
}  // namespace storyline::link
