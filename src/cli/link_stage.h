// link_stage.h: the link stage of `storyline analyze`, between the database
// and link::Linker.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "link/link.h"
#include "store/store.h"

namespace storyline::cli {

struct LinkSummary {
  uint64_t linked = 0;           // articles linked by this run
  uint64_t passages = 0;         // passages found for them
  uint64_t near_duplicates = 0;  // near-duplicate groups in the database
  uint64_t stories = 0;          // stories they joined or started
  uint64_t recomputed = 0;       // stored articles whose features were computed again
  uint64_t events = 0;           // reported events started or joined by their event mentions
  double seconds = 0;
};

// Links every stored article that is not linked yet (this run's new ones,
// and those of a run that stopped before linking) to all stored articles,
// and stores the results in one transaction. Their event mentions are first
// joined to the stored reported events (coref::EventLinker), in the order
// the linker adds them, and what their events say is weighed by the story
// clusterer. Does nothing when every stored
// article is linked. Stored articles whose features are missing (a version
// 1 database), of another layout, or computed under other options
// (link::FeaturesDigest: another `--data` stopword list) get them computed
// again from their stored text, and stored in the same transaction. Their
// story membership does not change: they are replayed into the stories they
// joined, whose centroids (hence which stories new articles join) are then
// built from the recomputed terms.
Result<LinkSummary> LinkNewArticles(store::Database& db, int64_t run,
                                    const link::LinkOptions& options);

}  // namespace storyline::cli
