// The offline report's page: the app's files put in place of the elements
// that name them, nothing able to close its element early.
#include "serve/report.h"

#include <gtest/gtest.h>

namespace storyline::serve {
namespace {

const EmbeddedFile kFiles[] = {
    {"app.css", "main { color: red } /* </style> */"},
    {"app.js", "var end = '</script>'; start();"},
    {"lib.js", "lib();"},
};

TEST(InlineAssetsTest, PutsEachFileInPlaceAndTheDataFirst) {
  const std::string html =
      "<head><link rel=\"stylesheet\" href=\"/app.css\"></head>"
      "<body><script src=\"/lib.js\"></script><script src=\"/app.js\"></script></body>";
  Result<std::string> page = InlineAssets(html, kFiles, "window.DATA = {\"a\": \"</SCRIPT>\"};");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(*page,
            "<head><style>main { color: red } /* <\\/style> */</style></head>"
            "<body><script>window.DATA = {\"a\": \"<\\/SCRIPT>\"};</script>\n    "
            "<script>lib();</script><script>var end = '<\\/script>'; start();</script></body>");
}

TEST(InlineAssetsTest, AFileThePageNamesMustBeThere) {
  const Result<std::string> missing =
      InlineAssets("<script src=\"/absent.js\"></script>", kFiles, "");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("absent.js"), std::string::npos);
  EXPECT_FALSE(InlineAssets("<p>no scripts</p>", kFiles, "").ok());
  // A trailing "</" at the very end is copied, not read past.
  Result<std::string> edge = InlineAssets("<script src=\"/lib.js\"></script>", kFiles, "x </");
  ASSERT_TRUE(edge.ok());
  EXPECT_EQ(*edge, "<script>x </</script>\n    <script>lib();</script>");
}

}  // namespace
}  // namespace storyline::serve
