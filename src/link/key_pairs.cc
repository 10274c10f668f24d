#include "link/key_pairs.h"

#include <algorithm>

namespace storyline::link {

std::vector<std::pair<size_t, size_t>> KeyedArticles::PairsSharingAKey(
    size_t max_articles_per_key) const {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& partition : partitions_) {
    std::vector<std::pair<uint64_t, uint32_t>> entries = partition;
    std::sort(entries.begin(), entries.end());
    for (size_t begin = 0, end = 0; begin < entries.size(); begin = end) {
      while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
      if (end - begin > max_articles_per_key) continue;
      for (size_t i = begin; i < end; ++i) {
        for (size_t j = i + 1; j < end; ++j) {
          if (entries[i].second != entries[j].second) {
            pairs.emplace_back(entries[i].second, entries[j].second);  // sorted: i < j
          }
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace storyline::link
