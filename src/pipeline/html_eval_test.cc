// The HTML extraction scorer (pipeline/html_eval.h): exact counts on labelled
// pages written here, as trafilatura's evaluation counts them.
#include "pipeline/html_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/data_files.h"

namespace storyline::pipeline {
namespace {

HtmlLabel Label(std::vector<std::string> with, std::vector<std::string> without) {
  HtmlLabel label;
  label.url = "https://example.org/a";
  label.with = std::move(with);
  label.without = std::move(without);
  return label;
}

HtmlExtraction Text(std::string text) {
  HtmlExtraction extraction;
  extraction.text = std::move(text);
  return extraction;
}

TEST(HtmlEvalTest, CountsEachSnippetOfAPage) {
  const HtmlLabel label = Label({"The quay opens in May.", "Ships wait offshore"},
                                {"Subscribe to our newsletter", "Related stories"});
  const PageScore score =
      ScorePage(label, Text("The quay opens in May.\nShips queue.\nSubscribe to our newsletter"));
  EXPECT_EQ(score.counts.tp, 1u);
  EXPECT_EQ(score.counts.fn, 1u);
  EXPECT_EQ(score.counts.fp, 1u);
  EXPECT_EQ(score.counts.tn, 1u);
  EXPECT_EQ(score.missed, std::vector<std::string>{"Ships wait offshore"});
  EXPECT_EQ(score.unwanted, std::vector<std::string>{"Subscribe to our newsletter"});
  EXPECT_DOUBLE_EQ(score.counts.precision(), 0.5);
  EXPECT_DOUBLE_EQ(score.counts.recall(), 0.5);
  EXPECT_DOUBLE_EQ(score.counts.f1(), 0.5);
  EXPECT_DOUBLE_EQ(score.counts.accuracy(), 0.5);
}

TEST(HtmlEvalTest, TotalsGiveTrafilaturasFigures) {
  HtmlScores scores;
  scores.Add(Label({"a b", "c d"}, {"x y", "z w"}), Text("a b c d"));  // TP 2, TN 2
  scores.Add(Label({"e f"}, {"g h"}), Text("g h"));                    // FN 1, FP 1
  EXPECT_EQ(scores.pages, 2u);
  EXPECT_EQ(scores.counts.tp, 2u);
  EXPECT_EQ(scores.counts.fp, 1u);
  EXPECT_EQ(scores.counts.fn, 1u);
  EXPECT_EQ(scores.counts.tn, 2u);
  EXPECT_DOUBLE_EQ(scores.counts.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(scores.counts.recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(scores.counts.f1(), 4.0 / 6);
  EXPECT_DOUBLE_EQ(scores.counts.accuracy(), 4.0 / 6);
}

TEST(HtmlEvalTest, WhiteSpaceRunsCountAsOneSpace) {
  EXPECT_EQ(CollapseWhitespace("  one\n\ttwo \xC2\xA0 three \n"), "one two three");
  const HtmlLabel label = Label({"opens in\nMay", " two  words "}, {"Read more"});
  const PageScore score = ScorePage(label, Text("It opens\n  in \xC2\xA0May.\ntwo\twords\nRead\n"));
  EXPECT_EQ(score.counts.tp, 2u);
  EXPECT_EQ(score.counts.fn, 0u);
  EXPECT_EQ(score.counts.tn, 1u);  // "Read" and "more" are not together
  // Nothing else is normalised: case and punctuation count.
  EXPECT_EQ(ScorePage(Label({"opens in may"}, {}), Text("opens in May")).counts.fn, 1u);
}

TEST(HtmlEvalTest, NothingExtractedMissesEveryWithAndAvoidsEveryWithout) {
  const HtmlLabel label = Label({"a", "b", "c"}, {"d", "e"});
  for (const HtmlExtraction& nothing : {HtmlExtraction{}, Text("")}) {
    HtmlScores scores;
    const PageScore score = scores.Add(label, nothing);
    EXPECT_EQ(score.counts.tp, 0u);
    EXPECT_EQ(score.counts.fn, 3u);
    EXPECT_EQ(score.counts.fp, 0u);
    EXPECT_EQ(score.counts.tn, 2u);
    EXPECT_EQ(scores.empty, 1u);
    EXPECT_DOUBLE_EQ(scores.counts.precision(), 0);
    EXPECT_DOUBLE_EQ(scores.counts.f1(), 0);
  }
}

TEST(HtmlEvalTest, MetadataIsScoredOverLabelledPages) {
  EXPECT_TRUE(TitleMatches("Quay  opens\n", " Quay opens"));
  EXPECT_FALSE(TitleMatches("Quay opens", "Quay opens | Harbour News"));
  EXPECT_TRUE(TitleMatches("QUAY OPENS IN MÜNSTER", "Quay opens in Münster"));
  EXPECT_FALSE(TitleMatches("Quay opens", "Quay opened"));
  // A letter written as two code points (e and a combining acute) is the
  // same letter written as one.
  EXPECT_TRUE(TitleMatches("Quay opens in Cre\u0301py", "Quay opens in Cr\u00E9py"));
  EXPECT_TRUE(DateMatches("2019-08-02", "2019-08-02T10:00:00+02:00"));
  EXPECT_FALSE(DateMatches("2019-08-02", "2019-08-03"));
  EXPECT_FALSE(DateMatches("2019-08-02", ""));
  EXPECT_TRUE(AuthorMatches("Daniel Lemire", {"daniel lemire"}));
  EXPECT_TRUE(AuthorMatches("Anna Müller; Ben Ode", {"ANNA MÜLLER", "Ben Ode"}));
  EXPECT_FALSE(AuthorMatches("Anna Müller; Ben Ode", {"Anna Müller"}));

  HtmlScores scores;
  HtmlLabel labelled = Label({"x"}, {});
  labelled.title = "Quay opens";
  labelled.date = "2019-08-02";
  labelled.author = "Ann Lee";
  HtmlExtraction right = Text("x");
  right.title = "Quay opens";
  right.date = "2019-08-02";
  right.authors = {"Ann Lee"};
  scores.Add(labelled, right);
  scores.Add(labelled, Text("x"));      // labelled, nothing found: wrong
  scores.Add(Label({"x"}, {}), right);  // unlabelled: not counted
  EXPECT_EQ(scores.title.labelled, 2u);
  EXPECT_EQ(scores.title.right, 1u);
  EXPECT_EQ(scores.date.labelled, 2u);
  EXPECT_EQ(scores.date.right, 1u);
  EXPECT_EQ(scores.author.labelled, 2u);
  EXPECT_EQ(scores.author.right, 1u);
  EXPECT_DOUBLE_EQ(scores.author.accuracy(), 0.5);
}

TEST(HtmlEvalTest, ReadsTheSetAndExtractsItsPages) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("storyline-html-eval-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "pages");
  std::ofstream(dir / "evaldata.json")
      << R"({"https://example.org/b": {"file": "b.html", "with": ["container ships in May"],
             "without": ["News menu"], "title": "Quay opens", "author": ["Ann Lee", "Bo Ek"]},
             "https://example.org/a": {"file": "missing.html", "with": ["x"], "without": []}})";
  std::string paragraphs;
  for (int i = 0; i < 6; ++i) {
    paragraphs +=
        "<p>The harbour authority said on Monday that the new quay, built over three years "
        "with money from the port's own reserves, will open to container ships in May.</p>";
  }
  std::ofstream(dir / "pages" / "b.html")
      << "<html><head><meta charset='utf-8'><title>Quay opens</title></head><body>"
         "<nav><a href='/'>Home</a> <a href='/news'>News menu</a></nav><article>"
      << paragraphs << "</article></body></html>";
  const Result<std::vector<HtmlLabel>> labels = ReadHtmlSet(dir.string());
  ASSERT_TRUE(labels.ok()) << labels.status().ToString();
  ASSERT_EQ(labels->size(), 2u);
  EXPECT_EQ((*labels)[0].url, "https://example.org/b");  // the file's order
  EXPECT_EQ((*labels)[0].path, (dir / "pages" / "b.html").string());
  EXPECT_EQ((*labels)[0].author, "Ann Lee; Bo Ek");
  EXPECT_EQ((*labels)[1].title, "");

  const Result<html::Extractor> extractor = html::Extractor::Create({}, DataFiles{});
  ASSERT_TRUE(extractor.ok());
  const HtmlRun run = ExtractHtmlPages(*labels, *extractor, 2);
  ASSERT_EQ(run.pages.size(), 2u);
  ASSERT_EQ(run.unread.size(), 1u);
  EXPECT_FALSE(run.pages[1].text.has_value());
  HtmlScores scores;
  const PageScore page = scores.Add((*labels)[0], run.pages[0]);
  EXPECT_EQ(page.counts.tp, 1u) << run.pages[0].text.value_or("(nothing)");
  EXPECT_EQ(page.counts.tn, 1u);
  EXPECT_EQ(run.pages[0].title, "Quay opens");
  EXPECT_GT(run.cpu_seconds, 0);
  std::filesystem::remove_all(dir);
}

TEST(HtmlEvalTest, MissingSetIsNotFound) {
  EXPECT_EQ(ReadHtmlSet("/nonexistent/html-set").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace storyline::pipeline
