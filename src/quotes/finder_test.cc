#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data_files.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace storyline::quotes {
namespace {

class FinderTest : public ::testing::Test {
 protected:
  FinderTest()
      : finder_(Finder::Create({}, DataFiles{}).value()),
        segmenter_(text::Segmenter::Create({}, DataFiles{}).value()) {}

  Article Segmented(const std::string& text) {
    Article article;
    article.text = text;
    article.sentences = segmenter_.Sentences(article.text);
    return article;
  }

  std::vector<Quote> Find(const std::string& text) { return Find(Segmented(text)); }
  std::vector<Quote> Find(const Article& article) {
    return finder_.Find(article, segmenter_.WordsOf(article.text, article.sentences));
  }

  static std::string Cue(const Article& article, const Quote& quote) {
    if (!quote.cue) return "-";
    return article.text.substr(quote.cue->begin, quote.cue->size());
  }
  static std::string Speaker(const Quote& quote) {
    return quote.speaker ? quote.speaker->text : "-";
  }
  // Each quote as "text | speaker", to compare a whole result at once.
  static std::vector<std::string> TextsAndSpeakers(const std::vector<Quote>& quotes) {
    std::vector<std::string> found;
    for (const Quote& quote : quotes) found.push_back(quote.text + " | " + Speaker(quote));
    return found;
  }

  // A PER or ORG entity whose mentions are the given phrases' first
  // occurrences after `from`.
  static Entity MakeEntity(const Article& article, uint32_t id, const std::string& type,
                           const std::vector<std::string>& phrases, size_t from = 0) {
    Entity entity;
    entity.id = id;
    entity.type = type;
    entity.name = phrases.front();
    for (const std::string& phrase : phrases) {
      const size_t at = article.text.find(phrase, from);
      EXPECT_NE(at, std::string::npos) << phrase;
      EntityMention& m = entity.mentions.emplace_back();
      m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
      from = at + phrase.size();
    }
    return entity;
  }

  Finder finder_;
  text::Segmenter segmenter_;
};

TEST_F(FinderTest, DirectQuoteWithTrailingCue) {
  const Article article = Segmented("“We will rebuild the bridge by spring,” the mayor said.");
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, "direct");
  EXPECT_EQ(quotes[0].text, "We will rebuild the bridge by spring,");
  EXPECT_EQ(quotes[0].span, (ByteSpan{3, 40}));
  EXPECT_EQ(quotes[0].sentence, 0u);
  EXPECT_EQ(Speaker(quotes[0]), "the mayor");
  EXPECT_EQ(quotes[0].speaker->span, (ByteSpan{44, 53}));
  EXPECT_EQ(Cue(article, quotes[0]), "said");
}

TEST_F(FinderTest, DirectQuoteWithInvertedCueAndColonCue) {
  const Article article = Segmented(
      "“The river is rising,” said Anna Berg, a hydrologist.\n"
      "Lukas Moser said: “We are ready.”");
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "The river is rising,");
  EXPECT_EQ(Speaker(quotes[0]), "Anna Berg");
  EXPECT_EQ(quotes[1].text, "We are ready.");
  EXPECT_EQ(quotes[1].kind, "direct");
  EXPECT_EQ(Speaker(quotes[1]), "Lukas Moser");
  EXPECT_EQ(quotes[1].sentence, 1u);
}

TEST_F(FinderTest, QuoteOverTwoParagraphsIsOneQuote) {
  const std::vector<Quote> quotes = Find(
      "Mayor Ilse Brandt spoke first. “The dam held through the night.\n"
      "“We owe that to the crews who stayed,” she said.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text,
            "The dam held through the night.\n“We owe that to the crews who stayed,");
  EXPECT_EQ(quotes[0].kind, "direct");
  EXPECT_EQ(Speaker(quotes[0]), "she");
}

// Regression: "In one" was the speaker of the cue "post" used as a noun.
TEST_F(FinderTest, PhraseStartingWithAPrepositionIsNotTheSpeaker) {
  const std::vector<Quote> quotes =
      Find("In one post Friday, Mayor Ilse Brandt wrote: “The bridge stays shut.”");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "The bridge stays shut.");
  EXPECT_EQ(Speaker(quotes[0]), "Mayor Ilse Brandt");
}

// Regression: "a statement" was the speaker of "saying".
TEST_F(FinderTest, ParticipleAfterAnObjectTakesTheSentenceSubject) {
  const std::vector<Quote> quotes =
      Find("The harbour authority issued a statement saying the port would “reopen soon”.");
  ASSERT_FALSE(quotes.empty());
  EXPECT_EQ(Speaker(quotes[0]), "The harbour authority");
}

// Regression: a manner adverb hid the appositive before the cue.
TEST_F(FinderTest, MannerAdverbBetweenAppositiveAndCue) {
  const std::vector<Quote> quotes =
      Find("Lukas Moser, the head of the union, sharply told reporters that \"the deal is dead.\"");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, "indirect");
  EXPECT_EQ(Speaker(quotes[0]), "Lukas Moser, the head of the union");
  EXPECT_EQ(quotes[1].kind, "partial");
  EXPECT_EQ(quotes[1].text, "the deal is dead.");
  EXPECT_EQ(Speaker(quotes[1]), "Lukas Moser, the head of the union");
}

// Regression: "report" read as a verb made "An engineering" a speaker.
TEST_F(FinderTest, CueFormThatIsMostlyANounIsAVerbOnlyAfterItsSubject) {
  const std::vector<Quote> quotes = Find(
      "An engineering report delivered in June recommended urgent repairs to the spillway. "
      "Lukas Moser reports that the repairs were postponed.");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(Speaker(quotes[0]), "An engineering report delivered in June");
  EXPECT_EQ(quotes[0].text, "urgent repairs to the spillway");
  EXPECT_EQ(Speaker(quotes[1]), "Lukas Moser");
  EXPECT_EQ(quotes[1].text, "that the repairs were postponed");
}

// Regression: "states" in "member states" was read as a speech verb, with
// "patrol boats from member" for its speaker.
TEST_F(FinderTest, PluralNounInSIsNotACue) {
  const std::vector<Quote> quotes = Find(
      "Ilse Brandt said patrol boats from member states would leave at dawn.\n"
      "Several states and two island states sent observers to 12 states.\n"
      "A survey of drivers shows that most ferries run late.\n"
      "The charter states that every port stays open.");
  // "drivers" ends the phrase before a verb in -s: not a modifier.
  EXPECT_EQ(
      TextsAndSpeakers(quotes),
      (std::vector<std::string>{"patrol boats from member states would leave at dawn | Ilse Brandt",
                                "that most ferries run late | A survey of drivers",
                                "that every port stays open | The charter"}));
}

// Regression: after an opening phrase, a participle found no speaker
// ("the mayor" is lower case), or took the phrase for one ("Despite", "In a
// statement on Monday, the harbour board thanked the divers").
TEST_F(FinderTest, ParticipleTakesTheMainClauseSubjectAfterAnOpeningPhrase) {
  const std::vector<Quote> quotes = Find(
      "While praising the harbour plan, the mayor thanked the crews, saying “the city cannot "
      "pay twice”.\n"
      "Despite the delay, Lena Kord thanked the volunteers, saying “the bridge opens in May”.\n"
      "In a statement on Monday, the harbour board thanked the divers, saying “they kept the "
      "port open”.\n"
      "Speaking to reporters on Friday, Ana Ruiz thanked the pilots, saying “nobody slept that "
      "night”.\n"
      "Meanwhile, as the fog lifted, she thanked the cooks, saying “they fed a whole town”.");
  EXPECT_EQ(TextsAndSpeakers(quotes),
            (std::vector<std::string>{
                "the city cannot pay twice | the mayor", "the bridge opens in May | Lena Kord",
                "they kept the port open | the harbour board", "nobody slept that night | Ana Ruiz",
                "they fed a whole town | she"}));
  for (const Quote& quote : quotes) EXPECT_EQ(quote.kind, "partial");
}

// Regression: the partial quote after "saying" was dropped, its speaker
// being sought at the sentence start; a text that reports on someone does
// not speak for them, while a speaker's clause keeps its speaker.
TEST_F(FinderTest, ParticipleAfterAClauseThatATextReportsIsThePersonReported) {
  Article article = Segmented(
      "Tomas Varga met the harbour board on Friday.\n"
      "After the talks, the ministry's statement indicates that Varga was critical of the new "
      "toll, saying “the bridge belongs to everyone”.\n"
      "Nora Falk said the talks had stalled, saying “nobody is listening to the drivers”.");
  article.entities.push_back(MakeEntity(article, 0, "PER", {"Tomas Varga", "Varga"}));
  article.entities.push_back(MakeEntity(article, 1, "PER", {"Nora Falk"}));
  const std::vector<Quote> quotes = Find(article);
  EXPECT_EQ(TextsAndSpeakers(quotes),
            (std::vector<std::string>{
                "that Varga was critical of the new toll | the ministry's statement",
                "the bridge belongs to everyone | Varga", "the talks had stalled | Nora Falk",
                "nobody is listening to the drivers | Nora Falk"}));
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[1].kind, "partial");
  EXPECT_EQ(quotes[1].speaker->entity, 0u);
  EXPECT_EQ(quotes[3].speaker->entity, 1u);
}

// Regression: the opening phrase was read as what the object verb before
// the participle reported ("While pledging support for the port").
TEST_F(FinderTest, OpeningPhraseIsNoContent) {
  const Article article = Segmented(
      "While pledging support for the port, Ana Ruiz criticised the new toll, saying “the "
      "bridge belongs to everyone”.");
  const std::vector<Quote> quotes = Find(article);
  EXPECT_EQ(TextsAndSpeakers(quotes),
            (std::vector<std::string>{"the new toll | Ana Ruiz",
                                      "the bridge belongs to everyone | Ana Ruiz"}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(Cue(article, quotes[0]), "criticised");
  EXPECT_EQ(Cue(article, quotes[1]), "saying");
}

// A subject read from the sentence start does not stand right before its
// cue: what precedes it ("Instead") is no trailing content of its.
TEST_F(FinderTest, OpeningWordIsNoContentOfASubjectReadFurtherBack) {
  EXPECT_EQ(TextsAndSpeakers(
                Find("Instead, she went back to boasting about “record harvests” at every stop.")),
            (std::vector<std::string>{"about “record harvests” at every stop | she",
                                      "record harvests | she"}));
}

// Regression: "May" was read as the link word "may" and cut the speaker.
TEST_F(FinderTest, CapitalisedLinkFormInsideASpeakerIsAName) {
  const std::vector<Quote> quotes =
      Find("A survey published in May found that most ferries run late.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Speaker(quotes[0]), "A survey published in May");
  EXPECT_EQ(quotes[0].text, "that most ferries run late");
}

TEST_F(FinderTest, NestedSingleQuotesStayInside) {
  const std::vector<Quote> quotes =
      Find("“The sign said ‘no entry’ and we obeyed,” the driver said.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "The sign said ‘no entry’ and we obeyed,");
  EXPECT_EQ(Speaker(quotes[0]), "the driver");
}

TEST_F(FinderTest, SpeakerComesFromTheSentenceBeforeAQuote) {
  const std::vector<Quote> quotes = Find(
      "Carla Mendes spoke to reporters on Monday. Then she added:\n"
      "“The harvest will be late this year.”\n"
      "“Prices will rise,” she said. “Nobody can change that.”");
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].text, "The harvest will be late this year.");
  EXPECT_EQ(Speaker(quotes[0]), "she");
  EXPECT_EQ(quotes[2].text, "Nobody can change that.");
  EXPECT_EQ(Speaker(quotes[2]), "she");
  EXPECT_EQ(quotes[2].kind, "direct");
}

TEST_F(FinderTest, TrailingHeSaidGivesThePreviousNamedSpeaker) {
  Article article = Segmented(
      "Tomas Varga, the port director, said the cranes were repaired.\n"
      "“Ships can dock again,” he said.");
  article.entities.push_back(MakeEntity(article, 0, "PER", {"Tomas Varga"}));
  article.entities[0].actor = ActorCode{"HUNBUS", "person", "test"};
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, "indirect");
  EXPECT_EQ(Speaker(quotes[0]), "Tomas Varga, the port director");
  EXPECT_EQ(quotes[0].speaker->entity, 0u);
  EXPECT_EQ(quotes[1].text, "Ships can dock again,");
  EXPECT_EQ(Speaker(quotes[1]), "he");
  EXPECT_EQ(quotes[1].speaker->entity, 0u);
  EXPECT_EQ(quotes[1].speaker->code, "HUNBUS");
}

TEST_F(FinderTest, PronounResolvesToTheLastCompatibleNamedSpeaker) {
  Article article = Segmented(
      "Nora Falk said the talks had stalled. The union said it would strike.\n"
      "Later she said the offer was too low. They said talks would resume.");
  article.entities.push_back(MakeEntity(article, 0, "PER", {"Nora Falk"}));
  article.entities.push_back(MakeEntity(article, 1, "ORG", {"The union"}));
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(Speaker(quotes[2]), "she");
  EXPECT_EQ(quotes[2].speaker->entity, 0u);  // a person, skipping the union
  EXPECT_EQ(Speaker(quotes[3]), "They");
  EXPECT_EQ(quotes[3].speaker->entity, 1u);
}

TEST_F(FinderTest, NominalResolvesToTheEntityWithThatRole) {
  Article article = Segmented(
      "Paul Okafor is the club's spokesman. The spokesman said the match would go ahead.");
  Entity okafor = MakeEntity(article, 0, "PER", {"Paul Okafor"});
  okafor.role = "spokesman";
  article.entities.push_back(okafor);
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Speaker(quotes[0]), "The spokesman");
  EXPECT_EQ(quotes[0].speaker->entity, 0u);
  EXPECT_EQ(quotes[0].text, "the match would go ahead");
}

TEST_F(FinderTest, ASpeakerPhraseIsTheEntityThatSpeaksNotItsQualifier) {
  Article article = Segmented(
      "The Veldish Trade Ministry said on Friday that the tariffs were “fair and final”.");
  article.entities.push_back(MakeEntity(article, 0, "MISC", {"Veldish"}));
  article.entities.push_back(MakeEntity(article, 1, "ORG", {"Trade Ministry"}));
  article.entities[1].actor = ActorCode{"VELGOV", "role", "Trade Ministry"};
  const std::vector<Quote> quotes = Find(article);
  ASSERT_FALSE(quotes.empty());
  for (const Quote& quote : quotes) {
    ASSERT_TRUE(quote.speaker.has_value());
    EXPECT_EQ(quote.speaker->text, "The Veldish Trade Ministry");
    EXPECT_EQ(quote.speaker->entity, 1u);
    EXPECT_EQ(quote.speaker->code, "VELGOV");
  }
}

TEST_F(FinderTest, ReportedSpeechAfterTheCue) {
  const Article article = Segmented(
      "The minister said on Tuesday that the border would reopen.\n"
      "Rosa Lind told reporters the vote was fair.\n"
      "The committee has repeatedly denied any wrongdoing.");
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].text, "that the border would reopen");
  EXPECT_EQ(quotes[0].kind, "indirect");
  EXPECT_EQ(Speaker(quotes[0]), "The minister");
  EXPECT_EQ(quotes[1].text, "the vote was fair");
  EXPECT_EQ(Cue(article, quotes[1]), "told");
  EXPECT_EQ(Speaker(quotes[1]), "Rosa Lind");
  EXPECT_EQ(quotes[2].text, "any wrongdoing");
  EXPECT_EQ(Speaker(quotes[2]), "The committee");
}

TEST_F(FinderTest, ReportedSpeechBeforeATrailingCue) {
  const std::vector<Quote> quotes = Find("The factory will close in May, the company said.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "The factory will close in May");
  EXPECT_EQ(quotes[0].kind, "indirect");
  EXPECT_EQ(Speaker(quotes[0]), "the company");
}

TEST_F(FinderTest, AccordingToNamesTheSource) {
  const Article article = Segmented(
      "According to the fire brigade, nobody was hurt.\n"
      "The road stays closed until Friday, according to police.");
  const std::vector<Quote> quotes = Find(article);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "nobody was hurt");
  EXPECT_EQ(Speaker(quotes[0]), "the fire brigade");
  EXPECT_EQ(Cue(article, quotes[0]), "According to");
  EXPECT_EQ(quotes[1].text, "The road stays closed until Friday");
  EXPECT_EQ(Speaker(quotes[1]), "police");
}

TEST_F(FinderTest, PartialQuoteInsideReportedSpeech) {
  const std::vector<Quote> quotes =
      Find("Ines Maro called the decision “hasty and irresponsible” on Sunday.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, "partial");
  EXPECT_EQ(quotes[0].text, "hasty and irresponsible");
  EXPECT_EQ(Speaker(quotes[0]), "Ines Maro");
}

TEST_F(FinderTest, ScareQuotesAreNotQuotes) {
  EXPECT_TRUE(Find("The so-called “reset” failed within a year.").empty());
  EXPECT_TRUE(Find("Critics saw the \"plan\" as the \"big idea\" of the summer.").empty());
  // One word with a cue is a quote.
  const std::vector<Quote> quotes = Find("Ana Soto said the plan was “reckless”.");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, "indirect");
  EXPECT_EQ(quotes[0].text, "the plan was “reckless”");
  EXPECT_EQ(quotes[1].kind, "partial");
  EXPECT_EQ(quotes[1].text, "reckless");
  EXPECT_EQ(Speaker(quotes[1]), "Ana Soto");
}

TEST_F(FinderTest, OffsetsAreBytes) {
  const Article article =
      Segmented("« Ça suffit », a-t-il dit. Zoë Müller said: “Größer ist besser.”");
  const std::vector<Quote> quotes = Find(article);
  ASSERT_FALSE(quotes.empty());
  const Quote& last = quotes.back();
  EXPECT_EQ(last.text, "Größer ist besser.");
  EXPECT_EQ(article.text.substr(last.span.begin, last.span.size()), "Größer ist besser.");
  EXPECT_EQ(last.span, (ByteSpan{52, 72}));
  EXPECT_EQ(Speaker(last), "Zoë Müller");
  EXPECT_EQ(last.speaker->span, (ByteSpan{30, 42}));
}

TEST_F(FinderTest, CuesInsideQuotesAndNounsAreNotCues) {
  const std::vector<Quote> quotes =
      Find("The report was late. “My aide said he would call,” the mayor told us.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "My aide said he would call,");
  EXPECT_EQ(Speaker(quotes[0]), "the mayor");
}

TEST_F(FinderTest, BadInputFindsNothingAndDoesNotCrash) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("said").empty());
  EXPECT_TRUE(Find("\" \" “ ” , said , according to").empty());
  Article no_sentences;
  no_sentences.text = "“Nobody segmented this,” he said.";
  EXPECT_TRUE(Find(no_sentences).empty());
}

}  // namespace
}  // namespace storyline::quotes
