// Web pages through the cleaner: the page's text and metadata become the
// article's, and the publication date falls back from the page to the
// container and the capture day.
#include <gtest/gtest.h>

#include <string>

#include "clean/clean.h"
#include "clean/test_util.h"

namespace storyline::clean {
namespace {

using ::storyline::clean::testing::DefaultCleaner;

constexpr const char* kBody =
    "<p>The Lonn Island ferry will run twice a day from Monday, the Veyra harbour board said, "
    "after the north pier reopened ahead of schedule.</p><p>Fares stay at four crowns.</p>";

RawDocument Page(std::string markup, std::string url) {
  RawDocument doc;
  doc.id = "00000000000000000000000000000001";
  doc.origin = "crawl.warc.gz@460";
  doc.format = "html";
  doc.text = std::move(markup);
  doc.url = std::move(url);
  return doc;
}

TEST(PageTest, DatesAPageByItsUrlBeforeItsCaptureDay) {
  // Regression: the URL was moved into the article before the page was read,
  // so a date only in the URL was lost and the capture day taken instead.
  RawDocument doc = Page(std::string("<html><body><article><h1>Ferry back on two runs a day</h1>") +
                             kBody + "</article></body></html>",
                         "https://veyra-courier.example/2031/04/14/ferry-timetable");
  doc.captured = "2031-04-16T08:00:00Z";
  const Article article = DefaultCleaner().Clean(std::move(doc));
  EXPECT_EQ(article.published.value, "2031-04-14");
  EXPECT_EQ(article.published.how, DateHow::kMetadata);
  EXPECT_EQ(article.url, "https://veyra-courier.example/2031/04/14/ferry-timetable");
  EXPECT_EQ(article.title, "Ferry back on two runs a day");
  EXPECT_EQ(article.text,
            "The Lonn Island ferry will run twice a day from Monday, the Veyra harbour board said, "
            "after the north pier reopened ahead of schedule.\nFares stay at four crowns.");
}

TEST(PageTest, FallsBackToTheCaptureDay) {
  RawDocument doc = Page(std::string("<html><body><article>") + kBody + "</article></body></html>",
                         "https://veyra-courier.example/ferry-timetable");
  doc.captured = "2031-04-16T08:00:00Z";
  const Article article = DefaultCleaner().Clean(std::move(doc));
  EXPECT_EQ(article.published.value, "2031-04-16");
  EXPECT_EQ(article.published.how, DateHow::kCapture);
  EXPECT_EQ(article.published.evidence, std::vector<std::string>{"WARC-Date 2031-04-16T08:00:00Z"});
}

TEST(PageTest, PageMetadataFillsWhatTheContainerLeftEmpty) {
  RawDocument doc = Page(
      std::string("<html lang='en'><head><meta property='og:site_name' content='Veyra Courier'>"
                  "<link rel='canonical' href='https://veyra-courier.example/ferry'>"
                  "<meta property='article:published_time' content='2031-04-14T09:30:00Z'>"
                  "</head><body><article>") +
          kBody + "</article></body></html>",
      "");
  doc.url.reset();
  doc.outlet = "Courier feed";
  const Article article = DefaultCleaner().Clean(std::move(doc));
  EXPECT_EQ(article.outlet, "Courier feed");  // the container's wins
  EXPECT_EQ(article.url, "https://veyra-courier.example/ferry");
  EXPECT_EQ(article.published.value, "2031-04-14");
  EXPECT_EQ(article.published.how, DateHow::kMetadata);
  bool has_site_name = false;
  for (const MetadataField& field : article.metadata) {
    if (field.field == "site_name") {
      has_site_name = true;
      EXPECT_EQ(field.value, "Veyra Courier");
      EXPECT_EQ(field.how, "meta");
    }
  }
  EXPECT_TRUE(has_site_name);
}

}  // namespace
}  // namespace storyline::clean
