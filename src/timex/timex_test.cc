#include "timex/timex.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "text/text.h"

namespace storyline::timex {
namespace {

// Wednesday 29 September 2021 (ISO week 39).
constexpr CivilDay kPublished{2021, 9, 29};

const Tagger& SharedTagger() {
  static const Tagger* tagger = [] {
    Result<Tagger> created = Tagger::Create({}, DataFiles{});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return new Tagger(std::move(created).value());
  }();
  return *tagger;
}

std::vector<Timex> TagText(std::string_view text, std::optional<CivilDay> published) {
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
  EXPECT_TRUE(segmenter.ok());
  return SharedTagger().Tag(text, segmenter->Sentences(text), published);
}

struct Case {
  std::string sentence;
  std::string text;  // the expected timex text
  std::string type;
  std::string value;
  std::string mod;  // "" for none
};

TEST(Tagger, NormalisesExpressionsAgainstPublicationDate) {
  const Case cases[] = {
      {"The ferry line opened on 27 September 2021.", "27 September 2021", "DATE", "2021-09-27",
       ""},
      {"The ferry line opened on Sept. 27, 2021.", "Sept. 27, 2021", "DATE", "2021-09-27", ""},
      {"The ferry line opened on 2021-09-27 at dawn.", "2021-09-27", "DATE", "2021-09-27", ""},
      {"The lighthouse was repainted in September 2020.", "September 2020", "DATE", "2020-09", ""},
      {"The lighthouse was repainted in 2020.", "2020", "DATE", "2020", ""},
      {"The lighthouse was repainted in the 1990s.", "the 1990s", "DATE", "199", ""},
      {"The glassworks closed in late 2019.", "late 2019", "DATE", "2019", "END"},
      {"The glassworks closed in early March.", "early March", "DATE", "2021-03", "START"},
      {"Orchard sales rose last week.", "last week", "DATE", "2021-W38", ""},
      {"Orchard sales rose this month.", "this month", "DATE", "2021-09", ""},
      {"Orchard sales rose last year.", "last year", "DATE", "2020", ""},
      {"Orchard sales will rise next year.", "next year", "DATE", "2022", ""},
      {"Orchard sales rose in the third quarter.", "the third quarter", "DATE", "2021-Q3", ""},
      {"Orchard sales fell a year ago.", "a year ago", "DATE", "2020", ""},
      {"The puppet festival opened in July.", "July", "DATE", "2021-07", ""},
      {"The puppet festival opened yesterday.", "yesterday", "DATE", "2021-09-28", ""},
      {"The puppet festival opens tomorrow.", "tomorrow", "DATE", "2021-09-30", ""},
      {"The puppet festival is busy now.", "now", "DATE", "PRESENT_REF", ""},
      {"The puppet festival has recently grown.", "recently", "DATE", "PAST_REF", ""},
      {"The vault was opened at 10:53.", "10:53", "TIME", "2021-09-29T10:53", ""},
      {"The vault will open at 4 p.m. tomorrow.", "4 p.m. tomorrow", "TIME", "2021-09-30T16:00",
       ""},
      {"The glider strike lasted two days.", "two days", "DURATION", "P2D", ""},
      {"The glider lease runs for 20 years.", "20 years", "DURATION", "P20Y", ""},
      {"The glider vote took three hours.", "three hours", "DURATION", "PT3H", ""},
      {"The glider club signed a five-year deal.", "five-year", "DURATION", "P5Y", ""},
      {"The glider club waited twenty-four hours.", "twenty-four hours", "DURATION", "PT24H", ""},
      {"The glider club waited more than two years.", "more than two years", "DURATION", "P2Y",
       "MORE_THAN"},
      {"The glider club waited about a month.", "about a month", "DURATION", "P1M", "APPROX"},
      {"The glider club waited for years.", "years", "DURATION", "PXY", ""},
      {"The river bulletin appears weekly.", "weekly", "SET", "P1W", ""},
      {"The river ferry sails every day.", "every day", "SET", "P1D", ""},
      {"The river ferry sails every Monday.", "every Monday", "SET", "XXXX-WXX-1", ""},
      {"The mill stopped at the end of 2019.", "the end of 2019", "DATE", "2019", "END"},
      {"The mill reported the 2019 third quarter.", "the 2019 third quarter", "DATE", "2019-Q3",
       ""},
      {"The mill rebuilt this morning.", "this morning", "TIME", "2021-09-29TMO", ""},
      {"The mill burned last night.", "last night", "TIME", "2021-09-28TNI", ""},
      {"The mill reopens on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2021-11-25", ""},
      {"The mill closed at Christmas 2019.", "Christmas 2019", "DATE", "2019-12-25", ""},
      {"The mill will reopen in the near future.", "the near future", "DATE", "FUTURE_REF", ""},
      {"The mill lost money in the fiscal year.", "the fiscal year", "DATE", "2021", ""},
      {"The mill has grown in recent years.", "recent years", "DATE", "PAST_REF", ""},
      // A month without a year: the clause's tense says which way to look.
      {"The bridge opened in December.", "December", "DATE", "2020-12", ""},
      {"The bridge will open in February.", "February", "DATE", "2022-02", ""},
      {"Orchard sales rose this January.", "this January", "DATE", "2021-01", ""},
      {"The quay flooded last Oct. 23.", "last Oct. 23", "DATE", "2020-10-23", ""},
      {"The glider club closed over the weekend.", "the weekend", "DATE", "2021-W38-WE", ""},
      {"The glider club will race at the weekend.", "the weekend", "DATE", "2021-W39-WE", ""},
      {"Orchard sales fell over the past year.", "the past year", "DATE", "2020", ""},
      {"Orchard sales rose earlier this year.", "earlier this year", "DATE", "2021", ""},
      {"The fair opened early Friday morning.", "early Friday morning", "DATE", "2021-09-24TMO",
       "START"},
      {"The regatta opened on March eighth.", "March eighth", "DATE", "2021-03-08", ""},
      {"The quay was promised for the year two thousand.", "the year two thousand", "DATE", "2000",
       ""},
      {"The quay dates from the 20th century.", "the 20th century", "DATE", "19", ""},
      {"The strike lasted two more weeks.", "two more weeks", "DURATION", "P2W", ""},
      {"Trading halted for eight trading days.", "eight trading days", "DURATION", "P8D", ""},
      {"The quay took a couple of years.", "a couple of years", "DURATION", "P2Y", ""},
      {"The crossing took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M", ""},
      {"The vote took an hour and a half.", "an hour and a half", "DURATION", "PT1H30M", ""},
      {"The vote closes at noon Thursday.", "noon Thursday", "TIME", "2021-09-30T12:00", ""},
      {"The regatta is held annually.", "annually", "SET", "P1Y", ""},
      {"The hearing will open in the week of March 6.", "the week of March 6", "DATE", "2022-W09",
       ""},
  };
  for (const Case& c : cases) {
    const std::vector<Timex> found = TagText(c.sentence, kPublished);
    ASSERT_EQ(found.size(), 1u) << c.sentence;
    const Timex& t = found[0];
    EXPECT_EQ(t.text, c.text) << c.sentence;
    EXPECT_EQ(t.type, c.type) << c.sentence;
    EXPECT_EQ(t.value, c.value) << c.sentence;
    EXPECT_EQ(t.mod.value_or(""), c.mod) << c.sentence;
  }
}

TEST(Tagger, ReportsSentenceAndByteOffsets) {
  const std::string text = "The mill shut.\nIt reopened on 3 May 2021 after repairs.";
  const std::vector<Timex> found = TagText(text, kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].sentence, 1u);
  EXPECT_EQ(found[0].span, (ByteSpan{30, 40}));
  EXPECT_EQ(text.substr(30, 10), "3 May 2021");
  EXPECT_EQ(found[0].anchor, "none");
}

TEST(Tagger, ResolvesPastTenseWeekdayToLastOne) {
  const std::vector<Timex> found = TagText("The mayor of Fernvale said on Monday.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-27");
  EXPECT_EQ(found[0].anchor, "publication");
}

TEST(Tagger, ResolvesFutureTenseWeekdayToNextOne) {
  const std::vector<Timex> found =
      TagText("The mayor of Fernvale will meet the guild on Monday.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-10-04");
}

TEST(Tagger, ResolvesWeekdayNamingPublicationDayToThatDay) {
  const std::vector<Timex> found = TagText("The guild said Wednesday it agreed.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-29");
}

TEST(Tagger, ReadsWeekdayAfterPublicationAsNextDayWithoutTenseCue) {
  std::vector<Timex> found = TagText("The guild's market: Thursday at the pier.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-30");
  found = TagText("The guild said its market closed Thursday.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-23");
}

TEST(Tagger, DoesNotReadVerbsEndingInEedAsPast) {
  // "succeed" is no past tense: "will" decides, and February is the coming one.
  std::vector<Timex> found =
      TagText("The baker will succeed the guild's treasurer Feb. 1.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2022-02-01");
  // "agreed" is listed as a past cue.
  found = TagText("The guild will say the ferrymen agreed Monday.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-27");
}

TEST(Tagger, DoesNotReadCapitalisedNamesEndingInEdAsPast) {
  // "United" is a name: without a cue, Thursday in a Wednesday paper is the next day.
  const std::vector<Timex> found =
      TagText("The envoy is flying to the United States Thursday.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-30");
}

TEST(Tagger, TakesTenseOfFrontedMonthFromTheVerbAfterIt) {
  // January is four months ahead of September: only "brought" makes it the past one.
  std::vector<Timex> found =
      TagText("In January, the guild brought in a new treasurer.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-01");
  found = TagText("In January, the guild will elect a treasurer.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2022-01");
}

TEST(Tagger, ReachesTenseCueAcrossALongObject) {
  // "stepped" stands ten tokens before the month: the December just past.
  const std::vector<Timex> found =
      TagText("The treasurer stepped down as chairman, president and chief executive in December.",
              kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2020-12");
}

// Monday 10 March 2025: August is five months ahead, December nine, beyond
// the four months a clause without a tense cue looks ahead.
constexpr CivilDay kMarchPaper{2025, 3, 10};

// The value of the one expression in `sentence` published in kMarchPaper.
std::string OnlyValueInMarch(std::string_view sentence) {
  const std::vector<Timex> found = TagText(sentence, kMarchPaper);
  EXPECT_EQ(found.size(), 1u) << sentence;
  return found.size() == 1 ? found[0].value : "";
}

TEST(Tagger, ReadsTimeLimitWithoutTenseCueAsTheComingOne) {
  EXPECT_EQ(OnlyValueInMarch("The dam commission is to report by the end of August."), "2025-08");
  EXPECT_EQ(OnlyValueInMarch("Ferry passes stay valid until December."), "2025-12");
  // A bare weekday as a limit is the coming one, not the last.
  EXPECT_EQ(OnlyValueInMarch("The lock keepers want an answer by Friday."), "2025-03-14");
}

TEST(Tagger, KeepsTimeLimitInAClauseThatLooksBack) {
  EXPECT_EQ(OnlyValueInMarch("The reservoir had fallen by the end of August."), "2024-08");
  // Opening the sentence, the limit takes the tense of the clause after it.
  EXPECT_EQ(OnlyValueInMarch("By Sunday evening, 71 barges were waiting at the lock."),
            "2025-03-09TEV");
}

TEST(Tagger, DoesNotReadPassiveParticiplesAsPast) {
  // "finished" after "be" is no past tense: "will" decides.
  EXPECT_EQ(OnlyValueInMarch("The dam will be finished by the end of August."), "2025-08");
  EXPECT_EQ(OnlyValueInMarch("Tolls on the dam road are suspended until December."), "2025-12");
  // A listed past form too.
  EXPECT_EQ(OnlyValueInMarch("The fair will be held in September."), "2025-09");
  // "was" still looks back.
  EXPECT_EQ(OnlyValueInMarch("The dam was finished in December."), "2024-12");
}

TEST(Tagger, DoesNotTakeTenseOfTheSpeakerAfterAQuote) {
  // ", said" reports the quotation; the month's own clause has no cue.
  EXPECT_EQ(OnlyValueInMarch("\"We could be sailing again in July,\" said the harbour master."),
            "2025-07");
}

TEST(Tagger, ReadsWeekdayWithPluralPartOfDayAsSet) {
  const std::vector<Timex> found =
      TagText("Ferries will sail on Monday and Tuesday nights and on Friday night.", kPublished);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].text, "Monday");
  EXPECT_EQ(found[0].type, "SET");
  EXPECT_EQ(found[0].value, "XXXX-WXX-1TNI");
  EXPECT_EQ(found[1].text, "Tuesday nights");
  EXPECT_EQ(found[1].value, "XXXX-WXX-2TNI");
  EXPECT_EQ(found[2].text, "Friday night");
  EXPECT_EQ(found[2].type, "DATE");
  EXPECT_EQ(found[2].value, "2021-10-01TNI");
}

TEST(Tagger, ReadsSecondDayOfAPairInTheNamedMonth) {
  std::vector<Timex> found =
      TagText("The fair will be held on October 24 and 25 at the pier.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "2021-10-24");
  EXPECT_EQ(found[1].text, "25");
  EXPECT_EQ(found[1].value, "2021-10-25");
  found = TagText("On October 24 prices rose between 24 and 25 percent.", kPublished);
  ASSERT_EQ(found.size(), 1u);
}

TEST(Tagger, ResolvesNextDayAgainstDateTheTextIsAbout) {
  const std::vector<Timex> found = TagText(
      "The bridge opened on 20 September 2021. The toll was dropped the next day.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "the next day");
  EXPECT_EQ(found[1].value, "2021-09-21");
  EXPECT_EQ(found[1].anchor, "previous");
}

TEST(Tagger, ResolvesPreviousDayAgainstPublicationWithoutEarlierDate) {
  const std::vector<Timex> found = TagText("The toll was dropped the previous day.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-09-28");
  EXPECT_EQ(found[0].anchor, "publication");
}

TEST(Tagger, ReadsYearAgoAsSameQuarterInQuarterlyReport) {
  const std::vector<Timex> found = TagText(
      "The bakery chain earned more in the second quarter. Its profit a year earlier was lower.",
      kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "2021-Q2");
  EXPECT_EQ(found[1].text, "a year earlier");
  EXPECT_EQ(found[1].value, "2020-Q2");
  EXPECT_EQ(found[1].anchor, "previous");
}

TEST(Tagger, ReadsYearAgoAgainstLatestEndedQuarterNamed) {
  // In November the third quarter is the one reported; the second is
  // background and the fourth still under way.
  const std::vector<Timex> found = TagText(
      "Its third-quarter profit rose after a flat second quarter. The fourth quarter looks "
      "weak. Profit a year earlier was lower.",
      CivilDay{2021, 11, 2});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[3].text, "a year earlier");
  EXPECT_EQ(found[3].value, "2020-Q3");
}

TEST(Tagger, ReadsYearEarlierAfterSpanOfMonthsAsTheYear) {
  const std::vector<Timex> found = TagText(
      "The bakery chain earned more in the second quarter. For the six months, profit rose "
      "from a year earlier. Sales were flat from a year earlier.",
      kPublished);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[1].text, "the six months");
  EXPECT_EQ(found[2].text, "a year earlier");
  EXPECT_EQ(found[2].value, "2020");
  // The next sentence compares the quarter again.
  EXPECT_EQ(found[3].value, "2020-Q2");
}

TEST(Tagger, ReadsAmountLastYearInQuarterlyReportAsThatQuarter) {
  std::vector<Timex> found = TagText(
      "The bakery chain earned $3 million in the second quarter, up from $2 million last year "
      "and more than in the corresponding period last year.",
      kPublished);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1].text, "last year");
  EXPECT_EQ(found[1].value, "2020-Q2");
  EXPECT_EQ(found[2].value, "2020-Q2");
  // Without a quarter, and not after an amount, it is the year.
  found = TagText("The bakery chain earned $2 million last year.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2020");
  found = TagText("The bakery chain opened in the second quarter. It was founded last year.",
                  kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].value, "2020");
}

TEST(Tagger, ReadsYearEarlierAdjectiveAfterArticleAsDate) {
  const std::vector<Timex> found = TagText(
      "The bakery chain lost money in the second quarter, compared with a year-earlier profit.",
      kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "year-earlier");
  EXPECT_EQ(found[1].type, "DATE");
  EXPECT_EQ(found[1].value, "2020-Q2");
}

TEST(Tagger, ReadsThisPastSeasonAsTheLatestOne) {
  // In late September 2021 the spring just gone is 2021's; "last spring" is 2020's.
  std::vector<Timex> found = TagText("The pier was rebuilt this past spring.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "this past spring");
  EXPECT_EQ(found[0].value, "2021-SP");
  found = TagText("The pier was rebuilt last spring.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2020-SP");
  // Winter 2020 runs into February 2021 and has ended by September.
  found = TagText("The pier froze this past winter.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2020-WI");
  found = TagText("The pier froze this past winter.", CivilDay{2021, 2, 10});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2019-WI");
}

TEST(Tagger, ReadsDecadeWordsAsTheLatestSuchDecade) {
  std::vector<Timex> found =
      TagText("Ferry traffic fell through the nineties and rose in the twenties.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "the nineties");
  EXPECT_EQ(found[0].value, "199");
  EXPECT_EQ(found[1].value, "202");
  found = TagText("Ferry traffic fell through the nineties.", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "XX9");
  EXPECT_TRUE(TagText("The guild's founders were in their nineties.", kPublished).empty());
}

TEST(Tagger, ReadsLastHalfOfYearAsSecondHalf) {
  const std::vector<Timex> found =
      TagText("Ferry traffic slowed in the last half of 2019.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "the last half of 2019");
  EXPECT_EQ(found[0].value, "2019-H2");
}

TEST(Tagger, LeavesValuesUnderspecifiedWithoutPublicationDate) {
  const std::vector<Timex> found = TagText(
      "The guild met on Monday. Its hall burned last year. It reopened in July. "
      "The roof was fixed on 4 May 2020.",
      std::nullopt);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].value, "XXXX-WXX-1");
  EXPECT_EQ(found[1].value, "XXXX");
  EXPECT_EQ(found[2].value, "XXXX-07");
  EXPECT_EQ(found[3].value, "2020-05-04");
  for (const Timex& t : found) EXPECT_EQ(t.anchor, "none");
}

TEST(Tagger, ReadsYearEndedAsTwelveMonthSpan) {
  const std::vector<Timex> found = TagText("Profit rose in the year ended in June.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "the year");
  EXPECT_EQ(found[0].type, "DURATION");
  EXPECT_EQ(found[0].value, "P1Y");
}

TEST(Tagger, ReadsYearEarlierAgainstDayOfTheSameSentence) {
  const std::vector<Timex> found =
      TagText("In the quarter ended Sept. 30, 2021, profit rose from a year earlier.", kPublished);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].text, "a year earlier");
  EXPECT_EQ(found[2].value, "2020-09-30");
  EXPECT_EQ(found[2].anchor, "previous");
}

TEST(Tagger, ResolvesFollowingMonthAndThatYearAgainstNamedPeriods) {
  std::vector<Timex> found =
      TagText("The dam cracked in March 2020. The following month it failed.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "The following month");
  EXPECT_EQ(found[1].value, "2020-04");
  EXPECT_EQ(found[1].anchor, "previous");
  found = TagText("The mill opened in 1998. Later that year it burned.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "Later that year");
  EXPECT_EQ(found[1].value, "1998");
  // "the current year" is the publication's, whatever the text named before.
  found = TagText("The mill opened in 1998. It grew in the current year.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].value, "2021");
}

TEST(Tagger, IgnoresAgesCountsAndVerbs) {
  EXPECT_TRUE(TagText("The ten-year-old pony may win 2500 ribbons.", kPublished).empty());
  EXPECT_TRUE(TagText("The keeper, 52 years old, retired.", kPublished).empty());
  EXPECT_TRUE(TagText("Gulls took three-quarters of the catch.", kPublished).empty());
  EXPECT_TRUE(TagText("The index closed at 2082.1 points.", kPublished).empty());
  EXPECT_TRUE(TagText("Leaves fall on the Sun newspaper.", kPublished).empty());
}

TEST(Tagger, IgnoresProcessionsFiguresOfSpeechTitlesNamesAndRates) {
  for (const char* text :
       {"The annual March for Life filled the mall.", "She led the ``March of the Mothers.''",
        "It was high noon for the council.", "The mayor said on CBS's 60 Minutes that it was fine.",
        "The mayor spoke on ABC's This Week about it.", "She watches Minutes every night.",
        "The guild founded a venture called Orion 1980 with the port.",
        "The chip runs 15 million instructions per second.", "This is VOA Today."}) {
    EXPECT_TRUE(TagText(text, kPublished).empty()) << text;
  }
  std::vector<Timex> found = TagText("He stepped down in March for health reasons.", kPublished);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-03");
  found = TagText("Today the guild said Today was fine.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].value, "2021-09-29");
  found = TagText("In 1980 the guild sold cider for $2 per week.", kPublished);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "1980");
  EXPECT_EQ(found[1].value, "P1W");
  found = TagText("The council met at noon and voted for 60 minutes this week.", kPublished);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1].value, "PT60M");
  EXPECT_EQ(found[2].value, "2021-W39");
}

TEST(Tagger, RejectsMalformedLexiconWithLineNumber) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "storyline_timex_bad_lexicon";
  std::filesystem::create_directories(dir / "timex");
  std::ofstream(dir / "timex" / "en.tsv") << "# comment\nnumber\tone\t1\nmnth\tjan\t1\n";
  Result<Tagger> tagger = Tagger::Create({}, DataFiles(dir.string()));
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().message(), "timex/en.tsv:3: unknown kind 'mnth'");
  std::filesystem::remove_all(dir);
}

TEST(Tagger, RejectsMalformedHolidayRule) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "storyline_timex_bad_holiday";
  std::filesystem::create_directories(dir / "timex");
  std::ofstream(dir / "timex" / "en.tsv") << "holiday\tfounders\t13-01\n";
  Result<Tagger> tagger = Tagger::Create({}, DataFiles(dir.string()));
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().message(),
            "timex/en.tsv:1: holiday value must be MM-DD or MM-N-W, got '13-01'");
  std::filesystem::remove_all(dir);
}

TEST(Tagger, KeepsSpansInsideSentencesInOrderOnWordSoup) {
  // Random sequences of date words, numbers and punctuation: every timex must
  // lie inside its sentence, match its text, and follow the previous one.
  const std::vector<std::string> words = {
      "the",   "last", "next",     "2021", "-",        "09",     "27",           "Sept",
      ".",     ",",    "Monday",   "a",    "year",     "ago",    "twenty",       "four",
      "hours", "p",    "m",        ":",    "10",       "53",     "early",        "the",
      "end",   "of",   "every",    "week", "nineteen", "ninety", "Thanksgiving", "Day",
      "late",  "more", "than",     "\n",   "Tuesday",  "28",     "September",    "this",
      "that",  "1/2",  "thousand", "noon", "will"};
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 60; ++k) {
      seed = seed * 1103515245u + 12345u;
      const std::string& w = words[(seed >> 16) % words.size()];
      if (!text.empty() && (seed & 1)) text += ' ';
      text += w;
    }
    Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
    ASSERT_TRUE(segmenter.ok());
    const std::vector<ByteSpan> sentences = segmenter->Sentences(text);
    const std::vector<Timex> found = SharedTagger().Tag(
        text, sentences, (round % 2) ? std::optional<CivilDay>(kPublished) : std::nullopt);
    uint32_t previous_end = 0;
    for (const Timex& t : found) {
      ASSERT_LT(t.sentence, sentences.size());
      EXPECT_GE(t.span.begin, sentences[t.sentence].begin);
      EXPECT_LE(t.span.end, sentences[t.sentence].end);
      EXPECT_LT(t.span.begin, t.span.end);
      EXPECT_GE(t.span.begin, previous_end);
      EXPECT_EQ(t.text, text.substr(t.span.begin, t.span.size()));
      EXPECT_FALSE(t.value.empty()) << t.text;
      previous_end = t.span.end;
    }
    // Inference on the same soup: a valid day with its phrases, or nothing.
    if (round % 2 == 0) {
      const std::optional<PublishedDate> inferred =
          SharedTagger().InferPublication(text, sentences, found);
      if (inferred) {
        EXPECT_TRUE(CivilDay::FromIso(inferred->value.value_or("")).has_value());
        EXPECT_FALSE(inferred->evidence.empty());
      }
    }
  }
}

std::optional<PublishedDate> Infer(std::string_view text) {
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
  EXPECT_TRUE(segmenter.ok());
  const std::vector<ByteSpan> sentences = segmenter->Sentences(text);
  return SharedTagger().InferPublication(text, sentences,
                                         SharedTagger().Tag(text, sentences, std::nullopt));
}

TEST(InferPublication, TakesFullDateWhoseWeekdayAgrees) {
  const std::optional<PublishedDate> published = Infer(
      "The ferry line reopened on Tuesday, 28 September 2021, after repairs. "
      "Crews had tested it the previous day.");
  ASSERT_TRUE(published.has_value());
  EXPECT_EQ(published->value, "2021-09-28");
  EXPECT_EQ(published->how, DateHow::kInferred);
  EXPECT_EQ(published->evidence, (std::vector<std::string>{"Tuesday, 28 September 2021"}));
}

TEST(InferPublication, TakesTheLatestEvidence) {
  const std::optional<PublishedDate> published =
      Infer("The dam cracked on Monday, 3 March 2025. It failed on Friday, March 7, 2025.");
  ASSERT_TRUE(published.has_value());
  EXPECT_EQ(published->value, "2025-03-07");
  EXPECT_EQ(published->evidence, (std::vector<std::string>{"Friday, March 7, 2025"}));
}

TEST(InferPublication, ReadsYearOfWeekdayDateFromYearsTheTextNames) {
  // 27 September is a Monday in 2021, a Wednesday in 2017.
  const std::optional<PublishedDate> published =
      Infer("The count began on Monday, 27 September. Turnout beat 2017 and 2021.");
  ASSERT_TRUE(published.has_value());
  EXPECT_EQ(published->value, "2021-09-27");
  EXPECT_EQ(published->evidence, (std::vector<std::string>{"Monday, 27 September", "2021"}));
}

TEST(InferPublication, TakesFullDateInTextThatSaysThisYear) {
  const std::optional<PublishedDate> published =
      Infer("The dam failed on 3 March 2025. Harvests this year are lost.");
  ASSERT_TRUE(published.has_value());
  EXPECT_EQ(published->value, "2025-03-03");
  EXPECT_EQ(published->evidence, (std::vector<std::string>{"3 March 2025", "this year"}));
}

TEST(InferPublication, LeavesWeakOrContradictoryEvidenceUnknown) {
  EXPECT_FALSE(Infer("The mill closed in 2019 and reopened in July.").has_value());
  EXPECT_FALSE(Infer("The treaty was signed on 4 July 1776.").has_value());
  // 28 September 2021 was a Tuesday.
  EXPECT_FALSE(Infer("The ferry reopened on Monday, 28 September 2021.").has_value());
  EXPECT_FALSE(Infer("The ferry will reopen on Tuesday, 28 September 2021.").has_value());
  EXPECT_FALSE(Infer("The count began on Monday, 27 September. Turnout beat 2017.").has_value());
  EXPECT_FALSE(Infer("").has_value());
}

}  // namespace
}  // namespace storyline::timex
