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
  double seconds = 0;
};

// Links every stored article that is not linked yet (this run's new ones,
// and those of a run that stopped before linking) to all stored articles,
// and stores the results in one transaction. Articles stored without link
// features (by a version 1 database) get them computed from their text.
Result<LinkSummary> LinkNewArticles(store::Database& db, int64_t run,
                                    const link::LinkOptions& options);

}  // namespace storyline::cli
