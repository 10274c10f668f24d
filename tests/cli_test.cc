// End-to-end tests of the storyline command-line tool: exit statuses, the
// closing line, the JSON report, idempotent re-runs and a run killed midway.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xxhash.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "cli_fixture.h"
#include "core/id.h"
#include "store/store.h"
#include "test_paths.h"

namespace storyline {
namespace {

using nlohmann::json;

TEST_F(CliTest, AnalyzeWritesDatabaseJsonAndClosingLine) {
  const std::string corpus = Path("corpus");
  Write("corpus/a.txt",
        "World\nHarbour Cranes Fall Silent in Portvale Strike\n\n"
        "14 March 2025\n\nDock workers in Portvale stopped work on Friday.\n"
        "Advertisement\nThe union said talks would resume next week.\n");
  Write("corpus/b.jsonl",
        "{\"text\": \"Grain exports rose by 3.5 percent.\", \"outlet\": "
        "\"Delta Wire\", \"published\": \"2025-03-12T08:00:00Z\"}\n");
  const Outcome outcome =
      Run("analyze " + corpus + " --db " + Path("s.db") + " --json " + Path("s.json"));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("read 2, ingested 2, rejected 0 in "), std::string::npos)
      << outcome.out;
  EXPECT_NE(outcome.out.find("2 new in " + Path("s.db")), std::string::npos) << outcome.out;

  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  EXPECT_EQ(report["inputs"]["read"], 2);
  EXPECT_EQ(report["inputs"]["ingested"], 2);
  EXPECT_TRUE(report["inputs"]["rejected"].empty());
  ASSERT_EQ(report["articles"].size(), 2u);
  const json& text_article = report["articles"][0];
  EXPECT_EQ(text_article["origin"], corpus + "/a.txt");
  EXPECT_EQ(text_article["title"], "Harbour Cranes Fall Silent in Portvale Strike");
  EXPECT_EQ(text_article["published"]["value"], "2025-03-14");
  EXPECT_EQ(text_article["published"]["how"], "explicit");
  EXPECT_EQ(text_article["text"],
            "Dock workers in Portvale stopped work on Friday.\n"
            "The union said talks would resume next week.");
  EXPECT_EQ(text_article["sentences"], json::parse("[[0, 48], [49, 93]]"));
  // Relative dates resolve against the dateline's date, a Friday.
  const std::string id = text_article["id"];
  EXPECT_EQ(text_article["timexes"],
            json::parse(R"([{"article": ")" + id +
                        R"(", "sentence": 0, "begin": 41, "end": 47, "text": "Friday",
                           "type": "DATE", "value": "2025-03-14", "anchor": "publication"},
                          {"article": ")" +
                        id +
                        R"(", "sentence": 1, "begin": 83, "end": 92, "text": "next week",
                           "type": "DATE", "value": "2025-W12", "anchor": "publication"}])"));
  const json& jsonl_article = report["articles"][1];
  EXPECT_EQ(jsonl_article["origin"], corpus + "/b.jsonl:1");
  EXPECT_EQ(jsonl_article["outlet"], "Delta Wire");
  EXPECT_EQ(jsonl_article["published"]["value"], "2025-03-12");
  EXPECT_EQ(jsonl_article["published"]["how"], "metadata");
}

// A WARC record with `block`, as a crawler writes it.
std::string WarcRecord(const std::string& type, const std::string& id, const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Date: 2025-03-14T09:00:00Z\r\nWARC-Target-URI: "
         "https://harbour.example.net/strike\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// The skipped records the database holds, "reason=count" joined by "; " in
// reason order, of every run.
std::string StoredSkippedRecords(const std::string& db_path) {
  sqlite3* db = nullptr;
  std::string records;
  if (sqlite3_open(db_path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT reason, count FROM skipped_records ORDER BY run_id, reason", -1,
                       &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      if (!records.empty()) records += "; ";
      records += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
      records += "=" + std::to_string(sqlite3_column_int64(statement, 1));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return records;
}

TEST_F(CliTest, AnalyzeReadsWarcAndCountsTheSkippedRecords) {
  const std::string page =
      "<html><head><title>Portvale Strike</title></head><body><p>Dock workers in Portvale "
      "stopped work on Friday, the union said.</p></body></html>";
  const std::string warcinfo = WarcRecord("warcinfo", "1", "software: test\r\n");
  const std::string request = WarcRecord("request", "2", "GET /strike HTTP/1.1\r\n\r\n");
  const std::string response =
      WarcRecord("response", "3", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page);
  const std::string missing =
      WarcRecord("response", "4", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n");
  const std::string warc = Write("crawl.warc", warcinfo + request + response + missing);
  const Outcome outcome =
      Run("analyze " + warc + " --db " + Path("s.db") + " --json " + Path("s.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("read 1, ingested 1, rejected 0"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("3 WARC records skipped, not articles (1 HTTP 404, 1 request, 1 "
                             "warcinfo)"),
            std::string::npos)
      << outcome.out;
  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  ASSERT_EQ(report["articles"].size(), 1u);
  EXPECT_EQ(report["articles"][0]["origin"],
            warc + "@" + std::to_string(warcinfo.size() + request.size()));
  EXPECT_EQ(report["articles"][0]["url"], "https://harbour.example.net/strike");
  EXPECT_EQ(report["articles"][0]["format"], "html");
  // The skipped records are accounted for in the report and the database too.
  EXPECT_EQ(report["inputs"]["skipped"], json({{"HTTP 404", 1}, {"request", 1}, {"warcinfo", 1}}));
  EXPECT_EQ(StoredSkippedRecords(Path("s.db")), "HTTP 404=1; request=1; warcinfo=1");
}

TEST_F(CliTest, SecondRunOnSameInputAddsNothingAndNewFileAddsOnlyIt) {
  Write("corpus/a.txt", "Ferry service resumes after storm.\n");
  const std::string db = Path("s.db");
  ASSERT_EQ(Run("analyze " + Path("corpus") + " --db " + db).exit_code, 0);
  const Outcome again = Run("analyze " + Path("corpus") + " --db " + db);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("read 1, ingested 1, rejected 0"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("; 0 new in "), std::string::npos) << again.out;
  Write("corpus/b.txt", "Bridge repairs begin in the old town.\n");
  const Outcome more = Run("analyze " + Path("corpus") + " --db " + db);
  EXPECT_NE(more.out.find("; 1 new in "), std::string::npos) << more.out;
  Result<store::Database> opened = store::Database::Open(db);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->ArticleCount(), 2u);
}

TEST_F(CliTest, RejectedInputGivesExitOneAndIsReported) {
  Write("corpus/good.txt", "Council approves the flood levy.\n");
  Write("corpus/empty.txt", "");
  Write("corpus/notes.md", "not an article");
  const Outcome outcome =
      Run("analyze " + Path("corpus") + " --db " + Path("s.db") + " --json " + Path("s.json"));
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.out.find("read 3, ingested 1, rejected 2"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.err.find("rejected " + Path("corpus/empty.txt") + ": empty: no text"),
            std::string::npos)
      << outcome.err;
  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  ASSERT_EQ(report["inputs"]["rejected"].size(), 2u);
  EXPECT_EQ(report["inputs"]["rejected"][0]["origin"], Path("corpus/empty.txt"));
  EXPECT_EQ(report["inputs"]["rejected"][1]["reason"],
            "unsupported format '.md' (expected .txt, .jsonl, .html, .htm or .warc, optionally "
            ".gz)");
}

TEST_F(CliTest, UsageErrorsGiveExitTwo) {
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("analyze").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
  EXPECT_EQ(Run("analyze x.txt --threads -1").exit_code, 2);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const std::string command : {"", "analyze ", "show ", "export ", "export events ", "code ",
                                    "train ", "train ner ", "eval ", "eval ner ", "eval quotes "}) {
    const Outcome outcome = Run(command + "--help");
    EXPECT_EQ(outcome.exit_code, 0) << command;
    EXPECT_NE(outcome.out.find("Exit status: 0 all input ingested"), std::string::npos)
        << command << outcome.out;
  }
  EXPECT_NE(Run("analyze --help").out.find("--json"), std::string::npos);
  // The validation runners' own exit statuses (floors) are in their footer.
  for (const std::string command : {"eval tabari ", "eval petrarch "}) {
    const Outcome outcome = Run(command + "--help");
    EXPECT_EQ(outcome.exit_code, 0) << command;
    EXPECT_NE(outcome.out.find("--min-recall"), std::string::npos) << command << outcome.out;
  }
  EXPECT_NE(Run("eval coref --help").out.find("--min-bcubed"), std::string::npos);
  EXPECT_NE(Run("eval html --help").out.find("--min-f1"), std::string::npos);
}

// storyline eval html: a set of one page, scored; the floor gives exit status 3.
TEST_F(CliTest, EvalHtmlScoresPagesAndHoldsItsFloor) {
  std::string paragraphs;
  for (int i = 0; i < 6; ++i) {
    paragraphs +=
        "<p>The harbour authority said on Monday that the new quay, built over three years "
        "with money from the port's own reserves, will open to container ships in May.</p>";
  }
  Write("set/pages/quay.html",
        "<html><head><title>Quay opens</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News menu</a></nav><article>" +
            paragraphs + "</article></body></html>");
  Write("set/evaldata.json",
        R"({"https://example.org/quay": {"file": "quay.html", "title": "Quay opens",
            "with": ["open to container ships in May", "a sentence it does not have"],
            "without": ["News menu"]}})");
  const Outcome outcome = Run("eval html " + Path("set") + " --peers none");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("1 pages"), std::string::npos) << outcome.out;
  // TP 1, FP 0, FN 1, TN 1: F1 2/3.
  EXPECT_NE(outcome.out.find("1     0     1     1  1.000  0.500  0.667"), std::string::npos)
      << outcome.out;
  EXPECT_EQ(Run("eval html " + Path("set") + " --peers none --min-f1 0.7").exit_code, 3);
  EXPECT_EQ(Run("eval html " + Path("set") + " --peers boilerpipe").exit_code, 2);
}

// storyline code: one line out per line in, in order, each event as in the
// report; a line that is not a record is an error line, and exit status 1.
TEST_F(CliTest, CodeWritesTheEventsOfEachRecordInInputOrder) {
  const std::string input =
      Write("records.jsonl",
            "{\"id\": \"r1\", \"date\": \"2021-09-28\", \"text\": \"France and Germany held talks "
            "in Paris on Monday. Russia attacked Ukraine.\"}\n"
            "not json\n"
            "{\"id\": \"r3\", \"text\": \"Poland did not meet Lithuania.\"}\n");
  const Outcome outcome = Run("code " + input);
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_NE(outcome.err.find("records.jsonl:2"), std::string::npos) << outcome.err;
  std::istringstream lines(outcome.out);
  std::vector<json> out;
  for (std::string line; std::getline(lines, line);) out.push_back(json::parse(line));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["id"], "r1");
  bool talks = false;
  bool attack = false;
  for (const json& event : out[0]["events"]) {
    if (event["code"] == "040" && event["source"]["code"] == "FRA" &&
        event["target"]["code"] == "DEU") {
      talks = true;
      EXPECT_EQ(event["date"]["value"], "2021-09-27");
      EXPECT_EQ(event["date"]["how"], "timex");
      EXPECT_EQ(event["place"]["text"], "Paris");
      EXPECT_EQ(event["sentence"], 0);
    }
    if (event["root"] == "19" && event["source"]["code"] == "RUS" &&
        event["target"]["code"] == "UKR") {
      attack = true;
      EXPECT_EQ(event["sentence"], 1);
      EXPECT_EQ(event["date"]["how"], "publication");
    }
  }
  EXPECT_TRUE(talks) << out[0].dump();
  EXPECT_TRUE(attack) << out[0].dump();
  EXPECT_TRUE(out[1]["id"].is_null());
  EXPECT_EQ(out[1]["line"], 2);
  EXPECT_EQ(out[2]["id"], "r3");
  ASSERT_FALSE(out[2]["events"].empty()) << out[2].dump();
  for (const json& event : out[2]["events"]) {
    EXPECT_TRUE(event["negated"].get<bool>()) << event.dump();
    EXPECT_EQ(event["date"]["how"], "unknown");
    EXPECT_TRUE(event["date"]["value"].is_null());
  }
}

// Regression: a record whose text held broken UTF-8 was refused as not JSON.
TEST_F(CliTest, CodeRepairsBrokenUtf8InARecord) {
  const std::string input = Write(
      "broken.jsonl",
      "{\"id\": \"b1\", \"date\": \"2021-09-28\", \"text\": \"Russia attacked \xff Ukraine.\"}\n");
  const Outcome outcome = Run("code " + input);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  const json line = json::parse(outcome.out);
  EXPECT_EQ(line["id"], "b1");
  ASSERT_FALSE(line["events"].empty()) << outcome.out;
  EXPECT_EQ(line["events"][0]["source"]["code"], "RUS");
}

TEST_F(CliTest, ShowPrintsArticleWithRemovedLinesInPlace) {
  Write("corpus/a.txt",
        "Advertisement\nRiver Barge Runs Aground Near Kessel Weir\n"
        "The barge was freed by tugs on Sunday evening.\n"
        "Share on social media\nNo one was hurt.\n");
  const std::string db = Path("s.db");
  ASSERT_EQ(
      Run("analyze " + Path("corpus") + " --db " + db + " --json " + Path("s.json")).exit_code, 0);
  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  const std::string id = report["articles"][0]["id"];
  const Outcome shown = Run("show " + id.substr(0, 6) + " --db " + db);
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("title      River Barge Runs Aground Near Kessel Weir\n"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("- [ad] Advertisement\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("  The barge was freed by tugs on Sunday evening.\n"
                           "- [social] Share on social media\n"
                           "  No one was hurt.\n"),
            std::string::npos)
      << shown.out;
  const Outcome as_json = Run("show " + id + " --db " + db + " --json");
  EXPECT_EQ(json::parse(as_json.out)["id"], id);
  const Outcome missing = Run("show ffffffffffffffff --db " + db);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("ffffffffffffffff"), std::string::npos) << missing.err;
}

// A run killed at any moment leaves a consistent database; running again
// completes the work without duplicates.
TEST_F(CliTest, ShowListsEveryMentionOfAnEntityAcrossArticles) {
  Write("corpus/a.jsonl",
        "{\"text\": \"Foreign Minister Wang Yi arrived in Geneva on Monday.\\nWang said the "
        "talks would be long.\", \"published\": \"2021-06-01\"}\n"
        "{\"text\": \"Wang Yi met his Veldish counterpart, Otto Kranz.\", \"published\": "
        "\"2021-06-03\"}\n");
  const std::string db = Path("s.db");
  ASSERT_EQ(Run("analyze " + Path("corpus") + " --db " + db).exit_code, 0);
  const Outcome mentions = Run("show --entity 'PER:wang yi:CHN' --db " + db);
  EXPECT_EQ(mentions.exit_code, 0) << mentions.err;
  std::vector<std::string> lines;
  for (std::istringstream in(mentions.out); std::getline(in, lines.emplace_back());) {
  }
  lines.pop_back();
  ASSERT_EQ(lines.size(), 3u) << mentions.out;
  EXPECT_TRUE(lines[0].starts_with("2021-06-01 ")) << lines[0];
  EXPECT_NE(lines[0].find("name     Wang Yi  (Wang Yi, foreign minister, CHNGOV)"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("sentence 1"), std::string::npos) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("2021-06-03 ")) << lines[2];
  const Outcome prefix = Run("show --entity PER:wang --db " + db);
  EXPECT_EQ(prefix.exit_code, 2);
  EXPECT_NE(prefix.err.find("PER:wang yi:CHN  (2 articles)"), std::string::npos) << prefix.err;
  EXPECT_EQ(Run("show --db " + db).exit_code, 2);  // neither an id nor --entity
}

TEST_F(CliTest, KilledRunThenRerunCompletesWithoutDuplicates) {
  fs::create_directories(dir_ / "corpus");
  std::ofstream feed(Path("corpus/feed.jsonl"));
  // Enough that the run is killed while storing (about 4 s of work in a
  // Release build, far more under the sanitizers, against the kill at
  // 0.5 s); not more, since the rerun links every copy of the one story
  // and aligns its passages with the group's first article.
  const int kArticles = 50000;
  for (int i = 0; i < kArticles; ++i) {
    feed << "{\"text\": \"Report number " << i
         << " on the harbour.\\nThe council met again on Monday and agreed the levy.\"}\n";
  }
  feed.close();
  const std::string db = Path("s.db");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::execl(STORYLINE_BINARY, STORYLINE_BINARY, "analyze", Path("corpus").c_str(), "--db",
            db.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  {
    Result<store::Database> opened = store::Database::Open(db);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    EXPECT_LE(opened->ArticleCount(), static_cast<uint64_t>(kArticles));
  }
  const Outcome rerun = Run("analyze " + Path("corpus") + " --db " + db);
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  Result<store::Database> opened = store::Database::Open(db);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->ArticleCount(), static_cast<uint64_t>(kArticles));
  // The rerun linked the articles the killed run stored but never linked.
  uint64_t unlinked = 0;
  ASSERT_TRUE(opened
                  ->ForEachLinkRecord([&unlinked](store::LinkRecord&& record) {
                    unlinked += !record.story.has_value();
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(unlinked, 0u);
}

TEST_F(CliTest, AnalyzesTheSeedArticles) {
  const std::optional<std::string> seeds = testing::SharedPath("seeds");
  if (!seeds) GTEST_SKIP() << "../shared/seeds is absent (a user's clone): nothing to check";
  const Outcome outcome =
      Run("analyze " + *seeds + " --db " + Path("s.db") + " --json " + Path("s.json"));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  ASSERT_EQ(report["articles"].size(), 5u);
  std::vector<std::string> dates;
  for (const json& article : report["articles"]) {
    dates.push_back(article["published"]["value"].is_null()
                        ? "unknown"
                        : article["published"]["value"].get<std::string>());
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2021-09-28", "2021-09-29", "unknown", "unknown",
                                             "unknown"}));
  EXPECT_TRUE(report["articles"][4]["title"].is_null());
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

// The link stage on the demo corpus, against examples/demo.expected.json
// (the passages the corpus's authors copied between articles, and the event
// each article reports).
class DemoLinkTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    expected_ =
        json::parse(testing::ReadFileOrEmpty(testing::SourcePath("examples/demo.expected.json")));
  }

  // Copies examples/demo to corpus/, leaving out `except` (a path inside it).
  std::string CopyDemo(const std::string& except = "") {
    const fs::path demo = testing::SourcePath("examples/demo");
    for (const auto& entry : fs::recursive_directory_iterator(demo)) {
      const fs::path relative = fs::relative(entry.path(), demo);
      if (!entry.is_regular_file() || relative == except) continue;
      fs::create_directories(dir_ / "corpus" / relative.parent_path());
      fs::copy_file(entry.path(), dir_ / "corpus" / relative);
    }
    return Path("corpus");
  }

  // The report's article whose origin ends with /`file` (and :`line`).
  static const json& Find(const json& report, const std::string& file, int line = 0) {
    std::string suffix = "/";
    suffix.append(file);
    if (line > 0) suffix.append(":").append(std::to_string(line));
    for (const json& article : report["articles"]) {
      const std::string origin = article["origin"];
      if (origin.size() >= suffix.size() &&
          origin.compare(origin.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return article;
      }
    }
    ADD_FAILURE() << "no article from " << suffix;
    static const json kNone;
    return kNone;
  }

  // Article id -> story id.
  static std::map<std::string, std::string> StoryOf(const json& report) {
    std::map<std::string, std::string> story_of;
    for (const json& story : report["stories"]) {
      for (const json& id : story["articles"]) {
        EXPECT_TRUE(story_of.emplace(id, story["id"]).second) << id << " is in two stories";
      }
    }
    return story_of;
  }

  json Analyze(const std::string& corpus, const std::string& report) {
    const Outcome outcome =
        Run("analyze " + corpus + " --db " + Path("s.db") + " --json " + Path(report));
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    last_out_ = outcome.out;
    return json::parse(testing::ReadFileOrEmpty(Path(report)));
  }

  json expected_;
  std::string last_out_;
};

// The byte span of `text` in an article's clean text, as [begin, end].
json SpanOf(const json& article, const std::string& text) {
  const std::string clean = article["text"];
  const size_t at = clean.find(text);
  EXPECT_NE(at, std::string::npos) << article["origin"] << " lacks: " << text;
  return {{"article", article["id"]}, {"begin", at}, {"end", at + text.size()}};
}

TEST_F(DemoLinkTest, ReportsEveryCopiedPassageWithExactOffsets) {
  const json report = Analyze(testing::SourcePath("examples/demo"), "s.json");
  EXPECT_NE(last_out_.find("linked 28 new articles"), std::string::npos) << last_out_;
  std::set<std::pair<json, json>> found;  // (a, b) sides, both orders
  for (const json& passage : report["passages"]) {
    found.emplace(passage["a"], passage["b"]);
    found.emplace(passage["b"], passage["a"]);
    EXPECT_LT(passage["a"]["article"].get<std::string>(),
              passage["b"]["article"].get<std::string>());
  }
  for (const json& entry : expected_["shared_passages"]) {
    const json& a = Find(report, entry["a"], entry.value("a_line", 0));
    const json& b = Find(report, entry["b"], entry.value("b_line", 0));
    const json want_a = SpanOf(a, entry["text"]);
    const json want_b = SpanOf(b, entry.value("b_text", entry["text"].get<std::string>()));
    EXPECT_TRUE(found.contains({want_a, want_b}))
        << entry["a"] << " / " << entry["b"] << " (" << entry["note"] << "): " << entry["text"];
  }
}

TEST_F(DemoLinkTest, StoriesGroupOneEventEachAndNeverMixEvents) {
  const json report = Analyze(testing::SourcePath("examples/demo"), "s.json");
  const std::map<std::string, std::string> story_of = StoryOf(report);
  std::map<std::string, std::set<std::string>> events_of_story;
  std::map<std::string, std::map<std::string, int>> stories_of_event;  // event -> story -> size
  for (const json& entry : expected_["articles"]) {
    const json& article = Find(report, entry["file"], entry.value("line", 0));
    ASSERT_TRUE(story_of.contains(article["id"])) << entry["file"] << " is in no story";
    const std::string& story = story_of.at(article["id"]);
    events_of_story[story].insert(entry["event"]);
    ++stories_of_event[entry["event"]][story];
  }
  EXPECT_EQ(story_of.size(), 28u);
  for (const auto& [story, events] : events_of_story) {
    EXPECT_EQ(events.size(), 1u) << "story " << story << " mixes events";
  }
  // Each event has a story of several of its articles.
  ASSERT_EQ(stories_of_event.size(), 5u);
  for (const auto& [event, stories] : stories_of_event) {
    int largest = 0;
    for (const auto& [story, size] : stories) largest = std::max(largest, size);
    EXPECT_GE(largest, 2) << event;
  }
  for (const json& story : report["stories"]) {
    EXPECT_EQ(story["id"].get<std::string>().size(), 18u);
    if (story["first_date"].is_null()) {
      EXPECT_TRUE(story["last_date"].is_null());
    } else {
      EXPECT_LE(story["first_date"].get<std::string>(), story["last_date"].get<std::string>());
    }
  }
}

TEST_F(DemoLinkTest, RerunAddsNothingAndReportsTheSameLinks) {
  const std::string corpus = CopyDemo();
  const json first = Analyze(corpus, "first.json");
  const json second = Analyze(corpus, "second.json");
  EXPECT_NE(last_out_.find("no new articles to link"), std::string::npos) << last_out_;
  for (const char* key : {"near_duplicates", "passages", "stories"}) {
    EXPECT_EQ(first[key], second[key]) << key;
  }
  EXPECT_FALSE(first["near_duplicates"].empty());
  // The rerun does not analyse the stored articles again: it reports them
  // as stored, the same as the first run did.
  EXPECT_EQ(first["articles"], second["articles"]);
}

TEST_F(DemoLinkTest, NewArticleJoinsTheStoryOfAnEarlierRun) {
  // A vaccine-plant article that copies passages of another, held back
  // from the first run.
  const std::string later = "tidewater_courier_0004.txt";
  const std::string corpus = CopyDemo(later);
  const json first = Analyze(corpus, "first.json");
  fs::copy_file(testing::SourcePath("examples/demo/" + later), dir_ / "corpus" / later);
  const json second = Analyze(corpus, "second.json");
  EXPECT_NE(last_out_.find("linked 1 new articles"), std::string::npos) << last_out_;

  const std::map<std::string, std::string> before = StoryOf(first), after = StoryOf(second);
  for (const auto& [article, story] : before) EXPECT_EQ(after.at(article), story) << article;
  const std::string same_event = Find(first, "delta_morning_post_0003.txt")["id"];
  const std::string added = Find(second, later)["id"];
  EXPECT_EQ(after.at(added), before.at(same_event));
  for (const json& story : second["stories"]) {
    if (story["id"] != before.at(same_event)) continue;
    EXPECT_EQ(story["articles"].back(), added);
    EXPECT_EQ(story["articles"].size(), 5u);
  }
  // Its passages against articles of the first run are found too.
  bool copied = false;
  for (const json& passage : second["passages"]) {
    copied |= passage["a"]["article"] == added || passage["b"]["article"] == added;
  }
  EXPECT_TRUE(copied);
}

// A database written before the link stage existed (schema 1) is upgraded,
// and its articles, stored without link features, are linked from their
// text by the next run, with the same results as a fresh database.
TEST_F(DemoLinkTest, LinksTheArticlesOfAVersion1Database) {
  const std::string corpus = CopyDemo();
  const json fresh = Analyze(corpus, "fresh.json");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Path("s.db").c_str(), &db), SQLITE_OK);
    for (const char* table :
         {"link_features", "story_members", "stories", "passages", "near_duplicate_members",
          "near_duplicate_groups", "entities", "quotes", "event_mentions", "reported_events",
          "events", "article_metadata", "search_text", "skipped_records"}) {
      EXPECT_EQ(
          sqlite3_exec(db, (std::string("DROP TABLE ") + table).c_str(), nullptr, nullptr, nullptr),
          SQLITE_OK);
    }
    EXPECT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '1' WHERE key = 'schema_version'", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  const json upgraded = Analyze(corpus, "upgraded.json");
  EXPECT_NE(last_out_.find("linked 28 new articles"), std::string::npos) << last_out_;
  for (const char* key : {"near_duplicates", "passages"}) {
    EXPECT_EQ(upgraded[key], fresh[key]) << key;
  }
  // The same stories; the version 1 articles have no events (they were
  // stored before events were coded), so their stories list none.
  json upgraded_stories = upgraded["stories"], fresh_stories = fresh["stories"];
  for (json* stories : {&upgraded_stories, &fresh_stories}) {
    for (json& story : *stories) story.erase("events"), story.erase("actors");
  }
  EXPECT_EQ(upgraded_stories, fresh_stories);
  EXPECT_TRUE(upgraded["events"].empty());
}

// The stored link features of `article` in the database `db`; empty when none.
std::string StoredFeatures(const std::string& db_path, const std::string& article) {
  sqlite3* db = nullptr;
  std::string features;
  if (sqlite3_open(db_path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT features FROM link_features WHERE article_id = ?1", -1,
                       &statement, nullptr);
    sqlite3_bind_text(statement, 1, article.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(statement) == SQLITE_ROW) {
      features.assign(static_cast<const char*>(sqlite3_column_blob(statement, 0)),
                      sqlite3_column_bytes(statement, 0));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return features;
}

// Stored story terms depend on the stopword list. A run with another
// `--data` list computes the features of the stored articles again from
// their text (and says so) rather than linking with stale terms; stored
// story membership stays; the next run with the same list recomputes
// nothing, and going back to the built-in list recomputes them all again.
TEST_F(DemoLinkTest, RecomputesStoredFeaturesWhenTheStopwordListChanges) {
  const std::string second_file = "tidewater_courier_0004.txt";
  const std::string third_file = "hathrin_herald_0004.txt";
  const std::string fourth_file = "portvale_ledger_0004.txt";
  const std::string corpus = CopyDemo(second_file);
  fs::rename(dir_ / "corpus" / third_file, dir_ / third_file);
  fs::rename(dir_ / "corpus" / fourth_file, dir_ / fourth_file);
  const json first = Analyze(corpus, "first.json");
  EXPECT_EQ(last_out_.find("recomputed"), std::string::npos) << last_out_;
  const std::string old_article = Find(first, "delta_morning_post_0003.txt")["id"];
  const std::string built_in_features = StoredFeatures(Path("s.db"), old_article);
  ASSERT_FALSE(built_in_features.empty());

  // The built-in list, plus two words of the vaccine-plant event.
  Write("rules/link/stopwords.en.txt",
        testing::ReadFileOrEmpty(testing::SourcePath("data/link/stopwords.en.txt")) +
            "vaccine\nplant\n");
  const auto analyze_with_rules = [&](const std::string& report) {
    const Outcome outcome = Run("analyze " + corpus + " --db " + Path("s.db") + " --json " +
                                Path(report) + " --data " + Path("rules"));
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_NE(outcome.out.find("linked 1 new articles"), std::string::npos) << outcome.out;
    return std::make_pair(json::parse(testing::ReadFileOrEmpty(Path(report))), outcome.out);
  };
  fs::copy_file(testing::SourcePath("examples/demo/" + second_file), dir_ / "corpus" / second_file);
  const auto [second, second_out] = analyze_with_rules("second.json");
  EXPECT_NE(second_out.find("recomputed the link features of 25 stored articles"),
            std::string::npos)
      << second_out;
  const std::string recomputed = StoredFeatures(Path("s.db"), old_article);
  // "vaccine" and "plant" are no longer terms: two fewer (term, count) entries of 12 bytes.
  EXPECT_EQ(recomputed.size(), built_in_features.size() - 2 * 12);
  const std::map<std::string, std::string> before = StoryOf(first), after = StoryOf(second);
  for (const auto& [article, story] : before) EXPECT_EQ(after.at(article), story) << article;

  fs::rename(dir_ / third_file, dir_ / "corpus" / third_file);
  const auto [third, third_out] = analyze_with_rules("third.json");
  EXPECT_EQ(third_out.find("recomputed"), std::string::npos) << third_out;
  EXPECT_TRUE(StoredFeatures(Path("s.db"), old_article) == recomputed);

  fs::rename(dir_ / fourth_file, dir_ / "corpus" / fourth_file);
  Analyze(corpus, "fourth.json");  // the built-in list again
  EXPECT_NE(last_out_.find("recomputed the link features of 27 stored articles"), std::string::npos)
      << last_out_;
  EXPECT_TRUE(StoredFeatures(Path("s.db"), old_article) == built_in_features);
}

TEST_F(DemoLinkTest, ShowPrintsTheStoryAndPassagesOfAnArticle) {
  const json report = Analyze(testing::SourcePath("examples/demo"), "s.json");
  const std::string id = Find(report, "tidewater_courier_0004.txt")["id"];
  const Outcome shown = Run("show " + id + " --db " + Path("s.db"));
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("story      " + StoryOf(report).at(id) + ", "), std::string::npos)
      << shown.out;
  for (const json& passage : report["passages"]) {
    const bool here_is_a = passage["a"]["article"] == id;
    if (!here_is_a && passage["b"]["article"] != id) continue;
    const json& here = here_is_a ? passage["a"] : passage["b"];
    const json& there = here_is_a ? passage["b"] : passage["a"];
    const std::string line = "passage    [" + here["begin"].dump() + ", " + here["end"].dump() +
                             ") = " + there["article"].get<std::string>() + " [" +
                             there["begin"].dump() + ", " + there["end"].dump() + ")";
    EXPECT_NE(shown.out.find(line), std::string::npos) << line << "\n" << shown.out;
  }
}

// Issue 4, "Done when": the two seed articles about the 27 September 2021
// China-NATO meeting are one story and share their copied paragraphs; the
// articles about other events are in other stories.
TEST_F(CliTest, LinksTheSeedArticlesAboutOneMeeting) {
  const std::optional<std::string> seeds = testing::SharedPath("seeds");
  if (!seeds) GTEST_SKIP() << "../shared/seeds is absent (a user's clone): nothing to check";
  ASSERT_EQ(
      Run("analyze " + *seeds + " --db " + Path("s.db") + " --json " + Path("s.json")).exit_code,
      0);
  const json report = json::parse(testing::ReadFileOrEmpty(Path("s.json")));
  // The two reports of the meeting are the seeds dated the days after it;
  // the others are undated.
  std::vector<std::string> meeting;
  std::vector<std::string> others;
  for (const json& article : report["articles"]) {
    const json& date = article["published"]["value"];
    const bool about_meeting = date == "2021-09-28" || date == "2021-09-29";
    (about_meeting ? meeting : others).push_back(article["id"]);
  }
  ASSERT_EQ(meeting.size(), 2u);
  ASSERT_EQ(others.size(), 3u);
  std::map<std::string, std::string> story_of;
  for (const json& story : report["stories"]) {
    for (const json& id : story["articles"]) story_of[id] = story["id"];
  }
  EXPECT_EQ(story_of.at(meeting[0]), story_of.at(meeting[1]));
  for (const std::string& other : others) {
    EXPECT_NE(story_of.at(other), story_of.at(meeting[0]));
  }
  // The three undated articles report three different events (the
  // Blinken-Wang call, China and Pakistan, the Taliban in Tianjin): their
  // events contradict each other's stories, shared topic words
  // notwithstanding.
  EXPECT_EQ(std::set<std::string>(
                {story_of.at(others[0]), story_of.at(others[1]), story_of.at(others[2])})
                .size(),
            3u);
  // The 27 September meeting is one event reported by both articles.
  bool meeting_event = false;
  for (const json& event : report["events"]) {
    if (event["source"] != "CHNGOV" || event["target"] != "IGOWSTNAT" || event["root"] != "04") {
      continue;
    }
    meeting_event = true;
    EXPECT_EQ(event["date"]["value"], "2021-09-27");
    EXPECT_EQ(event["num_articles"], 2);
    std::set<std::string> reporting;
    for (const json& mention : event["mentions"]) reporting.insert(mention["article"]);
    EXPECT_EQ(reporting, std::set<std::string>(meeting.begin(), meeting.end()));
  }
  EXPECT_TRUE(meeting_event);
  // show lists, under each event, the other articles that report it.
  const Outcome show = Run("show --db " + Path("s.db") + " " + meeting[0]);
  EXPECT_NE(show.out.find("    also    " + meeting[1] + " event "), std::string::npos) << show.out;
  // The meeting's story lists that event and its actors.
  for (const json& story : report["stories"]) {
    if (story["id"] != story_of.at(meeting[0])) continue;
    EXPECT_FALSE(story["events"].empty());
    const std::vector<std::string> actors = story["actors"];
    EXPECT_NE(std::find(actors.begin(), actors.end(), "IGOWSTNAT"), actors.end());
    EXPECT_EQ(story["first_event_date"], "2021-09-27");  // the meeting, the day before both
  }
  // The copied paragraphs: passages between the two, each side's text the
  // same words at its own offsets.
  std::map<std::string, std::string> text_of;
  for (const json& article : report["articles"]) text_of[article["id"]] = article["text"];
  int shared = 0;
  for (const json& passage : report["passages"]) {
    const std::set<std::string> pair = {passage["a"]["article"], passage["b"]["article"]};
    if (pair != std::set<std::string>(meeting.begin(), meeting.end())) continue;
    ++shared;
    const auto side = [&](const json& s) {
      const std::string& text = text_of.at(s["article"]);
      return text.substr(s["begin"], s["end"].get<size_t>() - s["begin"].get<size_t>());
    };
    EXPECT_GE(side(passage["a"]).size(), 50u);
    if (passage["similarity"] == 1.0) {
      EXPECT_NE(side(passage["b"]).find(side(passage["a"]).substr(0, 20)), std::string::npos);
    }
  }
  EXPECT_GE(shared, 5);
}

// show lists an article's entities and quotes between its links and its
// text. The pipeline does not find them yet, so the article is stored
// through the library.
TEST_F(CliTest, ShowPrintsEntitiesAndQuotes) {
  Article article;
  article.origin = "in/veyra-ferry.txt";
  article.format = "txt";
  article.text =
      "Minister Ilsa Quorren opened the Veyra ferry terminal. “It will carry two million "
      "passengers a year and bring trade back to the old harbour, which has waited for this "
      "since the storms of the last decade,” she said.";
  article.id = MakeArticleId(article.origin, article.text);
  article.sentences = {{0, 54}, {55, 218}};
  Entity minister;
  minister.key = "PER:ilsa quorren:XVY";
  minister.name = "Ilsa Quorren";
  minister.type = "PER";
  minister.role = "harbour minister";
  minister.country = "XVY";
  minister.actor = ActorCode{"XVYGOV", "person", "actors/people.tsv:12"};
  minister.mentions = {{0, {9, 21}, "name"}, {1, {209, 212}, "pronoun"}};
  Entity place;
  place.id = 1;
  place.name = "Veyra";
  place.type = "LOC";
  place.mentions = {{0, {33, 38}, "name"}};
  article.entities = {minister, place};
  Quote quote;
  quote.sentence = 1;
  quote.span = {58, 205};
  quote.text = article.text.substr(58, 205 - 58);
  quote.kind = "direct";
  quote.cue = ByteSpan{213, 217};
  quote.speaker = QuoteSpeaker{"she", {209, 212}, 0, "XVYGOV"};
  Quote unattributed = quote;
  unattributed.kind = "partial";
  unattributed.speaker.reset();
  unattributed.text = "two million\npassengers";
  article.quotes = {quote, unattributed};
  {
    Result<store::Database> db = store::Database::Open(Path("s.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Result<int64_t> run = db->BeginRun({"test", "{}", "0", "cli_test"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db->PutArticles(*run, {article}).ok());
  }

  const Outcome shown = Run("show " + article.id + " --db " + Path("s.db"));
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(
      shown.out.find(
          "entity     PER  Ilsa Quorren  (harbour minister, XVY)  XVYGOV [person]  2 mentions\n"
          "entity     LOC  Veyra  1 mention\n"
          "quote      direct   she (Ilsa Quorren) [XVYGOV]: “It will carry two million "
          "passengers a year and bring trade back to the old harbour, which has...”\n"
          "quote      partial  (no speaker): “two million passengers”\n"
          "\n  Minister Ilsa Quorren opened"),
      std::string::npos)
      << shown.out;

  const Outcome as_json =
      Run("show " + article.id.substr(0, 6) + " --db " + Path("s.db") + " --json");
  ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
  const json object = json::parse(as_json.out);
  EXPECT_EQ(object["entities"][0]["actor"]["code"], "XVYGOV");
  EXPECT_EQ(object["entities"][1]["key"], nullptr);
  EXPECT_EQ(object["quotes"][0]["speaker"]["entity"], 0);
  EXPECT_EQ(object["quotes"][1]["speaker"], nullptr);
}

// An event of `article` read from its text: the actors, verb and place by
// their words (the first occurrence at or after `from`).
struct EventWords {
  std::string source, source_code, verb, target, target_code;
};
Event MakeEvent(const Article& article, uint32_t sentence, const EventWords& words,
                const std::string& code) {
  const uint32_t from = article.sentences[sentence].begin;
  const auto span = [&](const std::string& phrase) {
    const auto at = static_cast<uint32_t>(article.text.find(phrase, from));
    return ByteSpan{at, at + static_cast<uint32_t>(phrase.size())};
  };
  Event event;
  event.sentence = sentence;
  event.code = code;
  event.root = code.substr(0, 2);
  event.source = {words.source, words.source_code, span(words.source), std::nullopt};
  event.verb = span(words.verb);
  if (!words.target.empty()) {
    event.target = EventActor{words.target, words.target_code, span(words.target), std::nullopt};
  }
  event.pattern = "events/verbs.en.txt:" + std::to_string(100 + sentence);
  event.confidence = 0.5;
  return event;
}

// A non-ASCII article with an event of every kind GDELT treats apart: one
// dated and placed, a negated one, a future one, and one with no target
// and no date whose source is an organisation; and an ASCII article with
// neither url nor outlet.
std::vector<Article> EventArticles() {
  Article a;
  a.origin = "feeds/zürich.jsonl:3";
  a.format = "jsonl";
  a.url = "https://veyra-wire.example/quorren";
  a.outlet = "Veyra Wire";
  a.text =
      "Zürich — Ministre Élodie Quorren met Kōsetsu’s envoy in Genève on Monday.\n"
      "The envoy did not sign the accord.\nQuorren will visit Port Veyra.\nNATO’s chief "
      "protested.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 81}, {82, 116}, {117, 147}, {148, 173}};
  Event met = MakeEvent(
      a, 0, {"Ministre Élodie Quorren", "XVYGOV", "met", "Kōsetsu’s envoy", "KSTGOV"}, "0311");
  met.quad_class = 1;
  met.goldstein = 5.2;
  met.date = {"2031-04-14", "timex", ByteSpan{74, 80}};
  met.place = EventPlace{"Genève", {63, 70}, "CHE"};
  met.confidence = 0.875;
  Event refused = MakeEvent(a, 1, {"The envoy", "KSTGOV", "sign", "the accord", "XVY"}, "057");
  refused.negated = true;
  Event intent = MakeEvent(a, 2, {"Quorren", "XVYGOV", "visit", "Port Veyra", "XVY"}, "036");
  intent.modality = "future";
  Event protest = MakeEvent(a, 3, {"NATO’s chief", "IGOWSTNAT", "protested", "", ""}, "141");
  protest.quad_class = 3;
  protest.goldstein = -6.5;
  a.events = {met, refused, intent, protest};
  for (uint32_t i = 0; i < a.events.size(); ++i) a.events[i].id = i;

  Article b;
  b.origin = "in/council.txt";
  b.format = "txt";
  b.text = "The council praised the harbour guild.";
  b.id = MakeArticleId(b.origin, b.text);
  b.sentences = {{0, 38}};
  b.published.value = "2031-04-20";
  Event praise = MakeEvent(
      b, 0, {"The council", "XVYGOVLEG", "praised", "the harbour guild", "NGOLABGLD"}, "051");
  praise.date = {"2031-04-20", "publication", std::nullopt};
  b.events = {praise};
  return {a, b};
}

// Tab-separated rows, keyed by the column `key`.
std::map<std::string, std::vector<std::string>> RowsBy(const std::string& table, size_t key) {
  std::map<std::string, std::vector<std::string>> rows;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> row;
    size_t begin = 0;
    for (size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1) {
      row.push_back(line.substr(begin, tab - begin));
    }
    row.push_back(line.substr(begin));
    const std::string name = row.size() > key ? row[key] : "?";
    rows[name] = std::move(row);
  }
  return rows;
}

std::string GlobalEventId(const std::string& article, int event) {
  const std::string key = article + ":" + std::to_string(event);
  return std::to_string(XXH3_64bits(key.data(), key.size()) >> 1);
}

class ExportTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    articles_ = EventArticles();
    Result<store::Database> db = store::Database::Open(Path("s.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Result<int64_t> run = db->BeginRun({"test", "{}", "0", "cli_test"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(db->PutArticles(*run, articles_).ok());
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(Path("s.db").c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT started_at FROM runs", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    stored_at_ = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
  }

  // DATEADDED: the stored time "YYYY-MM-DDTHH:MM:SS.sssZ" as YYYYMMDDHHMMSS.
  std::string DateAdded() const {
    std::string digits;
    for (const char c : stored_at_.substr(0, 19)) {
      if (c >= '0' && c <= '9') digits += c;
    }
    return digits;
  }

  std::vector<Article> articles_;
  std::string stored_at_;
};

TEST_F(ExportTest, GdeltWritesAssertedEventsInGdeltColumns) {
  const Outcome outcome = Run("export events --db " + Path("s.db") + " --format gdelt --out " +
                              Path("events.tsv") + " --mentions " + Path("mentions.tsv"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "exported 3 events of 2 articles\n");
  EXPECT_FALSE(fs::exists(Path("events.tsv.tmp")));
  const auto rows = RowsBy(testing::ReadFileOrEmpty(Path("events.tsv")), 26);
  ASSERT_EQ(rows.size(), 3u);  // neither the negated 057 nor the future 036
  for (const auto& [code, row] : rows) EXPECT_EQ(row.size(), 61u) << code;
  const std::string& a = articles_[0].id;

  const std::vector<std::string>& met = rows.at("0311");
  EXPECT_EQ(met[0], GlobalEventId(a, 0));
  EXPECT_EQ(std::vector<std::string>(met.begin() + 1, met.begin() + 5),
            (std::vector<std::string>{"20310414", "203104", "2031", "2031.2849"}));
  EXPECT_EQ(std::vector<std::string>(met.begin() + 5, met.begin() + 15),
            (std::vector<std::string>{"XVYGOV", "Ministre Élodie Quorren", "XVY", "", "", "", "",
                                      "GOV", "", ""}));
  EXPECT_EQ(met[15], "KSTGOV");
  EXPECT_EQ(met[16], "Kōsetsu’s envoy");
  EXPECT_EQ(met[17], "KST");
  EXPECT_EQ(met[22], "GOV");
  EXPECT_EQ(std::vector<std::string>(met.begin() + 25, met.begin() + 35),
            (std::vector<std::string>{"1", "0311", "031", "03", "1", "5.2", "1", "1", "1", ""}));
  for (int column = 35; column < 51; ++column) EXPECT_EQ(met[column], "") << column;
  EXPECT_EQ(met[52], "Genève");
  EXPECT_EQ(met[53], "CHE");
  EXPECT_EQ(met[59], DateAdded());
  EXPECT_EQ(met[59].size(), 14u);
  EXPECT_EQ(met[60], "https://veyra-wire.example/quorren");

  const std::vector<std::string>& protest = rows.at("141");
  EXPECT_EQ(protest[0], GlobalEventId(a, 3));
  for (int column : {1, 2, 3, 4, 7, 52, 53}) EXPECT_EQ(protest[column], "") << column;
  EXPECT_EQ(protest[5], "IGOWSTNAT");
  EXPECT_EQ(protest[8], "NAT");
  EXPECT_EQ(protest[12], "IGO");
  for (int column = 15; column < 25; ++column) EXPECT_EQ(protest[column], "") << column;
  EXPECT_EQ(protest[25], "0");  // not in the first sentence
  EXPECT_EQ(protest[27], "141");
  EXPECT_EQ(protest[29], "3");
  EXPECT_EQ(protest[30], "-6.5");

  const std::vector<std::string>& praise = rows.at("051");
  EXPECT_EQ(praise[12], "GOV");
  EXPECT_EQ(praise[13], "LEG");
  EXPECT_EQ(praise[18], "GLD");
  EXPECT_EQ(praise[22], "NGO");
  EXPECT_EQ(praise[23], "LAB");
  EXPECT_EQ(praise[60], "in/council.txt");

  const auto mentions = RowsBy(testing::ReadFileOrEmpty(Path("mentions.tsv")), 0);
  ASSERT_EQ(mentions.size(), 3u);
  for (const auto& [id, row] : mentions) EXPECT_EQ(row.size(), 16u) << id;
  // Offsets in characters: "Zürich — " is 12 bytes but 9 characters.
  EXPECT_EQ(mentions.at(met[0]),
            (std::vector<std::string>{met[0], DateAdded(), DateAdded(), "1", "Veyra Wire",
                                      "https://veyra-wire.example/quorren", "1", "9", "37", "33",
                                      "1", "88", "163", "", "", ""}));
  const std::vector<std::string>& protest_mention = mentions.at(protest[0]);
  EXPECT_EQ(protest_mention[6], "4");
  EXPECT_EQ(protest_mention[7], "140");
  EXPECT_EQ(protest_mention[8], "-1");
  EXPECT_EQ(protest_mention[9], "153");
  EXPECT_EQ(protest_mention[11], "50");
  EXPECT_EQ(mentions.at(praise[0])[4], "");  // no outlet
  EXPECT_EQ(mentions.at(praise[0])[5], "in/council.txt");
}

TEST_F(ExportTest, JsonlWritesEveryEventAsInTheReport) {
  const Outcome outcome = Run("export events --db " + Path("s.db") + " --format jsonl");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::istringstream lines(outcome.out);
  std::map<std::string, json> by_id;
  for (std::string line; std::getline(lines, line);) {
    const json object = json::parse(line);
    by_id[object["article"].get<std::string>() + "/" + object["event"]["id"].dump()] = object;
  }
  ASSERT_EQ(by_id.size(), 5u);
  const Article& a = articles_[0];
  for (const Event& event : a.events) {
    const json& object = by_id.at(a.id + "/" + std::to_string(event.id));
    EXPECT_EQ(object["event"], json::parse(store::EventToJson(event)));
    EXPECT_EQ(object["global_event_id"].dump(), GlobalEventId(a.id, static_cast<int>(event.id)));
  }
  EXPECT_EQ(by_id.at(a.id + "/1")["event"]["negated"], true);
  EXPECT_EQ(by_id.at(a.id + "/2")["event"]["modality"], "future");
  EXPECT_EQ(by_id.at(a.id + "/3")["event"]["target"], nullptr);
}

TEST_F(ExportTest, RefusesAMissingDatabaseOrFormat) {
  EXPECT_EQ(Run("export events --db " + Path("none.db") + " --format gdelt").exit_code, 3);
  EXPECT_FALSE(fs::exists(Path("none.db")));
  EXPECT_EQ(Run("export events --db " + Path("s.db")).exit_code, 2);
  EXPECT_EQ(Run("export events --db " + Path("s.db") + " --format csv").exit_code, 2);
  EXPECT_EQ(Run("export --db " + Path("s.db")).exit_code, 2);
}

TEST_F(ExportTest, ShowListsTheEventsOfAnArticle) {
  const Outcome shown = Run("show " + articles_[0].id + " --db " + Path("s.db"));
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find(
                "event      0  s0  XVYGOV -0311-> KSTGOV  2031-04-14 (timex)  in Genève  “met”  "
                "[events/verbs.en.txt:100]\n"
                "event      1  s1  KSTGOV -057-> XVY  (negated)  date unknown  “sign”  "
                "[events/verbs.en.txt:101]\n"
                "event      2  s2  XVYGOV -036-> XVY  (future)  date unknown  “visit”  "
                "[events/verbs.en.txt:102]\n"
                "event      3  s3  IGOWSTNAT -141-> -  date unknown  “protested”  "
                "[events/verbs.en.txt:103]\n\n"),
            std::string::npos)
      << shown.out;
}

}  // namespace
}  // namespace storyline
