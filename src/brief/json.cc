#include "brief/json.h"

#include "brief/words.h"

namespace storyline::brief {
namespace {

using nlohmann::json;

template <typename T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json SourceJson(const SourceRef& source) {
  return {{"article", source.article},
          {"outlet", OrNull(source.outlet)},
          {"sentence", source.sentence},
          {"begin", source.span.begin},
          {"end", source.span.end}};
}

json SourcesJson(const std::vector<SourceRef>& sources) {
  json list = json::array();
  for (const SourceRef& source : sources) list.push_back(SourceJson(source));
  return list;
}

json BriefJson(const Summary& summary) {
  json sentences = json::array();
  for (const SummarySentence& sentence : summary.sentences) {
    json entry = SourceJson(sentence.source);
    entry["text"] = sentence.text;
    entry["also_in"] = SourcesJson(sentence.also_in);
    sentences.push_back(std::move(entry));
  }
  return {{"text", summary.text}, {"words", CountWords(summary.text)}, {"sentences", sentences}};
}

json TimelineJson(const std::vector<TimelineItem>& timeline) {
  json items = json::array();
  for (const TimelineItem& item : timeline) {
    json entry = {{"kind", item.kind},
                  {"date", OrNull(item.date)},
                  {"date_how", item.date_how},
                  {"text", item.text},
                  {"sources", SourcesJson(item.sources)}};
    if (item.kind == "event") {
      entry["code"] = item.code;
      entry["source_actor"] = item.source_actor;
      entry["target_actor"] = item.target_actor.empty() ? json(nullptr) : json(item.target_actor);
      entry["reported_event"] = OrNull(item.reported_event);
    }
    items.push_back(std::move(entry));
  }
  return items;
}

json OutletsJson(const Sources& sources) {
  json outlets = json::array();
  for (const Source& source : sources.outlets) {
    json articles = json::array();
    for (const ArticleSource& article : source.articles) {
      articles.push_back({{"id", article.id},
                          {"title", OrNull(article.title)},
                          {"published", OrNull(article.published)},
                          {"published_how", article.published_how}});
    }
    outlets.push_back({{"outlet", source.outlet}, {"first", source.first}, {"articles", articles}});
  }
  return outlets;
}

json CopiesJson(const Sources& sources) {
  json copies = json::array();
  for (const Copy& copy : sources.copies) {
    copies.push_back({{"from", copy.from},
                      {"to", copy.to},
                      {"bytes", copy.bytes},
                      {"share", copy.share},
                      {"direction_known", copy.direction_known}});
  }
  return copies;
}

json DifferencesJson(const std::vector<Difference>& differences) {
  json list = json::array();
  for (const Difference& difference : differences) {
    json variants = json::array();
    for (const Variant& variant : difference.variants) {
      variants.push_back({{"text", variant.text},
                          {"speaker", OrNull(variant.speaker)},
                          {"source", SourceJson(variant.source)}});
    }
    list.push_back({{"kind", difference.kind},
                    {"what", difference.what},
                    {"variants", variants},
                    {"carried_by", difference.carried_by},
                    {"missing_from", difference.missing_from}});
  }
  return list;
}

}  // namespace

json ToJson(const Digest& digest) {
  return {{"brief", BriefJson(digest.brief)},
          {"timeline", TimelineJson(digest.timeline)},
          {"sources", OutletsJson(digest.sources)},
          {"copies", CopiesJson(digest.sources)},
          {"differences", DifferencesJson(digest.differences)}};
}

}  // namespace storyline::brief
