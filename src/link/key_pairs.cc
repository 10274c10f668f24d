#include "link/key_pairs.h"

#include <algorithm>

namespace storyline::link {

std::vector<std::pair<size_t, size_t>> KeyedArticles::PairsSharingAKey(
    size_t max_articles_per_key) const {
  std::vector<std::pair<size_t, size_t>> pairs;
  ForEachSharedKey([&](std::span<const uint32_t> articles) {
    if (articles.size() > max_articles_per_key) return;
    for (size_t i = 0; i < articles.size(); ++i) {
      for (size_t j = i + 1; j < articles.size(); ++j) {
        if (articles[i] != articles[j]) pairs.emplace_back(articles[i], articles[j]);  // sorted
      }
    }
  });
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace storyline::link
