// The server's reads: stories, events, full-text search, read-only opening
// and the upgrade that builds the search index.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_util.h"

namespace storyline::store {
namespace {

using testing::FactsArticle;
using testing::FullArticle;
using testing::OpenOrDie;
using testing::OpenRunTest;
using testing::PlainArticle;
using testing::RawDb;
using testing::SampleLinks;

TEST(FtsQueryTest, QuotesEveryWordSoNothingReadsAsAnOperator) {
  EXPECT_EQ(FtsQuery("ferry terminal"), "\"ferry\" \"terminal\"");
  EXPECT_EQ(FtsQuery("  \"second pier\" june "), "\"second pier\" \"june\"");
  EXPECT_EQ(FtsQuery("term*"), "\"term\"*");
  EXPECT_EQ(FtsQuery("ferry AND NOT title:x"), "\"ferry\" \"AND\" \"NOT\" \"title:x\"");
  EXPECT_EQ(FtsQuery("a\"b \"unclosed"), "\"a\" \"b \" \"unclosed\"");
  EXPECT_EQ(FtsQuery("say \"\""), "\"say\"");
  EXPECT_EQ(FtsQuery("   "), "");
}

class ViewsTest : public OpenRunTest {};

TEST_F(ViewsTest, SearchFindsArticlesAndQuotesWithMarkedSnippets) {
  Put({FactsArticle(), PlainArticle()});
  Result<SearchPage> page = db_->Search(FtsQuery("passengers"), 0, 10);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->total, 2u);  // the article's text and its direct quote
  std::vector<std::string> kinds;
  for (const SearchHit& hit : page->hits) {
    kinds.push_back(hit.kind);
    EXPECT_EQ(hit.article, FactsArticle().id);
    EXPECT_EQ(hit.title, "Veyra opens its ferry terminal");
    EXPECT_NE(hit.snippet.find("\x01passengers\x02"), std::string::npos) << hit.snippet;
    EXPECT_FALSE(hit.story.has_value());
  }
  std::sort(kinds.begin(), kinds.end());
  EXPECT_EQ(kinds, (std::vector<std::string>{"article", "quote"}));

  Result<SearchPage> lighthouse = db_->Search(FtsQuery("lighthou*"), 0, 10);
  ASSERT_TRUE(lighthouse.ok());
  ASSERT_EQ(lighthouse->hits.size(), 1u);
  EXPECT_EQ(lighthouse->hits[0].article, PlainArticle().id);

  Result<SearchPage> paged = db_->Search(FtsQuery("passengers"), 1, 10);
  ASSERT_TRUE(paged.ok());
  EXPECT_EQ(paged->total, 2u);
  EXPECT_EQ(paged->hits.size(), 1u);
}

TEST_F(ViewsTest, AMalformedSearchQueryIsTheCallersError) {
  Put({FactsArticle()});
  Result<SearchPage> page = db_->Search("\"unclosed AND", 0, 10);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument) << page.status().ToString();
}

TEST_F(ViewsTest, ListsAndReadsStoriesWithTheirCounts) {
  Put({FullArticle(), PlainArticle()});
  ASSERT_TRUE(db_->PutLinks(run_, SampleLinks()).ok());
  Result<StoryPage> page = db_->ListStories({});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->total, 1u);
  ASSERT_EQ(page->stories.size(), 1u);
  const StoryListing& listing = page->stories[0];
  EXPECT_EQ(listing.story.id, "s-0000000000000001");
  EXPECT_EQ(listing.story.label, SampleLinks().stories[0].label);
  EXPECT_EQ(listing.story.first_date, "2031-04-15");
  EXPECT_EQ(listing.articles, 2u);
  EXPECT_EQ(listing.outlets, 2u);  // FullArticle's outlet, and the plain file on its own

  StoryFilter later;
  later.from = "2031-05-01";
  EXPECT_EQ(db_->ListStories(later)->total, 0u);
  StoryFilter earlier;
  earlier.to = "2031-04-15";
  EXPECT_EQ(db_->ListStories(earlier)->total, 1u);
  StoryFilter text;
  text.text = FtsQuery("lighthouse");
  EXPECT_EQ(db_->ListStories(text)->total, 1u);
  text.text = FtsQuery("submarine");
  EXPECT_EQ(db_->ListStories(text)->total, 0u);
  StoryFilter actor;
  actor.actor = "XVY";  // no reported events stored
  EXPECT_EQ(db_->ListStories(actor)->total, 0u);

  Result<Story> story = db_->GetStory("s-0000000000000001");
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->articles, SampleLinks().stories[0].articles);
  EXPECT_EQ(db_->GetStory("s-missing").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(db_->StoryOfArticle(PlainArticle().id).value(), "s-0000000000000001");
  EXPECT_FALSE(db_->StoryOfArticle("0000000000000000").value().has_value());
}

TEST_F(ViewsTest, ReadOnlyOpeningWritesNothingAndRefusesWrites) {
  Put({PlainArticle()});
  db_.reset();
  OpenOptions read_only;
  read_only.read_only = true;
  Result<Database> reader = Database::Open(PathOf("s.db"), read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(reader->ArticleCount(), 1u);
  EXPECT_FALSE(reader->BeginRun(testing::TestRun()).ok());
  EXPECT_EQ(Database::Open(PathOf("absent.db"), read_only).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(PathOf("absent.db")));
  {
    RawDb raw(PathOf("s.db"));
    raw.Exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
  }
  Result<Database> old = Database::Open(PathOf("s.db"), read_only);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(old.status().message().find("run storyline analyze"), std::string::npos);
}

TEST_F(ViewsTest, UpgradingVersion6IndexesTheStoredArticlesAndQuotes) {
  Put({FactsArticle()});
  db_.reset();
  {
    RawDb raw(PathOf("s.db"));
    raw.Exec("DROP TABLE search_text");
    raw.Exec("DROP TABLE skipped_records");
    raw.Exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
  }
  Database db = OpenOrDie(PathOf("s.db"));
  Result<SearchPage> page = db.Search(FtsQuery("second pier"), 0, 10);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 2u);  // the text and the indirect quote
  RawDb raw(PathOf("s.db"));
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
}

}  // namespace
}  // namespace storyline::store
