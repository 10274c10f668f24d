#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tagger/tagger.h"

namespace storyline::tagger {
namespace {

TEST(Gazetteer, ReadsAListInOrder) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer
                  .AddList("gazetteer/written.tsv",
                           "# people and firms\n"
                           "given_name\tAnna\n"
                           "\n"
                           "org_designator\tHoldings\n"
                           "title\tPrime  Minister\r\n"
                           "given_name\tANNA\n")  // the same phrase, ignoring case
                  .ok());
  EXPECT_EQ(gazetteer.categories(),
            (std::vector<std::string>{"given_name", "org_designator", "title"}));
  EXPECT_EQ(gazetteer.size(), 3u);
}

TEST(Gazetteer, KeepsOnePhraseInSeveralCategories) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer.Add("city", {"Jordan"}).ok());
  ASSERT_TRUE(gazetteer.Add("given_name", {"Jordan"}).ok());
  ASSERT_TRUE(gazetteer.Add("city", {"jordan"}).ok());
  EXPECT_EQ(gazetteer.size(), 2u);
}

TEST(Gazetteer, NamesTheLineOfAMalformedRow) {
  Gazetteer gazetteer;
  Status status = gazetteer.AddList("gazetteer/written.tsv", "given_name\tAnna\ngiven_name Bo\n");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "gazetteer/written.tsv:2: expected category<TAB>phrase");
  EXPECT_EQ(gazetteer.AddList("gazetteer/written.tsv", "title\tMr.\textra\n").message(),
            "gazetteer/written.tsv:1: expected category<TAB>phrase");
  EXPECT_EQ(gazetteer.AddList("gazetteer/written.tsv", "title\t  \n").message(),
            "gazetteer/written.tsv:1: expected category<TAB>phrase");
  EXPECT_EQ(gazetteer.AddList("gazetteer/written.tsv", "\ngiven name\tBo\n").message(),
            "gazetteer/written.tsv:2: bad category 'given name'");
}

TEST(Gazetteer, RefusesBadPhrases) {
  Gazetteer gazetteer;
  EXPECT_EQ(gazetteer.Add("city", {}).message(), "a phrase needs at least one word");
  EXPECT_EQ(gazetteer.Add("city", {"Port", ""}).message(), "bad word ''");
  EXPECT_EQ(gazetteer.Add("city", {"Port Ellis"}).message(), "bad word 'Port Ellis'");
  EXPECT_EQ(gazetteer.Add("", {"Ellis"}).message(), "bad category ''");
  EXPECT_EQ(gazetteer.size(), 0u);
}

TEST(Gazetteer, HoldsAtMost63Categories) {
  Gazetteer gazetteer;
  for (int i = 0; i < 63; ++i) {
    std::string category = "c";
    category += std::to_string(i);
    ASSERT_TRUE(gazetteer.Add(category, {"x"}).ok());
  }
  const Status status = gazetteer.Add("one_more", {"x"});
  EXPECT_EQ(status.message(), "more than 63 categories");
  EXPECT_EQ(gazetteer.categories().size(), 63u);
}

TEST(Gazetteer, CopiesAreIndependent) {
  Gazetteer original;
  ASSERT_TRUE(original.Add("city", {"Varnholm"}).ok());
  Gazetteer copy = original;
  ASSERT_TRUE(copy.Add("city", {"Dunmore"}).ok());
  EXPECT_EQ(original.size(), 1u);
  EXPECT_EQ(copy.size(), 2u);
}

TEST(Gazetteer, ReadsTheShippedLists) {
  Result<Gazetteer> gazetteer = Gazetteer::FromLists(DataFiles{});
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  size_t lists = 0;
  for (const std::string& name : DataFiles::EmbeddedNames()) {
    lists += name.starts_with(kGazetteerFolder) && name.ends_with(".tsv");
  }
  if (lists == 0) GTEST_SKIP() << "no gazetteer lists are compiled in";
  EXPECT_GT(gazetteer->size(), 0u);
}

TEST(Gazetteer, NamesTheListOfAnOverrideFolderInErrors) {
  std::string first_list;
  for (const std::string& name : DataFiles::EmbeddedNames()) {
    if (name.starts_with(kGazetteerFolder) && name.ends_with(".tsv")) {
      first_list = name;
      break;
    }
  }
  if (first_list.empty()) GTEST_SKIP() << "no gazetteer lists are compiled in";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("tagger_gazetteer_test_" + std::to_string(getpid()));
  std::filesystem::create_directories((dir / first_list).parent_path());
  std::ofstream(dir / first_list) << "# replaced\nno tab here\n";
  Result<Gazetteer> gazetteer = Gazetteer::FromLists(DataFiles{dir.string()});
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.status().message(), first_list + ":2: expected category<TAB>phrase");
}

}  // namespace
}  // namespace storyline::tagger
