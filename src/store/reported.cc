// reported.cc: the events across articles (reported.h).

#include "store/reported.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace storyline::store::internal {
namespace {

// ReportedEvent::words as a blob: 8 bytes each, little-endian.
std::string EncodeWords(const std::vector<uint64_t>& words) {
  std::string bytes(words.size() * 8, '\0');
  for (size_t i = 0; i < words.size(); ++i) {
    for (int b = 0; b < 8; ++b) bytes[i * 8 + b] = static_cast<char>(words[i] >> (8 * b));
  }
  return bytes;
}

std::vector<uint64_t> DecodeWords(const std::string& bytes) {
  std::vector<uint64_t> words(bytes.size() / 8);
  for (size_t i = 0; i < words.size(); ++i) {
    for (int b = 0; b < 8; ++b) {
      words[i] |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i * 8 + b])) << (8 * b);
    }
  }
  return words;
}

std::optional<std::string> EmptyAsNull(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// The columns of kSelectReportedEvents and kSelectReportedEvent.
ReportedEvent ReadEvent(const Query& query) {
  ReportedEvent event;
  event.id = query.Text(0);
  event.source = query.Text(1);
  event.target = query.Text(2);
  event.code = query.Text(3);
  event.root = query.Text(4);
  event.date = query.OptionalText(5);
  event.date_how = query.Text(6);
  event.place = query.Text(7);
  event.words = DecodeWords(query.Blob(8));
  event.mentions = static_cast<uint32_t>(query.Int(9));
  return event;
}

}  // namespace

Status InsertReportedEvents(Connection& connection, int64_t run, const LinkUpdate& update) {
  int64_t position = 0;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kMaxReportedPosition));
    SL_ASSIGN_OR_RETURN(position, QueryInt(query, "cannot read the reported events"));
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kUpsertReportedEvent));
    for (const ReportedEvent& event : update.reported_events) {
      // Bound without a copy: they must live until the step.
      const std::optional<std::string> target = EmptyAsNull(event.target);
      const std::optional<std::string> place = EmptyAsNull(event.place);
      const std::string words = EncodeWords(event.words);
      query.BindText(1, event.id)
          .BindInt(2, ++position)  // ignored for an event already stored
          .BindText(3, event.source)
          .BindOptionalText(4, target)
          .BindText(5, event.code)
          .BindText(6, event.root)
          .BindOptionalText(7, event.date)
          .BindText(8, event.date_how)
          .BindOptionalText(9, place)
          .BindBlob(10, words)
          .BindInt(11, event.mentions)
          .BindInt(12, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a reported event"));
      query.Reset();
    }
  }
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertEventMention));
  for (const EventMentionRecord& mention : update.event_mentions) {
    query.BindText(1, mention.article).BindInt(2, mention.event).BindText(3, mention.reported);
    if (mention.act) {
      query.BindInt(4, static_cast<int64_t>(*mention.act));
    } else {
      query.BindNull(4);
    }
    query.BindInt(5, mention.lead ? 1 : 0);
    SL_RETURN_IF_ERROR(query.Run("cannot store an event mention"));
    query.Reset();
  }
  return Status::Ok();
}

Status ForEachReportedEvent(Connection& connection,
                            const std::function<Status(ReportedEvent&&)>& visit) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectReportedEvents));
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the reported events"));
    if (!row) return Status::Ok();
    SL_RETURN_IF_ERROR(visit(ReadEvent(query)));
  }
}

Status ForEachEventMention(Connection& connection,
                           const std::function<Status(EventMentionRecord&&)>& visit) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectEventMentions));
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the event mentions"));
    if (!row) return Status::Ok();
    EventMentionRecord mention;
    mention.article = query.Text(0);
    mention.event = static_cast<uint32_t>(query.Int(1));
    mention.reported = query.Text(2);
    if (!query.IsNull(3)) mention.act = static_cast<uint64_t>(query.Int(3));
    mention.lead = query.Int(4) != 0;
    SL_RETURN_IF_ERROR(visit(std::move(mention)));
  }
}

Result<ReportedEventReport> GetReportedEvent(Connection& connection, const std::string& id) {
  ReportedEventReport report;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectReportedEvent));
    query.BindText(1, id);
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read a reported event"));
    if (!row) return Status::NotFound("no event with id '" + id + "'");
    report.event = ReadEvent(query);
  }
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kMentionsOfEvent));
  query.BindText(1, id);
  std::set<std::string> sources, articles;
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the mentions of an event"));
    if (!row) break;
    ReportedEventMention mention;
    mention.article = query.Text(0);
    mention.event = static_cast<uint32_t>(query.Int(1));
    mention.sentence = static_cast<uint32_t>(query.Int(2));
    mention.verb = {static_cast<uint32_t>(query.Int(3)), static_cast<uint32_t>(query.Int(4))};
    mention.outlet = query.OptionalText(5);
    mention.url = query.OptionalText(6);
    mention.published = query.OptionalText(7);
    sources.insert(mention.outlet ? "outlet:" + *mention.outlet : "article:" + mention.article);
    articles.insert(mention.article);
    report.mentions.push_back(std::move(mention));
  }
  report.sources = static_cast<uint32_t>(sources.size());
  report.articles = static_cast<uint32_t>(articles.size());
  return report;
}

Result<std::vector<std::string>> ReportedEventsOf(Connection& connection,
                                                  const std::string& article_id) {
  std::vector<std::string> ids;
  SL_RETURN_IF_ERROR(ReadRows(connection, kEventsOfArticle, article_id,
                              "cannot read the events of an article", ids,
                              [](const Query& query) { return query.Text(0); }));
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (std::string& id : ids) {
    if (seen.insert(id).second) unique.push_back(std::move(id));
  }
  return unique;
}

Status ReadStoryEvents(Connection& connection, Story& story) {
  std::map<std::string, int64_t> actor_mentions;
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kEventsOfStory));
  query.BindText(1, story.id);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the events of a story"));
    if (!row) break;
    story.events.push_back(query.Text(0));
    const int64_t mentions = query.Int(1);
    actor_mentions[query.Text(2)] += mentions;
    if (!query.IsNull(3)) actor_mentions[query.Text(3)] += mentions;
    const std::optional<std::string> date = query.OptionalText(4);
    if (date && date->size() == 10) {  // a day
      if (!story.first_event_date || *date < *story.first_event_date) story.first_event_date = date;
      if (!story.last_event_date || *date > *story.last_event_date) story.last_event_date = date;
    }
  }
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (auto& [code, mentions] : actor_mentions) ranked.emplace_back(-mentions, code);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size() && i < 5; ++i) story.actors.push_back(ranked[i].second);
  return Status::Ok();
}

}  // namespace storyline::store::internal
