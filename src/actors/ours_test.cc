// Tests of the readers of our actor dictionaries (ours.h) on snippets
// written for them, with fictional names, and of the files we ship.
#include "actors/ours.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/tsv.h"

namespace storyline::actors {
namespace {

using Words = std::vector<std::string>;

DatedCode Undated(std::string code) {
  return DatedCode{std::move(code), std::nullopt, std::nullopt};
}

CivilDay Day(std::string_view iso) { return *CivilDay::FromIso(iso); }

const NameEntry* FindName(const Entries& entries, const Words& words, NameKind kind) {
  const auto it = std::find_if(entries.names.begin(), entries.names.end(), [&](const NameEntry& e) {
    return e.words == words && e.kind == kind;
  });
  return it == entries.names.end() ? nullptr : &*it;
}

const AgentEntry* FindAgent(const Entries& entries, const Words& words) {
  const auto it = std::find_if(entries.agents.begin(), entries.agents.end(),
                               [&](const AgentEntry& e) { return e.words == words; });
  return it == entries.agents.end() ? nullptr : &*it;
}

std::string ErrorOf(Status (*reader)(std::string_view, std::string_view, Entries&),
                    std::string_view contents) {
  Entries entries;
  const Status status = reader("test.tsv", contents, entries);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  return status.message();
}

TEST(ReadPlaceNames, GivesEachRowItsKindCodeCountryAndSource) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("test.tsv",
                             "# fictional\n"
                             "ZLA\tname\tZelaria\n"
                             "ZLA\tcapital\tPort Amsel\n"
                             "\n"
                             "ZLA\tregion\tNorth Varna\n"
                             "ZLA\tcity\tSt. Ovid\n",
                             entries)
                  .ok());
  ASSERT_EQ(entries.names.size(), 4u);
  const NameEntry& country = entries.names[0];
  EXPECT_EQ(country.words, Words({"zelaria"}));
  EXPECT_EQ(country.kind, NameKind::kCountry);
  EXPECT_EQ(country.codes, std::vector<DatedCode>{Undated("ZLA")});
  EXPECT_EQ(country.country, "ZLA");
  EXPECT_EQ(country.source, "test.tsv:2");
  EXPECT_FALSE(country.last_is_stem);
  EXPECT_EQ(entries.names[1].words, Words({"port", "amsel"}));
  EXPECT_EQ(entries.names[1].kind, NameKind::kCapital);
  EXPECT_EQ(entries.names[1].source, "test.tsv:3");
  EXPECT_EQ(entries.names[2].kind, NameKind::kRegion);
  EXPECT_EQ(entries.names[2].source, "test.tsv:5");
  EXPECT_EQ(entries.names[3].words, Words({"st.", "ovid"}));
  EXPECT_EQ(entries.names[3].kind, NameKind::kPlace);
}

TEST(ReadPlaceNames, SplitsNamesAsTheWordTokenizerSplitsText) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("test.tsv",
                             "ZLA\tname\tPeople's Republic of Zelaria\n"
                             "ZLA\tname\tZ.R.\n"
                             "ZLA\tcapital\tCôte-d'Amsel\n"
                             "ZLA\tcapital\tOvid, D.Z.\n",
                             entries)
                  .ok());
  ASSERT_EQ(entries.names.size(), 4u);
  EXPECT_EQ(entries.names[0].words, Words({"people", "'s", "republic", "of", "zelaria"}));
  EXPECT_EQ(entries.names[1].words, Words({"z.r."}));
  EXPECT_EQ(entries.names[2].words, Words({"côte-d'amsel"}));
  EXPECT_EQ(entries.names[3].words, Words({"ovid", ",", "d.z."}));
}

TEST(ReadPlaceNames, AdjectivesAndDemonymsAlsoNameThePeopleInThePlural) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("test.tsv",
                             "ZLA\tadjective\tZelarian\n"
                             "ZLA\tadjective\tZelarese\n"
                             "ZLA\tadjective\tZelarish\n"
                             "ZLA\tdemonym\tZelarman\n"
                             "ZLA\tdemonym\tZelarmen\n"
                             "ZLA\tdemonym\tZelarite\n"
                             "ZLA\tdemonym\tZelarites\n"
                             "ZLA\tadjective\tSouth Zelarian\n",
                             entries)
                  .ok());
  std::vector<std::pair<Words, std::string>> got;
  for (const NameEntry& entry : entries.names) {
    EXPECT_EQ(entry.kind, NameKind::kAdjective);
    got.emplace_back(entry.words, entry.source);
  }
  const std::vector<std::pair<Words, std::string>> expected = {
      {{"zelarian"}, "test.tsv:1"},  {{"zelarese"}, "test.tsv:2"},
      {{"zelarish"}, "test.tsv:3"},  {{"zelarman"}, "test.tsv:4"},
      {{"zelarmen"}, "test.tsv:5"},  {{"zelarite"}, "test.tsv:6"},
      {{"zelarites"}, "test.tsv:7"}, {{"south", "zelarian"}, "test.tsv:8"},
      {{"zelarians"}, "test.tsv:1"}, {{"south", "zelarians"}, "test.tsv:8"},
  };
  EXPECT_EQ(got, expected);
}

TEST(ReadPlaceNames, ReportsMalformedRowsWithFileAndLine) {
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "ZLA\tname\n"), "test.tsv:1: expected 3 fields, got 2");
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "# c\nZLA\ttown\tOvid\n"),
            "test.tsv:2: unknown kind 'town' (expected name, adjective, demonym, capital, region "
            "or city)");
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "ZL\tcity\tOvid\n"),
            "test.tsv:1: bad country 'ZL' (expected 3 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "zla\tcity\tOvid\n"),
            "test.tsv:1: bad country 'zla' (expected 3 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "ZLA\tcity\t  \n"), "test.tsv:1: empty name");
  EXPECT_EQ(ErrorOf(ReadPlaceNames, "ZLA\tcity\tOvid\nZLA\tcity\tOVID\n"),
            "test.tsv:2: duplicate row 'OVID' (first on line 1)");
}

TEST(ReadPlaceNames, LeavesTheEntriesUnchangedOnError) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("a.tsv", "ZLA\tname\tZelaria\n", entries).ok());
  EXPECT_FALSE(ReadPlaceNames("b.tsv", "ZLA\tcity\tOvid\nZLA\tvillage\tAmsel\n", entries).ok());
  ASSERT_EQ(entries.names.size(), 1u);
  EXPECT_EQ(entries.names[0].source, "a.tsv:1");
}

TEST(ReadPlaceNames, ReadsInvalidUtf8WithoutFailing) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("test.tsv", "ZLA\tcity\tOv\xFFid\n", entries).ok());
  ASSERT_EQ(entries.names.size(), 1u);
  // The replacement character is a symbol: a word of its own.
  EXPECT_EQ(entries.names[0].words, Words({"ov", "\xEF\xBF\xBD", "id"}));
}

TEST(ReadOrganisations, GivesInternationalOnesNoCountryAndGroupsTheirKind) {
  Entries entries;
  ASSERT_TRUE(ReadOrganisations("orgs.tsv",
                                "IGOWSTNAT\tigo\tNATO|North Atlantic Treaty Organization\t\n"
                                "ZLAREB\tgroup\tVarna Front|VF\tZLA\n"
                                "ZLAMED\tbody\tZelaria Today\tZLA\n",
                                entries)
                  .ok());
  ASSERT_EQ(entries.names.size(), 5u);
  const NameEntry& nato = entries.names[0];
  EXPECT_EQ(nato.words, Words({"nato"}));
  EXPECT_EQ(nato.kind, NameKind::kOrganisation);
  EXPECT_EQ(nato.codes, std::vector<DatedCode>{Undated("IGOWSTNAT")});
  EXPECT_EQ(nato.country, "");
  EXPECT_EQ(nato.source, "orgs.tsv:1");
  EXPECT_EQ(entries.names[1].words, Words({"north", "atlantic", "treaty", "organization"}));
  EXPECT_EQ(entries.names[1].codes, std::vector<DatedCode>{Undated("IGOWSTNAT")});
  const NameEntry& front = entries.names[2];
  EXPECT_EQ(front.words, Words({"varna", "front"}));
  EXPECT_EQ(front.kind, NameKind::kGroup);
  EXPECT_EQ(front.codes, std::vector<DatedCode>{Undated("ZLAREB")});
  EXPECT_EQ(front.country, "ZLA");
  EXPECT_EQ(entries.names[3].words, Words({"vf"}));
  EXPECT_EQ(entries.names[4].kind, NameKind::kOrganisation);
  EXPECT_EQ(entries.names[4].country, "ZLA");
}

TEST(ReadOrganisations, ReportsMalformedRowsWithFileAndLine) {
  EXPECT_EQ(ErrorOf(ReadOrganisations, "IGOUNO\tigo\tUnited Nations\n"),
            "test.tsv:1: expected 4 fields, got 3");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "Igo\tigo\tUnited Nations\t\n"),
            "test.tsv:1: bad code 'Igo' (expected 3 to 15 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "IGOABCDEFGHIJKLM\tigo\tUnited Nations\t\n"),
            "test.tsv:1: bad code 'IGOABCDEFGHIJKLM' (expected 3 to 15 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "ZLAREB\tmilitia\tVarna Front\tZLA\n"),
            "test.tsv:1: unknown kind 'militia' (expected igo, ngo, group, party or body)");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "ZLAREB\tgroup\tVarna Front\tZelaria\n"),
            "test.tsv:1: bad country 'Zelaria' (expected 3 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "ZLAREB\tgroup\tVarna Front||VF\tZLA\n"),
            "test.tsv:1: empty name in 'Varna Front||VF'");
  EXPECT_EQ(ErrorOf(ReadOrganisations, "ZLAREB\tgroup\tVF\tZLA\nZLAREB\tgroup\tVf\tZLA\n"),
            "test.tsv:2: duplicate name 'vf' for ZLAREB (first on line 1)");
}

TEST(ReadRoles, ReadsNounsWithCodeRoleKindAndRegularPlurals) {
  Entries entries;
  ASSERT_TRUE(ReadRoles("roles.tsv",
                        "GOV\tperson\tforeign minister|secretary\tforeign minister\n"
                        "GOV\tbody\tministry\tministry\n"
                        "-\tperson\tspokesman|spokesmen|chief of staff\tspokesperson\n"
                        "MIL\tperson\tgeneral|generals\tgeneral\n",
                        entries)
                  .ok());
  std::vector<std::tuple<Words, std::string, std::string, bool, std::string>> got;
  for (const AgentEntry& agent : entries.agents) {
    EXPECT_FALSE(agent.prefix);
    EXPECT_FALSE(agent.last_is_stem);
    got.emplace_back(agent.words, agent.code, agent.role, agent.person, agent.source);
  }
  const std::vector<std::tuple<Words, std::string, std::string, bool, std::string>> expected = {
      {{"foreign", "minister"}, "GOV", "foreign minister", true, "roles.tsv:1"},
      {{"secretary"}, "GOV", "foreign minister", true, "roles.tsv:1"},
      {{"ministry"}, "GOV", "ministry", false, "roles.tsv:2"},
      {{"spokesman"}, "-", "spokesperson", true, "roles.tsv:3"},
      {{"spokesmen"}, "-", "spokesperson", true, "roles.tsv:3"},
      {{"chief", "of", "staff"}, "-", "spokesperson", true, "roles.tsv:3"},
      {{"general"}, "MIL", "general", true, "roles.tsv:4"},
      {{"generals"}, "MIL", "general", true, "roles.tsv:4"},
      {{"foreign", "ministers"}, "GOV", "foreign minister", true, "roles.tsv:1"},
      {{"secretaries"}, "GOV", "foreign minister", true, "roles.tsv:1"},
      {{"chiefs", "of", "staff"}, "-", "spokesperson", true, "roles.tsv:3"},
  };
  EXPECT_EQ(got, expected);
}

TEST(ReadRoles, ReportsMalformedRowsWithFileAndLine) {
  EXPECT_EQ(ErrorOf(ReadRoles, "GOV\tperson\tminister\n"), "test.tsv:1: expected 4 fields, got 3");
  EXPECT_EQ(ErrorOf(ReadRoles, "gov\tperson\tminister\tminister\n"),
            "test.tsv:1: bad code 'gov' (expected 3 to 15 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadRoles, "GOV\tpeople\tminister\tminister\n"),
            "test.tsv:1: unknown kind 'people' (expected person or body)");
  EXPECT_EQ(ErrorOf(ReadRoles, "GOV\tperson\tminister\t\n"), "test.tsv:1: empty role");
  EXPECT_EQ(ErrorOf(ReadRoles,
                    "GOV\tperson\tminister\tminister\n"
                    "# c\n"
                    "GOV\tbody\tcabinet|Minister\tcabinet\n"),
            "test.tsv:3: duplicate noun 'minister' (first on line 1)");
}

TEST(ReadPeople, MergesTheTermsOfOneNameIntoDatedCodes) {
  Entries entries;
  ASSERT_TRUE(
      ReadPeople("people.tsv",
                 "# Zelaria (ZLA)\n"
                 "Ana Varga|Ana M. Varga\tZLA\tZLAGOV\t2004-03-01\t2011-06-30\tprime minister\n"
                 "Ana Varga\tZLA\tIGOWSTNAT\t2014-10-01\t-\tsecretary general\n",
                 entries)
          .ok());
  ASSERT_EQ(entries.names.size(), 2u);
  const NameEntry& varga = entries.names[0];
  EXPECT_EQ(varga.words, Words({"ana", "varga"}));
  EXPECT_EQ(varga.kind, NameKind::kPerson);
  EXPECT_EQ(varga.country, "ZLA");
  EXPECT_EQ(varga.source, "people.tsv:2");
  const std::vector<DatedCode> codes = {
      {"ZLAGOV", Day("2004-03-01"), Day("2011-06-30")},
      {"IGOWSTNAT", Day("2014-10-01"), std::nullopt},
  };
  EXPECT_EQ(varga.codes, codes);
  EXPECT_EQ(varga.roles, std::vector<std::string>({"prime minister", "secretary general"}));
  const NameEntry& full = entries.names[1];
  EXPECT_EQ(full.words, Words({"ana", "m.", "varga"}));
  EXPECT_EQ(full.codes, std::vector<DatedCode>{codes[0]});
  EXPECT_EQ(full.roles, std::vector<std::string>{"prime minister"});
}

TEST(ReadPeople, ReportsMalformedRowsWithFileAndLine) {
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t2004-03-01\tprime minister\n"),
            "test.tsv:1: expected 6 fields, got 5");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZL\tZLAGOV\t2004-03-01\t-\tprime minister\n"),
            "test.tsv:1: bad country 'ZL' (expected 3 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLA-GOV\t2004-03-01\t-\tprime minister\n"),
            "test.tsv:1: bad code 'ZLA-GOV' (expected 3 to 15 upper-case letters)");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t2021-02-30\t-\tprime minister\n"),
            "test.tsv:1: bad date '2021-02-30' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t-\t-\tprime minister\n"),
            "test.tsv:1: bad date '-' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t2004-03-01\t2004-3-1\tprime minister\n"),
            "test.tsv:1: bad date '2004-3-1' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t2020-01-01\t2019-01-01\tprime minister\n"),
            "test.tsv:1: TO 2019-01-01 is before FROM 2020-01-01");
  EXPECT_EQ(ErrorOf(ReadPeople, "Ana Varga\tZLA\tZLAGOV\t2020-01-01\t-\t\n"),
            "test.tsv:1: empty role");
  EXPECT_EQ(ErrorOf(ReadPeople, "|Ana Varga\tZLA\tZLAGOV\t2020-01-01\t-\tprime minister\n"),
            "test.tsv:1: empty name in '|Ana Varga'");
}

TEST(GazetteerPhrases, NamesEachEntryByItsKindAndEveryNounARole) {
  Entries entries;
  ASSERT_TRUE(ReadPlaceNames("p.tsv", "ZLA\tname\tZelaria\nZLA\tcity\tOvid\n", entries).ok());
  ASSERT_TRUE(ReadOrganisations("o.tsv", "ZLAREB\tgroup\tVarna Front\tZLA\n", entries).ok());
  ASSERT_TRUE(ReadRoles("r.tsv", "REB\tbody\trebels\trebels\n", entries).ok());
  const std::vector<std::pair<std::string, Words>> expected = {
      {"country", {"zelaria"}},
      {"city", {"ovid"}},
      {"group", {"varna", "front"}},
      {"role", {"rebels"}},
  };
  EXPECT_EQ(GazetteerPhrases(entries), expected);
}

// A data folder of the test's own, removed at the end.
class OverrideFolder {
 public:
  OverrideFolder()
      : path_(std::filesystem::temp_directory_path() /
              ("storyline-ours-test-" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(path_ / "actors");
  }
  ~OverrideFolder() { std::filesystem::remove_all(path_); }
  void Write(const std::string& relative, std::string_view contents) const {
    std::ofstream(path_ / relative, std::ios::binary) << contents;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(LoadOurDictionaries, RejectsACountryCodeThatCountriesDoesNotList) {
  const OverrideFolder folder;
  folder.Write("actors/places.tsv", "# mine\nZLA\tcity\tOvid\n");
  const Result<Entries> loaded = LoadOurDictionaries(DataFiles(folder.path()));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(),
            "actors/places.tsv:2: unknown country 'ZLA' (not in actors/countries.tsv)");
}

TEST(LoadOurDictionaries, ReportsAMalformedOverrideFileWithItsName) {
  const OverrideFolder folder;
  folder.Write("actors/roles.tsv", "GOV\tperson\tminister\n");
  const Result<Entries> loaded = LoadOurDictionaries(DataFiles(folder.path()));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(), "actors/roles.tsv:1: expected 4 fields, got 3");
}

// The files we ship: they load, and a few well-known facts come out right.
class ShippedDictionaries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Entries> loaded = LoadOurDictionaries(DataFiles{});
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    entries_ = new Entries(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete entries_;
    entries_ = nullptr;
  }
  static const Entries& entries() { return *entries_; }

 private:
  static inline Entries* entries_ = nullptr;
};

TEST_F(ShippedDictionaries, KnowCapitalsAdjectivesAndCountryNames) {
  const NameEntry* beijing = FindName(entries(), {"beijing"}, NameKind::kCapital);
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->codes, std::vector<DatedCode>{Undated("CHN")});
  EXPECT_EQ(beijing->country, "CHN");
  const NameEntry* chinese = FindName(entries(), {"chinese"}, NameKind::kAdjective);
  ASSERT_NE(chinese, nullptr);
  EXPECT_EQ(chinese->codes, std::vector<DatedCode>{Undated("CHN")});
  const NameEntry* afghans = FindName(entries(), {"afghans"}, NameKind::kAdjective);
  ASSERT_NE(afghans, nullptr);
  EXPECT_EQ(afghans->codes, std::vector<DatedCode>{Undated("AFG")});
  for (const Words& name : {Words{"people", "'s", "republic", "of", "china"}, Words{"u.s."},
                            Words{"republic", "of", "korea"}}) {
    EXPECT_NE(FindName(entries(), name, NameKind::kCountry), nullptr) << name.back();
  }
  const NameEntry* tianjin = FindName(entries(), {"tianjin"}, NameKind::kPlace);
  ASSERT_NE(tianjin, nullptr);
  EXPECT_EQ(tianjin->country, "CHN");
}

TEST_F(ShippedDictionaries, KeepTheCountryReadingOfAPluralThatNamesACountry) {
  for (const NameEntry& entry : entries().names) {
    if (entry.words == Words{"laos"}) {
      EXPECT_EQ(entry.kind, NameKind::kCountry) << entry.source;
    }
  }
}

TEST_F(ShippedDictionaries, CodeOrganisationsAndGroupsAsCameoDoes) {
  const NameEntry* nato = FindName(entries(), {"nato"}, NameKind::kOrganisation);
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->codes, std::vector<DatedCode>{Undated("IGOWSTNAT")});
  EXPECT_EQ(nato->country, "");
  const NameEntry* un = FindName(entries(), {"united", "nations"}, NameKind::kOrganisation);
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->codes, std::vector<DatedCode>{Undated("IGOUNO")});
  const NameEntry* taliban = FindName(entries(), {"taliban"}, NameKind::kGroup);
  ASSERT_NE(taliban, nullptr);
  EXPECT_EQ(taliban->codes, std::vector<DatedCode>{Undated("AFGREB")});
  EXPECT_EQ(taliban->country, "AFG");
  EXPECT_EQ(FindName(entries(), {"taliban"}, NameKind::kOrganisation), nullptr);
}

TEST_F(ShippedDictionaries, CodeRoleNouns) {
  const AgentEntry* minister = FindAgent(entries(), {"foreign", "minister"});
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->code, "GOV");
  EXPECT_TRUE(minister->person);
  EXPECT_EQ(minister->role, "foreign minister");
  const AgentEntry* spokesman = FindAgent(entries(), {"spokesman"});
  ASSERT_NE(spokesman, nullptr);
  EXPECT_EQ(spokesman->code, "-");
  const AgentEntry* rebels = FindAgent(entries(), {"rebels"});
  ASSERT_NE(rebels, nullptr);
  EXPECT_EQ(rebels->code, "REB");
  EXPECT_FALSE(rebels->person);
  EXPECT_NE(FindAgent(entries(), {"ministers"}), nullptr);
  EXPECT_EQ(FindAgent(entries(), {"spokesmans"}), nullptr);
}

TEST_F(ShippedDictionaries, DatePeopleByTheirOffices) {
  const auto code_on = [&](const Words& name, std::string_view iso) -> std::string {
    const NameEntry* person = FindName(entries(), name, NameKind::kPerson);
    if (person == nullptr) return "no such person";
    const int64_t day = DaysFromCivil(Day(iso));
    for (const DatedCode& code : person->codes) {
      if ((!code.from || DaysFromCivil(*code.from) <= day) &&
          (!code.to || DaysFromCivil(*code.to) >= day)) {
        return code.code;
      }
    }
    return "none";
  };
  EXPECT_EQ(code_on({"wang", "yi"}, "2021-09-28"), "CHNGOV");
  EXPECT_EQ(code_on({"jens", "stoltenberg"}, "2010-06-01"), "NORGOV");
  EXPECT_EQ(code_on({"jens", "stoltenberg"}, "2019-06-01"), "IGOWSTNAT");
}

TEST_F(ShippedDictionaries, HaveNoRowTwice) {
  std::map<std::tuple<NameKind, std::string, Words>, std::string> seen;
  for (const NameEntry& entry : entries().names) {
    const auto [it, added] = seen.try_emplace(
        {entry.kind, entry.codes.empty() ? "" : entry.codes[0].code, entry.words}, entry.source);
    EXPECT_TRUE(added) << entry.source << " repeats " << it->second;
  }
}

// Reads a shipped file's rows.
std::vector<std::vector<std::string>> ShippedRows(std::string_view file) {
  const Result<std::string> contents = DataFiles{}.Read(file);
  EXPECT_TRUE(contents.ok()) << file;
  std::vector<std::vector<std::string>> rows;
  if (!contents.ok()) return rows;
  for (const TsvRow& row : SplitTsv(*contents))
    rows.emplace_back(row.fields.begin(), row.fields.end());
  return rows;
}

TEST(ShippedCountryLists, CodeExtrasOnlyForCountriesTheIsoListGives) {
  std::set<std::string> iso;
  for (const auto& row : ShippedRows(kCountriesFile)) iso.insert(row[0]);
  EXPECT_GE(iso.size(), 249u);
  std::set<std::string> with_adjective;
  for (const auto& row : ShippedRows(kCountriesExtraFile)) {
    EXPECT_TRUE(iso.contains(row[0])) << row[0] << " " << row[2];
    if (row[1] == "adjective") with_adjective.insert(row[0]);
  }
  EXPECT_GE(with_adjective.size(), 200u);
}

TEST(ShippedGazetteer, ListsAreWellFormedAndLargeEnough) {
  const std::set<std::string> categories = {"given_name", "surname_particle", "org_designator",
                                            "title",      "place_designator", "misc"};
  std::map<std::string, size_t> sizes;
  for (const std::string& name : DataFiles::EmbeddedNames()) {
    if (!name.starts_with("gazetteer/")) continue;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& row : ShippedRows(name)) {
      ASSERT_EQ(row.size(), 2u) << name;
      EXPECT_TRUE(categories.contains(row[0])) << name << ": " << row[0];
      EXPECT_FALSE(row[1].empty() || row[1].front() == ' ' || row[1].back() == ' ') << row[1];
      std::string lower = row[1];
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; });
      EXPECT_TRUE(seen.emplace(row[0], lower).second) << name << ": " << row[1];
      ++sizes[row[0]];
    }
  }
  EXPECT_GE(sizes["given_name"], 1500u);
  for (const std::string& category : categories) EXPECT_GE(sizes[category], 20u) << category;
}

}  // namespace
}  // namespace storyline::actors
