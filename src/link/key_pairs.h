// key_pairs.h: articles grouped by the keys they share, the grouping step of
// NearDuplicateIndex (LSH band keys) and SharedTextIndex (passage seeds).
// Internal to the link module.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
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

  // Calls visit(articles) once for every key held by two or more entries,
  // with the articles of its entries (ascending, a repeated Add() repeated).
  // The span is valid during the call only.
  template <typename Visit>
  void ForEachSharedKey(Visit&& visit) const {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    std::vector<uint32_t> articles;
    for (const auto& partition : partitions_) {
      entries = partition;
      std::sort(entries.begin(), entries.end());
      for (size_t begin = 0, end = 0; begin < entries.size(); begin = end) {
        while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
        if (end - begin < 2) continue;
        articles.clear();
        for (size_t k = begin; k < end; ++k) articles.push_back(entries[k].second);
        visit(std::span<const uint32_t>(articles));
      }
    }
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
