#include <gtest/gtest.h>

#include "brief/brief.h"
#include "brief/test_story.h"

namespace storyline::brief {
namespace {

using testing::MakeArticle;
using testing::SpanOf;

Event MakeEvent(uint32_t id, uint32_t sentence, std::string code, std::string source,
                std::string target, std::optional<std::string> date, std::string how) {
  Event event;
  event.id = id;
  event.sentence = sentence;
  event.code = std::move(code);
  event.root = event.code.substr(0, 2);
  event.source.code = std::move(source);
  if (!target.empty()) event.target = EventActor{"", std::move(target), {}, std::nullopt};
  event.date.value = std::move(date);
  event.date.how = std::move(how);
  return event;
}

Timex MakeTimex(const Article& article, uint32_t sentence, const std::string& text,
                std::string value) {
  Timex timex;
  timex.sentence = sentence;
  timex.span = SpanOf(article, text);
  timex.text = text;
  timex.type = "DATE";
  timex.value = std::move(value);
  return timex;
}

// Two fictional outlets on talks between Norland (NRL) and Ostmark (OSM).
struct Story {
  Article wire = MakeArticle("a1", "Wire",
                             {"Norland's foreign minister met his Ostmark counterpart on 3 March.",
                              "Ostmark had closed the border crossing at Kelm on 28 February.",
                              "The two sides did not sign any agreement."});
  Article daily =
      MakeArticle("a2", "Daily",
                  {"The foreign ministers of Norland and Ostmark held talks on Thursday.",
                   "Norland later accused Ostmark of stalling."});
  StoryInput input;
  Story() {
    wire.events = {MakeEvent(0, 0, "040", "NRLGOV", "OSMGOV", "2026-03-03", "timex"),
                   MakeEvent(1, 2, "057", "NRL", "OSM", "2026-03-04", "publication")};
    wire.events[1].negated = true;
    wire.timexes = {MakeTimex(wire, 0, "3 March", "2026-03-03"),
                    MakeTimex(wire, 1, "28 February", "2026-02-28")};
    daily.events = {MakeEvent(0, 0, "046", "NRLGOV", "OSMGOV", "2026-03-04", "publication"),
                    MakeEvent(1, 1, "112", "NRL", "OSM", std::nullopt, "unknown")};
    input.articles = {&wire, &daily};
    input.event_links = {{"a1", 0, "e-meeting"}, {"a2", 0, "e-meeting"}};
  }
};

TEST(TimelineTest, OneRowPerReportedEventDatedByItsBestMentionWithEverySource) {
  const Story story;
  const std::vector<TimelineItem> timeline = MakeTimeline(story.input, {});
  ASSERT_EQ(timeline.size(), 3u);
  // 28 February: a dated statement, before the meeting.
  EXPECT_EQ(timeline[0].kind, "statement");
  EXPECT_EQ(timeline[0].date, "2026-02-28");
  EXPECT_EQ(timeline[0].date_how, "timex");
  EXPECT_EQ(timeline[0].text, "Ostmark had closed the border crossing at Kelm on 28 February.");
  ASSERT_EQ(timeline[0].sources.size(), 1u);
  EXPECT_EQ(timeline[0].sources[0].sentence, 1u);
  // The meeting: two mentions, dated by the wire's time expression rather
  // than the daily's publication date.
  const TimelineItem& meeting = timeline[1];
  EXPECT_EQ(meeting.kind, "event");
  EXPECT_EQ(meeting.date, "2026-03-03");
  EXPECT_EQ(meeting.date_how, "timex");
  EXPECT_EQ(meeting.code, "040");
  EXPECT_EQ(meeting.source_actor, "NRLGOV");
  EXPECT_EQ(meeting.target_actor, "OSMGOV");
  EXPECT_EQ(meeting.reported_event, "e-meeting");
  ASSERT_EQ(meeting.sources.size(), 2u);
  EXPECT_EQ(meeting.sources[0].article, "a1");
  EXPECT_EQ(meeting.sources[0].outlet, "Wire");
  EXPECT_EQ(meeting.sources[0].span, story.wire.sentences[0]);
  EXPECT_EQ(meeting.sources[1].article, "a2");
  EXPECT_EQ(meeting.text, "Norland's foreign minister met his Ostmark counterpart on 3 March.");
  // Undated: kept apart at the end, not given a date.
  EXPECT_EQ(timeline[2].kind, "event");
  EXPECT_FALSE(timeline[2].date.has_value());
  EXPECT_EQ(timeline[2].date_how, "unknown");
  EXPECT_EQ(timeline[2].code, "112");
  EXPECT_FALSE(timeline[2].reported_event.has_value());
}

TEST(TimelineTest, AWeekIsOrderedAmongTheDays) {
  Story story;
  // 2026-W09 runs from Monday 23 February; its weekend is 28 February - 1 March.
  story.daily.events[1].date = {"2026-W09-WE", "timex", std::nullopt};
  story.daily.events[1].negated = false;
  const std::vector<TimelineItem> timeline = MakeTimeline(story.input, {});
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[0].date, "2026-02-28");  // the statement, and a Saturday too: first seen first
  EXPECT_EQ(timeline[1].date, "2026-W09-WE");
  EXPECT_EQ(timeline[2].date, "2026-03-03");
}

TEST(TimelineTest, ANegatedActIsNotOnTheTimeline) {
  const Story story;
  for (const TimelineItem& item : MakeTimeline(story.input, {})) EXPECT_NE(item.code, "057");
}

TEST(TimelineTest, WithoutLinksEachMentionIsItsOwnRow) {
  Story story;
  story.input.event_links.clear();
  int meetings = 0;
  for (const TimelineItem& item : MakeTimeline(story.input, {})) {
    if (item.code == "040" || item.code == "046") ++meetings;
  }
  EXPECT_EQ(meetings, 2);
}

TEST(TimelineTest, AStatementCopiedByAnotherOutletIsOneRow) {
  Story story;
  Article copy = MakeArticle("a3", "Gazette",
                             {"Ostmark had closed the border crossing at Kelm on 28 February."});
  copy.timexes = {MakeTimex(copy, 0, "28 February", "2026-02-28")};
  story.input.articles.push_back(&copy);
  const std::vector<TimelineItem> timeline = MakeTimeline(story.input, {});
  ASSERT_FALSE(timeline.empty());
  EXPECT_EQ(timeline[0].kind, "statement");
  ASSERT_EQ(timeline[0].sources.size(), 2u);
  EXPECT_EQ(timeline[0].sources[1].article, "a3");
  EXPECT_EQ(timeline[1].date, "2026-03-03");
}

}  // namespace
}  // namespace storyline::brief
