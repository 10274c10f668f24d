// Tests of the SQLite database: round trips, runs, idempotent and
// interrupted writes, id prefixes, schema versions and links. All text,
// outlets and events are invented.

#include "store/store.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/id.h"
#include "gtest/gtest.h"
#include "store/test_util.h"
#include "test_paths.h"

namespace storyline::store {
namespace {

namespace fs = std::filesystem;
using storyline::testing::ReadFileOrEmpty;
using testing::CountChildren;
using testing::ExpectedChildren;
using testing::ExpectSameArticle;
using testing::FullArticle;
using testing::OpenOrDie;
using testing::PlainArticle;
using testing::PutAll;
using testing::RawDb;
using testing::SampleLinks;
using testing::StoreTest;
using testing::SyntheticArticle;
using testing::SyntheticBatch;
using testing::SyntheticBatches;
using testing::TestRun;

TEST_F(StoreTest, RoundTripsAnArticleWithEveryField) {
  const std::string path = PathOf("s.db");
  const Article full = FullArticle();
  const Article plain = PlainArticle();
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    Result<size_t> added = db.PutArticles(*run, {full, plain});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_EQ(*added, 2u);
  }
  Database db = OpenOrDie(path);  // read back after a reopen, not from a cache
  Result<Article> got = db.GetArticle(full.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameArticle(*got, full);

  Result<Article> got_plain = db.GetArticle(plain.id);
  ASSERT_TRUE(got_plain.ok()) << got_plain.status().ToString();
  ExpectSameArticle(*got_plain, plain);
  EXPECT_EQ(got_plain->title, std::nullopt);
  EXPECT_EQ(got_plain->published.value, std::nullopt);
  EXPECT_EQ(got_plain->published.how, DateHow::kUnknown);
  EXPECT_EQ(got_plain->language, "und");
}

TEST_F(StoreTest, RoundTripsAWebPagesMetadataAndCaptureDate) {
  const std::string path = PathOf("s.db");
  Article page = PlainArticle();
  page.id = "00000000000000000000000000000042";
  page.format = "html";
  page.published = {"2031-04-16", DateHow::kCapture, {"WARC-Date 2031-04-16T08:00:00Z"}};
  page.metadata = {
      {"title", "Veyra repaints its lighthouse", "meta", "<meta property=\"og:title\">"},
      {"author", "Ilse Marrow", "json-ld", "JSON-LD NewsArticle.author"},
      {"author", "Tomas Quell", "json-ld", "JSON-LD NewsArticle.author"}};
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    ASSERT_TRUE(db.PutArticles(*run, {page}).ok());
  }
  Database db = OpenOrDie(path);
  Result<Article> got = db.GetArticle(page.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->metadata, page.metadata);
  EXPECT_EQ(got->published.how, DateHow::kCapture);
  EXPECT_EQ(got->published.evidence, page.published.evidence);
}

TEST_F(StoreTest, GetArticleTextReadsTheTextAndSentencesOnly) {
  const std::string path = PathOf("s.db");
  const Article full = FullArticle();
  ASSERT_FALSE(full.timexes.empty());
  ASSERT_FALSE(full.removed.empty());
  ASSERT_FALSE(full.warnings.empty());
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_TRUE(db.PutArticles(*run, {full}).ok());

  Result<Article> got = db.GetArticleText(full.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->text, full.text);
  EXPECT_EQ(got->title, full.title);
  EXPECT_EQ(got->published.value, full.published.value);
  ASSERT_EQ(got->sentences.size(), full.sentences.size());
  for (size_t i = 0; i < full.sentences.size(); ++i) {
    EXPECT_EQ(got->sentences[i].begin, full.sentences[i].begin);
    EXPECT_EQ(got->sentences[i].end, full.sentences[i].end);
  }
  EXPECT_TRUE(got->timexes.empty());
  EXPECT_TRUE(got->removed.empty());
  EXPECT_TRUE(got->warnings.empty());

  Result<Article> missing = db.GetArticleText(std::string(16, '0'));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  // Exact ids only: a prefix is not looked up.
  EXPECT_EQ(db.GetArticleText(full.id.substr(0, 6)).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, StoresNullsAsSqlNullAndEvidenceAsJsonArray) {
  const std::string path = PathOf("s.db");
  const Article full = FullArticle();
  const Article plain = PlainArticle();
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db.PutArticles(*run, {full, plain}).ok());
  }
  RawDb raw(path);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM articles WHERE id = '" + plain.id +
                    "' AND title IS NULL AND outlet IS NULL AND url IS NULL AND source_id IS NULL"
                    " AND published IS NULL AND published_how = 'unknown'"),
            1);
  EXPECT_EQ(raw.Text("SELECT published_evidence FROM articles WHERE id = '" + plain.id + "'"),
            "[]");
  EXPECT_EQ(raw.Text("SELECT published_evidence FROM articles WHERE id = '" + full.id + "'"),
            R"(["Published 15 April 2031","Port Veyra, April 15"])");
  EXPECT_EQ(
      raw.Text("SELECT reason FROM removed_lines WHERE article_id = '" + full.id + "' AND idx = 2"),
      "dateline");
}

TEST_F(StoreTest, CreatesSchemaWithMetaAndRecordsRuns) {
  const std::string path = PathOf("s.db");
  {
    OpenOptions options;
    options.storyline_version = "0.1.0";
    Result<Database> db = Database::Open(path, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Result<int64_t> first = db->BeginRun(TestRun());
    ASSERT_TRUE(first.ok());
    RunCounts counts;
    counts.read = 12;
    counts.ingested = 10;
    counts.rejected = 2;
    counts.added = 9;
    counts.seconds = 1.5;
    counts.skipped = {{"request", 4}, {"not HTML", 1}};
    EXPECT_TRUE(db->FinishRun(*first, counts).ok());
    Result<int64_t> second = db->BeginRun(TestRun());
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*second, *first + 1);
    EXPECT_TRUE(db->PutRejections(*second, {{"in/empty.txt", "empty input"},
                                            {"feeds/x.jsonl:3", "no text field"}})
                    .ok());
    EXPECT_EQ(db->FinishRun(99, counts).code(), StatusCode::kNotFound);
  }
  RawDb raw(path);
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'storyline_version'"), "0.1.0-test");
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Text("SELECT options_json || ' ' || data_digest || ' ' || command || ' ' || "
                     "read || ' ' || ingested || ' ' || rejected || ' ' || added || ' ' || "
                     "seconds FROM runs WHERE id = 1"),
            R"({"threads":1} 00112233aabbccdd storyline analyze in/ 12 10 2 9 1.5)");
  EXPECT_EQ(raw.Int("SELECT count(*) FROM runs WHERE finished_at IS NULL"), 1);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM rejections WHERE run_id = 2"), 2);
  EXPECT_EQ(raw.Text("SELECT group_concat(reason || '=' || count, ', ') FROM "
                     "(SELECT * FROM skipped_records WHERE run_id = 1 ORDER BY reason)"),
            "not HTML=1, request=4");
  // The unknown run 99 recorded no skipped records either.
  EXPECT_EQ(raw.Int("SELECT count(*) FROM skipped_records"), 2);
  EXPECT_EQ(raw.Text("SELECT reason FROM rejections WHERE origin = 'feeds/x.jsonl:3'"),
            "no text field");
}

TEST_F(StoreTest, StoredArticleIdsListsEveryStoredArticle) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<StoredIds> none = db.StoredArticleIds();
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->size(), 0u);
  const std::vector<Article> batch = {FullArticle(), SyntheticArticle(1), SyntheticArticle(2)};
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(db.PutArticles(*run, batch).ok());
  Result<StoredIds> ids = db.StoredArticleIds();
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(ids->size(), 3u);
  for (const Article& article : batch) EXPECT_TRUE(ids->Contains(article.id)) << article.id;
  EXPECT_FALSE(ids->Contains(SyntheticArticle(3).id));
  EXPECT_FALSE(ids->Contains(""));
  EXPECT_FALSE(ids->Contains(batch[0].id.substr(0, 15)));
}

TEST(StoredIdsTest, TellsHexIdsAndOtherIdsApart) {
  const StoredIds ids({"00000000000000ff", "ffffffffffffffff", "legacy-id", "00000000000000FF"});
  EXPECT_EQ(ids.size(), 4u);
  EXPECT_TRUE(ids.Contains("00000000000000ff"));
  EXPECT_TRUE(ids.Contains("ffffffffffffffff"));
  EXPECT_TRUE(ids.Contains("legacy-id"));
  EXPECT_TRUE(ids.Contains("00000000000000FF"));  // not lower-case hex: compared as text
  EXPECT_FALSE(ids.Contains("00000000000000fe"));
  EXPECT_FALSE(ids.Contains("00000000000000Ff"));
}

TEST_F(StoreTest, PuttingTheSameBatchTwiceAddsNothing) {
  const std::string path = PathOf("s.db");
  const std::vector<Article> batch = {FullArticle(), PlainArticle(), SyntheticArticle(1)};
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    Result<size_t> first = db.PutArticles(*run, batch);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(*first, 3u);
    Result<int64_t> rerun = db.BeginRun(TestRun());
    ASSERT_TRUE(rerun.ok());
    Result<size_t> second = db.PutArticles(*rerun, batch);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(*second, 0u);
    EXPECT_EQ(db.ArticleCount(), 3u);
  }
  RawDb raw(path);
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(batch));
  // The articles stay with the run that first stored them.
  EXPECT_EQ(raw.Int("SELECT count(*) FROM articles WHERE run_id = 1"), 3);
}

TEST_F(StoreTest, KeepsTheFirstCopyOfAnIdRepeatedInOneBatch) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  Article first = PlainArticle();
  Article same_id = first;
  same_id.text = "A different text under the same id.";
  same_id.sentences = {{0, 10}, {11, 20}};
  Result<size_t> added = db.PutArticles(*run, {first, same_id});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, 1u);
  Result<Article> got = db.GetArticle(first.id);
  ASSERT_TRUE(got.ok());
  ExpectSameArticle(*got, first);
}

// Sentences are inserted in groups of 16 rows with the rest one by one: every
// count around the group size must come back whole and in order.
TEST_F(StoreTest, RoundTripsSentenceCountsAroundTheInsertGroup) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  std::vector<Article> articles;
  for (uint32_t count : {0u, 1u, 15u, 16u, 17u, 32u, 33u, 50u}) {
    Article a = PlainArticle();
    a.origin = "in/count-" + std::to_string(count) + ".txt";
    a.id = MakeArticleId(a.origin, a.text);
    a.sentences.clear();
    for (uint32_t i = 0; i < count; ++i) a.sentences.push_back({i * 3, i * 3 + 2});
    articles.push_back(a);
  }
  ASSERT_TRUE(db.PutArticles(*run, articles).ok());
  for (const Article& want : articles) {
    Result<Article> got = db.GetArticle(want.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->sentences, want.sentences) << want.origin;
  }
}

TEST_F(StoreTest, FailedBatchStoresNothing) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  Article no_id = PlainArticle();
  no_id.id.clear();
  Result<size_t> added = db.PutArticles(*run, {FullArticle(), SyntheticArticle(2), no_id});
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(added.status().message(), "article from 'in/veyra-council.txt' has no id");
  EXPECT_EQ(db.ArticleCount(), 0u);
  // The database is usable after the rollback.
  Result<size_t> retry = db.PutArticles(*run, {FullArticle()});
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(*retry, 1u);
}

TEST_F(StoreTest, RefusesArticlesOfAnUnknownRun) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<size_t> added = db.PutArticles(7, {PlainArticle()});
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(added.status().message(), "no run 7 in the database");
  EXPECT_EQ(db.PutRejections(7, {{"a.txt", "empty input"}}).message(), "no run 7 in the database");
  EXPECT_EQ(db.ArticleCount(), 0u);
}

// Ids chosen by hand so that prefixes collide.
Article WithId(const std::string& id) {
  Article a = PlainArticle();
  a.id = id;
  return a;
}

class PrefixTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Result<Database> db = Database::Open(PathOf("s.db"));
    ASSERT_TRUE(db.ok());
    db_ = std::make_unique<Database>(std::move(db).value());
    Result<int64_t> run = db_->BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db_->PutArticles(*run, {WithId("ab12000000000001"), WithId("ab12000000000002"),
                                        WithId("ab12900000000003"), WithId("ab19ffffffffffff"),
                                        WithId("c0ffee0000000000")})
                    .ok());
  }
  std::unique_ptr<Database> db_;
};

TEST_F(PrefixTest, FindsArticleByUniquePrefix) {
  Result<Article> got = db_->GetArticle("c0ff");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, "c0ffee0000000000");
  got = db_->GetArticle("ab129");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, "ab12900000000003");
  got = db_->GetArticle("AB19");  // either case
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, "ab19ffffffffffff");
  got = db_->GetArticle("ab12000000000002");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, "ab12000000000002");
  EXPECT_EQ(got->text, PlainArticle().text);
}

TEST_F(PrefixTest, RefusesAmbiguousPrefixWithTheNumberOfMatches) {
  Result<Article> got = db_->GetArticle("ab12");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(got.status().message(), "id prefix 'ab12' matches 3 articles");
  EXPECT_EQ(db_->GetArticle("ab1200").status().message(), "id prefix 'ab1200' matches 2 articles");
}

TEST_F(PrefixTest, ReportsMissingIdAsNotFound) {
  Result<Article> got = db_->GetArticle("ab13");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(got.status().message(), "no article id starts with 'ab13'");
  got = db_->GetArticle("ab12000000000009");
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(got.status().message(), "no article with id 'ab12000000000009'");
}

TEST_F(PrefixTest, RefusesPrefixOfFewerThanFourHexDigits) {
  for (const std::string bad : {"ab1", "", "zz12", "ab12-", "ab120000000000001"}) {
    Result<Article> got = db_->GetArticle(bad);
    ASSERT_FALSE(got.ok()) << bad;
    EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(got.status().message(),
              "'" + bad + "' is not an article id or a prefix of at least 4 hex digits");
  }
}

TEST_F(StoreTest, RefusesDatabaseFromNewerSchema) {
  const std::string path = PathOf("s.db");
  { Database db = OpenOrDie(path); }
  {
    RawDb raw(path);
    raw.Exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  }
  Result<Database> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(db.status().message(),
            "database schema version 99 is newer than this storyline supports (" +
                std::to_string(kSchemaVersion) + "); upgrade storyline");
}

TEST_F(StoreTest, RejectsFileThatIsNotADatabaseAndLeavesItAlone) {
  const std::string path = PathOf("notes.db");
  std::string junk = "Minutes of the Lowmere harbour board, 3 March 2031.\n";
  for (int i = 0; i < 200; ++i) junk += static_cast<char>((i * 37) % 256);
  {
    std::ofstream out(path, std::ios::binary);
    out << junk;
  }
  Result<Database> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(db.status().message(),
            "'" + path + "' is not a storyline database (file is not a database)");
  EXPECT_EQ(ReadFileOrEmpty(path), junk);
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST_F(StoreTest, RejectsSqliteDatabaseOfAnotherProgram) {
  const std::string path = PathOf("other.db");
  {
    RawDb raw(path);
    raw.Exec("CREATE TABLE recipes(name TEXT)");
  }
  Result<Database> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(db.status().message(), "'" + path +
                                       "' is an SQLite database but not a storyline database "
                                       "(it has no meta table)");
  RawDb raw(path);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sqlite_master"), 1);
}

TEST_F(StoreTest, OpenWithoutCreateReportsMissingFile) {
  const std::string path = PathOf("missing.db");
  OpenOptions options;
  options.create_if_missing = false;
  Result<Database> db = Database::Open(path, options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(db.status().message(), "no database at '" + path + "'");
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(StoreTest, OpenInMissingDirectoryIsAnIoError) {
  Result<Database> db = Database::Open(PathOf("no/such/dir/s.db"));
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kIoError);
  EXPECT_NE(db.status().message().find("no/such/dir/s.db"), std::string::npos);
}

TEST_F(StoreTest, RerunAfterInterruptedRunAddsNoDuplicates) {
  const std::string path = PathOf("s.db");
  constexpr int kBatches = 10;
  constexpr int kBatchSize = 25;
  std::vector<Article> all;
  const std::vector<std::vector<Article>> batches = SyntheticBatches(kBatches, kBatchSize, all);
  {
    // Killed half-way: half the batches stored, FinishRun never called.
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    for (int b = 0; b < kBatches / 2; ++b) ASSERT_TRUE(db.PutArticles(*run, batches[b]).ok());
  }
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  const size_t added = PutAll(db, *run, batches);
  EXPECT_EQ(added, static_cast<size_t>(kBatches / 2 * kBatchSize));
  EXPECT_EQ(db.ArticleCount(), all.size());
  ASSERT_TRUE(db.FinishRun(*run, {}).ok());

  RawDb raw(path);
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(all));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM runs WHERE finished_at IS NULL"), 1);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM articles WHERE run_id = 2"), kBatches / 2 * kBatchSize);
  Result<Article> last = db.GetArticle(all.back().id);
  ASSERT_TRUE(last.ok());
  ExpectSameArticle(*last, all.back());
}

// A writer killed with SIGKILL at an arbitrary moment: the database holds
// whole batches only, and running again completes it without duplicates.
TEST_F(StoreTest, KilledWriterLeavesWholeBatchesAndRerunCompletesIt) {
  const std::string path = PathOf("s.db");
  constexpr int kBatches = 40;
  constexpr int kBatchSize = 50;
  std::vector<Article> all;
  const std::vector<std::vector<Article>> batches = SyntheticBatches(kBatches, kBatchSize, all);
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child writes forever (the same batches again once done) and tells
    // the parent after its first commit. It never returns to the test.
    ::close(ready[0]);
    Result<Database> db = Database::Open(path);
    if (!db.ok()) ::_exit(2);
    Result<int64_t> run = db->BeginRun(TestRun());
    if (!run.ok()) ::_exit(3);
    for (int i = 0;; ++i) {
      if (!db->PutArticles(*run, batches[i % kBatches]).ok()) ::_exit(4);
      if (i == 0 && ::write(ready[1], "x", 1) != 1) ::_exit(5);
    }
  }
  ::close(ready[1]);
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ::close(ready[0]);
  ::usleep(30 * 1000);  // let it get into the middle of later batches
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int wait_status = 0;
  ASSERT_EQ(::waitpid(child, &wait_status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "child exited with " << WEXITSTATUS(wait_status);

  {
    RawDb raw(path);
    EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw.Int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    const int64_t stored = raw.Int("SELECT count(*) FROM articles");
    EXPECT_GE(stored, kBatchSize);
    EXPECT_EQ(stored % kBatchSize, 0) << "a batch was stored in part";
    std::printf("killed after %lld of %d articles\n", static_cast<long long>(stored),
                kBatches * kBatchSize);
    // Every stored article has all its children.
    EXPECT_EQ(raw.Int("SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM sentences s "
                      "WHERE s.article_id = a.id) < 20"),
              0);
  }
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  for (const auto& batch : batches) ASSERT_TRUE(db.PutArticles(*run, batch).ok());
  EXPECT_EQ(db.ArticleCount(), all.size());
  RawDb raw(path);
  EXPECT_EQ(CountChildren(raw), ExpectedChildren(all));
  EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
}

// Stores and reports many synthetic 3 KB articles in batches, as a run does.
// STORYLINE_STORE_ARTICLES=100000 turns it into the timing of docs/schema.md.
TEST_F(StoreTest, StoresAndReportsManyArticlesInBatches) {
  int total = 2000;
  if (const char* env = std::getenv("STORYLINE_STORE_ARTICLES")) total = std::atoi(env);
  constexpr int kBatchSize = 500;
  std::vector<std::vector<Article>> batches;
  size_t bytes = 0;
  for (int first = 0; first < total; first += kBatchSize) {
    batches.push_back(SyntheticBatch(first, std::min(kBatchSize, total - first)));
    for (const Article& a : batches.back()) bytes += a.text.size();
  }
  using Clock = std::chrono::steady_clock;
  const auto seconds_since = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };

  const std::string path = PathOf("s.db");
  const auto start = Clock::now();
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  const size_t added = PutAll(db, *run, batches);
  const double store_seconds = seconds_since(start);

  const auto json_start = Clock::now();
  Result<JsonWriter> writer = JsonWriter::Create(PathOf("report.json"));
  ASSERT_TRUE(writer.ok());
  for (const auto& batch : batches) {
    for (const Article& a : batch) ASSERT_TRUE(writer->Write(a).ok());
  }
  ASSERT_TRUE(writer->Finish(total, total, {}).ok());
  const double json_seconds = seconds_since(json_start);

  std::printf("%d articles, %.1f MB of text: stored in %.2f s, JSON report in %.2f s (%.1f MB)\n",
              total, bytes / 1e6, store_seconds, json_seconds,
              fs::file_size(PathOf("report.json")) / 1e6);
  EXPECT_EQ(added, static_cast<size_t>(total));
  EXPECT_EQ(db.ArticleCount(), static_cast<uint64_t>(total));
  Result<Article> some = db.GetArticle(batches.back().back().id);
  ASSERT_TRUE(some.ok());
  ExpectSameArticle(*some, batches.back().back());
}

TEST_F(StoreTest, StoresLinksAndReportsThemPerArticle) {
  const std::string path = PathOf("s.db");
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  Article full = FullArticle();
  full.link_features = "features of the full article";
  ASSERT_TRUE(db.PutArticles(*run, {full, PlainArticle()}).ok());

  // Before linking: both pending, by id; stored features come back as given.
  std::vector<LinkRecord> records;
  auto collect = [&records](LinkRecord&& record) {
    records.push_back(std::move(record));
    return Status::Ok();
  };
  ASSERT_TRUE(db.ForEachLinkRecord(collect).ok());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_LT(records[0].id, records[1].id);
  for (const LinkRecord& record : records) {
    EXPECT_FALSE(record.story.has_value());
    EXPECT_EQ(record.features, record.id == full.id ? full.link_features : "");
  }

  const LinkUpdate update = SampleLinks();
  ASSERT_TRUE(db.PutLinks(*run, update).ok());
  ASSERT_TRUE(db.PutLinks(*run, update).ok());  // the same again changes nothing

  records.clear();
  ASSERT_TRUE(db.ForEachLinkRecord(collect).ok());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, full.id);  // in the order they joined
  EXPECT_EQ(records[0].story, "s-0000000000000001");
  EXPECT_EQ(records[0].published, "2031-04-15");
  EXPECT_EQ(records[1].features, std::string("\x01\x02\x00\x03", 4));

  Result<LinkReport> report = db.GetLinks({PlainArticle().id, full.id});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->stories, update.stories);
  EXPECT_EQ(report->passages, update.passages);
  EXPECT_EQ(report->near_duplicates, update.near_duplicates);
  Result<LinkReport> none = db.GetLinks({"0123456789abcdef"});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->stories.empty() && none->passages.empty() && none->near_duplicates.empty());

  RawDb raw(path);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM story_members"), 2);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM passages"), 1);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM near_duplicate_members"), 2);
}

TEST_F(StoreTest, NearDuplicateGroupsAreReplacedWhole) {
  Database db = OpenOrDie(PathOf("s.db"));
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(db.PutArticles(*run, {FullArticle(), PlainArticle()}).ok());
  LinkUpdate update = SampleLinks();
  ASSERT_TRUE(db.PutLinks(*run, update).ok());
  update.near_duplicates.clear();
  ASSERT_TRUE(db.PutLinks(*run, update).ok());
  Result<LinkReport> report = db.GetLinks({FullArticle().id});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->near_duplicates.empty());
  EXPECT_EQ(report->passages.size(), 1u);
}

// Version 7 -> 8 adds the table of skipped records; the runs before have
// none, the next run records its own.
TEST_F(StoreTest, UpgradesVersion7DatabaseToRecordSkippedRecords) {
  const std::string path = PathOf("s.db");
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db.FinishRun(*run, {}).ok());
  }
  {
    RawDb raw(path);
    raw.Exec("DROP TABLE skipped_records");
    raw.Exec("UPDATE meta SET value = '7' WHERE key = 'schema_version'");
  }
  Database db = OpenOrDie(path);
  Result<int64_t> run = db.BeginRun(TestRun());
  ASSERT_TRUE(run.ok());
  RunCounts counts;
  counts.skipped = {{"warcinfo", 1}, {"HTTP 404", 0}};
  ASSERT_TRUE(db.FinishRun(*run, counts).ok());
  RawDb raw(path);
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"), "8");
  // A reason counted zero times is not a row.
  EXPECT_EQ(raw.Text("SELECT run_id || ' ' || reason || ' ' || count FROM skipped_records"),
            std::to_string(*run) + " warcinfo 1");
}

TEST_F(StoreTest, UpgradesVersion1DatabaseLeavingItsArticlesToLink) {
  const std::string path = PathOf("s.db");
  {
    Database db = OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(TestRun());
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db.PutArticles(*run, {PlainArticle()}).ok());
  }
  {
    RawDb raw(path);  // what storyline 0.1 with schema 1 left behind
    for (const char* table :
         {"link_features", "story_members", "stories", "passages", "near_duplicate_members",
          "near_duplicate_groups", "entities", "quotes", "event_mentions", "reported_events",
          "events", "article_metadata", "search_text", "skipped_records"}) {
      raw.Exec(std::string("DROP TABLE ") + table);
    }
    raw.Exec("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  Database db = OpenOrDie(path);
  std::vector<LinkRecord> records;
  ASSERT_TRUE(db.ForEachLinkRecord([&records](LinkRecord&& record) {
                  records.push_back(std::move(record));
                  return Status::Ok();
                }).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].id, PlainArticle().id);
  EXPECT_TRUE(records[0].features.empty());
  EXPECT_FALSE(records[0].story.has_value());
  RawDb raw(path);
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sqlite_master WHERE name IN "
                    "('link_features', 'entities', 'quotes', 'article_metadata', "
                    "'skipped_records')"),
            5);
  // Version 6 rebuilt the articles table: its rows and its children's
  // references survive, and it takes the capture date.
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sentences WHERE article_id IN (SELECT id FROM articles)"),
            static_cast<int64_t>(PlainArticle().sentences.size()));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%articles_v5%'"), 0);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sqlite_master WHERE name = 'articles' AND sql LIKE "
                    "'%''capture''%'"),
            1);
}

}  // namespace
}  // namespace storyline::store
