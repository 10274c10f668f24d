// The HTML peers (html_peer.h): their output read back, and live runs on a
// page written here when the peer is installed (scripts/install-peers).
#include "html-peers/html_peer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace storyline::eval {
namespace {

TEST(HtmlPeerTest, ReadsResultsInPageOrder) {
  const std::string output =
      R"({"id": "1", "text": null, "error": "boom"})"
      "\n"
      R"({"id": "0", "text": "Body", "title": "T", "author": "A B", "date": "2020-01-02", "seconds": 0.5})"
      "\n";
  const Result<HtmlPeerRun> run = ParseHtmlPeerResults(output, 2);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->pages.size(), 2u);
  EXPECT_EQ(run->pages[0].text, "Body");
  EXPECT_EQ(run->pages[0].title, "T");
  EXPECT_EQ(run->pages[0].date, "2020-01-02");
  EXPECT_EQ(run->pages[0].authors, std::vector<std::string>{"A B"});
  EXPECT_FALSE(run->pages[1].text.has_value());
  EXPECT_EQ(run->failed, 1u);
  EXPECT_DOUBLE_EQ(run->cpu_seconds, 0.5);
}

TEST(HtmlPeerTest, RejectsMissingUnknownAndRepeatedPages) {
  EXPECT_FALSE(ParseHtmlPeerResults(R"({"id": "0", "text": "x"})", 2).ok());
  EXPECT_FALSE(ParseHtmlPeerResults(R"({"id": "7", "text": "x"})", 1).ok());
  EXPECT_FALSE(
      ParseHtmlPeerResults("{\"id\": \"0\", \"text\": \"x\"}\n{\"id\": \"0\", \"text\": \"x\"}", 1)
          .ok());
  EXPECT_FALSE(ParseHtmlPeerResults("not json", 1).ok());
}

TEST(HtmlPeerTest, JobsNamePagesByIndex) {
  pipeline::HtmlLabel label;
  label.url = "https://example.org/a";
  label.path = "/x/pages/a.html.gz";
  EXPECT_EQ(HtmlPeerJobs({label}),
            R"([{"id":"0","path":"/x/pages/a.html.gz","url":"https://example.org/a"}])");
}

TEST(HtmlPeerTest, UnknownPeerIsRejected) {
  EXPECT_FALSE(HtmlPeerName("boilerpipe", testing::SourcePath("eval/html-peers")).ok());
}

// Each installed peer runs on a small page and finds its article and title
// (what it keeps around them is its own affair).
TEST(HtmlPeerTest, LiveRunsExtractTheArticle) {
  const std::string dir = testing::SourcePath("eval/html-peers");
  const std::filesystem::path page =
      std::filesystem::temp_directory_path() /
      ("storyline-html-peer-test-" + std::to_string(::getpid()) + ".html");
  std::string paragraphs;
  for (int i = 0; i < 6; ++i) {
    paragraphs +=
        "<p>The harbour authority said on Monday that the new quay, built over three years "
        "with money from the port's own reserves, will open to container ships in May.</p>";
  }
  std::ofstream(page) << "<html><head><title>Quay opens</title></head><body>"
                         "<nav><a href='/'>Home</a> <a href='/news'>News menu</a></nav>"
                         "<article><h1>Quay opens</h1>"
                      << paragraphs << "</article></body></html>";
  pipeline::HtmlLabel label;
  label.url = "https://example.org/quay";
  label.path = page.string();
  int ran = 0;
  for (const std::string& peer : HtmlPeers()) {
    if (!HtmlPeerName(peer, dir).ok()) continue;
    ++ran;
    const Result<HtmlPeerRun> run = RunHtmlPeer(peer, dir, {label});
    ASSERT_TRUE(run.ok()) << peer << ": " << run.status().ToString();
    ASSERT_TRUE(run->pages[0].text.has_value()) << peer;
    EXPECT_NE(run->pages[0].text->find("open to container ships in May"), std::string::npos)
        << peer;
    EXPECT_EQ(run->pages[0].title, "Quay opens") << peer;
  }
  std::filesystem::remove(page);
  if (ran == 0) GTEST_SKIP() << "no HTML peer installed (scripts/install-peers)";
}

}  // namespace
}  // namespace storyline::eval
