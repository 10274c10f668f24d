// key_pairs.h: pairs of articles that share a key, the grouping step of
// NearDuplicateIndex (LSH band keys) and SharedTextIndex (passage seeds).
// Internal to the link module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace storyline::link {

// (key, article index) entries, spread over partitions by key (the shuffle
// of a scaled-out run), so that equal keys share a partition and grouping
// sorts one partition at a time: only one is ever copied, and each sort fits
// in cache better.
class KeyedArticles {
 public:
  void Add(uint64_t key, uint32_t article) {
    partitions_[key % kPartitions].emplace_back(key, article);
  }

  // Pairs of distinct articles (first < second) that share a key, sorted
  // and unique. Keys held by more than `max_articles_per_key` entries are
  // skipped: a bucket of k articles costs k^2/2 pairs.
  std::vector<std::pair<size_t, size_t>> PairsSharingAKey(size_t max_articles_per_key) const;

 private:
  static constexpr size_t kPartitions = 256;
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> partitions_ =
      std::vector<std::vector<std::pair<uint64_t, uint32_t>>>(kPartitions);
};

}  // namespace storyline::link
