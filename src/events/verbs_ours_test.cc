// Tests of the reader of our verb dictionary (verbs_ours.cc,
// docs/formats/verbs.md) on small snippets, and of the file we ship.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/data_files.h"
#include "core/tsv.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

using Kind = Element::Kind;

Element W(std::string text, bool adjacent = false, bool optional = false) {
  Element e;
  e.word = Word{std::move(text), false};
  e.adjacent = adjacent;
  e.optional = optional;
  return e;
}

Element Role(Kind kind, bool adjacent = false) {
  Element e;
  e.kind = kind;
  e.adjacent = adjacent;
  return e;
}

Element Set(uint32_t index) {
  Element e;
  e.kind = Kind::kSynset;
  e.synset = index;
  return e;
}

Element Choice(std::vector<std::vector<Element>> choices, bool optional = false) {
  Element e;
  e.kind = Kind::kChoice;
  e.choices = std::move(choices);
  e.optional = optional;
  return e;
}

std::vector<Word> Form(std::initializer_list<const char*> words) {
  std::vector<Word> form;
  for (const char* w : words) form.push_back(Word{w, false});
  return form;
}

VerbDictionary Read(std::string_view text) {
  Result<VerbDictionary> dictionary = ReadOurVerbs("verbs.txt", text);
  EXPECT_TRUE(dictionary.ok()) << dictionary.status().ToString();
  return dictionary.ok() ? std::move(dictionary).value() : VerbDictionary();
}

std::string ErrorOf(std::string_view text) {
  const Result<VerbDictionary> dictionary = ReadOurVerbs("verbs.txt", text);
  if (dictionary.ok()) return "ok";
  EXPECT_EQ(dictionary.status().code(), StatusCode::kInvalidArgument);
  return dictionary.status().message();
}

TEST(ReadOurVerbs, ReadsAVerbWithItsFormsCodeAndPatterns) {
  const VerbDictionary d = Read(
      "# a comment\n"
      "\n"
      "verb 040:040  Meet, meets, met, meeting   # trailing comment\n"
      "  -        * the? deadline\n"
      "  042:043  $ * with_+\n");
  ASSERT_EQ(d.verbs.size(), 1u);
  const Verb& meet = d.verbs[0];
  EXPECT_EQ(meet.forms, (std::vector<std::vector<Word>>{Form({"meet"}), Form({"meets"}),
                                                        Form({"met"}), Form({"meeting"})}));
  EXPECT_EQ(meet.code, "040");
  EXPECT_EQ(meet.paired_code, "040");
  EXPECT_FALSE(meet.noun);
  EXPECT_EQ(meet.source, "verbs.txt:3");
  ASSERT_EQ(meet.patterns.size(), 2u);
  const Pattern& deadline = meet.patterns[0];
  EXPECT_TRUE(deadline.before.empty());
  EXPECT_EQ(deadline.after, (std::vector<Element>{W("the", false, true), W("deadline")}));
  EXPECT_EQ(deadline.code, "");
  EXPECT_EQ(deadline.paired_code, "");
  EXPECT_EQ(deadline.source, "verbs.txt:4");
  const Pattern& with = meet.patterns[1];
  EXPECT_EQ(with.before, (std::vector<Element>{Role(Kind::kSource)}));
  EXPECT_EQ(with.after, (std::vector<Element>{W("with"), Role(Kind::kTarget, true)}));
  EXPECT_EQ(with.code, "042");
  EXPECT_EQ(with.paired_code, "043");
  EXPECT_EQ(with.source, "verbs.txt:5");
  EXPECT_TRUE(d.synsets.empty());
  EXPECT_TRUE(d.discards.empty());
}

TEST(ReadOurVerbs, ReadsMultiwordAndStemFormsAndNouns) {
  const VerbDictionary d = Read(
      "verb 020 call for, calls for, called for, calling for\n"
      "noun 046 talks, negotiat*\n"
      "  046:046  * between $ and +\n"
      "noun - heart attack\n");
  ASSERT_EQ(d.verbs.size(), 3u);
  EXPECT_EQ(d.verbs[0].forms[2], Form({"called", "for"}));
  EXPECT_EQ(d.verbs[0].paired_code, "");
  EXPECT_TRUE(d.verbs[1].noun);
  EXPECT_EQ(d.verbs[1].forms[1], std::vector<Word>{(Word{"negotiat", true})});
  EXPECT_EQ(d.verbs[1].patterns[0].after, (std::vector<Element>{W("between"), Role(Kind::kSource),
                                                                W("and"), Role(Kind::kTarget)}));
  EXPECT_EQ(d.verbs[1].source, "verbs.txt:2");
  // A form that codes nothing: it keeps "attack" in "heart attack" from coding.
  EXPECT_EQ(d.verbs[2].forms, std::vector<std::vector<Word>>{Form({"heart", "attack"})});
  EXPECT_EQ(d.verbs[2].code, "");
  EXPECT_TRUE(d.verbs[2].patterns.empty());
}

TEST(ReadOurVerbs, ReadsSynsetsChoicesAndTheCompoundActor) {
  const VerbDictionary d = Read(
      "&SHIP = warship | aircraft_carrier | navy? ship*\n"
      "&FORCE = {troops | &SHIP}\n"
      "verb - send, sends, sent, sending\n"
      "  154  held? * &SHIP_{to | near}?\n"
      "  -    % * {a_letter | an_email}\n");
  ASSERT_EQ(d.synsets.size(), 2u);
  EXPECT_EQ(d.synsets[0].name, "&SHIP");
  EXPECT_EQ(d.synsets[0].source, "verbs.txt:1");
  Element stem = W("ship");
  stem.word.stem = true;
  EXPECT_EQ(
      d.synsets[0].phrases,
      (std::vector<std::vector<Element>>{
          {W("warship")}, {W("aircraft"), W("carrier", true)}, {W("navy", false, true), stem}}));
  EXPECT_EQ(d.synsets[1].phrases,
            (std::vector<std::vector<Element>>{{Choice({{W("troops")}, {Set(0)}})}}));
  const Verb& send = d.verbs[0];
  EXPECT_EQ(send.code, "");
  ASSERT_EQ(send.patterns.size(), 2u);
  EXPECT_EQ(send.patterns[0].before, (std::vector<Element>{W("held", false, true)}));
  Element to_or_near = Choice({{W("to")}, {W("near")}}, true);
  to_or_near.adjacent = true;
  EXPECT_EQ(send.patterns[0].after, (std::vector<Element>{Set(0), to_or_near}));
  EXPECT_EQ(send.patterns[1].before, (std::vector<Element>{Role(Kind::kAny)}));
  EXPECT_EQ(
      send.patterns[1].after,
      (std::vector<Element>{Choice({{W("a"), W("letter", true)}, {W("an"), W("email", true)}})}));
}

TEST(ReadOurVerbs, ReportsEachMalformedLineWithItsNumber) {
  EXPECT_EQ(ErrorOf("verb 040 meet\n\nfoo bar\n"),
            "verbs.txt:3: unknown line 'foo bar' (expected 'verb', 'noun', '&NAME = ...' or an "
            "indented pattern)");
  for (const char* code : {"4", "04a", "01234", "042:", ":043", "042:043:044", "--", "-:043"}) {
    EXPECT_EQ(ErrorOf("verb " + std::string(code) + " meet\n"),
              "verbs.txt:1: bad code '" + std::string(code) +
                  "' (expected 2 to 4 digits, CODE:CODE for a paired event, or - for none)");
    EXPECT_EQ(ErrorOf("verb 040 meet\n  " + std::string(code) + " * with +\n"),
              "verbs.txt:2: bad code '" + std::string(code) +
                  "' (expected 2 to 4 digits, CODE:CODE for a paired event, or - for none)");
  }
  EXPECT_EQ(ErrorOf("verb 040\n"), "verbs.txt:1: missing forms after the code");
  EXPECT_EQ(ErrorOf("verb 040 meet,, met\n"), "verbs.txt:1: empty form");
  EXPECT_EQ(ErrorOf("verb 040 me$et\n"), "verbs.txt:1: bad word 'me$et'");
  EXPECT_EQ(ErrorOf("verb 040 meet, met\nverb 041 met\n"),
            "verbs.txt:2: form 'met' already given on line 1");
  EXPECT_EQ(ErrorOf("verb 040 meet, meet\n"), "verbs.txt:1: form 'meet' already given on line 1");
  EXPECT_EQ(ErrorOf("verb 040 meet\nnoun 040 meet\n"), "ok");
  EXPECT_EQ(ErrorOf("  040 * with +\n"), "verbs.txt:1: pattern outside a verb");
  EXPECT_EQ(ErrorOf("&A = a\n  040 * a\n"), "verbs.txt:2: pattern outside a verb");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040\n"), "verbs.txt:2: missing pattern after the code");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 $ with +\n"),
            "verbs.txt:2: a pattern needs exactly one '*', got 0");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * * +\n"),
            "verbs.txt:2: a pattern needs exactly one '*', got 2");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 *\n"),
            "verbs.txt:2: a pattern needs an element besides '*'");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 held_* +\n"),
            "verbs.txt:2: '_' cannot join '*' to the element before it");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 $ * $\n"),
            "verbs.txt:2: '$', '+' and '%' may each stand once in a pattern");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 % * +\n"),
            "verbs.txt:2: '%' stands for '$' and '+' at once");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * +?\n"), "verbs.txt:2: '+' cannot be optional");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * {with | +}\n"),
            "verbs.txt:2: '+' may stand only in a pattern, not in a choice or set");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * {with | }\n"), "verbs.txt:2: empty alternative");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * {with\n"), "verbs.txt:2: '{' without '}'");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * with }\n"), "verbs.txt:2: unexpected '}'");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * with | at\n"), "verbs.txt:2: unexpected '|'");
  EXPECT_EQ(ErrorOf("verb 040 meet\n  040 * &NOPE\n"), "verbs.txt:2: unknown synonym set &NOPE");
  for (const char* joined :
       {"* _with", "* with_", "* with _ +", "{_a | b} *", "{a_ | b} *", "* with__+", "_* +"}) {
    EXPECT_EQ(ErrorOf("verb 040 meet\n  040 " + std::string(joined) + "\n"),
              "verbs.txt:2: '_' must join two elements in '" + std::string(joined) + "'")
        << joined;
  }
  EXPECT_EQ(ErrorOf("&ship = boat\n"),
            "verbs.txt:1: bad synonym set name '&ship' (expected '&' and upper-case letters, "
            "digits or '-')");
  EXPECT_EQ(ErrorOf("&SHIP boat\n"),
            "verbs.txt:1: bad synonym set name '&SHIP boat' (expected '&' and upper-case "
            "letters, digits or '-')");
  EXPECT_EQ(ErrorOf("&SHIP\n"), "verbs.txt:1: expected '=' after &SHIP");
  EXPECT_EQ(ErrorOf("&SHIP = boat\n&SHIP = ship\n"),
            "verbs.txt:2: synonym set &SHIP already defined");
  EXPECT_EQ(ErrorOf("&SHIP = boat | $\n"),
            "verbs.txt:1: '$' may stand only in a pattern, not in a choice or set");
  EXPECT_EQ(ErrorOf("&SHIP = boat }\n"), "verbs.txt:1: unexpected '}'");
  EXPECT_EQ(ErrorOf("&SHIP =\n"), "verbs.txt:1: empty alternative");
}

// The codes of the CAMEO codebook we ship.
std::set<std::string> CameoCodes() {
  const Result<std::string> text = DataFiles().Read("events/cameo-codes.tsv");
  EXPECT_TRUE(text.ok());
  // A named copy: the rows are views into it.
  const std::string contents = text.ok() ? *text : std::string();
  std::set<std::string> codes;
  for (const TsvRow& row : SplitTsv(contents)) codes.emplace(row.fields[0]);
  return codes;
}

TEST(ReadOurVerbs, ShippedDictionaryUsesCameoCodesOfEveryRoot) {
  const Result<std::string> text = DataFiles().Read("events/verbs.en.txt");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const Result<VerbDictionary> d = ReadOurVerbs("events/verbs.en.txt", *text);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  const std::set<std::string> cameo = CameoCodes();
  ASSERT_EQ(cameo.size(), 311u);
  std::set<std::string> roots;
  const auto check = [&](const std::string& code, const std::string& source) {
    if (code.empty()) return;
    EXPECT_TRUE(cameo.contains(code)) << source << ": code " << code << " is not a CAMEO code";
    roots.insert(code.substr(0, 2));
  };
  for (const Verb& verb : d->verbs) {
    check(verb.code, verb.source);
    check(verb.paired_code, verb.source);
    for (const Pattern& pattern : verb.patterns) {
      check(pattern.code, pattern.source);
      check(pattern.paired_code, pattern.source);
    }
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GE(d->verbs.size(), 250u);
}

}  // namespace
}  // namespace storyline::events
