// The extractor as a whole: what libxml2's parser is set up to keep.
#include <gtest/gtest.h>

#include <string>

#include "html/html.h"

namespace storyline::html {
namespace {

constexpr const char* kParagraph =
    "<p>The Veyra harbour board voted on Tuesday to rebuild the north pier, which storms "
    "damaged twice last winter, at a cost of four million crowns, its chair said.</p>";

// The parser files no IDs (XML_SKIP_IDS): id attributes are still read as
// attributes, also when a page repeats one, as pages do.
TEST(ExtractorTest, ReadsIdAttributesAlsoWhenRepeated) {
  Result<Extractor> extractor = Extractor::Create({}, DataFiles());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  // The comments are inside the article: only their id's drop cue removes them.
  const std::string page = std::string("<html><body><article id='story'>") + kParagraph +
                           kParagraph + "<div id='comments'>Great piece, thanks!</div>" +
                           "<div id='comments'>I disagree with the board.</div></article>" +
                           "</body></html>";
  const Page first = extractor->Extract(page, {});
  EXPECT_NE(first.text.find("north pier"), std::string::npos) << first.text;
  EXPECT_EQ(first.text.find("Great piece"), std::string::npos) << first.text;
  EXPECT_EQ(first.text.find("I disagree"), std::string::npos) << first.text;
  // A second page in a row gives the same.
  EXPECT_EQ(extractor->Extract(page, {}).text, first.text);
}

}  // namespace
}  // namespace storyline::html
