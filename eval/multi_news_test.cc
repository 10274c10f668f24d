#include "multi_news.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/test_util.h"

namespace storyline::eval {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(ParseCsv, QuotedFieldsHoldCommasNewlinesAndDoubledQuotes) {
  EXPECT_EQ(ParseCsv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n"),
            (Rows{{"a", "b,c", "say \"hi\""}, {"1", "two\nlines", "3"}}));
}

TEST(ParseCsv, KeepsEmptyFieldsAndALastLineWithoutNewline) {
  EXPECT_EQ(ParseCsv("a,,\n,b"), (Rows{{"a", "", ""}, {"", "b"}}));
}

TEST(ParsePythonList, ReadsBothQuoteStylesAndTheirEscapes) {
  EXPECT_EQ(ParsePythonList(R"(['it\'s, said', "say \"x\"", 'back\\slash'])"),
            (std::vector<std::string>{"it's, said", "say \"x\"", "back\\slash"}));
}

TEST(ParsePythonList, DecodesControlAndCodePointEscapesToUtf8) {
  EXPECT_EQ(ParsePythonList(R"(['a\nb\tc', 'caf\xe9', '\u2019s', "it's"])"),
            (std::vector<std::string>{"a\nb\tc", "caf\xC3\xA9", "\xE2\x80\x99s", "it's"}));
}

TEST(ParsePythonList, AnEmptyListHasNoItems) { EXPECT_TRUE(ParsePythonList("[]").empty()); }

class ReadMultiNewsTest : public ingest::testing::TempDirTest {
 protected:
  ReadMultiNewsTest() : TempDirTest("multi_news_test_") {}
};

TEST_F(ReadMultiNewsTest, ReadsDocumentsAndSummaryByColumnName) {
  const std::string path = Write("sample.csv",
                                 "summary,num_documents,documents\n"
                                 "\"Two, together.\",2,\"['First \\'one\\'.', \"\"Second.\"\"]\"\n"
                                 "Alone.,1,['Only.']\n");
  const Result<std::vector<MultiNewsRow>> rows = ReadMultiNews(path);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].documents, (std::vector<std::string>{"First 'one'.", "Second."}));
  EXPECT_EQ((*rows)[0].summary, "Two, together.");
  EXPECT_EQ((*rows)[1].documents, (std::vector<std::string>{"Only."}));
  EXPECT_EQ((*rows)[1].summary, "Alone.");
}

TEST_F(ReadMultiNewsTest, AMissingFileIsNotFound) {
  const std::string path = (dir_ / "absent.csv").string();
  const Result<std::vector<MultiNewsRow>> rows = ReadMultiNews(path);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(rows.status().message(), "cannot read " + path);
}

TEST_F(ReadMultiNewsTest, AMissingColumnIsNamed) {
  const std::string path = Write("sample.csv", "documents,num_documents\n['a'],1\n");
  const Result<std::vector<MultiNewsRow>> rows = ReadMultiNews(path);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(rows.status().message(), path + ": no 'summary' column");
}

TEST_F(ReadMultiNewsTest, AShortRowIsAnError) {
  const std::string path = Write("sample.csv", "documents,summary\n['a'],A.\n['b']\n");
  const Result<std::vector<MultiNewsRow>> rows = ReadMultiNews(path);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().message(), path + ": row 2 has fewer fields (1) than the header (2)");
}

}  // namespace
}  // namespace storyline::eval
