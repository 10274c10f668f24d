#include "cli/link_stage.h"

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace storyline::cli {

Result<LinkSummary> LinkNewArticles(store::Database& db, int64_t run,
                                    const link::LinkOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LinkSummary summary;
  SL_ASSIGN_OR_RETURN(const uint64_t unlinked, db.CountUnlinkedArticles());
  if (unlinked == 0) return summary;
  link::Linker linker(options);
  std::vector<store::LinkRecord> unfeatured;
  auto add = [&linker](store::LinkRecord& record, link::ArticleFeatures features) {
    link::StoryArticle article{record.id, record.title.value_or(""), record.published, {}};
    if (record.story) {
      linker.AddLinked(std::move(article), *record.story, std::move(features));
    } else {
      linker.AddNew(std::move(article), std::move(record.origin), std::move(features));
    }
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
