#include "events/validation.h"

#include <gtest/gtest.h>

#include <map>

#include "test_paths.h"

namespace storyline::events {
namespace {

// Fictional records in the TABARI validation syntax, with its quirks: a
// label after an event, a deactivated `-{...}`, an option left open, an
// unclosed comment, events after the comment's end, a header with a
// document id or a repeated date, and records after the end record.
constexpr std::string_view kTabari = R"(A preamble the reader skips.
##########
#   BASIC
##########

950102  ALPHA-01
Valoria is about to sign a trade pact
with Kestrel.
/*\n------------------------------------------------------------
\n[Two events, one dated]
\n{ VAL / KES / 057 } 950101
\n{ KES / VAL / 057 }  (SIGN) PACT */

020304  ALPHA-02
Text here.
/*\n-----
\n-{ VAL / KES / 111 }
\nNo events {---} */

990101  990101  BETA-1a
Kestrel football.
/*\n{###}*/

20110405 OPT-Modify
Setting an option
/*\n{ OPTION: SET: SOMETHING = TRUE }
\n{ OPTION: SET: MINIMUM WORDS = 4  */

950101  GAMMA-01  DOC123
First line /* an aside */ continues
/*\n{ +++ }
\n{ VAL / KES / 190 }
\n{ KES / VAL / 190 }   /*

950101  GAMMA-02
The comment above is not closed, yet this is a record.
/*\n{+++} */
\n{ VAL / RUS / 042 } */

9501011  DELTA-01
Only a deactivated expectation and a date of seven digits.
/*\n-{ VAL / KES / 057 } */

950101  DELTA-02
Declined. /*\n{+++}*/ And text after the comment.

990101  FINAL-01
This is the end of the standard validation records.  Press Q.

950101  AFTER-01
Not read.
/*\n{ VAL / KES / 057 } */
)";

ExpectedEvent Expect(std::string source, std::string target, std::string code,
                     std::optional<std::string> date = std::nullopt) {
  return {{std::move(source), std::move(target), std::move(code)}, std::move(date)};
}

TEST(TabariRecordsTest, ReadsEveryFieldOfTheStandardRecords) {
  const Result<std::vector<ValidationRecord>> records = ParseTabariRecords(kTabari, "v.text");
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 8u);
  const std::vector<ValidationRecord>& r = *records;

  EXPECT_EQ(r[0].id, "ALPHA-01");
  EXPECT_EQ(r[0].category, "ALPHA");
  EXPECT_EQ(r[0].date, "1995-01-02");
  EXPECT_EQ(r[0].text, "Valoria is about to sign a trade pact with Kestrel.");
  EXPECT_EQ(r[0].expected, (std::vector<ExpectedEvent>{Expect("VAL", "KES", "057", "1995-01-01"),
                                                       Expect("KES", "VAL", "057")}));
  EXPECT_EQ(r[0].kind, RecordKind::kNormal);
  EXPECT_EQ(r[0].line, 6);

  EXPECT_EQ(r[1].date, "2002-03-04");  // 0x is 200x
  EXPECT_EQ(r[1].text, "Text here.");
  EXPECT_TRUE(r[1].expected.empty());  // the deactivated one is not expected
  EXPECT_EQ(r[1].kind, RecordKind::kNoEvent);

  EXPECT_EQ(r[2].id, "BETA-1a");
  EXPECT_EQ(r[2].category, "BETA");
  EXPECT_EQ(r[2].date, "1999-01-01");
  EXPECT_EQ(r[2].kind, RecordKind::kDiscard);

  EXPECT_EQ(r[3].date, "2011-04-05");
  EXPECT_EQ(r[3].kind, RecordKind::kOption);
  EXPECT_EQ(r[3].options,
            (std::vector<std::string>{"SET: SOMETHING = TRUE", "SET: MINIMUM WORDS = 4"}));

  EXPECT_EQ(r[4].id, "GAMMA-01");
  EXPECT_EQ(r[4].text, "First line continues");
  EXPECT_EQ(r[4].expected,
            (std::vector<ExpectedEvent>{Expect("VAL", "KES", "190"), Expect("KES", "VAL", "190")}));
  EXPECT_EQ(r[4].kind, RecordKind::kNormal);  // declined, but it lists events

  EXPECT_EQ(r[5].id, "GAMMA-02");
  EXPECT_EQ(r[5].text, "The comment above is not closed, yet this is a record.");
  EXPECT_EQ(r[5].expected, (std::vector<ExpectedEvent>{Expect("VAL", "RUS", "042")}));

  EXPECT_EQ(r[6].date, "");
  EXPECT_EQ(r[6].kind, RecordKind::kUnchecked);

  EXPECT_EQ(r[7].text, "Declined. And text after the comment.");
  EXPECT_EQ(r[7].kind, RecordKind::kDeclined);
}

TEST(TabariRecordsTest, ReportsAnEventWithoutSource) {
  const Result<std::vector<ValidationRecord>> records =
      ParseTabariRecords("950101  X-01\nText.\n/*\n\\n{  / KES / 057 } */\n", "v.text");
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().message(),
            "v.text:4: expected event without source or code: {/ KES / 057}");
}

constexpr std::string_view kPetrarch = R"(<Validation>
<!-- a comment holding <Sentence id="NOT-01"> tags -->
<Environment>
    <Verbfile>V.verbs.txt</Verbfile>
    <Actorfile>A.actors.txt</Actorfile>
    <Agentfile>A.agents.txt</Agentfile>
    <Discardfile>D.discards.txt</Discardfile>
    <Errorfile>errors.txt</Errorfile>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="20010203" id="ONE-01" category="ONE" sentence="true">
<!-- a note with <adjctv> in it -->
<EventCoding sourcecode="VAL" targetcode="KES" eventcode="057"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode = "KES" eventcode="043"></EventCoding>
<Text>
Valoria &amp; friends signed
 a pact.
</Text>
<Parse>(ROOT (S (NP (NNP Valoria)) (VP (VBD signed))))</Parse>
</Sentence>
<Sentence date = "20010204" id ="TWO-01"  category="TWO" sentence="false">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20010205" id="ERR-01" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Football.</Text>
</Sentence>
<Sentence date="20010206" id="ERR-02" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>TOWN: -- A dateline.</Text>
</Sentence>
<Sentence date="20010207" id="ERR-03" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>A bad tree.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchRecordsTest, ReadsEnvironmentAndSentences) {
  const Result<ValidationSuite> suite = ParsePetrarchRecords(kPetrarch, "u.xml", "/d");
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->name, "PETRARCH");
  EXPECT_EQ(suite->verb_files, (std::vector<std::string>{"/d/V.verbs.txt"}));
  EXPECT_EQ(suite->actor_files, (std::vector<std::string>{"/d/A.actors.txt"}));
  EXPECT_EQ(suite->agent_files, (std::vector<std::string>{"/d/A.agents.txt"}));
  EXPECT_EQ(suite->discard_files, (std::vector<std::string>{"/d/D.discards.txt"}));
  ASSERT_EQ(suite->records.size(), 5u);
  const std::vector<ValidationRecord>& r = suite->records;

  EXPECT_EQ(r[0].id, "ONE-01");
  EXPECT_EQ(r[0].category, "ONE");
  EXPECT_EQ(r[0].date, "2001-02-03");
  EXPECT_EQ(r[0].text, "Valoria & friends signed a pact.");
  EXPECT_EQ(r[0].expected, (std::vector<ExpectedEvent>{Expect("VAL", "KES", "057"),
                                                       Expect("\"NEW ACTOR\"", "KES", "043")}));
  EXPECT_EQ(r[0].kind, RecordKind::kNormal);
  EXPECT_EQ(r[0].options, (std::vector<std::string>{"require_dyad=false"}));
  EXPECT_FALSE(r[0].reference_skips);
  EXPECT_EQ(r[0].line, 13);

  EXPECT_EQ(r[1].id, "TWO-01");
  EXPECT_EQ(r[1].date, "2001-02-04");
  EXPECT_EQ(r[1].kind, RecordKind::kNoEvent);
  EXPECT_TRUE(r[1].options.empty());
  EXPECT_TRUE(r[1].reference_skips);

  EXPECT_EQ(r[2].kind, RecordKind::kDiscard);
  EXPECT_EQ(r[3].kind, RecordKind::kDeclined);
  EXPECT_EQ(r[4].kind, RecordKind::kUnchecked);
}

TEST(PetrarchRecordsTest, ReportsMalformedInput) {
  const auto error = [](std::string_view xml) {
    const Result<ValidationSuite> suite = ParsePetrarchRecords(xml, "u.xml", "/d");
    return suite.ok() ? "ok" : suite.status().message();
  };
  EXPECT_EQ(error("<a>\n<!-- open"), "u.xml:2: comment without -->");
  EXPECT_EQ(error("<Sentence id=\"A-1\">\n</Sentence>"), "u.xml:2: Sentence A-1 without Text");
  EXPECT_EQ(error("<Sentence category=\"A\"></Sentence>"), "u.xml:1: Sentence without id");
  EXPECT_EQ(error("<Sentence id=\"A-1\"><EventCoding error=\"odd\"/>"),
            "u.xml:1: unknown EventCoding error 'odd'");
  EXPECT_EQ(error("<Sentence id=\"A-1\"><Text>x</Text>"), "u.xml:1: Sentence A-1 not closed");
  EXPECT_EQ(error("<Sentence id=A-1>"), "u.xml:1: malformed tag <Sentence>");
}

// The suites in ../shared, when present: the counts eval/README.md explains.
TEST(ValidationSuitesTest, ReadsTheRealSuites) {
  const std::optional<std::string> tabari = testing::SharedPath("data/event-coding-dev/tabari");
  const std::optional<std::string> petrarch =
      testing::SharedPath("data/event-coding-dev/petrarch/PETR.UnitTest.records.xml");
  if (!tabari || !petrarch) GTEST_SKIP() << "no ../shared/data/event-coding-dev";
  const auto count = [](const ValidationSuite& suite) {
    size_t expected = 0;
    for (const ValidationRecord& r : suite.records) expected += r.expected.size();
    return expected;
  };
  const Result<ValidationSuite> t = ReadTabariSuite(*tabari);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const auto kinds = [](const ValidationSuite& suite) {
    std::map<std::string_view, int> kinds;
    for (const ValidationRecord& r : suite.records) ++kinds[KindName(r.kind)];
    return kinds;
  };
  EXPECT_EQ(t->records.size(), 472u);
  EXPECT_EQ(count(*t), 521u);
  EXPECT_EQ(kinds(*t), (std::map<std::string_view, int>{{"normal", 401},
                                                        {"no event", 16},
                                                        {"discard", 7},
                                                        {"declined", 20},
                                                        {"unchecked", 5},
                                                        {"option", 23}}));
  EXPECT_EQ(t->actor_files, (std::vector<std::string>{*tabari + "/TABARI.Demo.actors"}));
  EXPECT_EQ(t->verb_files, (std::vector<std::string>{*tabari + "/TABARI.Demo.verbs"}));
  EXPECT_EQ(t->agent_files, (std::vector<std::string>{*tabari + "/Validate.agents"}));

  const Result<ValidationSuite> p = ReadPetrarchSuite(*petrarch);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->records.size(), 284u);
  EXPECT_EQ(count(*p), 359u);
  EXPECT_EQ(
      kinds(*p),
      (std::map<std::string_view, int>{
          {"normal", 257}, {"no event", 19}, {"discard", 4}, {"declined", 1}, {"unchecked", 3}}));
}

Event Produced(std::string source, std::optional<std::string> target, std::string code) {
  Event e;
  e.source.code = std::move(source);
  if (target) {
    e.target.emplace();
    e.target->code = *target;
  }
  e.code = std::move(code);
  return e;
}

TEST(ValidationScoringTest, CountsNegatedEventsAsNotProduced) {
  Event negated = Produced("VAL", "KES", "057");
  negated.negated = true;
  Event future = Produced("VAL", "KES", "036");
  future.modality = "future";
  EXPECT_EQ(ProducedCodes({negated, future, Produced("VAL", std::nullopt, "010")}),
            (std::vector<EventCodes>{{"VAL", "KES", "036"}, {"VAL", "", "010"}}));
}

TEST(ValidationScoringTest, MatchesExpectedAndProducedAsMultisets) {
  ValidationRecord record;
  record.expected = {Expect("A", "B", "010"), Expect("A", "B", "010"), Expect("C", "D", "020")};
  const Tally t = ScoreRecord(
      record, {{"A", "B", "010"}, {"C", "D", "021"}, {"A", "B", "010"}, {"A", "B", "010"}});
  EXPECT_EQ(t.records, 1);
  EXPECT_EQ(t.expected, 3);
  EXPECT_EQ(t.found, 2);
  EXPECT_EQ(t.produced, 4);
  EXPECT_EQ(t.silent, 0);
  EXPECT_DOUBLE_EQ(t.Recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(t.Precision(), 0.5);
}

TEST(ValidationScoringTest, ScoresRecordsExpectingNothingByKind) {
  ValidationRecord record;
  record.kind = RecordKind::kDiscard;
  const Tally honoured = ScoreRecord(record, {});
  EXPECT_EQ(honoured.records, 1);
  EXPECT_EQ(honoured.silent, 1);
  EXPECT_EQ(honoured.silent_honoured, 1);

  record.kind = RecordKind::kNoEvent;
  const Tally broken = ScoreRecord(record, {{"A", "B", "010"}});
  EXPECT_EQ(broken.silent, 1);
  EXPECT_EQ(broken.silent_honoured, 0);
  EXPECT_EQ(broken.produced, 1);  // a false positive

  record.kind = RecordKind::kDeclined;
  const Tally declined = ScoreRecord(record, {{"A", "B", "010"}});
  EXPECT_EQ(declined.records, 0);
  EXPECT_EQ(declined.produced, 0);
  EXPECT_EQ(declined.unscored, 1);
  EXPECT_EQ(declined.unscored_produced, 1);
}

TEST(ValidationScoringTest, ScoresASuiteByCategoryAndWritesEveryRecord) {
  const Result<std::vector<ValidationRecord>> records = ParseTabariRecords(kTabari, "v.text");
  ASSERT_TRUE(records.ok());
  ValidationSuite suite;
  suite.records = *records;
  // A fake coder: ALPHA-01 gets one of its two events and a wrong one,
  // BETA-1a (a discard) gets nothing, GAMMA-02 gets its event.
  const std::map<std::string, std::vector<Event>> produced = {
      {"ALPHA-01", {Produced("VAL", "KES", "057"), Produced("KES", "VAL", "042")}},
      {"GAMMA-02", {Produced("VAL", "RUS", "042")}},
      {"DELTA-02", {Produced("VAL", "KES", "010")}}};
  const CodeRecord code = [&](const ValidationRecord& r) {
    const auto it = produced.find(r.id);
    return it == produced.end() ? std::vector<Event>{} : it->second;
  };
  std::string errors;
  const SuiteScores scores = ScoreSuite(suite, code, &errors);
  EXPECT_EQ(scores.options, 1);
  EXPECT_EQ(scores.total.records, 5);  // ALPHA-01, ALPHA-02, BETA-1a, GAMMA-01, GAMMA-02
  EXPECT_EQ(scores.total.expected, 5);
  EXPECT_EQ(scores.total.found, 2);
  EXPECT_EQ(scores.total.produced, 3);
  EXPECT_EQ(scores.total.silent, 2);
  EXPECT_EQ(scores.total.silent_honoured, 2);
  EXPECT_EQ(scores.total.unscored, 2);  // DELTA-01, DELTA-02
  EXPECT_EQ(scores.total.unscored_produced, 1);
  ASSERT_EQ(scores.categories.count("ALPHA"), 1u);
  EXPECT_EQ(scores.categories.at("ALPHA").found, 1);
  EXPECT_EQ(scores.categories.at("GAMMA").found, 1);
  EXPECT_NE(errors.find("ALPHA-01  normal  1995-01-02  expected 2 found 1 produced 2\n"
                        "  text: Valoria is about to sign a trade pact with Kestrel.\n"
                        "  = VAL KES 057 1995-01-01\n"
                        "  - KES VAL 057\n"
                        "  + KES VAL 042\n"),
            std::string::npos)
      << errors;
  EXPECT_EQ(errors.find("OPT-Modify"), std::string::npos);
}

}  // namespace
}  // namespace storyline::events
