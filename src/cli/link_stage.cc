#include "cli/link_stage.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "coref/coref.h"

namespace storyline::cli {
namespace {

// What an article's events say, for the story clusterer.
struct EventEvidence {
  std::vector<uint64_t> events, lead_acts, acts;
};

void SortUnique(std::vector<uint64_t>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

void SortUnique(EventEvidence& evidence) {
  SortUnique(evidence.events);
  SortUnique(evidence.lead_acts);
  SortUnique(evidence.acts);
}

using EvidenceByArticle = std::unordered_map<std::string, EventEvidence>;

// The stored event mentions of linked articles, by article.
Result<EvidenceByArticle> StoredEvidence(store::Database& db) {
  EvidenceByArticle evidence;
  SL_RETURN_IF_ERROR(db.ForEachEventMention([&](store::EventMentionRecord&& mention) {
    EventEvidence& e = evidence[mention.article];
    e.events.push_back(coref::EventKey(mention.reported));
    if (mention.act) {
      e.acts.push_back(*mention.act);
      if (mention.lead) e.lead_acts.push_back(*mention.act);
    }
    return Status::Ok();
  }));
  for (auto& [article, e] : evidence) SortUnique(e);
  return evidence;
}

// A new article waiting for its events to be joined before it is linked.
struct NewArticle {
  store::LinkRecord record;
  link::ArticleFeatures features;
};

// Joins the event mentions of `articles` (in the link stage's canonical
// order: publication date, unknown last, then origin and id) to the stored
// reported events; records what to store in `update` and returns each
// article's evidence.
Result<std::vector<EventEvidence>> JoinEvents(store::Database& db,
                                              const std::vector<NewArticle>& articles,
                                              store::LinkUpdate& update) {
  coref::EventLinker linker;
  SL_RETURN_IF_ERROR(db.ForEachReportedEvent([&](ReportedEvent&& event) {
    linker.Add(std::move(event));
    return Status::Ok();
  }));
  std::vector<EventEvidence> evidence(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SL_ASSIGN_OR_RETURN(const Article article, db.GetArticleEvents(articles[i].record.id));
    for (const Event& event : article.events) {
      if (!coref::Coreferable(event)) continue;
      const size_t joined = linker.Add(coref::MentionOf(article, event));
      const std::string& id = linker.events()[joined].id;
      const std::optional<uint64_t> act = coref::ActOf(event);
      const bool lead = event.sentence < coref::kLeadSentences;
      update.event_mentions.push_back({article.id, event.id, id, act, lead});
      evidence[i].events.push_back(coref::EventKey(id));
      if (act) {
        evidence[i].acts.push_back(*act);
        if (lead) evidence[i].lead_acts.push_back(*act);
      }
    }
    SortUnique(evidence[i]);
  }
  for (size_t index : linker.Changed()) update.reported_events.push_back(linker.events()[index]);
  return evidence;
}

link::StoryArticle StoryArticleOf(const store::LinkRecord& record, EventEvidence evidence) {
  return {record.id,
          record.title.value_or(""),
          record.published,
          {},
          std::move(evidence.events),
          std::move(evidence.lead_acts),
          std::move(evidence.acts)};
}

}  // namespace

Result<LinkSummary> LinkNewArticles(store::Database& db, int64_t run,
                                    const link::LinkOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LinkSummary summary;
  SL_ASSIGN_OR_RETURN(const uint64_t unlinked, db.CountUnlinkedArticles());
  if (unlinked == 0) return summary;
  link::Linker linker(options);
  SL_ASSIGN_OR_RETURN(EvidenceByArticle stored_evidence, StoredEvidence(db));
  std::vector<store::LinkRecord> unfeatured;
  std::vector<NewArticle> new_articles;
  auto add = [&](store::LinkRecord& record, link::ArticleFeatures features) {
    if (!record.story) {
      new_articles.push_back({std::move(record), std::move(features)});
      return;
    }
    EventEvidence evidence;
    if (auto it = stored_evidence.find(record.id); it != stored_evidence.end()) {
      evidence = std::move(it->second);
      stored_evidence.erase(it);
    }
    linker.AddLinked(StoryArticleOf(record, std::move(evidence)), *record.story,
                     std::move(features));
  };
  const uint64_t current = link::FeaturesDigest(options);
  SL_RETURN_IF_ERROR(db.ForEachLinkRecord([&](store::LinkRecord&& record) {
    std::optional<link::ArticleFeatures> features = link::DecodeFeatures(record.features);
    if (!features || features->computed_with != current) {
      unfeatured.push_back(std::move(record));
    } else {
      add(record, std::move(*features));
    }
    return Status::Ok();
  }));
  store::LinkUpdate update;
  summary.recomputed = unfeatured.size();
  for (store::LinkRecord& record : unfeatured) {
    SL_ASSIGN_OR_RETURN(Article article, db.GetArticleText(record.id));
    link::ArticleFeatures features = link::ComputeFeatures(article, options);
    update.features.emplace_back(record.id, link::EncodeFeatures(features));
    add(record, std::move(features));
  }

  // Events first, in the order the linker adds new articles, so that stories
  // can weigh the events they report.
  std::sort(new_articles.begin(), new_articles.end(), [](const NewArticle& a, const NewArticle& b) {
    return link::LinkOrder(a.record.published, a.record.origin, a.record.id) <
           link::LinkOrder(b.record.published, b.record.origin, b.record.id);
  });
  SL_ASSIGN_OR_RETURN(std::vector<EventEvidence> evidence, JoinEvents(db, new_articles, update));
  for (size_t i = 0; i < new_articles.size(); ++i) {
    NewArticle& article = new_articles[i];
    linker.AddNew(StoryArticleOf(article.record, std::move(evidence[i])),
                  std::move(article.record.origin), std::move(article.features));
  }
  summary.events = update.reported_events.size();

  SL_ASSIGN_OR_RETURN(link::LinkResult result,
                      linker.Run([&db](const std::string& id) { return db.GetArticleText(id); }));
  summary.linked = result.joined.size();
  summary.passages = result.passages.size();
  summary.near_duplicates = result.near_duplicates.size();
  summary.stories = result.stories.size();
  update.joined = std::move(result.joined);
  update.stories = std::move(result.stories);
  update.passages = std::move(result.passages);
  update.near_duplicates = std::move(result.near_duplicates);
  SL_RETURN_IF_ERROR(db.PutLinks(run, update));
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace storyline::cli
