// The timeline: the story's events (one row per reported event, with every
// article that reports it) and its dated statements, by date (see brief.h).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "brief/brief.h"
#include "brief/copies.h"
#include "brief/words.h"
#include "core/calendar.h"

namespace storyline::brief {
namespace {

// Where an item first stands in reading order: (article index, sentence).
using ReadingPosition = std::pair<uint32_t, uint32_t>;

struct Row {
  TimelineItem item;
  ReadingPosition first{UINT32_MAX, UINT32_MAX};
  int date_rank = -1;  // how good `item.date` is (DateRank)
};

// A day from the sentence's own time expression beats a publication date,
// which beats an inferred one; among equals the more precise value wins.
int DateRank(const EventDate& date) {
  if (!date.value) return -1;
  const int how = date.how == "timex" ? 3 : date.how == "publication" ? 2 : 1;
  return how * 16 + static_cast<int>(date.value->size());
}

// Only acts the text says happened: not negated, not planned, possible or asked.
bool HappenedAct(const Event& event) { return !event.negated && event.modality == "asserted"; }

bool IsCalendarValue(const std::string& value) {
  // "YYYY-MM" or "YYYY-MM-DD": a month or a day of the calendar.
  if (value.size() != 7 && value.size() != 10) return false;
  for (size_t i = 0; i < value.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? value[i] != '-' : (value[i] < '0' || value[i] > '9')) return false;
  }
  return true;
}

// Sources are added in reading order, so the first is the first to report it.
void AddSource(Row& row, const StoryInput& input, uint32_t article, uint32_t sentence) {
  const Article& a = *input.articles[article];
  for (const SourceRef& source : row.item.sources) {
    if (source.article == a.id && source.sentence == sentence) return;
  }
  row.item.sources.push_back({a.id, a.outlet, sentence, a.sentences[sentence]});
  if (ReadingPosition{article, sentence} < row.first) {
    row.first = {article, sentence};
    row.item.text = std::string(SentenceText(a, sentence));
  }
}

void AddEvents(const StoryInput& input, std::vector<Row>& rows,
               std::unordered_set<uint32_t>& event_groups, const StorySentences& story) {
  std::map<std::pair<std::string, uint32_t>, std::string> reported;
  for (const EventLink& link : input.event_links) {
    reported[{link.article, link.event}] = link.reported;
  }
  std::unordered_map<std::string, size_t> row_of;
  for (uint32_t a = 0; a < input.articles.size(); ++a) {
    const Article& article = *input.articles[a];
    for (const Event& event : article.events) {
      if (!HappenedAct(event) || event.sentence >= article.sentences.size()) continue;
      const auto link = reported.find({article.id, event.id});
      const std::string key =
          link != reported.end() ? link->second : article.id + ":" + std::to_string(event.id);
      auto [it, added] = row_of.emplace(key, rows.size());
      if (added) {
        Row& row = rows.emplace_back();
        row.item.kind = "event";
        row.item.code = event.code;
        row.item.source_actor = event.source.code;
        if (event.target) row.item.target_actor = event.target->code;
        if (link != reported.end()) row.item.reported_event = link->second;
      }
      Row& row = rows[it->second];
      AddSource(row, input, a, event.sentence);
      if (const int rank = DateRank(event.date); rank > row.date_rank) {
        row.date_rank = rank;
        row.item.date = event.date.value;
        row.item.date_how = event.date.how;
      }
      event_groups.insert(story.sentences()[story.IndexOf(a, event.sentence)].group);
    }
  }
}

// Sentences dated by a time expression naming a month or a day, which no
// event of theirs (or of their copies) already puts on the timeline.
void AddStatements(const StoryInput& input, std::vector<Row>& rows,
                   const std::unordered_set<uint32_t>& event_groups, const StorySentences& story) {
  std::unordered_map<uint32_t, size_t> row_of_group;
  for (uint32_t a = 0; a < input.articles.size(); ++a) {
    const Article& article = *input.articles[a];
    uint32_t last_sentence = UINT32_MAX;
    for (const Timex& timex : article.timexes) {
      if (timex.type != "DATE" || !IsCalendarValue(timex.value) ||
          timex.sentence >= article.sentences.size() || timex.sentence == last_sentence) {
        continue;
      }
      last_sentence = timex.sentence;  // a sentence's first date dates it
      const uint32_t group = story.sentences()[story.IndexOf(a, timex.sentence)].group;
      if (event_groups.contains(group)) continue;
      auto [it, added] = row_of_group.emplace(group, rows.size());
      if (added) {
        Row& row = rows.emplace_back();
        row.item.kind = "statement";
        row.item.date = timex.value;
        row.item.date_how = "timex";
      }
      AddSource(rows[it->second], input, a, timex.sentence);
    }
  }
}

// Where a date falls for ordering: itself for calendar values ("2025-03",
// "2025-03-17", which sort as strings), the first day of an ISO week for a
// TimeML week ("2025-W11", "2025-W11-WE": its weekend's Saturday), so a
// week sorts among the days rather than after all of them.
std::string SortKey(const std::string& date) {
  int year = 0, week = 0;
  char tail[4] = {};
  if (date.size() < 8 || date[4] != '-' || date[5] != 'W' ||
      std::sscanf(date.c_str(), "%4d-W%2d%3s", &year, &week, tail) < 2 || week < 1 || week > 53) {
    return date;
  }
  const CivilDay january_4{year, 1, 4};  // always in week 1
  const CivilDay monday = AddDays(january_4, 1 - Weekday(january_4) + 7 * (week - 1));
  return AddDays(monday, std::string_view(tail) == "-WE" ? 5 : 0).Iso();
}

}  // namespace

std::vector<TimelineItem> MakeTimeline(const StoryInput& input, const Options& options) {
  return MakeTimeline(input, StorySentences(input, StopwordsOf(options)));
}

std::vector<TimelineItem> MakeTimeline(const StoryInput& input, const StorySentences& story) {
  std::vector<Row> rows;
  std::unordered_set<uint32_t> event_groups;
  AddEvents(input, rows, event_groups, story);
  AddStatements(input, rows, event_groups, story);
  // Dated rows by date, then reading order; undated ones after, in reading order.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    if (x.item.date.has_value() != y.item.date.has_value()) return x.item.date.has_value();
    if (x.item.date) {
      const std::string x_key = SortKey(*x.item.date), y_key = SortKey(*y.item.date);
      if (x_key != y_key) return x_key < y_key;
    }
    return x.first < y.first;
  });
  std::vector<TimelineItem> timeline;
  for (Row& row : rows) timeline.push_back(std::move(row.item));
  return timeline;
}

}  // namespace storyline::brief
