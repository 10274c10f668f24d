// links.cc: the link stage's rows (links.h). The tables are documented in
// docs/schema.md.

#include "store/links.h"

#include <set>
#include <tuple>
#include <utility>

#include "store/reported.h"

namespace storyline::store::internal {

Status PutFeatures(Connection& connection, const std::string& article_id,
                   std::string_view features) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kPutFeatures));
  query.BindText(1, article_id);
  query.BindBlob(2, features);
  return query.Run("cannot store link features");
}

Status ForEachLinkRecord(Connection& connection, const std::function<Status(LinkRecord&&)>& visit) {
  for (StatementId statement : {kSelectLinkedRecords, kSelectUnlinkedRecords}) {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(statement));
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the link records"));
      if (!row) break;
      SL_RETURN_IF_ERROR(visit({query.Text(0), query.Text(1), query.OptionalText(2),
                                query.OptionalText(3), query.Blob(4), query.OptionalText(5)}));
    }
  }
  return Status::Ok();
}

Result<uint64_t> CountUnlinkedArticles(Connection& connection) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kCountUnlinked));
  SL_ASSIGN_OR_RETURN(int64_t count, QueryInt(query, "cannot count the articles to link"));
  return static_cast<uint64_t>(count);
}

Status InsertLinks(Connection& connection, int64_t run, const LinkUpdate& update) {
  for (const auto& [id, features] : update.features) {
    SL_RETURN_IF_ERROR(PutFeatures(connection, id, features));
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kUpsertStory));
    for (const Story& story : update.stories) {
      // Bound without a copy: it must live until the step.
      const std::optional<std::string> title =
          story.label.empty() ? std::nullopt : std::optional<std::string>(story.label);
      query.BindText(1, story.id)
          .BindOptionalText(2, title)
          .BindOptionalText(3, story.first_date)
          .BindOptionalText(4, story.last_date)
          .BindInt(5, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a story"));
      query.Reset();
    }
  }
  int64_t position = 0;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kMaxPosition));
    SL_ASSIGN_OR_RETURN(position, QueryInt(query, "cannot read the story members"));
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertMember));
    for (const auto& [article, story] : update.joined) {
      query.BindText(1, article).BindText(2, story).BindInt(3, ++position).BindInt(4, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a story member"));
      query.Reset();
    }
  }
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertPassage));
    for (const Passage& p : update.passages) {
      query.BindText(1, p.a.article)
          .BindInt(2, p.a.span.begin)
          .BindInt(3, p.a.span.end)
          .BindText(4, p.b.article)
          .BindInt(5, p.b.span.begin)
          .BindInt(6, p.b.span.end)
          .BindDouble(7, p.similarity)
          .BindText(8, p.earlier)
          .BindInt(9, run);
      SL_RETURN_IF_ERROR(query.Run("cannot store a passage"));
      query.Reset();
    }
  }
  for (StatementId clear : {kDeleteNearDuplicateMembers, kDeleteNearDuplicateGroups}) {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(clear));
    SL_RETURN_IF_ERROR(query.Run("cannot clear the near-duplicate groups"));
  }
  {
    SL_ASSIGN_OR_RETURN(Query group, connection.Prepare(kInsertNearDuplicateGroup));
    SL_ASSIGN_OR_RETURN(Query member, connection.Prepare(kInsertNearDuplicateMember));
    for (const NearDuplicateGroup& g : update.near_duplicates) {
      if (g.articles.empty()) continue;
      group.BindText(1, g.articles.front()).BindDouble(2, g.similarity);
      SL_RETURN_IF_ERROR(group.Run("cannot store a near-duplicate group"));
      group.Reset();
      for (const std::string& article : g.articles) {
        member.BindText(1, article).BindText(2, g.articles.front());
        SL_RETURN_IF_ERROR(member.Run("cannot store a near-duplicate member"));
        member.Reset();
      }
    }
  }
  return Status::Ok();
}

Result<LinkReport> GetLinks(Connection& connection, const std::vector<std::string>& article_ids) {
  LinkReport report;
  std::set<std::string> stories_seen, groups_seen, events_seen;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string, uint32_t, uint32_t>>
      passages_seen;
  // Article ids of `statement` (?1 = the story or group id), in its order.
  auto members = [&](StatementId statement,
                     const std::string& id) -> Result<std::vector<std::string>> {
    std::vector<std::string> ids;
    SL_RETURN_IF_ERROR(ReadRows(connection, statement, id, "cannot read link members", ids,
                                [](const Query& query) { return query.Text(0); }));
    return ids;
  };
  for (const std::string& article : article_ids) {
    std::vector<Story> story;  // none or one
    SL_RETURN_IF_ERROR(ReadRows(connection, kStoryOfArticle, article, "cannot read a story", story,
                                [](const Query& query) {
                                  Story found;
                                  found.id = query.Text(0);
                                  return found;
                                }));
    if (!story.empty() && stories_seen.insert(story[0].id).second) {
      SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectStory));
      query.BindText(1, story[0].id);
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read a story"));
      if (row) {
        story[0].label = query.Text(0);
        story[0].first_date = query.OptionalText(1);
        story[0].last_date = query.OptionalText(2);
      }
      SL_ASSIGN_OR_RETURN(story[0].articles, members(kStoryArticles, story[0].id));
      SL_RETURN_IF_ERROR(ReadStoryEvents(connection, story[0]));
      report.stories.push_back(std::move(story[0]));
    }
    std::vector<NearDuplicateGroup> group;  // none or one; articles[0] is the group id
    SL_RETURN_IF_ERROR(ReadRows(connection, kGroupOfArticle, article,
                                "cannot read a near-duplicate group", group,
                                [](const Query& query) {
                                  return NearDuplicateGroup{{query.Text(0)}, query.Double(1)};
                                }));
    if (!group.empty() && groups_seen.insert(group[0].articles[0]).second) {
      SL_ASSIGN_OR_RETURN(group[0].articles, members(kGroupArticles, group[0].articles[0]));
      report.near_duplicates.push_back(std::move(group[0]));
    }
    SL_ASSIGN_OR_RETURN(const std::vector<std::string> events,
                        ReportedEventsOf(connection, article));
    for (const std::string& id : events) {
      if (!events_seen.insert(id).second) continue;
      SL_ASSIGN_OR_RETURN(ReportedEventReport event, GetReportedEvent(connection, id));
      report.events.push_back(std::move(event));
    }
    std::vector<Passage> passages;
    SL_RETURN_IF_ERROR(
        ReadRows(connection, kPassagesOfArticle, article, "cannot read passages", passages,
                 [](const Query& query) {
                   Passage p;
                   p.a = {query.Text(0), {Uint32Column(query, 1), Uint32Column(query, 2)}};
                   p.b = {query.Text(3), {Uint32Column(query, 4), Uint32Column(query, 5)}};
                   p.similarity = query.Double(6);
                   p.earlier = query.Text(7);
                   return p;
                 }));
    for (Passage& p : passages) {
      if (passages_seen
              .emplace(p.a.article, p.a.span.begin, p.a.span.end, p.b.article, p.b.span.begin,
                       p.b.span.end)
              .second) {
        report.passages.push_back(std::move(p));
      }
    }
  }
  return report;
}

}  // namespace storyline::store::internal
