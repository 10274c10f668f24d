// Tests of the SQLite database and the JSON report. All text, outlets and
// events are invented.

#include "store/store.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/id.h"
#include "gtest/gtest.h"
#include "test_paths.h"

namespace storyline::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using storyline::testing::ReadFileOrEmpty;

// A fresh directory per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("store_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

RunInfo TestRun() {
  return {"0.1.0-test", R"({"threads":1})", "00112233aabbccdd", "storyline analyze in/"};
}

// An article with every field set, including non-ASCII text.
Article FullArticle() {
  Article a;
  a.origin = "feeds/harbor.jsonl:7";
  a.format = "jsonl";
  a.source_id = "hl-2031-0415";
  a.title = "Lantern festival returns to Port Veyra after décennie of silence";
  a.outlet = "The Harbor Lantern";
  a.url = "https://harbor-lantern.example/port-veyra/festival";
  a.language = "en";
  a.published.value = "2031-04-15";
  a.published.how = DateHow::kExplicit;
  a.published.evidence = {"Published 15 April 2031", "Port Veyra, April 15"};
  a.text =
      "Port Veyra — The lantern festival returned on Tuesday.\n"
      "Mayor Ilsa Quorren said «the harbour is lit again» to a crowd of 4 000.\n"
      "Visitors from Kōsetsu and Zürich sent greetings 🏮.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 55}, {56, 130}, {131, 185}};
  a.timexes = {{0, {48, 55}, "Tuesday", "DATE", "2031-04-15", std::nullopt, "publication"},
               {1, {102, 107}, "again", "SET", "P1X", "APPROX", "none"}};
  a.removed = {{1, "Advertisement", "ad", 0},
               {9, "Read more: Ferry timetable changes", "related", 131},
               {2, "PORT VEYRA, April 15 —", "dateline", 0}};
  a.warnings = {{"invalid_utf8", "2 invalid byte sequences replaced with U+FFFD"},
                {"no_title", "titre absent, taken from the first line"}};
  return a;
}

// An article from a plain text file: no title, outlet, url or source id.
Article PlainArticle() {
  Article a;
  a.origin = "in/veyra-council.txt";
  a.format = "txt";
  a.text = "The Veyra council voted to repaint the old lighthouse blue.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 59}};
  return a;
}

// An article of about `bytes` of invented text, with sentences, removed lines
// and sometimes a warning, as the pipeline would produce.
Article SyntheticArticle(int n, size_t bytes = 3000) {
  static constexpr const char* kSentences[] = {
      "The Glimmerford ferry resumed service after the spring storms cleared the strait. ",
      "Council member Arvo Pellin promised a new footbridge over the Tansy canal by autumn. ",
      "Fishers in Lowmere reported the largest herring catch in eleven seasons on Monday. ",
      "The Orrin Valley choir will tour six harbour towns during the lantern festival. ",
  };
  Article a;
  a.origin = "feeds/synthetic.jsonl:" + std::to_string(n + 1);
  a.format = "jsonl";
  a.source_id = "syn-" + std::to_string(n);
  a.title = "Synthetic report " + std::to_string(n);
  a.outlet = "The Glimmerford Courier";
  a.url = "https://courier.example/" + std::to_string(n);
  a.language = "en";
  a.published.value = "2031-05-" + std::to_string(10 + n % 20);
  a.published.how = DateHow::kMetadata;
  a.published.evidence = {"2031-05-" + std::to_string(10 + n % 20) + "T08:00:00Z"};
  a.text = "Item " + std::to_string(n) + ". ";
  a.sentences.push_back({0, static_cast<uint32_t>(a.text.size() - 1)});
  for (int i = 0; a.text.size() < bytes; ++i) {
    const std::string sentence = kSentences[(n + i) % 4];
    const auto begin = static_cast<uint32_t>(a.text.size());
    a.text += sentence;
    a.sentences.push_back({begin, static_cast<uint32_t>(a.text.size() - 1)});
  }
  a.id = MakeArticleId(a.origin, a.text);
  a.removed = {{1, "Advertisement", "ad"}, {30, "Share this story", "share"}};
  if (n % 10 == 0) a.warnings = {{"invalid_utf8", "1 invalid byte sequence replaced"}};
  return a;
}

std::vector<Article> SyntheticBatch(int first, int count) {
  std::vector<Article> batch;
  for (int n = first; n < first + count; ++n) batch.push_back(SyntheticArticle(n));
  return batch;
}

// Stores every batch; returns how many articles were new, 0 after a failure
// (which fails the test).
size_t PutAll(Database& db, int64_t run, const std::vector<std::vector<Article>>& batches) {
  size_t added = 0;
  for (const auto& batch : batches) {
    Result<size_t> n = db.PutArticles(run, batch);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    if (!n.ok()) return 0;
    added += *n;
  }
  return added;
}

// `count` batches of `size` articles; `all` receives every article in order.
std::vector<std::vector<Article>> SyntheticBatches(int count, int size, std::vector<Article>& all) {
  std::vector<std::vector<Article>> batches;
  for (int b = 0; b < count; ++b) {
    batches.push_back(SyntheticBatch(b * size, size));
    all.insert(all.end(), batches.back().begin(), batches.back().end());
  }
  return batches;
}

void ExpectSameArticle(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.origin, want.origin);
  EXPECT_EQ(got.format, want.format);
  EXPECT_EQ(got.source_id, want.source_id);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.outlet, want.outlet);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.published.value, want.published.value);
  EXPECT_EQ(got.published.how, want.published.how);
  EXPECT_EQ(got.published.evidence, want.published.evidence);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.sentences, want.sentences);
  EXPECT_EQ(got.timexes, want.timexes);
  EXPECT_EQ(got.removed, want.removed);
  EXPECT_EQ(got.warnings, want.warnings);
}

// Direct SQLite access, to check rows or tamper with a file the way another
// program could.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
  }
  ~RawDb() { sqlite3_close(db_); }

  int64_t Int(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    int64_t value = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
  }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string value = "<no row>";
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      value = text != nullptr ? text : "<null>";
    }
    sqlite3_finalize(stmt);
    return value;
  }
  void Exec(const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Rows in the child tables, and rows whose key repeats (there must be none).
struct ChildCounts {
  int64_t sentences, removed, warnings;
  bool operator==(const ChildCounts&) const = default;
};
ChildCounts CountChildren(RawDb& raw) {
  return {raw.Int("SELECT count(*) FROM sentences"), raw.Int("SELECT count(*) FROM removed_lines"),
          raw.Int("SELECT count(*) FROM warnings")};
}
ChildCounts ExpectedChildren(const std::vector<Article>& articles) {
  ChildCounts counts{0, 0, 0};
  for (const Article& a : articles) {
    counts.sentences += static_cast<int64_t>(a.sentences.size());
    counts.removed += static_cast<int64_t>(a.removed.size());
    counts.warnings += static_cast<int64_t>(a.warnings.size());
  }
  return counts;
}

Database OpenOrDie(const std::string& path) {
  Result<Database> db = Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

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
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'storyline_version'"), "0.1.0-test");
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Text("SELECT options_json || ' ' || data_digest || ' ' || command || ' ' || "
                     "read || ' ' || ingested || ' ' || rejected || ' ' || added || ' ' || "
                     "seconds FROM runs WHERE id = 1"),
            R"({"threads":1} 00112233aabbccdd storyline analyze in/ 12 10 2 9 1.5)");
  EXPECT_EQ(raw.Int("SELECT count(*) FROM runs WHERE finished_at IS NULL"), 1);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM rejections WHERE run_id = 2"), 2);
  EXPECT_EQ(raw.Text("SELECT reason FROM rejections WHERE origin = 'feeds/x.jsonl:3'"),
            "no text field");
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
            "database schema version 99 is newer than this storyline supports (2); "
            "upgrade storyline");
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

// --- The JSON report ---

json ParseFile(const std::string& path) {
  return json::parse(ReadFileOrEmpty(path), nullptr, /*allow_exceptions=*/false);
}

TEST_F(StoreTest, JsonReportParsesBackToTheContract) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE(writer->Write(FullArticle()).ok());
  ASSERT_TRUE(writer->Write(PlainArticle()).ok());
  Status finished = writer->Finish(
      4, 2, {{"in/empty.txt", "empty input"}, {"feeds/harbor.jsonl:9", "no text field"}});
  ASSERT_TRUE(finished.ok()) << finished.ToString();

  json want = {
      {"articles",
       {{{"id", FullArticle().id},
         {"origin", "feeds/harbor.jsonl:7"},
         {"format", "jsonl"},
         {"source_id", "hl-2031-0415"},
         {"title", "Lantern festival returns to Port Veyra after décennie of silence"},
         {"outlet", "The Harbor Lantern"},
         {"url", "https://harbor-lantern.example/port-veyra/festival"},
         {"language", "en"},
         {"published",
          {{"value", "2031-04-15"},
           {"how", "explicit"},
           {"evidence", {"Published 15 April 2031", "Port Veyra, April 15"}}}},
         {"text", FullArticle().text},
         {"sentences", {{0, 55}, {56, 130}, {131, 185}}},
         {"timexes",
          {{{"article", FullArticle().id},
            {"sentence", 0},
            {"begin", 48},
            {"end", 55},
            {"text", "Tuesday"},
            {"type", "DATE"},
            {"value", "2031-04-15"},
            {"anchor", "publication"}},
           {{"article", FullArticle().id},
            {"sentence", 1},
            {"begin", 102},
            {"end", 107},
            {"text", "again"},
            {"type", "SET"},
            {"value", "P1X"},
            {"mod", "APPROX"},
            {"anchor", "none"}}}},
         {"removed",
          {{{"text", "Advertisement"}, {"reason", "ad"}},
           {{"text", "Read more: Ferry timetable changes"}, {"reason", "related"}},
           {{"text", "PORT VEYRA, April 15 —"}, {"reason", "dateline"}}}},
         {"warnings",
          {{{"code", "invalid_utf8"}, {"message", "2 invalid byte sequences replaced with U+FFFD"}},
           {{"code", "no_title"}, {"message", "titre absent, taken from the first line"}}}}},
        {{"id", PlainArticle().id},
         {"origin", "in/veyra-council.txt"},
         {"format", "txt"},
         {"source_id", nullptr},
         {"title", nullptr},
         {"outlet", nullptr},
         {"url", nullptr},
         {"language", "und"},
         {"published", {{"value", nullptr}, {"how", "unknown"}}},
         {"text", "The Veyra council voted to repaint the old lighthouse blue."},
         {"sentences", {{0, 59}}},
         {"timexes", json::array()},
         {"removed", json::array()},
         {"warnings", json::array()}}}},
      {"near_duplicates", json::array()},
      {"passages", json::array()},
      {"stories", json::array()},
      {"inputs",
       {{"read", 4},
        {"ingested", 2},
        {"rejected",
         {{{"origin", "in/empty.txt"}, {"reason", "empty input"}},
          {{"origin", "feeds/harbor.jsonl:9"}, {"reason", "no text field"}}}}}}};
  EXPECT_EQ(ParseFile(path), want);
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, JsonReportWritesOneArticlePerLineInContractOrder) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(PlainArticle()).ok());
  ASSERT_TRUE(writer->Finish(1, 1, {}).ok());
  EXPECT_EQ(ReadFileOrEmpty(path),
            "{\"articles\": [\n" + ArticleToJson(PlainArticle()) +
                "\n],\n\"near_duplicates\": [],\n\"passages\": [],\n\"stories\": [],"
                "\n\"inputs\": {\"read\":1,\"ingested\":1,\"rejected\":[]}}\n");
  EXPECT_EQ(ArticleToJson(PlainArticle()),
            "{\"id\":\"" + PlainArticle().id +
                "\",\"origin\":\"in/veyra-council.txt\",\"format\":\"txt\",\"source_id\":null,"
                "\"title\":null,\"outlet\":null,\"url\":null,\"language\":\"und\","
                "\"published\":{\"value\":null,\"how\":\"unknown\"},"
                "\"text\":\"The Veyra council voted to repaint the old lighthouse blue.\","
                "\"sentences\":[[0,59]],\"timexes\":[],\"removed\":[],\"warnings\":[]}");
}

TEST_F(StoreTest, EmptyJsonReportIsValid) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Finish(0, 0, {}).ok());
  EXPECT_EQ(ParseFile(path),
            json({{"articles", json::array()},
                  {"near_duplicates", json::array()},
                  {"passages", json::array()},
                  {"stories", json::array()},
                  {"inputs", {{"read", 0}, {"ingested", 0}, {"rejected", json::array()}}}}));
}

TEST_F(StoreTest, JsonReplacesInvalidUtf8InsteadOfFailing) {
  Article a = PlainArticle();
  a.title = std::string("Tide tables for Lowmere \xff\xfe");
  a.removed = {{3, "bad \xc3 byte", "ad"}};
  const json object = json::parse(ArticleToJson(a), nullptr, false);
  ASSERT_FALSE(object.is_discarded());
  EXPECT_EQ(object["title"], "Tide tables for Lowmere \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(object["removed"][0]["text"], "bad \xEF\xBF\xBD byte");

  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(a).ok());
  ASSERT_TRUE(writer->Finish(1, 1, {{"in/\xff.txt", "unreadable"}}).ok());
  const json report = ParseFile(path);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["inputs"]["rejected"][0]["origin"], "in/\xEF\xBF\xBD.txt");
}

TEST_F(StoreTest, JsonFinishLeavesNoTempFile) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(FullArticle()).ok());
  EXPECT_TRUE(fs::exists(path + ".tmp"));
  EXPECT_FALSE(fs::exists(path));
  ASSERT_TRUE(writer->Finish(1, 1, {}).ok());
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(writer->Write(PlainArticle()).code(), StatusCode::kInternal);
  EXPECT_EQ(writer->Finish(1, 1, {}).code(), StatusCode::kInternal);
}

TEST_F(StoreTest, UnfinishedJsonReportLeavesNoFile) {
  const std::string path = PathOf("report.json");
  {
    Result<JsonWriter> writer = JsonWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->Write(FullArticle()).ok());
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, UnfinishedJsonReportKeepsThePreviousReport) {
  const std::string path = PathOf("report.json");
  {
    std::ofstream out(path);
    out << "{\"articles\": [], \"inputs\": {}}";
  }
  {
    Result<JsonWriter> writer = JsonWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    JsonWriter moved = std::move(writer).value();  // the state moves with it
    ASSERT_TRUE(moved.Write(FullArticle()).ok());
  }
  EXPECT_EQ(ReadFileOrEmpty(path), "{\"articles\": [], \"inputs\": {}}");
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, JsonWriterInMissingDirectoryIsAnIoError) {
  const std::string path = PathOf("no/such/dir/report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), StatusCode::kIoError);
  EXPECT_EQ(writer.status().message(),
            "cannot create '" + path + ".tmp': No such file or directory");
}

}  // namespace
}  // namespace storyline::store

namespace storyline::store {
namespace {

// What a link stage over FullArticle and PlainArticle might have found.
LinkUpdate SampleLinks() {
  const std::string full = FullArticle().id, plain = PlainArticle().id;
  LinkUpdate update;
  update.features = {{plain, std::string("\x01\x02\x00\x03", 4)}};
  update.joined = {{full, "s-0000000000000001"}, {plain, "s-0000000000000001"}};
  Story story;
  story.id = "s-0000000000000001";
  story.articles = {full, plain};
  story.label = "Lantern festival returns to Port Veyra after décennie of silence";
  story.first_date = "2031-04-15";
  story.last_date = "2031-04-15";
  update.stories = {story};
  update.passages = {{{full, {0, 55}}, {plain, {0, 59}}, 0.75, "a"}};
  const auto [low, high] = std::minmax(full, plain);
  update.near_duplicates = {{{low, high}, 0.5625}};
  return update;
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
    for (const char* table : {"link_features", "story_members", "stories", "passages",
                              "near_duplicate_members", "near_duplicate_groups"}) {
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
  EXPECT_EQ(raw.Text("SELECT value FROM meta WHERE key = 'schema_version'"), "2");
}

TEST_F(StoreTest, JsonReportWritesLinkSectionsOneItemPerLine) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  const LinkUpdate links = SampleLinks();
  ASSERT_TRUE(writer->WriteLinks({links.near_duplicates, links.passages, links.stories}).ok());
  EXPECT_FALSE(writer->Write(PlainArticle()).ok());  // articles come first
  ASSERT_TRUE(writer->Finish(0, 0, {}).ok());
  const std::string full = FullArticle().id, plain = PlainArticle().id;
  const auto [low, high] = std::minmax(full, plain);
  EXPECT_EQ(ReadFileOrEmpty(path),
            "{\"articles\": [],\n"
            "\"near_duplicates\": [\n{\"articles\":[\"" +
                low + "\",\"" + high +
                "\"],\"similarity\":0.5625}\n],\n"
                "\"passages\": [\n{\"a\":{\"article\":\"" +
                full + "\",\"begin\":0,\"end\":55},\"b\":{\"article\":\"" + plain +
                "\",\"begin\":0,\"end\":59},\"similarity\":0.75,\"earlier\":\"a\"}\n],\n"
                "\"stories\": [\n{\"id\":\"s-0000000000000001\",\"articles\":[\"" +
                full + "\",\"" + plain +
                "\"],\"title\":\"Lantern festival returns to Port Veyra after décennie of "
                "silence\",\"first_date\":\"2031-04-15\",\"last_date\":\"2031-04-15\"}\n],\n"
                "\"inputs\": {\"read\":0,\"ingested\":0,\"rejected\":[]}}\n");
}

}  // namespace
}  // namespace storyline::store
