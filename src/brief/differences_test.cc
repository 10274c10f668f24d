#include <gtest/gtest.h>

#include "brief/brief.h"
#include "brief/test_story.h"

namespace storyline::brief {
namespace {

using testing::AddQuote;
using testing::InputOf;
using testing::MakeArticle;
using testing::SpanOf;

constexpr char kQuorren[] = "PER:ilsa quorren:XVY";

std::vector<Difference> Find(const std::vector<const Article*>& articles,
                             std::vector<Passage> passages = {}) {
  return FindDifferences(InputOf(articles, std::move(passages)), {});
}

std::vector<std::string> Kinds(const std::vector<Difference>& differences) {
  std::vector<std::string> kinds;
  for (const Difference& d : differences) kinds.push_back(d.kind);
  return kinds;
}

// ---------------------------------------------------------------------------
// One remark, worded differently

constexpr char kWinter[] =
    "the harbour will stay open to the fishing fleet all winter, whatever the storms do to the "
    "sea wall";
constexpr char kWinterReworded[] =
    "the harbour is going to remain open for the fishing fleet through the winter, whatever "
    "storms do to the wall";

Article Quoting(std::string id, std::string outlet, std::string_view words, std::string speaker,
                std::string key) {
  Article article = MakeArticle(
      std::move(id), std::move(outlet),
      {"Storms battered Port Veyra overnight.", speaker + " said “" + std::string(words) + "”."});
  AddQuote(article, words, "partial", std::move(speaker), std::move(key));
  return article;
}

TEST(QuoteWordingTest, OneRemarkWordedDifferentlyByTwoOutlets) {
  const Article lantern = Quoting("q1", "Harbor Lantern", kWinter, "Ilsa Quorren", kQuorren);
  const Article post = Quoting("q2", "Veyra Post", kWinterReworded, "Quorren", kQuorren);
  const std::vector<Difference> differences = Find({&lantern, &post});

  ASSERT_EQ(differences.size(), 1u);
  const Difference& d = differences[0];
  EXPECT_EQ(d.kind, "quote_wording");
  EXPECT_EQ(d.what, "Ilsa Quorren's remark");
  ASSERT_EQ(d.variants.size(), 2u);
  EXPECT_EQ(d.variants[0].text, kWinter);
  EXPECT_EQ(d.variants[0].speaker, "Ilsa Quorren");
  EXPECT_EQ(d.variants[0].source.article, "q1");
  EXPECT_EQ(d.variants[0].source.outlet, "Harbor Lantern");
  EXPECT_EQ(d.variants[0].source.sentence, 1u);
  EXPECT_EQ(d.variants[0].source.span, SpanOf(lantern, kWinter));
  EXPECT_EQ(d.variants[1].text, kWinterReworded);
  EXPECT_EQ(d.variants[1].speaker, "Quorren");
  EXPECT_EQ(d.variants[1].source.article, "q2");
  EXPECT_EQ(d.variants[1].source.span, SpanOf(post, kWinterReworded));
  EXPECT_TRUE(d.carried_by.empty());
  EXPECT_TRUE(d.missing_from.empty());
}

TEST(QuoteWordingTest, UnresolvedSpeakersMatchBySurname) {
  const Article lantern = Quoting("q1", "Harbor Lantern", kWinter, "Mayor Quorren", "");
  const Article post = Quoting("q2", "Veyra Post", kWinterReworded, "Ilsa Quorren", "");
  const std::vector<Difference> differences = Find({&lantern, &post});
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].what, "Mayor Quorren's remark");
}

TEST(QuoteWordingTest, DifferentSpeakersDoNotShareARemark) {
  const Article lantern = Quoting("q1", "Harbor Lantern", kWinter, "Ilsa Quorren", kQuorren);
  const Article post =
      Quoting("q2", "Veyra Post", kWinterReworded, "Tomas Brell", "PER:tomas brell:XVY");
  EXPECT_TRUE(Find({&lantern, &post}).empty());
}

TEST(QuoteWordingTest, IdenticalOrShortenedQuotesAreNoDifference) {
  const Article lantern = Quoting("q1", "Harbor Lantern", kWinter, "Ilsa Quorren", kQuorren);
  const Article same = Quoting("q2", "Veyra Post", kWinter, "Quorren", kQuorren);
  const Article cut =
      Quoting("q3", "Coast Radio", "the harbour will stay open to the fishing fleet all winter",
              "Quorren", kQuorren);
  EXPECT_TRUE(Find({&lantern, &same, &cut}).empty());
}

TEST(QuoteWordingTest, TwoRemarksOfOneSpeakerAreNotOneRemark) {
  const Article lantern =
      Quoting("q1", "Harbor Lantern", "the harbour will stay open to the fishing fleet all winter",
              "Ilsa Quorren", kQuorren);
  const Article post =
      Quoting("q2", "Veyra Post", "the fishing fleet will pay a new harbour tax from the spring",
              "Quorren", kQuorren);
  EXPECT_TRUE(Find({&lantern, &post}).empty());
}

TEST(QuoteWordingTest, AnOutletGivingBothWordingsHasTwoRemarks) {
  const std::string spring =
      "the harbour will stay open to the fishing fleet until the storms reach the sea wall";
  const Article lantern = Quoting("q1", "Harbor Lantern", kWinter, "Ilsa Quorren", kQuorren);
  Article post = MakeArticle(
      "q2", "Veyra Post",
      {"Quorren said “" + std::string(kWinter) + "”.", "In March she had said “" + spring + "”."});
  AddQuote(post, kWinter, "partial", "Quorren", kQuorren);
  AddQuote(post, spring, "partial", "she", kQuorren);
  EXPECT_TRUE(Find({&lantern, &post}).empty());
}

// ---------------------------------------------------------------------------
// Numbers

TEST(NumbersDifferenceTest, TwoOutletsGiveDifferentCounts) {
  const Article lantern = MakeArticle(
      "n1", "Harbor Lantern",
      {"Storms battered the coast.",
       "At least 12 people were killed when the ferry Marlin sank off Port Veyra on Tuesday."});
  const Article post = MakeArticle(
      "n2", "Veyra Post",
      {"Officials said 15 people were killed when the ferry Marlin sank off Port Veyra on "
       "Tuesday."});
  // A third outlet agreeing with the second adds no variant.
  const Article radio =
      MakeArticle("n3", "Coast Radio",
                  {"15 people were killed when the ferry Marlin sank off Port Veyra on Tuesday."});
  const std::vector<Difference> differences = Find({&lantern, &post, &radio});

  ASSERT_EQ(differences.size(), 1u);
  const Difference& d = differences[0];
  EXPECT_EQ(d.kind, "numbers");
  EXPECT_EQ(d.what, "people: 12 vs 15");
  ASSERT_EQ(d.variants.size(), 2u);
  EXPECT_EQ(d.variants[0].text,
            "At least 12 people were killed when the ferry Marlin sank off Port Veyra on Tuesday.");
  EXPECT_EQ(d.variants[0].source.article, "n1");
  EXPECT_EQ(d.variants[0].source.sentence, 1u);
  EXPECT_EQ(d.variants[0].source.span, lantern.sentences[1]);
  EXPECT_EQ(d.variants[0].speaker, std::nullopt);
  EXPECT_EQ(d.variants[1].source.article, "n2");
  EXPECT_EQ(d.variants[1].source.outlet, "Veyra Post");
}

TEST(NumbersDifferenceTest, AmountsOfMoney) {
  const Article lantern =
      MakeArticle("n1", "Harbor Lantern", {"The council approved $2 billion for the sea wall."});
  const Article post =
      MakeArticle("n2", "Veyra Post", {"The council approved $3 billion for the sea wall."});
  const std::vector<Difference> differences = Find({&lantern, &post});
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].what, "$2 billion vs $3 billion");
}

TEST(NumbersDifferenceTest, YearsAndPercentagesOfDifferentThingsDoNotClash) {
  const Article lantern = MakeArticle("n1", "Harbor Lantern",
                                      {"The 2019 storm killed 12 people in Port Veyra.",
                                       "The harbour board said inflation was 7 percent in March."});
  const Article post = MakeArticle("n2", "Veyra Post",
                                   {"The storm killed 12 people in Port Veyra in 2021.",
                                    "The harbour board said unemployment was 5 percent in March."});
  EXPECT_TRUE(Find({&lantern, &post}).empty());
}

TEST(NumbersDifferenceTest, ACopiedPassageWithTheSameNumbersIsNoDifference) {
  const std::string sentence =
      "At least 12 people were killed when the ferry Marlin sank off Port Veyra on Tuesday.";
  const Article lantern = MakeArticle("n1", "Harbor Lantern", {sentence}, "2031-04-14");
  const Article post = MakeArticle("n2", "Veyra Post", {sentence}, "2031-04-15");
  const ByteSpan all{0, static_cast<uint32_t>(sentence.size())};
  EXPECT_TRUE(Find({&lantern, &post}, {{{"n1", all}, {"n2", all}, 1.0, "a"}}).empty());
}

TEST(NumbersDifferenceTest, ASharedPassagePairsSentencesThatShareFewWords) {
  const Article lantern = MakeArticle(
      "n1", "Harbor Lantern",
      {"Rescuers said 40 passengers were aboard the Marlin when it left Port Veyra at dawn."});
  const Article post = MakeArticle("n2", "Veyra Post", {"Rescuers say 45 passengers were aboard."});
  EXPECT_TRUE(Find({&lantern, &post}).empty());

  const Passage passage{{"n1", lantern.sentences[0]}, {"n2", post.sentences[0]}, 0.4, "unknown"};
  const std::vector<Difference> differences = Find({&lantern, &post}, {passage});
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].what, "passengers: 40 vs 45");
}

TEST(NumbersDifferenceTest, OneOutletUpdatingItsCountIsNoDifference) {
  const Article early = MakeArticle("n1", "Harbor Lantern",
                                    {"At least 12 people were killed when the ferry Marlin sank."});
  const Article late = MakeArticle("n2", "Harbor Lantern",
                                   {"At least 15 people were killed when the ferry Marlin sank."});
  EXPECT_TRUE(Find({&early, &late}).empty());
}

// ---------------------------------------------------------------------------
// Quotes only some outlets carry

constexpr char kPiers[] =
    "We will rebuild every pier of Port Veyra before the summer ferries return.";

TEST(OnlySomeTest, ADirectQuoteOneOutletLeavesOut) {
  Article lantern =
      MakeArticle("o1", "Harbor Lantern",
                  {std::string("Quorren said: “") + kPiers + "”", "“We will not give up.”"});
  AddQuote(lantern, kPiers, "direct", "Quorren", kQuorren);
  AddQuote(lantern, "We will not give up.", "direct", "Quorren", kQuorren);  // too short
  const Article post = MakeArticle(
      "o2", "Veyra Post",
      {"The mayor promised to rebuild every pier of Port Veyra before the summer ferries return."});
  const Article radio =
      MakeArticle("o3", "Coast Radio", {"Fog closed the harbour of Port Veyra on Tuesday."});
  const std::vector<Difference> differences = Find({&lantern, &post, &radio});

  ASSERT_EQ(differences.size(), 1u);
  const Difference& d = differences[0];
  EXPECT_EQ(d.kind, "only_some");
  EXPECT_EQ(d.what, "Quorren's remark");
  EXPECT_EQ(d.carried_by, (std::vector<std::string>{"Harbor Lantern", "Veyra Post"}));
  EXPECT_EQ(d.missing_from, (std::vector<std::string>{"Coast Radio"}));
  ASSERT_EQ(d.variants.size(), 2u);
  EXPECT_EQ(d.variants[0].text, kPiers);
  EXPECT_EQ(d.variants[0].source.span, SpanOf(lantern, kPiers));
  EXPECT_EQ(d.variants[1].source.article, "o2");
  EXPECT_EQ(d.variants[1].text, post.text);
  EXPECT_EQ(d.variants[1].speaker, std::nullopt);
}

TEST(OnlySomeTest, AQuoteEveryOutletCarriesIsReportedNowhere) {
  Article lantern = MakeArticle("o1", "Harbor Lantern", {std::string("“") + kPiers + "”"});
  AddQuote(lantern, kPiers, "direct", "Quorren", kQuorren);
  Article post = MakeArticle("o2", "Veyra Post", {std::string("“") + kPiers + "”"});
  AddQuote(post, kPiers, "direct", "Quorren", kQuorren);
  EXPECT_TRUE(Find({&lantern, &post}).empty());
}

TEST(OnlySomeTest, ACopyInASecondOutletIsReportedOnce) {
  Article lantern = MakeArticle("o1", "Harbor Lantern", {std::string("“") + kPiers + "”"});
  AddQuote(lantern, kPiers, "direct", "Quorren", kQuorren);
  Article post = MakeArticle("o2", "Veyra Post", {std::string("“") + kPiers + "”"});
  AddQuote(post, kPiers, "direct", "Quorren", kQuorren);
  const Article radio = MakeArticle("o3", "Coast Radio", {"Fog closed the harbour."});
  const std::vector<Difference> differences = Find({&lantern, &post, &radio});
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].missing_from, (std::vector<std::string>{"Coast Radio"}));
}

TEST(OnlySomeTest, AStoryOfOneOutletHasNone) {
  Article lantern = MakeArticle("o1", "Harbor Lantern", {std::string("“") + kPiers + "”"});
  AddQuote(lantern, kPiers, "direct", "Quorren", kQuorren);
  const Article more = MakeArticle("o2", "Harbor Lantern", {"Fog closed the harbour."});
  EXPECT_TRUE(Find({&lantern, &more}).empty());
}

// ---------------------------------------------------------------------------
// Order

TEST(DifferencesTest, KindsInOrderEachByArticleThenPosition) {
  Article lantern = MakeArticle(
      "x1", "Harbor Lantern",
      {"At least 12 people were killed when the ferry Marlin sank off Port Veyra on Tuesday.",
       std::string("Quorren said: “") + kPiers + "”",
       "Quorren said “" + std::string(kWinter) + "”."});
  AddQuote(lantern, kPiers, "direct", "Quorren", kQuorren);
  AddQuote(lantern, kWinter, "partial", "Quorren", kQuorren);
  Article post = MakeArticle(
      "x2", "Veyra Post",
      {"Brell said “the new ferry will carry two hundred cars across the bay every day”.",
       "Quorren said “" + std::string(kWinterReworded) + "”.",
       "15 people were killed when the ferry Marlin sank off Port Veyra on Tuesday."});
  AddQuote(post, "the new ferry will carry two hundred cars across the bay every day", "partial",
           "Brell", "PER:tomas brell:XVY");
  AddQuote(post, kWinterReworded, "partial", "Quorren", kQuorren);
  Article radio =
      MakeArticle("x3", "Coast Radio",
                  {"Tomas Brell said “the new ferry is to carry 200 cars over the bay each day”."});
  AddQuote(radio, "the new ferry is to carry 200 cars over the bay each day", "partial",
           "Tomas Brell", "PER:tomas brell:XVY");
  const std::vector<Difference> differences = Find({&lantern, &post, &radio});

  EXPECT_EQ(Kinds(differences),
            (std::vector<std::string>{"quote_wording", "quote_wording", "numbers", "only_some"}));
  ASSERT_EQ(differences.size(), 4u);
  EXPECT_EQ(differences[0].what, "Quorren's remark");
  EXPECT_EQ(differences[1].what, "Brell's remark");
  EXPECT_EQ(differences[2].what, "people: 12 vs 15");
  EXPECT_EQ(differences[3].missing_from, (std::vector<std::string>{"Veyra Post", "Coast Radio"}));
}

TEST(DifferencesTest, EmptyStoryHasNone) { EXPECT_TRUE(Find({}).empty()); }

}  // namespace
}  // namespace storyline::brief
