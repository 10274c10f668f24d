// Tests of the events in the database: round trips of every field, NULLs,
// constraints, idempotent reruns, the schema 3 -> 4 upgrade and the walk over
// the articles with events. All text, people and places are invented.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "store/store.h"
#include "store/test_util.h"

namespace storyline::store {
namespace {

using testing::CountChildren;
using testing::ExpectedChildren;
using testing::ExpectSameArticle;
using testing::FactsArticle;
using testing::OpenOrDie;
using testing::OpenRunTest;
using testing::PlainArticle;
using testing::RawDb;
using testing::SyntheticArticle;
using testing::TestRun;

class EventsTest : public OpenRunTest {};

TEST_F(EventsTest, RoundTripsEveryFieldOfEveryEvent) {
  const Article article = FactsArticle();
  Put({article});
  db_.reset();  // read back after a reopen, not from a cache
  Database db = OpenOrDie(PathOf("s.db"));
  Result<Article> got = db.GetArticle(article.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameArticle(*got, article);
  ASSERT_EQ(got->events.size(), 3u);
  const Event& visit = got->events[0];
  EXPECT_EQ(visit.source, (EventActor{"Harbour minister Ilsa Quorren", "XVYGOV", {0, 29}, 0}));
  EXPECT_EQ(visit.target, (EventActor{"Veyra", "XVY", {41, 46}, 1}));
  EXPECT_EQ(visit.date, (EventDate{"2031-04-14", "timex", ByteSpan{65, 71}}));
  EXPECT_EQ(visit.place, (EventPlace{"Veyra", {41, 46}, "XVY"}));
  EXPECT_EQ(visit.goldstein, 1.9);
  EXPECT_EQ(visit.confidence, 0.875);
  const Event& intent = got->events[1];
  EXPECT_EQ(intent.id, 1u);
  EXPECT_EQ(intent.modality, "future");
  EXPECT_EQ(intent.quote, 1u);
  EXPECT_EQ(intent.date, (EventDate{"2031-04-20", "publication", std::nullopt}));
  const Event& denial = got->events[2];
  EXPECT_EQ(denial.id, 2u);
  EXPECT_TRUE(denial.negated);
  EXPECT_EQ(denial.target, std::nullopt);
  EXPECT_EQ(denial.place, std::nullopt);
  EXPECT_EQ(denial.date, EventDate{});
  EXPECT_EQ(denial.source.entity, std::nullopt);
  EXPECT_EQ(denial.quote, std::nullopt);
}

TEST_F(EventsTest, StoresAbsentPartsAsSqlNull) {
  const Article article = FactsArticle();
  Put({article});
  RawDb raw(PathOf("s.db"));
  const std::string of_article = " FROM events WHERE article_id = '" + article.id + "'";
  EXPECT_EQ(raw.Text("SELECT group_concat(idx)" + of_article +
                     " AND target_text IS NULL AND target_code IS NULL AND target_begin IS NULL"
                     " AND target_end IS NULL AND target_entity IS NULL AND place_text IS NULL"
                     " AND place_country IS NULL AND date_value IS NULL AND date_begin IS NULL"
                     " AND source_entity IS NULL AND quote IS NULL"),
            "2");
  EXPECT_EQ(raw.Text("SELECT group_concat(idx)" + of_article +
                     " AND place_text IS NULL AND date_begin IS NULL AND date_end IS NULL"),
            "1,2");
  EXPECT_EQ(raw.Text("SELECT group_concat(code || ':' || root || ':' || quad_class || ':' || "
                     "goldstein || ':' || negated || ':' || modality || ':' || date_how, ' ')" +
                     of_article),
            "042:04:1:1.9:0:asserted:timex 036:03:1:4.0:0:future:publication "
            "111:11:3:-2.0:1:asserted:unknown");
  EXPECT_EQ(raw.Text("SELECT date_begin || '-' || date_end || ' ' || place_text || ' ' || "
                     "place_begin || '-' || place_end || ' ' || place_country" +
                     of_article + " AND idx = 0"),
            "65-71 Veyra 41-46 XVY");
  EXPECT_EQ(raw.Text("SELECT count(*) FROM sqlite_master WHERE name = 'events_by_code'"), "1");
}

TEST_F(EventsTest, PuttingAnArticleAgainKeepsItsEventsOnce) {
  const std::vector<Article> batch = {FactsArticle(), PlainArticle(), SyntheticArticle(3)};
  Put(batch);
  Result<size_t> again = db_->PutArticles(run_, batch);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0u);
  RawDb raw(PathOf("s.db"));
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(batch));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM events"), 3 + 18);
  for (const Article& article : batch) {
    Result<Article> got = db_->GetArticle(article.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectSameArticle(*got, article);
  }
}

// A value the schema does not list fails the whole batch, in the single-row
// statement and among the 16 rows of the multi-row one.
TEST_F(EventsTest, RefusesValuesOutsideTheirListsAndStoresNothingOfTheBatch) {
  Article bad_how = FactsArticle();
  bad_how.events[1].date.how = "guessed";
  Article bad_modality = FactsArticle();
  bad_modality.events[0].modality = "rumoured";
  Article bad_among_many = SyntheticArticle(2);
  bad_among_many.events[7].modality = "rumoured";
  for (const Article& article : {bad_how, bad_modality, bad_among_many}) {
    Result<size_t> added = db_->PutArticles(run_, {PlainArticle(), article});
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    const std::string want = PathOf("s.db") + ": cannot store an event: CHECK constraint failed";
    EXPECT_EQ(added.status().message().substr(0, want.size()), want) << added.status().message();
    EXPECT_EQ(db_->ArticleCount(), 0u);
  }
}

TEST_F(EventsTest, GetArticleTextLeavesOutEvents) {
  Put({FactsArticle()});
  Result<Article> got = db_->GetArticleText(FactsArticle().id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE(got->events.empty());
}

// Only the articles with events, by id, whole, with the start of the run
// that stored them.
TEST_F(EventsTest, WalksTheArticlesWithEventsById) {
  const std::vector<Article> batch = {SyntheticArticle(5), PlainArticle(), FactsArticle()};
  Put(batch);
  std::vector<EventArticle> seen;
  ASSERT_TRUE(db_->ForEachEventArticle([&seen](EventArticle&& article) {
                   seen.push_back(std::move(article));
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);
  const auto [low, high] = std::minmax(batch[0].id, batch[2].id);
  EXPECT_EQ(seen[0].article.id, low);
  EXPECT_EQ(seen[1].article.id, high);
  for (const EventArticle& each : seen) {
    const Article& want = each.article.id == FactsArticle().id ? batch[2] : batch[0];
    ExpectSameArticle(each.article, want);
  }
  RawDb raw(PathOf("s.db"));
  EXPECT_EQ(seen[0].stored_at, raw.Text("SELECT started_at FROM runs"));
  EXPECT_EQ(seen[0].stored_at.size(), 24u);  // YYYY-MM-DDTHH:MM:SS.sssZ

  const Status stopped =
      db_->ForEachEventArticle([](EventArticle&&) { return Status::Internal("enough"); });
  EXPECT_EQ(stopped.message(), "enough");
}

// A version 3 file (as storyline wrote it before events) gets the events
// table; its articles stay, without events, and new ones store theirs.
TEST_F(EventsTest, UpgradesVersion3DatabaseKeepingItsArticles) {
  Article old_article = FactsArticle();
  old_article.events.clear();
  Put({old_article});
  db_.reset();
  {
    RawDb raw(PathOf("s.db"));
    raw.Exec("DROP TABLE event_mentions");
    raw.Exec("DROP TABLE reported_events");
    raw.Exec("DROP TABLE events");
    raw.Exec("DROP TABLE article_metadata");
    raw.Exec("DROP TABLE search_text");
    raw.Exec("DROP TABLE skipped_records");
    raw.Exec("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  }
  Database db = OpenOrDie(PathOf("s.db"));
  {
    RawDb raw(PathOf("s.db"));
    EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"),
              std::to_string(kSchemaVersion));
    EXPECT_EQ(raw.Text("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                       "WHERE name LIKE 'events%' ORDER BY name)"),
              "events events_by_code");
  }
  Result<Article> old = db.GetArticle(old_article.id);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ExpectSameArticle(*old, old_article);

  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(db.PutArticles(*run, {FactsArticle(), SyntheticArticle(1)}).ok());
  // The article already stored keeps none: it is not analysed again.
  Result<Article> again = db.GetArticle(FactsArticle().id);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->events.empty());
  Result<Article> added = db.GetArticle(SyntheticArticle(1).id);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ExpectSameArticle(*added, SyntheticArticle(1));
}

}  // namespace
}  // namespace storyline::store
