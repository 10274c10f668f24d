#include "actors/tabari.h"

#include <gtest/gtest.h>

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
  return reader_testing::ReadAll(ReadTabariActors, "x.actors", contents);
}
std::string ActorsError(std::string_view contents) {
  return reader_testing::ErrorOf(ReadTabariActors, "x.actors", contents);
}
Entries ReadAgents(std::string_view contents) {
  return reader_testing::ReadAll(ReadTabariAgents, "x.agents", contents);
}
std::string AgentsError(std::string_view contents) {
  return reader_testing::ErrorOf(ReadTabariAgents, "x.agents", contents);
}

TEST(TabariActors, ReadsWholeWordsAndStems) {
  const Entries entries = ReadActors(
      "ZELARIA_  [ZEL]\n"
      "ZELAR [ZEL]\n"
      "NORTH_VARNA_ [VRN]\n"
      "KORBIA= [KOR]\n");
  ASSERT_EQ(entries.names.size(), 4u);
  EXPECT_EQ(entries.names[0].words, Words{"zelaria"});
  EXPECT_FALSE(entries.names[0].last_is_stem);
  EXPECT_EQ(entries.names[0].kind, NameKind::kUser);
  EXPECT_EQ(entries.names[0].source, "x.actors:1");
  EXPECT_EQ(entries.names[0].codes, std::vector<DatedCode>{Code("ZEL")});
  EXPECT_EQ(entries.names[1].words, Words{"zelar"});
  EXPECT_TRUE(entries.names[1].last_is_stem);
  EXPECT_EQ(entries.names[2].words, (Words{"north", "varna"}));
  EXPECT_FALSE(entries.names[2].last_is_stem);
  EXPECT_EQ(entries.names[3].words, Words{"korbia"});
  EXPECT_FALSE(entries.names[3].last_is_stem);
  EXPECT_TRUE(entries.agents.empty());
}

TEST(TabariActors, SplitsWordsAsTheTokenizerSplitsText) {
  const Entries entries = ReadActors(
      "PEOPLE'S_REPUBLIC_OF_ZELARIA_ [ZEL]\n"
      "GEN._OTTO_J._KRANZ_ [ZELMIL]\n"
      "U.S._ENVOY_ [USAGOV]\n"
      "OTTO KRANZ [ZELGOV]\n"
      "VARNA-WEST_ [VRN]\n");
  ASSERT_EQ(entries.names.size(), 5u);
  EXPECT_EQ(entries.names[0].words, (Words{"people", "'s", "republic", "of", "zelaria"}));
  EXPECT_EQ(entries.names[1].words, (Words{"gen.", "otto", "j.", "kranz"}));
  EXPECT_EQ(entries.names[2].words, (Words{"u.s.", "envoy"}));
  // A space (TABARI: other words may stand between) is read as adjacency.
  EXPECT_EQ(entries.names[3].words, (Words{"otto", "kranz"}));
  EXPECT_TRUE(entries.names[3].last_is_stem);
  EXPECT_EQ(entries.names[4].words, Words{"varna-west"});
}

TEST(TabariActors, ReadsDatedCodes) {
  const Entries entries = ReadActors(
      "OTTO_KRANZ_ [ZELGOV 950601-990815] [ZELELI >990816] [ZELREB <790606] [ZEL]\n"
      "ANNA_KRANZ_ [ZELGOV 950601 - 990815] [ZELELI > 990816] [ZELREB < 790606]\n"
      "IDA_KRANZ_ [ZELGOV 19950601-19990815] [ZELLEG 300101-310101]\n");
  ASSERT_EQ(entries.names.size(), 3u);
  const std::vector<DatedCode> otto = {
      Code("ZELGOV", Day("1995-06-01"), Day("1999-08-15")),
      Code("ZELELI", Day("1999-08-16")),
      Code("ZELREB", std::nullopt, Day("1979-06-05")),
      Code("ZEL"),
  };
  EXPECT_EQ(entries.names[0].codes, otto);
  EXPECT_EQ(entries.names[1].codes, std::vector<DatedCode>(otto.begin(), otto.end() - 1));
  const std::vector<DatedCode> ida = {
      Code("ZELGOV", Day("1995-06-01"), Day("1999-08-15")),
      // Two-digit years 00-30 are this century's, 31-99 the last one's.
      Code("ZELLEG", Day("2030-01-01"), Day("1931-01-01")),
  };
  EXPECT_EQ(entries.names[2].codes, ida);
}

TEST(TabariActors, KeepsNullAndCompoundCodes) {
  const Entries entries = ReadActors("VARNA_ [--- <950630] [VRN/ZEL] [###] [+++]\n");
  ASSERT_EQ(entries.names.size(), 1u);
  const std::vector<DatedCode> codes = {Code("---", std::nullopt, Day("1995-06-29")),
                                        Code("VRN/ZEL"), Code("###"), Code("+++")};
  EXPECT_EQ(entries.names[0].codes, codes);
}

TEST(TabariActors, GivesSynonymsTheCodesBelowThem) {
  const Entries entries = ReadActors(
      "VARNA  ; the city\n"
      "+VARNA_CITY_\n"
      "+OLD_VARNA_\n"
      "\t[ZEL <790606]\n"
      "\t[VRN];since then\n"
      "\n"
      "KORBIA_ [KOR]\n"
      "+KORBIAN_\n");
  ASSERT_EQ(entries.names.size(), 5u);
  const std::vector<DatedCode> varna = {Code("ZEL", std::nullopt, Day("1979-06-05")), Code("VRN")};
  EXPECT_EQ(entries.names[0].words, Words{"varna"});
  EXPECT_EQ(entries.names[1].words, (Words{"varna", "city"}));
  EXPECT_EQ(entries.names[2].words, (Words{"old", "varna"}));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(entries.names[i].codes, varna) << i;
  EXPECT_EQ(entries.names[2].source, "x.actors:3");
  EXPECT_EQ(entries.names[3].codes, std::vector<DatedCode>{Code("KOR")});
  EXPECT_EQ(entries.names[4].words, Words{"korbian"});
  EXPECT_EQ(entries.names[4].codes, std::vector<DatedCode>{Code("KOR")});
  EXPECT_EQ(entries.names[4].source, "x.actors:8");
}

TEST(TabariActors, NamesWithoutCodeShareTheCodesOfTheNamesBelow) {
  const Entries entries = ReadActors(
      "OTTO_KRANZ_\n"
      "PRESIDENT_KRANZ_\n"
      "\t[ZELGOV >120219]\n");
  ASSERT_EQ(entries.names.size(), 2u);
  const std::vector<DatedCode> codes = {Code("ZELGOV", Day("2012-02-19"))};
  EXPECT_EQ(entries.names[0].codes, codes);
  EXPECT_EQ(entries.names[1].codes, codes);
}

TEST(TabariActors, SkipsCommentsSectionsAndWhatFollowsTheEnd) {
  const Entries entries = ReadActors(
      "<NOUN>\n"
      "BEES   ;a noun for the parser\n"
      "FORCES_\n"
      "</NOUN>\n"
      "<ADJECTIVE>\n"
      "AWFUL\n"
      "</ADJECTIVE>\n"
      "#ZELARIA_ [991201-010114] ; entries are commented out so\n"
      "; a comment line\n"
      "ZELARIA_ [ZEL] ;a comment\r\n"
      "~~FINISH 16:47\n"
      "KORBIA_ [KOR]\n");
  ASSERT_EQ(entries.names.size(), 1u);
  EXPECT_EQ(entries.names[0].words, Words{"zelaria"});
  EXPECT_EQ(entries.names[0].source, "x.actors:10");
}

TEST(TabariActors, RepairsInvalidUtf8) {
  const Entries entries = ReadActors("ZEL\xFF_ [ZEL]\n");
  ASSERT_EQ(entries.names.size(), 1u);
  EXPECT_EQ(entries.names[0].words, (Words{"zel", "\xEF\xBF\xBD"}));
}

TEST(TabariActors, ReportsMalformedLines) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ZELARIA_ [ZEL\n", "x.actors:1: unclosed '[' in code"},
      {"ZELARIA_ [ZEL [KOR]\n", "x.actors:1: unclosed '[' in code"},
      {"A_ [ZEL]\nB_ [ZEL 950231]\n", "x.actors:2: bad date \"950231\": no such day"},
      {"A_ [ZEL 95061]\n", "x.actors:1: bad date \"95061\": expected YYMMDD or YYYYMMDD"},
      {"A_ [ZEL 950601-]\n", "x.actors:1: bad date \"\": expected YYMMDD or YYYYMMDD"},
      {"A_ [ZEL <95O601]\n", "x.actors:1: bad date \"95O601\": expected YYMMDD or YYYYMMDD"},
      {"A_ [zel]\n", "x.actors:1: code \"zel\" has lower-case letters"},
      {"A_ [ZEL-1]\n", "x.actors:1: bad code \"ZEL-1\": only A-Z, 0-9 and '/' may appear"},
      {"A_ [ZEL//KOR]\n", "x.actors:1: bad code \"ZEL//KOR\": '/' must stand between two codes"},
      {"A_ [950601-990815]\n", "x.actors:1: date without a code in '[950601-990815]'"},
      {"A_ [ ]\n", "x.actors:1: empty code '[]'"},
      {"A_ [ZEL] KOR\n", "x.actors:1: unexpected text after the codes: \"KOR\""},
      {"A] [ZEL]\n", "x.actors:1: ']' without '['"},
      {"\t[ZEL]\n", "x.actors:1: code without a name before it"},
      {"+B_\n", "x.actors:1: synonym without a name before it"},
      {"A_\n+\n", "x.actors:2: empty name"},
      {"A_ [ZEL]\n__ [KOR]\n", "x.actors:2: name \"__\" has no words"},
      {"A_ [ZEL]\nB_\nC_\n", "x.actors:2: name \"B_\" has no code"},
      {"<NOUN>\nBEES\n", "x.actors:1: <NOUN> without </NOUN>"},
      {"</NOUN>\n", "x.actors:1: </NOUN> without <NOUN>"},
      {"<NOUN>\n<ADJECTIVE>\n", "x.actors:2: <ADJECTIVE> inside <NOUN>"},
      {"<NOUN\n", "x.actors:1: unclosed '<' in section"},
      {"<NOUN> BEES\n", "x.actors:1: unexpected text after <NOUN>"},
      {"<NO UN>\n", "x.actors:1: bad section <NO UN>"},
  };
  for (const auto& [contents, error] : cases) EXPECT_EQ(ActorsError(contents), error) << contents;
}

TEST(TabariActors, LeavesEntriesUnchangedOnError) {
  Entries entries;
  entries.names.resize(1);
  EXPECT_FALSE(ReadTabariActors("x.actors", "A_ [ZEL]\nB_ [ZEL\n", entries).ok());
  EXPECT_EQ(entries.names.size(), 1u);
}

TEST(TabariAgents, ReadsSuffixAndPrefixCodesWithRegularPlurals) {
  const Entries entries = ReadAgents(
      "FOREIGN_MINISTER_  [ ~GOVFRM] ;a comment\n"
      "RIGHTS_GROUP_  [  NGO~]\n"
      "MINISTR  [~GOV]\n");
  ASSERT_EQ(entries.agents.size(), 5u);
  const AgentEntry& minister = entries.agents[0];
  EXPECT_EQ(minister.words, (Words{"foreign", "minister"}));
  EXPECT_FALSE(minister.last_is_stem);
  EXPECT_EQ(minister.code, "GOVFRM");
  EXPECT_FALSE(minister.prefix);
  EXPECT_EQ(minister.role, "foreign minister");
  EXPECT_TRUE(minister.person);
  EXPECT_EQ(minister.source, "x.agents:1");
  const AgentEntry& ministers = entries.agents[1];
  EXPECT_EQ(ministers.words, (Words{"foreign", "ministers"}));
  EXPECT_EQ(ministers.code, "GOVFRM");
  EXPECT_EQ(ministers.role, "foreign minister");
  EXPECT_FALSE(ministers.person);
  EXPECT_EQ(entries.agents[2].words, (Words{"rights", "group"}));
  EXPECT_EQ(entries.agents[2].code, "NGO");
  EXPECT_TRUE(entries.agents[2].prefix);
  EXPECT_EQ(entries.agents[3].words, (Words{"rights", "groups"}));
  EXPECT_TRUE(entries.agents[3].prefix);
  // A stem needs no plural: it matches "ministry" and "ministries" alike.
  EXPECT_EQ(entries.agents[4].words, Words{"ministr"});
  EXPECT_TRUE(entries.agents[4].last_is_stem);
}

TEST(TabariAgents, DerivesRegularPlurals) {
  const std::vector<std::pair<std::string, Words>> cases = {
      {"AUTHORITY_ [~GOV]", {"authority", "authorities"}},
      {"ATTORNEY_ [~JUD]", {"attorney", "attorneys"}},
      {"CHURCH_ [~REL]", {"church", "churches"}},
      {"CONGRESS_ [~LEG]", {"congress", "congresses"}},
      {"TAX_OFFICE_ [~GOV]", {"tax office", "tax offices"}},
      {"SECURITY_FORCES_ [~MIL]", {"security forces"}},
      {"CLERIC= [~REL]", {"cleric"}},
      {"F-16_ [~MIL]", {"f-16"}},
  };
  for (const auto& [line, expected] : cases) {
    const Entries entries = ReadAgents(line);
    Words got;
    for (const AgentEntry& entry : entries.agents) {
      std::string phrase;
      for (const std::string& word : entry.words) phrase += (phrase.empty() ? "" : " ") + word;
      got.push_back(phrase);
    }
    EXPECT_EQ(got, expected) << line;
  }
}

TEST(TabariAgents, ReportsMalformedLines) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"MINISTER_ [GOV]\n", "x.agents:1: agent code \"GOV\" needs one '~', before or after it"},
      {"MINISTER_ [~GOV~]\n", "x.agents:1: agent code \"~GOV~\" needs one '~', before or after it"},
      {"MINISTER_ [~]\n", "x.agents:1: agent code \"~\" needs one '~', before or after it"},
      {"A_ [~GOV]\nMINISTER_\n", "x.agents:2: agent \"MINISTER_\" has no code"},
      {"MINISTER_ [~GOV] [~MIL]\n", "x.agents:1: agent with more than one code"},
      {"[~GOV]\n", "x.agents:1: agent code without a noun before it"},
      {"MINISTER_ [~gov]\n", "x.agents:1: code \"gov\" has lower-case letters"},
      {"MINISTER_ [~GOV\n", "x.agents:1: unclosed '[' in code"},
      {"MINISTER_ [~GOV}\n", "x.agents:1: unclosed '[' in code"},
  };
  for (const auto& [contents, error] : cases) EXPECT_EQ(AgentsError(contents), error) << contents;
}

// The TABARI distribution's demo and validation dictionaries, when the
// shared development data is beside the checkout.
std::optional<std::string> SharedFile(const std::string& file) {
  const std::optional<std::string> path =
      testing::SharedPath("data/event-coding-dev/tabari/" + file);
  if (!path) return std::nullopt;
  return testing::ReadFileOrEmpty(*path);
}

const NameEntry* FindName(const Entries& entries, const Words& words) {
  for (const NameEntry& entry : entries.names) {
    if (entry.words == words) return &entry;
  }
  return nullptr;
}

TEST(TabariFiles, DemoActorsLoad) {
  const std::optional<std::string> contents = SharedFile("TABARI.Demo.actors");
  if (!contents) GTEST_SKIP() << "../shared/data/event-coding-dev/tabari is absent";
  Entries entries;
  const Status status = ReadTabariActors("TABARI.Demo.actors", *contents, entries);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(entries.names.size(), 125u);
  // A name with synonyms and three dated codes, and the validation records'
  // dates on them (ACTORSYN-*).
  const NameEntry* smeagol = FindName(entries, Words{"smeagol"});
  ASSERT_NE(smeagol, nullptr);
  const std::vector<DatedCode> codes = {
      Code("HOB", std::nullopt, Day("1995-05-31")),
      Code("HOBGOV", Day("1995-06-01"), Day("1999-08-15")),
      Code("HOBREB", Day("1999-08-16")),
  };
  EXPECT_EQ(smeagol->codes, codes);
  EXPECT_TRUE(smeagol->last_is_stem);
  const NameEntry* estonia = FindName(entries, Words{"estonia"});
  ASSERT_NE(estonia, nullptr);
  EXPECT_FALSE(estonia->last_is_stem);
  const NameEntry* zimbabwe = FindName(entries, Words{"zimbabwe"});
  ASSERT_NE(zimbabwe, nullptr);
  EXPECT_EQ(zimbabwe->codes,
            (std::vector<DatedCode>{Code("RHO", std::nullopt, Day("1979-06-05")), Code("ZBW")}));
  // Words of <NOUN> and <ADJECTIVE> are not actors.
  EXPECT_EQ(FindName(entries, Words{"sheep"}), nullptr);
}

TEST(TabariFiles, ValidationAgentsLoad) {
  const std::optional<std::string> contents = SharedFile("Validate.agents");
  if (!contents) GTEST_SKIP() << "../shared/data/event-coding-dev/tabari is absent";
  Entries entries;
  const Status status = ReadTabariAgents("Validate.agents", *contents, entries);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(entries.agents.size(), 160u);
  size_t prefixes = 0;
  for (const AgentEntry& entry : entries.agents) prefixes += entry.prefix;
  EXPECT_EQ(prefixes, 8u);
}

}  // namespace
}  // namespace storyline::actors
