#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "actors/actors.h"

namespace storyline::actors {
namespace {

using Words = std::vector<std::string>;

const Dictionary& Ours() {
  static const Dictionary* dictionary = [] {
    Result<Dictionary> loaded = Dictionary::Create({}, DataFiles{});
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new Dictionary(std::move(loaded).value());
  }();
  return *dictionary;
}

std::optional<CivilDay> Day(std::string_view iso) { return CivilDay::FromIso(iso); }

Description Named(std::string type, Words name) {
  Description description;
  description.type = std::move(type);
  description.names = {std::move(name)};
  return description;
}

const NameEntry* Name(const Dictionary& dictionary, Words words) {
  const Match<NameEntry> match = dictionary.MatchName(words);
  return match && match.words == words.size() ? match.entry : nullptr;
}

const AgentEntry* Role(const Dictionary& dictionary, Words words) {
  const Match<AgentEntry> match = dictionary.MatchAgent(words);
  return match && match.words == words.size() ? match.entry : nullptr;
}

TEST(NormalizeWord, LowersCaseAndTypographicApostrophes) {
  EXPECT_EQ(NormalizeWord("NATO"), "nato");
  EXPECT_EQ(NormalizeWord("\xE2\x80\x99s"), "'s");
  EXPECT_EQ(NormalizeWord("Z\xC3\x9CRICH"), "z\xC3\xBCrich");
  EXPECT_EQ(NormalizeWord("U.S."), "u.s.");
}

TEST(Resolve, GivesAPersonTheCodeOfTheOfficeHeldOnTheArticlesDay) {
  const std::optional<ActorCode> code =
      Ours().Resolve(Named("PER", {"wang", "yi"}), Day("2021-09-28"));
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code, "CHNGOV");
  EXPECT_EQ(code->how, "person");
  EXPECT_TRUE(code->evidence.starts_with("actors/people.tsv:")) << code->evidence;
}

TEST(Resolve, GivesNoGovernmentCodeOutsideTheOfficesDates) {
  EXPECT_FALSE(Ours().Resolve(Named("PER", {"wang", "yi"}), Day("2005-06-01")).has_value());
  EXPECT_FALSE(Ours().Resolve(Named("PER", {"wang", "yi"}), std::nullopt).has_value());
}

TEST(Resolve, FollowsAPersonFromOneOfficeToTheNext) {
  const Description stoltenberg = Named("PER", {"jens", "stoltenberg"});
  EXPECT_EQ(Ours().Resolve(stoltenberg, Day("2010-01-01"))->code, "NORGOV");
  EXPECT_EQ(Ours().Resolve(stoltenberg, Day("2021-09-27"))->code, "IGOWSTNAT");
}

TEST(Resolve, CodesOrganisationsGroupsAndCountriesFromTheDictionary) {
  const std::optional<ActorCode> nato = Ours().Resolve(Named("ORG", {"nato"}), Day("2021-09-27"));
  ASSERT_TRUE(nato.has_value());
  EXPECT_EQ(nato->code, "IGOWSTNAT");
  EXPECT_EQ(nato->how, "dictionary");
  const std::optional<ActorCode> taliban = Ours().Resolve(Named("ORG", {"taliban"}), std::nullopt);
  ASSERT_TRUE(taliban.has_value());
  EXPECT_EQ(taliban->code, "AFGREB");
  EXPECT_EQ(Name(Ours(), {"taliban"})->kind, NameKind::kGroup);
  EXPECT_EQ(Ours().Resolve(Named("LOC", {"china"}), std::nullopt)->code, "CHN");
}

TEST(Resolve, ACapitalStandsForItsCountry) {
  const std::optional<ActorCode> beijing = Ours().Resolve(Named("LOC", {"beijing"}), std::nullopt);
  ASSERT_TRUE(beijing.has_value());
  EXPECT_EQ(beijing->code, "CHN");
  EXPECT_EQ(beijing->how, "capital");
}

TEST(Resolve, AnAdjectiveIsItsCountry) {
  const std::optional<ActorCode> chinese = Ours().Resolve(Named("MISC", {"chinese"}), std::nullopt);
  ASSERT_TRUE(chinese.has_value());
  EXPECT_EQ(chinese->code, "CHN");
  EXPECT_EQ(chinese->how, "demonym");
}

TEST(Resolve, JoinsACountryAndARoleNoun) {
  Description ministry = Named("ORG", {"foreign", "ministry"});
  ministry.role = Role(Ours(), {"foreign", "ministry"});
  ministry.role_phrase = "Foreign Ministry";
  ministry.affiliation = Name(Ours(), {"chinese"});
  ASSERT_NE(ministry.role, nullptr);
  ASSERT_NE(ministry.affiliation, nullptr);
  const std::optional<ActorCode> code = Ours().Resolve(ministry, std::nullopt);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code, "CHNGOV");
  EXPECT_EQ(code->how, "role");
  EXPECT_EQ(code->evidence, "Foreign Ministry");
}

TEST(Resolve, ASpokesmanSpeaksForHisOrganisation) {
  Description spokesman;
  spokesman.type = "PER";
  spokesman.role = Role(Ours(), {"spokesman"});
  ASSERT_NE(spokesman.role, nullptr);
  EXPECT_FALSE(Ours().Resolve(spokesman, std::nullopt).has_value());  // whose spokesman?
  spokesman.affiliation = Name(Ours(), {"taliban"});
  EXPECT_EQ(Ours().Resolve(spokesman, std::nullopt)->code, "AFGREB");
}

TEST(Resolve, ARoleWithoutACountryIsItsAgentCodeAlone) {
  Description minister;
  minister.type = "PER";
  minister.role = Role(Ours(), {"foreign", "minister"});
  ASSERT_NE(minister.role, nullptr);
  EXPECT_EQ(Ours().Resolve(minister, std::nullopt)->code, "GOV");
}

TEST(Resolve, ARoleTakesTheEntitysOwnCountryWhenNothingQualifiesIt) {
  Description wang = Named("PER", {"wang", "yi"});
  wang.role = Role(Ours(), {"foreign", "minister"});
  wang.role_phrase = "Foreign Minister";
  wang.country = "CHN";
  const std::optional<ActorCode> code = Ours().Resolve(wang, std::nullopt);  // no date
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code, "CHNGOV");
  EXPECT_EQ(code->how, "role");
}

TEST(MatchName, FindsTheLongestEntryAtTheStart) {
  const Match<NameEntry> match =
      Ours().MatchName(Words{"north", "atlantic", "treaty", "organization", "said"});
  ASSERT_TRUE(match);
  EXPECT_EQ(match.words, 4u);
  EXPECT_EQ(match.entry->codes.front().code, "IGOWSTNAT");
  EXPECT_FALSE(Ours().MatchName(Words{"said", "nato"}));
}

TEST(CountryName, NamesACodeByOurCountryList) {
  EXPECT_EQ(Ours().CountryName("CHN"), "china");
  EXPECT_EQ(Ours().CountryName("XXX"), "");
}

// A user's dictionaries replace ours: written here in TABARI's format.
class UserDictionaryFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("storyline_actors_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    Write("zel.actors", "ZELARIA_ [ZEL]\nOTTO_KRANZ_ [ZELGOV 200101-211231]\n");
    Write("zel.agents", "MINISTER_ [~GOV]\nCHARITY_ [NGO~]\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& contents) {
    std::ofstream(dir_ / name) << contents;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(UserDictionaryFiles, ReplaceOursWhenNamed) {
  Options options;
  options.actor_files = {Path("zel.actors")};
  options.agent_files = {Path("zel.agents")};
  Result<Dictionary> dictionary = Dictionary::Create(options, DataFiles{});
  ASSERT_TRUE(dictionary.ok()) << dictionary.status().ToString();
  EXPECT_EQ(Name(*dictionary, {"nato"}), nullptr);
  EXPECT_EQ(dictionary->Resolve(Named("PER", {"otto", "kranz"}), Day("2020-05-01"))->code,
            "ZELGOV");
  EXPECT_FALSE(dictionary->Resolve(Named("PER", {"otto", "kranz"}), Day("2022-05-01")));
  Description charity;
  charity.type = "ORG";
  charity.role = Role(*dictionary, {"charity"});
  charity.affiliation = Name(*dictionary, {"zelaria"});
  ASSERT_NE(charity.role, nullptr);
  EXPECT_EQ(dictionary->Resolve(charity, std::nullopt)->code, "NGOZEL");
  EXPECT_EQ(dictionary->CountryName("CHN"), "china");  // our country names stay
}

TEST_F(UserDictionaryFiles, AMalformedLineIsAnErrorWithFileAndLine) {
  Write("bad.actors", "ZELARIA_ [ZEL]\nVARNA_ [VRN\n");
  Options options;
  options.actor_files = {Path("bad.actors")};
  Result<Dictionary> dictionary = Dictionary::Create(options, DataFiles{});
  ASSERT_FALSE(dictionary.ok());
  EXPECT_EQ(dictionary.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(dictionary.status().message(), Path("bad.actors") + ":2: unclosed '[' in code");
}

TEST_F(UserDictionaryFiles, AMissingFileIsNotFound) {
  Options options;
  options.agent_files = {Path("absent.agents")};
  Result<Dictionary> dictionary = Dictionary::Create(options, DataFiles{});
  ASSERT_FALSE(dictionary.ok());
  EXPECT_EQ(dictionary.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace storyline::actors
