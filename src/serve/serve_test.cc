// The HTTP server end to end on loopback: routes, errors, a database that
// comes and goes, and concurrent clients.
#include "serve/serve.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/test_util.h"

namespace storyline::serve {
namespace {

using nlohmann::json;

class ServeTest : public store::testing::StoreTest {
 protected:
  // Starts a server for `db` on a free port.
  void Start(const std::string& db) {
    Options options;
    options.db = db;
    options.port = 0;
    options.busy_timeout_ms = 100;
    server_ = std::make_unique<Server>(options);
    std::promise<int> port;
    thread_ = std::thread([this, &port] {
      const Status status = server_->Run([&port](int p) { port.set_value(p); });
      EXPECT_TRUE(status.ok()) << status.ToString();
    });
    port_ = port.get_future().get();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    StoreTest::TearDown();
  }

  // A database holding the store tests' articles and story.
  std::string MakeDatabase() {
    const std::string path = PathOf("s.db");
    store::Database db = store::testing::OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(store::testing::TestRun());
    EXPECT_TRUE(run.ok());
    EXPECT_TRUE(
        db.PutArticles(*run, {store::testing::FullArticle(), store::testing::PlainArticle()}).ok());
    EXPECT_TRUE(db.PutLinks(*run, store::testing::SampleLinks()).ok());
    return path;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, AnswersTheApiAndTheAppsFiles) {
  Start(MakeDatabase());
  httplib::Result stories = client_->Get("/api/stories?limit=5");
  ASSERT_TRUE(stories);
  EXPECT_EQ(stories->status, 200);
  EXPECT_EQ(stories->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(stories->body)["stories"][0]["id"], "s-0000000000000001");

  httplib::Result d3 = client_->Get("/assets/d3.min.js");
  ASSERT_TRUE(d3);
  EXPECT_EQ(d3->status, 200);
  EXPECT_EQ(d3->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(d3->body.find("d3"), std::string::npos);
}

TEST_F(ServeTest, BadRequestsGetJsonErrorsAndNeverTheFileSystem) {
  Start(MakeDatabase());
  const std::vector<std::pair<std::string, int>> cases = {
      {"/api/stories?limit=x", 400},      {"/api/stories?limit=1&limit=2", 400},
      {"/api/search?q=%22%28%2A", 200},   {"/api/stories/s-nope", 404},
      {"/no/such/file.js", 404},          {"/../../../../etc/passwd", 404},
      {"/%2e%2e/%2e%2e/etc/passwd", 404}, {"/api/articles/..%2F..%2Fetc%2Fpasswd", 404},
  };
  for (const auto& [path, want] : cases) {
    httplib::Result result = client_->Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, want) << path << ": " << result->body;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << path;
    if (want != 200) {
      EXPECT_TRUE(json::parse(result->body)["error"].is_string()) << path;
    }
  }
  httplib::Result huge = client_->Get("/api/search?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(huge);
  EXPECT_GE(huge->status, 400);
  // Still serving.
  EXPECT_EQ(client_->Get("/api/stories")->status, 200);
}

TEST_F(ServeTest, AMissingDatabaseIs503UntilItExists) {
  const std::string path = PathOf("s.db");
  Start(path);
  httplib::Result missing = client_->Get("/api/stories");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 503);
  EXPECT_NE(json::parse(missing->body)["error"].get<std::string>().find("no database"),
            std::string::npos);
  MakeDatabase();
  httplib::Result present = client_->Get("/api/stories");
  ASSERT_TRUE(present);
  EXPECT_EQ(present->status, 200);
}

TEST_F(ServeTest, AnswersFollowWhatARunAddsWhileServing) {
  const std::string path = MakeDatabase();
  Start(path);
  ASSERT_EQ(json::parse(client_->Get("/api/stories")->body)["total"], 1);
  ASSERT_EQ(json::parse(client_->Get("/api/stories")->body)["total"], 1);  // from the cache
  {
    store::Database db = store::testing::OpenOrDie(path);
    Result<int64_t> run = db.BeginRun(store::testing::TestRun());
    ASSERT_TRUE(run.ok());
    const Article added = store::testing::FactsArticle();
    ASSERT_TRUE(db.PutArticles(*run, {added}).ok());
    store::LinkUpdate links;
    links.joined = {{added.id, "s-0000000000000002"}};
    Story story;
    story.id = "s-0000000000000002";
    story.articles = {added.id};
    story.label = "Veyra opens its ferry terminal";
    links.stories = {story};
    ASSERT_TRUE(db.PutLinks(*run, links).ok());
    ASSERT_TRUE(db.FinishRun(*run, {}).ok());
  }
  EXPECT_EQ(json::parse(client_->Get("/api/stories")->body)["total"], 2);
}

TEST_F(ServeTest, ALockedDatabaseIs503AndServingGoesOn) {
  const std::string path = MakeDatabase();
  Start(path);
  {
    // Another process holding the file exclusively (WAL readers are
    // otherwise never blocked).
    store::testing::RawDb raw(path);
    raw.Exec("PRAGMA locking_mode = EXCLUSIVE");
    raw.Exec("BEGIN EXCLUSIVE");
    raw.Exec("UPDATE meta SET value = value WHERE key = 'created_at'");
    httplib::Result locked = client_->Get("/api/search?q=lighthouse");
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->status, 503) << locked->body;
    EXPECT_TRUE(json::parse(locked->body)["error"].is_string());
    raw.Exec("COMMIT");
  }
  httplib::Result free = client_->Get("/api/search?q=lighthouse");
  ASSERT_TRUE(free);
  EXPECT_EQ(free->status, 200) << free->body;
}

TEST_F(ServeTest, ServesConcurrentClients) {
  Start(MakeDatabase());
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 8; ++c) {
    clients.push_back(std::async(std::launch::async, [this] {
      httplib::Client client("127.0.0.1", port_);
      int ok = 0;
      for (int i = 0; i < 25; ++i) {
        httplib::Result result =
            client.Get(i % 2 ? "/api/stories" : "/api/stories/s-0000000000000001");
        ok += result && result->status == 200;
      }
      return ok;
    }));
  }
  for (auto& client : clients) EXPECT_EQ(client.get(), 25);
}

}  // namespace
}  // namespace storyline::serve
