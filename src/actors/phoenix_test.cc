#include "actors/phoenix.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/reader_test_util.h"
#include "core/calendar.h"
#include "test_paths.h"

namespace storyline::actors {
namespace {

using Words = std::vector<std::string>;

using reader_testing::Code;
using reader_testing::Day;

Entries ReadActors(std::string_view contents) {
  return reader_testing::ReadAll(ReadPhoenixActors, "x.txt", contents);
}
std::string ActorsError(std::string_view contents) {
  return reader_testing::ErrorOf(ReadPhoenixActors, "x.txt", contents);
}
Entries ReadAgents(std::string_view contents) {
  return reader_testing::ReadAll(ReadPhoenixAgents, "x.txt", contents);
}
std::string AgentsError(std::string_view contents) {
  return reader_testing::ErrorOf(ReadPhoenixAgents, "x.txt", contents);
}

// Each agent as "words: CODE" ("~CODE" after, "CODE~" before its actor),
// with "(group)" when it does not name a person.
std::vector<std::string> Describe(const std::vector<AgentEntry>& agents) {
  std::vector<std::string> described;
  for (const AgentEntry& agent : agents) {
    std::string line;
    for (const std::string& word : agent.words) line += (line.empty() ? "" : " ") + word;
    line += agent.prefix ? ": " + agent.code + "~" : ": ~" + agent.code;
    if (!agent.person) line += " (group)";
    described.push_back(line);
  }
  return described;
}

TEST(PhoenixActors, ReadsNamesSynonymsAndCodeLines) {
  const Entries entries = ReadActors(
      "ZELARIA_  [ZEL]\n"
      "+ZELARIAN_ \n"
      "+ZELAR_CITY # the capital\n"
      "OTTO_KRANZ_  # CountryInfo\n"
      "+PRESIDENT_KRANZ_\n"
      "\t[ZELGOV 19950601-19990815]\n"
      "\t[ZELELI >990816]\n"
      "\tANNA_KRANZ_\t[ZELLEG <20010101][ZEL]# indented, two codes\n");
  ASSERT_EQ(entries.names.size(), 6u);
  EXPECT_EQ(entries.names[0].words, Words{"zelaria"});
  EXPECT_EQ(entries.names[0].kind, NameKind::kUser);
  EXPECT_EQ(entries.names[0].source, "x.txt:1");
  EXPECT_EQ(entries.names[1].words, Words{"zelarian"});
  EXPECT_EQ(entries.names[2].words, (Words{"zelar", "city"}));
  // PETRARCH matches whole words: no stems, with or without the '_'.
  EXPECT_FALSE(entries.names[2].last_is_stem);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(entries.names[i].codes, std::vector<DatedCode>{Code("ZEL")});
  const std::vector<DatedCode> kranz = {Code("ZELGOV", Day("1995-06-01"), Day("1999-08-15")),
                                        Code("ZELELI", Day("1999-08-16"))};
  EXPECT_EQ(entries.names[3].words, (Words{"otto", "kranz"}));
  EXPECT_EQ(entries.names[3].codes, kranz);
  EXPECT_EQ(entries.names[4].words, (Words{"president", "kranz"}));
  EXPECT_EQ(entries.names[4].codes, kranz);
  EXPECT_EQ(entries.names[4].source, "x.txt:5");
  EXPECT_EQ(entries.names[5].words, (Words{"anna", "kranz"}));
  EXPECT_EQ(entries.names[5].codes,
            (std::vector<DatedCode>{Code("ZELLEG", std::nullopt, Day("2000-12-31")), Code("ZEL")}));
}

TEST(PhoenixActors, SkipsCommentsOfBothKinds) {
  const Entries entries = ReadActors(
      "<!-- ZELARIA DICTIONARY -->\n"
      "<!-- \n"
      "# a block of notes, its end on a '#' line\n"
      "# -->\n"
      "# ZELARIA_ [ZEL]\n"
      "<! -- [NOTE records] -->\n"
      "KORBIA_ [KOR]   # a trailing comment\r\n"
      "\n");
  ASSERT_EQ(entries.names.size(), 1u);
  EXPECT_EQ(entries.names[0].words, Words{"korbia"});
  EXPECT_EQ(entries.names[0].source, "x.txt:7");
}

TEST(PhoenixActors, ReadsTheDatesAsPetrarchDoes) {
  const Entries entries = ReadActors(
      "A_ [ZELGOV 20121204]\n"             // a bare date: from that day on
      "B_ [ZELGOV 9008223-911221]\n"       // 7 digits: the first 6
      "C_ [ZELGOV 1920030320-20060520]\n"  // 10 digits: the first 8
      "D_ [ZELGOV 20061201-2004017]\n"     // a range that ends before it starts
      "E_ [ZELGOV  > 20030522]\n");
  ASSERT_EQ(entries.names.size(), 5u);
  EXPECT_EQ(entries.names[0].codes, std::vector<DatedCode>{Code("ZELGOV", Day("2012-12-04"))});
  EXPECT_EQ(entries.names[1].codes,
            std::vector<DatedCode>{Code("ZELGOV", Day("1990-08-22"), Day("1991-12-21"))});
  EXPECT_EQ(entries.names[2].codes,
            std::vector<DatedCode>{Code("ZELGOV", Day("1920-03-03"), Day("2006-05-20"))});
  EXPECT_EQ(entries.names[3].codes,
            std::vector<DatedCode>{Code("ZELGOV", Day("2006-12-01"), Day("2020-04-01"))});
  EXPECT_EQ(entries.names[4].codes, std::vector<DatedCode>{Code("ZELGOV", Day("2003-05-22"))});
}

TEST(PhoenixActors, ToleratesWhatThePhoenixFilesDo) {
  const Entries entries = ReadActors(
      "ZELARIAN [zel]\n"                            // a lower-case code
      "+ZELARIA]_\n"                                // a stray ']'
      "ZELARIA_STEEL_ [MNCZEL] Steel $1,000,000\n"  // text after the code
      "OTTO_KRANZ_\n"                               // names without '+' before their codes
      "PRESIDENT_KRANZ_\n"
      "\t[ZELGOV >20120219]\n");
  ASSERT_EQ(entries.names.size(), 5u);
  EXPECT_EQ(entries.names[0].codes, std::vector<DatedCode>{Code("ZEL")});
  EXPECT_EQ(entries.names[1].words, Words{"zelaria"});
  EXPECT_EQ(entries.names[1].codes, std::vector<DatedCode>{Code("ZEL")});
  EXPECT_EQ(entries.names[2].codes, std::vector<DatedCode>{Code("MNCZEL")});
  EXPECT_EQ(entries.names[4].words, (Words{"president", "kranz"}));
  EXPECT_EQ(entries.names[3].codes, entries.names[4].codes);
}

TEST(PhoenixActors, ReportsMalformedLines) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ZELARIA_ [ZEL\n", "x.txt:1: unclosed '[' in code"},
      {"A_ [ZEL]\nB_ [ZEL 20100931]\n", "x.txt:2: bad date \"20100931\": no such day"},
      {"A_ [ZEL >2010]\n", "x.txt:1: bad date \"2010\": expected YYMMDD or YYYYMMDD"},
      {"A_ [ZEL-1]\n", "x.txt:1: bad code \"ZEL-1\": only A-Z, 0-9 and '/' may appear"},
      {"A_ [950601-990815]\n", "x.txt:1: date without a code in '[950601-990815]'"},
      {"\t[ZEL]\n", "x.txt:1: code without a name before it"},
      {"+ZELARIAN_\n", "x.txt:1: synonym without a name before it"},
      {"A_ [ZEL]\nB_\n+C_\n", "x.txt:2: name \"B_\" has no code"},
      {"A_ [ZEL]\n<!-- notes\nB_ [KOR]\n", "x.txt:2: '<!--' without '-->'"},
  };
  for (const auto& [contents, error] : cases) EXPECT_EQ(ActorsError(contents), error) << contents;
}

TEST(PhoenixAgents, ExpandsSynonymSetsAndDerivesPlurals) {
  const Entries entries = ReadAgents(
      "!PERSON! = MAN, WOMAN\n"
      "!MINIST! = MINISTER,MINISTRY  # spaces around members do not matter\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "!MINIST!_OF_ZELARIAN_AFFAIRS [~GOV]\n"
      "SOLDIER [~MIL]\n"
      "POLICE {} [~COP]\n"
      "THIEF {THIEVES} [~CRM]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
      "TRUCE_MONITOR [IGO~]\n");
  const std::vector<std::string> expected = {
      "congressman: ~LEG",
      "congresswoman: ~LEG",
      "minister of zelarian affairs: ~GOV",
      "ministry of zelarian affairs: ~GOV",
      "soldier: ~MIL",
      "soldiers: ~MIL (group)",
      "police: ~COP",
      "thief: ~CRM",
      "thieves: ~CRM (group)",
      "attorney general: ~JUD",
      "attorneys general: ~JUD (group)",
      "truce monitor: IGO~",
      "truce monitors: IGO~ (group)",
  };
  EXPECT_EQ(Describe(entries.agents), expected);
  EXPECT_EQ(entries.agents[3].role, "ministry of zelarian affairs");
  EXPECT_EQ(entries.agents[8].role, "thief");
  EXPECT_EQ(entries.agents[8].source, "x.txt:7");
  EXPECT_FALSE(entries.agents[4].last_is_stem);
}

TEST(PhoenixAgents, ToleratesWhatThePhoenixFilesDo) {
  const Entries tolerated = ReadAgents(
      "HARBOUR_AUTHORITY [~GOV}\n"  // closed by '}'
      "ISLAND_WARDEN\n"             // no code: skipped
      "SNEAK_THIEF {SNEAK_THIEVES}[~CRM]\n");
  const std::vector<std::string> expected = {
      "harbour authority: ~GOV",
      "harbour authorities: ~GOV (group)",
      "sneak thief: ~CRM",
      "sneak thieves: ~CRM (group)",
  };
  EXPECT_EQ(Describe(tolerated.agents), expected);
}

TEST(PhoenixAgents, ReportsMalformedLines) {
  // Two sets of 40: 1,600 nouns. (One set used twice expands to 40: each
  // noun puts the same member in every place of its set.)
  const std::string forty_members = [] {
    std::string sets;
    for (const std::string name : {"!A!", "!B!"}) {
      sets += name + " = M0";
      for (int i = 1; i < 40; ++i) sets += ", M" + std::to_string(i);
      sets += "\n";
    }
    return sets;
  }();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"MINISTER [GOV]\n", "x.txt:1: agent code \"GOV\" needs one '~', before or after it"},
      {"!X! = A\n!X! = B\n", "x.txt:2: synonym set !X! is defined twice (first on line 1)"},
      {"!Y!_MAN [~GOV]\n", "x.txt:1: unknown synonym set !Y!"},
      {"!Y [~GOV]\n", "x.txt:1: unclosed '!' in synonym set name"},
      {"!X! = A,,B\n", "x.txt:1: empty member in synonym set !X!"},
      {"!X! = A!B\n", "x.txt:1: member \"A!B\" of synonym set !X! contains '!'"},
      {"!! = A\n", "x.txt:1: synonym set without a name '!!'"},
      {"THIEF {THIEVES [~CRM]\n", "x.txt:1: unclosed '{' in plural"},
      {"THIEF {THIEVES} OF_ZELAR [~CRM]\n",
       "x.txt:1: unexpected text after the plural: \"OF_ZELAR\""},
      {"{THIEVES} [~CRM]\n", "x.txt:1: plural without a noun before it"},
      {"THIEF [~CRM\n", "x.txt:1: unclosed '[' in code"},
      {forty_members + "!A!_!B!_!A! [~GOV]\n",
       "x.txt:3: synonym sets expand to more than 1000 nouns"},
  };
  for (const auto& [contents, error] : cases) EXPECT_EQ(AgentsError(contents), error) << contents;
}

TEST(UserDictionaries, PickTheFormatFromTheContent) {
  const auto read = [](std::string_view name, std::string_view contents) {
    Entries entries;
    EXPECT_TRUE(ReadUserActors(name, contents, entries).ok()) << name;
    return entries.names.empty() ? false : entries.names[0].last_is_stem;
  };
  // TABARI's stems are the visible difference.
  EXPECT_TRUE(read("zel.txt", "ZELAR [ZEL] ;a TABARI comment\n"));
  EXPECT_TRUE(read("zel.txt", "<NOUN>\nBEES\n</NOUN>\nZELAR [ZEL]\n"));
  EXPECT_FALSE(read("zel.actors", "ZELAR [ZEL] # a PETRARCH comment\n"));
  EXPECT_FALSE(read("zel.actors", "<!-- PETRARCH -->\nZELAR [ZEL]\n"));
  // Nothing to tell them apart: the name decides.
  EXPECT_TRUE(read("zel.actors", "ZELAR [ZEL]\n"));
  EXPECT_FALSE(read("zel.actors.txt", "ZELAR [ZEL]\n"));

  Entries agents;
  ASSERT_TRUE(ReadUserAgents("zel.agents", "!P! = MAN\nSEA!P! [~MIL]\n", agents).ok());
  EXPECT_EQ(Describe(agents.agents), std::vector<std::string>{"seaman: ~MIL"});
  Entries tabari_agents;
  ASSERT_TRUE(ReadUserAgents("zel.txt", "MINISTR [~GOV] ;stem\n", tabari_agents).ok());
  ASSERT_EQ(tabari_agents.agents.size(), 1u);
  EXPECT_TRUE(tabari_agents.agents[0].last_is_stem);
}

// The Phoenix and PETRARCH dictionaries, when the shared development data
// is beside the checkout, read as --actors and --agents read them: the
// format is picked from the content.
class SharedFiles : public ::testing::Test {
 protected:
  // Reads data/event-coding-dev/<file>; skips the test when it is absent.
  Entries Load(const std::string& file, bool agents) {
    Entries entries;
    const std::optional<std::string> path = testing::SharedPath("data/event-coding-dev/" + file);
    if (!path) return entries;
    found_ = true;
    const std::string contents = testing::ReadFileOrEmpty(*path);
    const Status status =
        agents ? ReadUserAgents(file, contents, entries) : ReadUserActors(file, contents, entries);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return entries;
  }
  bool found_ = false;
};

#define SKIP_WITHOUT_SHARED_DATA() \
  if (!found_) GTEST_SKIP() << "../shared/data/event-coding-dev is absent"

const NameEntry* FindName(const Entries& entries, const Words& words) {
  for (const NameEntry& entry : entries.names) {
    if (entry.words == words) return &entry;
  }
  return nullptr;
}

const AgentEntry* FindAgent(const Entries& entries, const Words& words) {
  for (const AgentEntry& entry : entries.agents) {
    if (entry.words == words) return &entry;
  }
  return nullptr;
}

size_t Stems(const std::vector<NameEntry>& names) {
  return std::count_if(names.begin(), names.end(),
                       [](const NameEntry& entry) { return entry.last_is_stem; });
}

TEST_F(SharedFiles, PhoenixCountries) {
  const Entries entries = Load("phoenix-dictionaries/Phoenix.Countries.actors.txt", false);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.names.size(), 25917u);
  EXPECT_EQ(Stems(entries.names), 0u) << "read as TABARI's";
  // A prime minister with three dated terms, written on code lines.
  const NameEntry* prime_minister = FindName(entries, {"milo", "dukanovic"});
  ASSERT_NE(prime_minister, nullptr);
  const std::vector<DatedCode> terms = {
      Code("MNEGOV", Day("2012-12-04")),
      Code("MNEGOV", Day("2008-02-29"), Day("2010-12-29")),
      Code("MNEGOV", Day("2003-01-08"), Day("2006-11-10")),
  };
  EXPECT_EQ(prime_minister->codes, terms);
  // Names written without '+' before the codes share them.
  const NameEntry* president = FindName(entries, {"josipovic"});
  ASSERT_NE(president, nullptr);
  const std::vector<DatedCode> offices = {
      Code("HRVGOV", Day("2012-02-19")),
      Code("HRVGOVLEG", Day("2003-12-22"), Day("2010-02-18")),
  };
  EXPECT_EQ(president->codes, offices);
  EXPECT_EQ(FindName(entries, {"ivo", "josipovic"})->codes, offices);
}

TEST_F(SharedFiles, PhoenixInternational) {
  const Entries entries = Load("phoenix-dictionaries/Phoenix.International.actors.txt", false);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.names.size(), 7907u);
  EXPECT_EQ(Stems(entries.names), 0u);
  const NameEntry* secretary_general = FindName(entries, {"k.", "annan"});
  ASSERT_NE(secretary_general, nullptr);
  EXPECT_EQ(
      secretary_general->codes,
      (std::vector<DatedCode>{Code("IGOUNO", Day("1997-01-01"), Day("2006-12-31")), Code("ELI")}));
  const NameEntry* bank = FindName(entries, {"abn", "amro"});
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->codes,
            (std::vector<DatedCode>{Code("NLDGOVBUS", Day("2008-10-04")), Code("MNCNLD")}));
}

TEST_F(SharedFiles, PhoenixMilNonState) {
  const Entries entries = Load("phoenix-dictionaries/Phoenix.MilNonState.actors.txt", false);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.names.size(), 1793u);
  EXPECT_EQ(Stems(entries.names), 0u);
}

TEST_F(SharedFiles, PhoenixAgents) {
  const Entries entries = Load("phoenix-dictionaries/Phoenix.agents.txt", true);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.agents.size(), 5061u);
  const AgentEntry* cattleman = FindAgent(entries, {"cattleman"});
  ASSERT_NE(cattleman, nullptr);
  EXPECT_EQ(cattleman->code, "AGR");
  EXPECT_TRUE(cattleman->person);
  const AgentEntry* farmers = FindAgent(entries, {"farmers"});
  ASSERT_NE(farmers, nullptr);
  EXPECT_EQ(farmers->role, "farmer");
  EXPECT_FALSE(farmers->person);
  const AgentEntry* peacekeepers = FindAgent(entries, {"peacekeeping", "troops"});
  ASSERT_NE(peacekeepers, nullptr);
  EXPECT_EQ(peacekeepers->code, "IGO");
  EXPECT_TRUE(peacekeepers->prefix);
}

TEST_F(SharedFiles, TabariFilesAreReadAsTabari) {
  const Entries actors = Load("tabari/TABARI.Demo.actors", false);
  const Entries agents = Load("tabari/Validate.agents", true);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(actors.names.size(), 125u);
  EXPECT_EQ(Stems(actors.names), 115u);
  EXPECT_EQ(agents.agents.size(), 160u);
}

TEST_F(SharedFiles, PetrarchValidationActors) {
  const Entries entries = Load("petrarch/PETR.Validate.actors.txt", false);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.names.size(), 161u);
  EXPECT_EQ(Stems(entries.names), 0u);
  // Dated codes in the order PETRARCH tries them: the first that holds the
  // day wins, the undated one applies when none does.
  const NameEntry* gardener = FindName(entries, {"sam", "gamgee"});
  ASSERT_NE(gardener, nullptr);
  const std::vector<DatedCode> codes = {
      Code("HOB"),
      Code("HOBCIV", std::nullopt, Day("2008-01-19")),
      Code("ORCHOB", Day("2010-01-09"), Day("2010-01-12")),
      Code("HOBMIL", Day("2008-01-20"), Day("2012-11-09")),
      Code("HOBGOV", Day("2012-11-09"), Day("2013-01-19")),
      Code("HOBELI", Day("2013-01-19")),
  };
  EXPECT_EQ(gardener->codes, codes);
}

TEST_F(SharedFiles, PetrarchValidationAgents) {
  const Entries entries = Load("petrarch/PETR.Validate.agents.txt", true);
  SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(entries.agents.size(), 164u);
  const AgentEntry* congresses = FindAgent(entries, {"congresses"});
  ASSERT_NE(congresses, nullptr);
  EXPECT_EQ(congresses->code, "LEG");
  EXPECT_NE(FindAgent(entries, {"congresswomen"}), nullptr);
  EXPECT_EQ(FindAgent(entries, {"police"})->code, "COP");
  EXPECT_EQ(FindAgent(entries, {"polices"}), nullptr);
}

}  // namespace
}  // namespace storyline::actors
