// Tests of the entities and quotes in the database: round trips, NULLs,
// constraints, the schema 2 -> 3 upgrade and the lookups across articles.
// All text, people and places are invented.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/id.h"
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
using testing::SpanOf;
using testing::SyntheticArticle;
using testing::TestRun;

class FactsTest : public OpenRunTest {};

// Another article naming the minister of FactsArticle, once.
Article ArticleNaming(const std::string& origin, const std::optional<std::string>& published,
                      const std::string& text, const std::string& name) {
  Article a;
  a.origin = origin;
  a.format = "txt";
  a.text = text;
  a.id = MakeArticleId(a.origin, a.text);
  a.published.value = published;
  if (published) a.published.how = DateHow::kExplicit;
  a.sentences = {{0, static_cast<uint32_t>(text.size())}};
  Entity minister;
  minister.key = "PER:ilsa quorren:XVY";
  minister.name = name;
  minister.type = "PER";
  minister.mentions = {{0, SpanOf(a.text, name), "name"}};
  a.entities = {minister};
  return a;
}

TEST_F(FactsTest, RoundTripsEntitiesAndQuotesExactly) {
  const Article article = FactsArticle();
  Put({article});
  db_.reset();  // read back after a reopen, not from a cache
  Database db = OpenOrDie(PathOf("s.db"));
  Result<Article> got = db.GetArticle(article.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameArticle(*got, article);
  ASSERT_EQ(got->entities.size(), 3u);
  const Entity& minister = got->entities[0];
  EXPECT_EQ(minister.key, "PER:ilsa quorren:XVY");
  EXPECT_EQ(minister.role, "harbour minister");
  EXPECT_EQ(minister.actor, (ActorCode{"XVYGOV", "person", "actors/people.tsv:12"}));
  EXPECT_EQ(minister.mentions,
            (std::vector<EntityMention>{
                {0, {17, 29}, "name"}, {1, {134, 137}, "pronoun"}, {2, {144, 156}, "nominal"}}));
  EXPECT_EQ(got->entities[2].id, 2u);
  EXPECT_EQ(got->entities[2].key, "");
  ASSERT_EQ(got->quotes.size(), 4u);
  EXPECT_EQ(got->quotes[0].speaker, (QuoteSpeaker{"she", {134, 137}, 0, "XVYGOV"}));
  EXPECT_EQ(got->quotes[1].cue, (ByteSpan{157, 161}));
  EXPECT_EQ(got->quotes[2].cue, std::nullopt);
  EXPECT_EQ(got->quotes[2].speaker, std::nullopt);
  EXPECT_EQ(got->quotes[3].speaker, (QuoteSpeaker{"Critics", {238, 245}, {}, {}}));
}

TEST_F(FactsTest, StoresAbsentValuesAsSqlNull) {
  const Article article = FactsArticle();
  Put({article});
  RawDb raw(PathOf("s.db"));
  const std::string of_article = " WHERE article_id = '" + article.id + "'";
  EXPECT_EQ(raw.Text("SELECT group_concat(idx) FROM entities" + of_article +
                     " AND key IS NULL AND role IS NULL AND country IS NULL AND actor_code IS NULL"
                     " AND actor_how IS NULL AND actor_evidence IS NULL"),
            "2");
  EXPECT_EQ(raw.Text("SELECT actor_how || ' ' || actor_evidence FROM entities" + of_article +
                     " AND idx = 1"),
            "dictionary actors/countries.tsv:7");
  EXPECT_EQ(raw.Text("SELECT group_concat(idx) FROM quotes" + of_article +
                     " AND cue_begin IS NULL AND speaker_text IS NULL AND speaker_entity IS NULL"),
            "2");
  EXPECT_EQ(raw.Text("SELECT speaker_text FROM quotes" + of_article +
                     " AND speaker_entity IS NULL AND speaker_code IS NULL AND cue_end = 250"),
            "Critics");
}

// The mentions column holds the documented JSON, which SQL reads with
// json_each.
TEST_F(FactsTest, StoresMentionsAsJsonArraysInTheEntityRow) {
  const Article article = FactsArticle();
  Put({article});
  RawDb raw(PathOf("s.db"));
  const std::string of_article = " WHERE article_id = '" + article.id + "'";
  EXPECT_EQ(raw.Text("SELECT mentions FROM entities" + of_article + " AND idx = 0"),
            R"([[0,17,29,"name"],[1,134,137,"pronoun"],[2,144,156,"nominal"]])");
  EXPECT_EQ(
      raw.Text("SELECT group_concat(e.idx || '.' || m.key || ':' || (m.value ->> 3) || '@' || "
               "(m.value ->> 0) || ':' || (m.value ->> 1) || '-' || (m.value ->> 2), ' ') "
               "FROM entities e, json_each(e.mentions) m WHERE e.article_id = '" +
               article.id + "'"),
      "0.0:name@0:17-29 0.1:pronoun@1:134-137 0.2:nominal@2:144-156 1.0:name@0:41-46 "
      "2.0:nominal@2:162-180");
}

TEST_F(FactsTest, GetArticleTextLeavesOutEntitiesAndQuotes) {
  const Article article = FactsArticle();
  Put({article});
  Result<Article> got = db_->GetArticleText(article.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->text, article.text);
  EXPECT_TRUE(got->entities.empty());
  EXPECT_TRUE(got->quotes.empty());
}

TEST_F(FactsTest, PuttingAnArticleAgainKeepsItsFactsOnce) {
  const std::vector<Article> batch = {FactsArticle(), PlainArticle()};
  Put(batch);
  Result<size_t> again = db_->PutArticles(run_, batch);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0u);
  RawDb raw(PathOf("s.db"));
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(batch));
  EXPECT_EQ(raw.Int("SELECT sum(json_array_length(mentions)) FROM entities"), 5);
  Result<Article> got = db_->GetArticle(batch[0].id);
  ASSERT_TRUE(got.ok());
  ExpectSameArticle(*got, batch[0]);
}

// A value the schema does not list fails the whole batch with the article
// named, as published_how does: SQL CHECKs the columns, the store the kinds
// inside the mentions array.
TEST_F(FactsTest, RefusesValuesOutsideTheirListsAndStoresNothingOfTheBatch) {
  const std::string prefix = PathOf("s.db") + ": cannot store ";
  Article bad_type = FactsArticle();
  bad_type.entities[1].type = "PLACE";
  Article bad_how = FactsArticle();
  bad_how.entities[0].actor->how = "guessed";
  Article bad_mention = FactsArticle();
  bad_mention.entities[0].mentions[1].kind = "epithet";
  Article bad_quote = FactsArticle();
  bad_quote.quotes[0].kind = "paraphrase";
  const std::string check = ": CHECK constraint failed";
  for (const auto& [article, what] : std::vector<std::pair<Article, std::string>>{
           {bad_type, "an entity" + check},
           {bad_how, "an entity" + check},
           {bad_mention, "an entity: mention kind 'epithet' is not name, nominal or pronoun"},
           {bad_quote, "a quote" + check}}) {
    Result<size_t> added = db_->PutArticles(run_, {PlainArticle(), article});
    ASSERT_FALSE(added.ok()) << what;
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    const std::string& message = added.status().message();
    EXPECT_EQ(message.substr(0, prefix.size() + what.size()), prefix + what) << message;
    EXPECT_NE(message.find("(article " + article.id + " from 'feeds/veyra-ferry.jsonl:2')"),
              std::string::npos)
        << message;
    EXPECT_EQ(db_->ArticleCount(), 0u);
  }
}

// A bad row inside a multi-row INSERT (16 entities or quotes per statement)
// rolls the batch back as a single row does, and the database stays usable.
TEST_F(FactsTest, RefusesABadRowAmongManyAndStoresTheNextBatch) {
  Article bad_entity = SyntheticArticle(1);
  ASSERT_GE(bad_entity.entities.size(), 16u);
  bad_entity.entities[5].type = "PLACE";
  Article bad_quote = SyntheticArticle(1);
  ASSERT_GE(bad_quote.quotes.size(), 16u);
  bad_quote.quotes[3].kind = "paraphrase";
  for (const auto& [article, what] : std::vector<std::pair<Article, std::string>>{
           {bad_entity, "an entity"}, {bad_quote, "a quote"}}) {
    Result<size_t> added = db_->PutArticles(run_, {PlainArticle(), article});
    ASSERT_FALSE(added.ok()) << what;
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    const std::string want =
        PathOf("s.db") + ": cannot store " + what + ": CHECK constraint failed";
    EXPECT_EQ(added.status().message().substr(0, want.size()), want) << added.status().message();
    EXPECT_EQ(db_->ArticleCount(), 0u);
  }
  const std::vector<Article> good = {SyntheticArticle(1), PlainArticle()};
  Put(good);
  RawDb raw(PathOf("s.db"));
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(good));
  Result<Article> got = db_->GetArticle(good[0].id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameArticle(*got, good[0]);
}

// A mentions column another program damaged is reported, not guessed at.
TEST_F(FactsTest, ReportsUnreadableMentionsAsCorruption) {
  const Article article = FactsArticle();
  Put({article});
  for (const std::string damaged :
       {"not json", R"({"0":1})", R"([[0,1,2]])", R"([[0,-1,2,"name"]])",
        R"([[0,1,4294967296,"name"]])", R"([[0,1,2,3]])"}) {
    {
      RawDb raw(PathOf("s.db"));
      raw.Exec("UPDATE entities SET mentions = '" + damaged + "' WHERE idx = 1");
    }
    Result<Article> got = db_->GetArticle(article.id);
    ASSERT_FALSE(got.ok()) << damaged;
    EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(
        got.status().message(),
        "article " + article.id +
            ": the mentions of entity 1 are not a JSON array of [sentence, begin, end, kind]");
  }
}

// A version 2 file (as storyline wrote it before entities and quotes) gets
// the new tables; its articles stay, without entities or quotes.
TEST_F(FactsTest, UpgradesVersion2DatabaseKeepingItsArticles) {
  Put({PlainArticle()});
  db_.reset();
  {
    RawDb raw(PathOf("s.db"));
    for (const char* table : {"entities", "quotes", "event_mentions", "reported_events", "events",
                              "search_text", "article_metadata", "skipped_records"}) {
      raw.Exec(std::string("DROP TABLE ") + table);
    }
    raw.Exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  }
  Database db = OpenOrDie(PathOf("s.db"));
  {
    RawDb raw(PathOf("s.db"));
    EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"),
              std::to_string(kSchemaVersion));
    EXPECT_EQ(raw.Text("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                       "WHERE name LIKE 'entit%' OR name = 'quotes' ORDER BY name)"),
              "entities entities_by_key quotes");
  }
  Result<Article> old = db.GetArticle(PlainArticle().id);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ExpectSameArticle(*old, PlainArticle());
  EXPECT_TRUE(old->entities.empty());

  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(db.PutArticles(*run, {FactsArticle()}).ok());
  Result<Article> added = db.GetArticle(FactsArticle().id);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ExpectSameArticle(*added, FactsArticle());
}

// Every mention of one person across articles, by publication date (an
// undated article last), with each mention's text cut from its article.
TEST_F(FactsTest, FindsEveryMentionOfAnEntityAcrossArticlesByDate) {
  const Article facts = FactsArticle();  // published 2031-04-20
  const Article earlier = ArticleNaming("in/visit.txt", "2031-03-02",
                                        "Ilsa Quorren visited the Lowmere docks.", "Ilsa Quorren");
  const Article undated =
      ArticleNaming("in/undated.txt", std::nullopt, "Minister Quorren spoke briefly.", "Quorren");
  Put({undated, facts, earlier});

  Result<std::vector<EntityMentionRow>> found = db_->FindEntityMentions("PER:ilsa quorren:XVY");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  const std::vector<EntityMentionRow> want = {
      {earlier.id, "2031-03-02", 0, "Ilsa Quorren", {}, {}, 0, {0, 12}, "name", "Ilsa Quorren"},
      {facts.id,
       "2031-04-20",
       0,
       "Ilsa Quorren",
       "harbour minister",
       "XVYGOV",
       0,
       {17, 29},
       "name",
       "Ilsa Quorren"},
      {facts.id,
       "2031-04-20",
       0,
       "Ilsa Quorren",
       "harbour minister",
       "XVYGOV",
       1,
       {134, 137},
       "pronoun",
       "she"},
      {facts.id,
       "2031-04-20",
       0,
       "Ilsa Quorren",
       "harbour minister",
       "XVYGOV",
       2,
       {144, 156},
       "nominal",
       "The minister"},
      {undated.id, std::nullopt, 0, "Quorren", {}, {}, 0, {9, 16}, "name", "Quorren"},
  };
  EXPECT_EQ(*found, want);

  Result<std::vector<EntityMentionRow>> none = db_->FindEntityMentions("PER:nobody");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // Entities without a key are not stored under the empty one.
  Result<std::vector<EntityMentionRow>> keyless = db_->FindEntityMentions("");
  ASSERT_TRUE(keyless.ok());
  EXPECT_TRUE(keyless->empty());
}

// Offsets past the text (a faulty stage) give a short or empty mention
// text, never a crash.
TEST_F(FactsTest, CutsMentionTextsWithinTheArticle) {
  Article a = ArticleNaming("in/short.txt", "2031-01-01", "Quorren left.", "Quorren");
  a.entities[0].mentions = {{0, {8, 40}, "name"}, {0, {90, 95}, "name"}, {0, {5, 2}, "name"}};
  Put({a});
  Result<std::vector<EntityMentionRow>> found = db_->FindEntityMentions("PER:ilsa quorren:XVY");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].text, "left.");
  EXPECT_EQ((*found)[1].text, "");
  EXPECT_EQ((*found)[2].text, "");
}

TEST_F(FactsTest, ListsEntityKeysByPrefixWithTheirArticleCounts) {
  Put({FactsArticle(),
       ArticleNaming("in/visit.txt", "2031-03-02", "Ilsa Quorren visited.", "Ilsa Quorren")});
  using Keys = std::vector<std::pair<std::string, uint64_t>>;
  Result<Keys> all = db_->EntityKeys("", 10);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(*all, (Keys{{"LOC:veyra:XVY", 1}, {"PER:ilsa quorren:XVY", 2}}));
  Result<Keys> people = db_->EntityKeys("PER:", 10);
  ASSERT_TRUE(people.ok());
  EXPECT_EQ(*people, (Keys{{"PER:ilsa quorren:XVY", 2}}));
  Result<Keys> first = db_->EntityKeys("", 1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, (Keys{{"LOC:veyra:XVY", 1}}));
  for (const std::string prefix : {"PER:ilsa quorren:XVYZ", "ORG", "\xff", "per:"}) {
    Result<Keys> none = db_->EntityKeys(prefix, 10);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty()) << prefix;
  }
}

}  // namespace
}  // namespace storyline::store
