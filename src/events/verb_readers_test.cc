// Tests of the readers of users' verb dictionaries and discard lists
// (verbs_tabari.cc, verbs_phoenix.cc, discards.cc, verb_file.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/verbs.h"
#include "test_paths.h"

namespace storyline::events {
namespace {

using Kind = Element::Kind;

// An element as text: "w" a whole word, "w~" a stem, "&N" synset N, "$" "+"
// "%" the actor slots, "{a|b c}" a choice; "_" before it when adjacent.
std::string Describe(const std::vector<Element>& elements);

std::string Describe(const Element& element) {
  std::string text;
  if (element.adjacent) text += "_";
  switch (element.kind) {
    case Kind::kWord:
      text += element.word.text;
      if (element.word.stem) text += "~";
      break;
    case Kind::kSynset:
      text += "&";
      text += std::to_string(element.synset);
      break;
    case Kind::kSource:
      text += "$";
      break;
    case Kind::kTarget:
      text += "+";
      break;
    case Kind::kAny:
      text += "%";
      break;
    case Kind::kVerb:
      text += "*";
      break;
    case Kind::kChoice:
      text += "{";
      for (size_t i = 0; i < element.choices.size(); ++i) {
        if (i > 0) text += "|";
        text += Describe(element.choices[i]);
      }
      text += "}";
      break;
  }
  return text;
}

std::string Describe(const std::vector<Element>& elements) {
  std::string text;
  for (const Element& element : elements) {
    if (!text.empty()) text += " ";
    text += Describe(element);
  }
  return text;
}

// A pattern as "before * after [code:paired]", "_*" when the verb is adjacent.
std::string Describe(const Pattern& pattern) {
  std::string text = Describe(pattern.before);
  if (!text.empty()) text += " ";
  text += pattern.verb_adjacent ? "_*" : "*";
  if (!pattern.after.empty()) {
    text += " ";
    text += Describe(pattern.after);
  }
  text += " [";
  text += pattern.code;
  if (!pattern.paired_code.empty()) {
    text += ":";
    text += pattern.paired_code;
  }
  text += "]";
  return text;
}

std::vector<std::string> Forms(const Verb& verb) {
  std::vector<std::string> forms;
  for (const std::vector<Word>& form : verb.forms) {
    std::string text;
    for (const Word& word : form) {
      if (!text.empty()) text += " ";
      text += word.text;
      if (word.stem) text += "~";
    }
    forms.push_back(text);
  }
  return forms;
}

std::vector<std::string> Patterns(const Verb& verb) {
  std::vector<std::string> patterns;
  for (const Pattern& pattern : verb.patterns) patterns.push_back(Describe(pattern));
  return patterns;
}

VerbDictionary Tabari(std::string_view text) {
  Result<VerbDictionary> read = ReadTabariVerbs("x.verbs", text);
  EXPECT_TRUE(read.ok()) << read.status().ToString();
  return read.ok() ? std::move(read).value() : VerbDictionary{};
}

VerbDictionary Phoenix(std::string_view text) {
  Result<VerbDictionary> read = ReadPhoenixVerbs("x.txt", text);
  EXPECT_TRUE(read.ok()) << read.status().ToString();
  return read.ok() ? std::move(read).value() : VerbDictionary{};
}

std::string TabariError(std::string_view text) {
  return ReadTabariVerbs("x.verbs", text).status().message();
}
std::string PhoenixError(std::string_view text) {
  return ReadPhoenixVerbs("x.txt", text).status().message();
}

const Verb* FindVerb(const VerbDictionary& dictionary, std::string_view first_form) {
  for (const Verb& verb : dictionary.verbs) {
    if (!verb.forms.empty() && Forms(verb).front() == first_form) return &verb;
  }
  return nullptr;
}

// ---- TABARI ----

TEST(TabariVerbs, ReadsVerbsPatternsAndCodes) {
  const VerbDictionary dictionary = Tabari(
      "GREET  [041] ; a stem: greets, greeted\n"
      "- * WARMLY_  [042]\n"
      "- IN_*  [043:044] ; adjacent verb\n"
      "- NOT *  [---]\n"
      "HAIL_ [174X]\n");
  ASSERT_EQ(dictionary.verbs.size(), 2u);
  const Verb& greet = dictionary.verbs[0];
  EXPECT_EQ(Forms(greet), std::vector<std::string>{"greet~"});
  EXPECT_EQ(greet.code, "041");
  EXPECT_EQ(greet.source, "x.verbs:1");
  EXPECT_EQ(Patterns(greet),
            (std::vector<std::string>{"* warmly [042]", "in _* [043:044]", "not~ * []"}));
  EXPECT_EQ(greet.patterns[1].source, "x.verbs:3");
  const Verb& hail = dictionary.verbs[1];
  EXPECT_EQ(hail.code, "174X");
  // A trailing '_': whole words, with TABARI's regular endings.
  EXPECT_EQ(Forms(hail),
            (std::vector<std::string>{"hail", "hails", "hailes", "hailed", "hailen", "hailing"}));
}

TEST(TabariVerbs, EndingsDropAFinalE) {
  const VerbDictionary dictionary = Tabari("PLEDGE_ [050]\nVOW= [050]\n");
  ASSERT_EQ(dictionary.verbs.size(), 2u);
  EXPECT_EQ(Forms(dictionary.verbs[0]),
            (std::vector<std::string>{"pledge", "pledges", "pledged", "pledgen", "pledging"}));
  EXPECT_EQ(Forms(dictionary.verbs[1]), std::vector<std::string>{"vow"});  // '=': no endings
}

TEST(TabariVerbs, ReadsSlotsConnectorsAndChoices) {
  const VerbDictionary dictionary = Tabari(
      "MEET  [---]\n"
      "- $ WILL_* + { SOON | NEXT_WEEK } [036]\n"
      "- % HAVE * [031]\n"
      "- QUITE~_* GOOD~_TERMS [041]\n"
      "- $ HOSTING ^ * [042]\n"
      "- *_AGAIN_{ TOMORROW | LATER_ } [030]\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(Patterns(dictionary.verbs[0]),
            (std::vector<std::string>{"$ will _* + {soon~|next _week~} [036]", "% have~ * [031]",
                                      "quite~ _* good~ _terms~ [041]", "$ hosting~ * [042]",
                                      "* _again _{tomorrow~|later} [030]"}));
}

TEST(TabariVerbs, ReadsSynsetsAndFormsInBraces) {
  const VerbDictionary dictionary = Tabari(
      "<SYNSETS>\n"
      "&COIN\n"
      "+GROAT\n"
      "+SILVER_MARK_\n"
      "&COINDEAL\n"
      "+&COIN_LOANS\n"
      "</SYNSETS>\n"
      "<TIME>\n"
      "LAST_WEEK [-7]\n"
      "</TIME>\n"
      "LEND_ [071]\n"
      "{ LENT_ LENDING_OUT }\n"
      "- * &COINDEAL [072]\n"
      "- * &LATER_TODAY [073]\n"
      "<SYNSETS>\n"
      "&LATER\n"
      "+SOON\n"
      "</SYNSETS>\n"
      "~~FINISH\n"
      "garbage [");
  ASSERT_EQ(dictionary.synsets.size(), 3u);
  EXPECT_EQ(dictionary.synsets[0].name, "&COIN");
  EXPECT_EQ(dictionary.synsets[0].source, "x.verbs:2");
  ASSERT_EQ(dictionary.synsets[0].phrases.size(), 2u);
  EXPECT_EQ(Describe(dictionary.synsets[0].phrases[1]), "silver _mark");
  EXPECT_EQ(Describe(dictionary.synsets[1].phrases[0]), "&0 _loans~");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  const Verb& lend = dictionary.verbs[0];
  EXPECT_EQ(Forms(lend), (std::vector<std::string>{"lend", "lends", "lendes", "lended", "lenden",
                                                   "lending", "lent", "lending out~"}));
  // A synset named before its definition; the name ends at a '_'.
  EXPECT_EQ(Patterns(lend), (std::vector<std::string>{"* &1 [072]", "* &2 _today~ [073]"}));
}

TEST(TabariVerbs, SplitsWordsAsTheTokenizerDoes) {
  const VerbDictionary dictionary = Tabari("DIDN'T_SAY_ [---]\n- * PEOPLE'S_ [010]\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(Forms(dictionary.verbs[0]), std::vector<std::string>{"did n't say"});
  EXPECT_EQ(Patterns(dictionary.verbs[0]), std::vector<std::string>{"* people _'s [010]"});
}

TEST(TabariVerbs, SpacedVerbIsItsFirstWordsAndAPattern) {
  const VerbDictionary dictionary = Tabari(
      "SET_UP CAMP  [0871]\n"
      "- SAID * NEAR [0872]\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  const Verb& verb = dictionary.verbs[0];
  EXPECT_EQ(Forms(verb), std::vector<std::string>{"set up~"});
  EXPECT_EQ(verb.code, "");
  EXPECT_EQ(Patterns(verb),
            (std::vector<std::string>{"said~ * camp~ near~ [0872]", "* camp~ [0871]"}));
}

TEST(TabariVerbs, DiscardCodesBecomeDiscards) {
  const VerbDictionary dictionary = Tabari(
      "CHESS_OLYMPIAD  [###]\n"
      "RESTOR  [064]\n"
      "- * FULL_TIES [###]\n");
  ASSERT_EQ(dictionary.discards.size(), 2u);
  EXPECT_EQ(Describe(dictionary.discards[0].phrase), "chess _olympiad~");
  EXPECT_FALSE(dictionary.discards[0].story);
  EXPECT_EQ(dictionary.discards[0].source, "x.verbs:1");
  EXPECT_EQ(Describe(dictionary.discards[1].phrase), "restor~ full _ties~");
  EXPECT_EQ(dictionary.discards[1].source, "x.verbs:3");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_TRUE(dictionary.verbs[0].patterns.empty());
}

TEST(TabariVerbs, ComplexMarkerIsANullCode) {
  const VerbDictionary dictionary = Tabari("RUMBLE  [+++]\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(dictionary.verbs[0].code, "");
}

TEST(TabariVerbs, ReportsMalformedLines) {
  EXPECT_EQ(TabariError("- * TALKS [031]\n"), "x.verbs:1: pattern before any verb");
  EXPECT_EQ(TabariError("MEET [031]\n- TALKS [031]\n"), "x.verbs:2: pattern without '*'");
  EXPECT_EQ(TabariError("MEET [031]\n- * * [031]\n"), "x.verbs:2: pattern with more than one '*'");
  EXPECT_EQ(TabariError("MEET 031\n"), "x.verbs:1: no code in brackets: \"MEET 031\"");
  EXPECT_EQ(TabariError("MEET [031\n"), "x.verbs:1: unclosed '[' in code");
  EXPECT_EQ(TabariError("MEET []\n"), "x.verbs:1: empty code '[]'");
  EXPECT_EQ(TabariError("MEET [031]\n- * { A | B [1]\n"), "x.verbs:2: unclosed '{'");
  EXPECT_EQ(TabariError("MEET [031]\n- * A } [1]\n"), "x.verbs:2: unbalanced '}'");
  EXPECT_EQ(TabariError("MEET [031]\n- * { A | } [1]\n"), "x.verbs:2: empty alternative in '{ }'");
  EXPECT_EQ(TabariError("MEET [031]\n- * &NONE [1]\n"), "x.verbs:2: unknown synset &NONE");
  EXPECT_EQ(TabariError("+LOOSE\n"), "x.verbs:1: '+' phrase outside a synset");
  EXPECT_EQ(TabariError("&A\n+&B\n&B\n+&A\n"), "x.verbs:1: synset &A contains itself");
  EXPECT_EQ(TabariError("&A\n+X\n&A\n"),
            "x.verbs:3: synset &A is defined twice (first at x.verbs:1)");
  EXPECT_EQ(TabariError("<TIME>\nNOW [0]\n"), "x.verbs:1: <TIME> without </TIME>");
  EXPECT_EQ(TabariError("MEET [031]\n- * WELL [1]\n{ MET }\n"),
            "x.verbs:3: verb forms after the verb's patterns");
  EXPECT_EQ(TabariError("MEET [031] OFTEN\n"),
            "x.verbs:1: unexpected text after the code: \"OFTEN\"");
}

// ---- PETRARCH/Phoenix ----

TEST(PhoenixVerbs, ReadsBlocksFormsAndPatterns) {
  const VerbDictionary dictionary = Phoenix(
      "<!-- a dictionary\n of a few verbs -->\n"
      "&ARMS\n"
      "+RIFLES\n"
      "+FIELD GUNS\n"
      "\n"
      "---  HURRY   [---]  ---\n"
      "HASTEN\n"
      "RUN {RUNS RAN RUNNING }  # irregular\n"
      "- * (TO FRONT)           [154]   # HASTEN\n"
      "- * {&ARMS SHIPMENT}     [072:073]\n"
      "- * (OF {NEW ARMS})      [:173]\n"
      "- * (BY/WITH TRUCKS)     [0871]\n"
      "~ a (a b ATTACK) SAY = a b 015\n");
  ASSERT_EQ(dictionary.synsets.size(), 1u);
  ASSERT_EQ(dictionary.synsets[0].phrases.size(), 2u);
  EXPECT_EQ(Describe(dictionary.synsets[0].phrases[1]), "field _guns");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  const Verb& verb = dictionary.verbs[0];
  EXPECT_EQ(verb.code, "");
  EXPECT_EQ(verb.source, "x.txt:8");
  EXPECT_EQ(Forms(verb),
            (std::vector<std::string>{"hasten", "hastens", "hastened", "hastenned", "hastening",
                                      "hastenning", "run", "runs", "ran", "running"}));
  EXPECT_EQ(Patterns(verb),
            (std::vector<std::string>{"* to _front [154]", "* &0 _shipment [072:073]",
                                      "* of new _arms [:173]", "* {by|with} _trucks [0871]"}));
}

TEST(PhoenixVerbs, MultiwordFormsAndFormsWithCodes) {
  const VerbDictionary dictionary = Phoenix(
      "---  PROTEST   [140]  ---\n"
      "+RAIL_AGAINST\n"
      "+BOO_OFF {+BOOED_OFF}\n"
      "SHOUT_+DOWN [1411]\n"
      "+FUMED_AT {}\n"
      "- * LOUDLY [141]\n");
  ASSERT_EQ(dictionary.verbs.size(), 2u);
  const Verb& shared = dictionary.verbs[0];
  EXPECT_EQ(shared.code, "140");
  EXPECT_EQ(Forms(shared),
            (std::vector<std::string>{"rail against", "rails against", "railed against",
                                      "railing against", "boo off", "booed off", "fumed at"}));
  const Verb& coded = dictionary.verbs[1];
  EXPECT_EQ(coded.code, "1411");
  EXPECT_EQ(coded.source, "x.txt:4");
  EXPECT_EQ(Forms(coded), (std::vector<std::string>{"shout down", "shout downs", "shout downed",
                                                    "shout downing"}));
  EXPECT_EQ(Patterns(coded), std::vector<std::string>{"* loudly [141]"});
}

// Regression: the commas some lists put between forms were read as a form
// of their own, so every comma in a sentence was that verb.
TEST(PhoenixVerbs, CommasBetweenListedFormsAreSeparators) {
  const VerbDictionary dictionary = Phoenix(
      "---  DECIDE   [030]  ---\n"
      "+IS_RESOLVED {+WAS_RESOLVED , +ARE_RESOLVED,+BE_RESOLVED}\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(Forms(dictionary.verbs[0]), (std::vector<std::string>{"is resolved", "was resolved",
                                                                  "are resolved", "be resolved"}));
}

TEST(PhoenixVerbs, RegularForms) {
  const VerbDictionary dictionary =
      Phoenix("--- X [010] ---\nBAN\nDENY\nSTAY\nDIE\nAGREE\nTAX\nPUSH\nVETO\nRELEASE\nEXPEL\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(Forms(dictionary.verbs[0]),
            (std::vector<std::string>{
                "ban",       "bans",   "banned", "banning", "deny",     "denies",   "denied",
                "denying",   "stay",   "stays",  "stayed",  "staying",  "die",      "dies",
                "died",      "dying",  "agree",  "agrees",  "agreed",   "agreeing", "tax",
                "taxes",     "taxed",  "taxing", "push",    "pushes",   "pushed",   "pushing",
                "veto",      "vetoes", "vetoed", "vetoing", "release",  "releases", "released",
                "releasing", "expel",  "expels", "expeled", "expelled", "expeling", "expelling"}));
}

TEST(PhoenixVerbs, ToleratesWhatPetrarchFilesDo) {
  const VerbDictionary dictionary = Phoenix(
      "---  DELAY   [120]---  ---\n"
      "STALL\n"
      "- * (ON TALKS)   TALKS)[121]  # a stray ')'\n"
      "- PROTESTER\t* [122]\n");
  ASSERT_EQ(dictionary.verbs.size(), 1u);
  EXPECT_EQ(dictionary.verbs[0].code, "120");
  EXPECT_EQ(Patterns(dictionary.verbs[0]),
            (std::vector<std::string>{"* on _talks talks [121]", "protester * [122]"}));
}

TEST(PhoenixVerbs, ReportsMalformedLines) {
  EXPECT_EQ(PhoenixError("- * TALKS [031]\n"), "x.txt:1: pattern before any verb");
  EXPECT_EQ(PhoenixError("MEET\n"),
            "x.txt:1: verb form before any '---  VERB  [code]  ---' header");
  EXPECT_EQ(PhoenixError("--- MEET ---\n"), "x.txt:1: no code in brackets: \"MEET ---\"");
  EXPECT_EQ(PhoenixError("--- MEET [031] ---\nMEET\n- * (WITH [1]\n"), "x.txt:3: unclosed '('");
  EXPECT_EQ(PhoenixError("--- MEET [031] ---\nMEET\n- * (WITH } [1]\n"), "x.txt:3: unbalanced '}'");
  EXPECT_EQ(PhoenixError("--- MEET [031] ---\nMEET {MET\n"), "x.txt:2: unclosed '{' in verb forms");
  EXPECT_EQ(PhoenixError("--- MEET [031] ---\n--- GREET [041] ---\nGREET\n"),
            "x.txt:1: verb block MEET has no forms");
  EXPECT_EQ(PhoenixError("<!-- open\n"), "x.txt:1: '<!--' without '-->'");
}

// ---- Discards ----

TEST(Discards, ReadsSentenceAndStoryPhrases) {
  Result<std::vector<Discard>> read = ReadDiscards(
      "x.discards", "# sport\nPENALTY SHOOTOUT   # ab 1 Jan\n+ HAT_TRICK\nKING'S CUP ; tabari\n\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ(Describe((*read)[0].phrase), "penalty _shootout");
  EXPECT_FALSE((*read)[0].story);
  EXPECT_EQ((*read)[0].source, "x.discards:2");
  EXPECT_EQ(Describe((*read)[1].phrase), "hat _trick");
  EXPECT_TRUE((*read)[1].story);
  EXPECT_EQ(Describe((*read)[2].phrase), "king _'s _cup");
  EXPECT_EQ(ReadDiscards("x.discards", "+\n").status().message(),
            "x.discards:1: discard without words");
}

// ---- Files ----

TEST(VerbFile, DispatchesOnContentAndReportsMissingFiles) {
  const std::string dir = ::testing::TempDir();
  const std::string tabari = dir + "/readers_test.verbs";
  const std::string phoenix = dir + "/readers_test.txt";
  std::ofstream(tabari) << "MEET [031]\n- * SOON [036]\n";
  std::ofstream(phoenix) << "--- MEET [031] ---\nMEET {MET MEETS MEETING}\n";
  Result<VerbDictionary> read = ReadVerbFile(tabari);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(Forms(read->verbs.at(0)), std::vector<std::string>{"meet~"});
  read = ReadVerbFile(phoenix);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(Forms(read->verbs.at(0)).size(), 4u);
  EXPECT_EQ(ReadVerbFile(dir + "/no-such.verbs").status().code(), StatusCode::kNotFound);
  std::remove(tabari.c_str());
  std::remove(phoenix.c_str());
}

size_t CountPatterns(const VerbDictionary& dictionary) {
  size_t count = 0;
  for (const Verb& verb : dictionary.verbs) count += verb.patterns.size();
  return count;
}

bool HasPattern(const Verb& verb, std::string_view described) {
  const std::vector<std::string> patterns = Patterns(verb);
  return std::find(patterns.begin(), patterns.end(), described) != patterns.end();
}

TEST(RealFiles, TabariDemoVerbs) {
  const std::optional<std::string> path =
      testing::SharedPath("data/event-coding-dev/tabari/TABARI.Demo.verbs");
  if (!path) GTEST_SKIP() << "TABARI.Demo.verbs is absent";
  Result<VerbDictionary> read = ReadVerbFile(*path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->verbs.size(), 278u);
  EXPECT_EQ(CountPatterns(*read), 440u);  // with one per verb written with a blank
  EXPECT_EQ(read->synsets.size(), 5u);
  EXPECT_EQ(read->discards.size(), 6u);  // five [###] verbs and one [###] pattern
  const Verb* left = FindVerb(*read, "left");
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->code, "032");
  EXPECT_EQ(left->paired_code, "033");
  const Verb* allow = FindVerb(*read, "allow~");
  ASSERT_NE(allow, nullptr);
  EXPECT_TRUE(HasPattern(*allow, "* the _neat~ _place~ [027]"));
  EXPECT_TRUE(HasPattern(*allow, "recent~ _* [025]"));
}

TEST(RealFiles, PetrarchValidationVerbsAndDiscards) {
  const std::optional<std::string> verbs =
      testing::SharedPath("data/event-coding-dev/petrarch/PETR.Validate.verbs.txt");
  const std::optional<std::string> discards =
      testing::SharedPath("data/event-coding-dev/petrarch/PETR.Validate.discards.txt");
  if (!verbs || !discards) GTEST_SKIP() << "PETRARCH's validation files are absent";
  Result<VerbDictionary> read = ReadVerbFile(*verbs);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->verbs.size(), 264u);
  EXPECT_EQ(CountPatterns(*read), 485u);
  EXPECT_EQ(read->synsets.size(), 17u);
  const Verb* ban = FindVerb(*read, "ban");
  ASSERT_NE(ban, nullptr);
  EXPECT_EQ(Forms(*ban), (std::vector<std::string>{"ban", "bans", "banned"}));
  Result<std::vector<Discard>> list = ReadDiscards(*discards, testing::ReadFileOrEmpty(*discards));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->size(), 9u);
}

TEST(RealFiles, PhoenixCameoVerbsAndDiscards) {
  const std::optional<std::string> verbs =
      testing::SharedPath("data/event-coding-dev/phoenix-dictionaries/CAMEO.2.0.txt");
  const std::optional<std::string> discards =
      testing::SharedPath("data/event-coding-dev/phoenix-dictionaries/Phoenix.discards.txt");
  if (!verbs || !discards) GTEST_SKIP() << "the Phoenix dictionaries are absent";
  const auto start = std::chrono::steady_clock::now();
  Result<VerbDictionary> read = ReadVerbFile(*verbs);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_LT(seconds, 2.0);
  // 397 blocks; a form line with a code of its own is a verb of its own,
  // with a copy of its block's patterns (4,668 pattern lines).
  EXPECT_EQ(read->verbs.size(), 517u);
  EXPECT_EQ(CountPatterns(*read), 10149u);
  EXPECT_EQ(read->synsets.size(), 42u);  // 40 defined, 2 named only
  const Verb* anger = FindVerb(*read, "angered by");
  ASSERT_NE(anger, nullptr);
  EXPECT_EQ(Forms(*anger).at(1), "anger");
  EXPECT_EQ(Forms(*anger).at(2), "angers");
  const Verb* appear = FindVerb(*read, "appear");
  ASSERT_NE(appear, nullptr);
  EXPECT_TRUE(HasPattern(*appear, "* before _court [:173]"));
  Result<std::vector<Discard>> list = ReadDiscards(*discards, testing::ReadFileOrEmpty(*discards));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  size_t story = 0;
  for (const Discard& discard : *list) story += discard.story;
  EXPECT_EQ(list->size(), 506u);
  EXPECT_EQ(story, 64u);
}

}  // namespace
}  // namespace storyline::events
