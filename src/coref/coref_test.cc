#include "coref/coref.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::coref {
namespace {

struct Spec {
  std::string article;
  std::string source;
  std::string code;
  std::string target;  // empty: none
  std::optional<std::string> date;
  std::string how;
  std::string sentence;
  std::string place;  // a country code, or empty
};

// The mention of an article made of `spec.sentence` alone.
EventMention Mention(const Spec& spec) {
  Article article;
  article.id = spec.article;
  article.text = spec.sentence;
  article.sentences = {{0, static_cast<uint32_t>(spec.sentence.size())}};
  Event event;
  event.code = spec.code;
  event.root = spec.code.substr(0, 2);
  event.source.code = spec.source;
  if (!spec.target.empty()) event.target = EventActor{spec.target, spec.target, {}, {}};
  event.date.value = spec.date;
  event.date.how = spec.date ? spec.how : "unknown";
  if (!spec.place.empty()) event.place = EventPlace{"there", {}, spec.place};
  return MentionOf(article, event);
}

const std::string kMeeting =
    "Kenya's foreign minister Amara Odhiambo met Tanzanian counterpart Juma Mrisho in Arusha "
    "to discuss the border railway.";
const std::string kTalks =
    "Talks between Odhiambo and Mrisho on the border railway opened in Arusha on Tuesday.";

TEST(Coref, TwoOutletsWordingOneMeetingDifferentlyReportOneEvent) {
  EventLinker linker;
  const size_t a = linker.Add(
      Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, "TZA"}));
  const size_t b =
      linker.Add(Mention({"a2", "KENGOV", "046", "TZAGOV", "2025-03-11", "timex", kTalks, "TZA"}));
  EXPECT_EQ(a, b);
  const ReportedEvent& event = linker.events()[a];
  EXPECT_EQ(event.mentions, 2u);
  EXPECT_EQ(event.code, "040");  // the first mention's
  EXPECT_EQ(event.root, "04");
  EXPECT_EQ(event.date, "2025-03-11");
  EXPECT_EQ(event.id.substr(0, 2), "e-");
}

TEST(Coref, TheSameActorsAnotherWeekAreAnotherEvent) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  const size_t b =
      linker.Add(Mention({"a2", "KENGOV", "040", "TZAGOV", "2025-03-18", "timex", kMeeting, ""}));
  EXPECT_NE(a, b);
}

TEST(Coref, OtherActorsOnTheSameDayAreAnotherEvent) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  const size_t b =
      linker.Add(Mention({"a2", "KENGOV", "040", "UGAGOV", "2025-03-11", "timex", kMeeting, ""}));
  const size_t c =
      linker.Add(Mention({"a3", "KENGOV", "163", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);  // another root: a sanction is not the meeting
}

TEST(Coref, AMoreSpecificActorJoinsAndSharpensTheEvent) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KEN", "040", "TZA", "2025-03-11", "timex", kMeeting, ""}));
  const size_t b =
      linker.Add(Mention({"a2", "KENGOV", "040", "", "2025-03-11", "timex", kTalks, ""}));
  ASSERT_EQ(a, b);
  EXPECT_EQ(linker.events()[a].source, "KENGOV");
  EXPECT_EQ(linker.events()[a].target, "TZA");
  // Another government is not compatible with Kenya's.
  EXPECT_NE(
      a, linker.Add(Mention({"a3", "UGAGOV", "040", "TZA", "2025-03-11", "timex", kMeeting, ""})));
}

TEST(Coref, APublicationDayAfterTheActJoinsAndTheNamedDayStays) {
  EventLinker linker;
  const size_t a = linker.Add(
      Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-12", "publication", kMeeting, ""}));
  const size_t b =
      linker.Add(Mention({"a2", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kTalks, ""}));
  ASSERT_EQ(a, b);
  EXPECT_EQ(linker.events()[a].date, "2025-03-11");
  EXPECT_EQ(linker.events()[a].date_how, "timex");
  // Published three days before the act: not a report of it.
  EXPECT_NE(a, linker.Add(Mention(
                   {"a3", "KENGOV", "040", "TZAGOV", "2025-03-08", "publication", kMeeting, ""})));
}

TEST(Coref, AMonthContainsTheDay) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  EXPECT_EQ(
      a, linker.Add(Mention({"a2", "KENGOV", "040", "TZAGOV", "2025-03", "timex", kMeeting, ""})));
  EXPECT_NE(
      a, linker.Add(Mention({"a3", "KENGOV", "040", "TZAGOV", "2025-04", "timex", kMeeting, ""})));
}

TEST(Coref, AnUndatedMentionJoinsOnlyWhatItsSentenceRepeats) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  // A syndicated copy of the sentence, undated: the same event.
  EXPECT_EQ(a, linker.Add(Mention({"a2", "KENGOV", "040", "TZAGOV", {}, "", kMeeting, ""})));
  // The same actors and act in other words, undated: nothing ties it to that day.
  const std::string other = "Kenya and Tanzania held a round of consultations on fisheries.";
  EXPECT_NE(a, linker.Add(Mention({"a3", "KENGOV", "040", "TZAGOV", {}, "", other, ""})));
}

TEST(Coref, ADifferentPlaceJoinsOnlyASentenceSayingMuchTheSame) {
  EventLinker linker;
  const size_t a = linker.Add(
      Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, "TZA"}));
  // The coder may have read the wrong place of a sentence: a close rewording
  // of the act still joins...
  EXPECT_EQ(a, linker.Add(Mention(
                   {"a2", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, "KEN"})));
  // ... but a sentence that shares little with it does not.
  const std::string other = "Officials from both capitals gathered for a cricket final.";
  EXPECT_NE(
      a,
      linker.Add(Mention({"a3", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", other, "KEN"})));
}

TEST(Coref, TheSameActorsActAndDayAreOneEventHoweverWorded) {
  EventLinker linker;
  const size_t a =
      linker.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
  const std::string other = "Officials from both capitals gathered for a cricket final.";
  EXPECT_EQ(
      a, linker.Add(Mention({"a2", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", other, ""})));
}

TEST(Coref, MutualActsJoinEitherWayRound) {
  EventLinker linker;
  const std::string signed_deal = "Germany signed a rail agreement with Poland on Monday.";
  const size_t a =
      linker.Add(Mention({"a1", "DEUGOV", "057", "POL", "2025-06-02", "timex", signed_deal, ""}));
  const size_t b =
      linker.Add(Mention({"a2", "POL", "057", "DEU", "2025-06-02", "timex", signed_deal, ""}));
  EXPECT_EQ(a, b);
  EXPECT_EQ(linker.events()[a].source, "DEUGOV");  // the orientation of its first mention
  // An accusation is not mutual: the other way round is another event.
  const std::string accused = "Germany accused Poland of delaying the rail works.";
  const size_t c =
      linker.Add(Mention({"a3", "DEUGOV", "112", "POL", "2025-06-02", "timex", accused, ""}));
  EXPECT_NE(c,
            linker.Add(Mention({"a4", "POL", "112", "DEU", "2025-06-02", "timex", accused, ""})));
}

TEST(Coref, StoredEventsKeepTheirIdsAndNewMentionsJoinThem) {
  ReportedEvent stored;
  {
    EventLinker first;
    first.Add(Mention({"a1", "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", kMeeting, ""}));
    stored = first.events()[0];
  }
  EventLinker linker;
  EXPECT_EQ(linker.Add(stored), 0u);
  EXPECT_TRUE(linker.Changed().empty());
  EXPECT_EQ(
      linker.Add(Mention({"a2", "KENGOV", "046", "TZAGOV", "2025-03-11", "timex", kTalks, ""})),
      0u);
  EXPECT_EQ(linker.Changed(), std::vector<size_t>{0});
  EXPECT_EQ(linker.events()[0].id, stored.id);
  EXPECT_EQ(linker.events()[0].mentions, 2u);
}

// Regression: every join filed its event again under its day, so a day's
// list grew with the mentions of its events and each new mention of a much
// reported day read them all (quadratic in the mentions of one day).
TEST(Coref, ManyReportsOfOneDayJoinTheirEventsEachOnce) {
  EventLinker linker;
  // Two events under one key and day (Kenya, root 04), reported in turn.
  const std::string talks = "Kenya and Tanzania held talks on the border.";
  const std::string other = "Kenya and Uganda held talks on the lake.";
  for (int i = 0; i < 5000; ++i) {
    // Appended, not "a" + std::to_string(i): GCC 12 warns, wrongly, on that.
    std::string id = "a";
    id += std::to_string(i);
    EXPECT_EQ(
        linker.Add(Mention({id, "KENGOV", "040", "TZAGOV", "2025-03-11", "timex", talks, ""})), 0u);
    EXPECT_EQ(
        linker.Add(Mention({id, "KENGOV", "040", "UGAGOV", "2025-03-11", "timex", other, ""})), 1u);
  }
  ASSERT_EQ(linker.events().size(), 2u);
  EXPECT_EQ(linker.events()[0].mentions, 5000u);
  EXPECT_EQ(linker.events()[1].mentions, 5000u);
}

TEST(Coref, OnlyActsThatHappenedOrAreAnnouncedTakePart) {
  Event event;
  EXPECT_TRUE(Coreferable(event));
  event.modality = "future";
  EXPECT_TRUE(Coreferable(event));
  event.modality = "question";
  EXPECT_FALSE(Coreferable(event));
  event.modality = "asserted";
  event.negated = true;
  EXPECT_FALSE(Coreferable(event));
}

TEST(Coref, MentionWordsLeaveOutStopwordsAndNumbers) {
  const EventMention mention = Mention(
      {"a1", "KENGOV", "040", "", "2025-03-11", "timex", "The 12 ministers met at it.", ""});
  // "ministers" and "met" remain ("the", "12", "at", "it" do not).
  EXPECT_EQ(mention.words.size(), 2u);
}

}  // namespace
}  // namespace storyline::coref
