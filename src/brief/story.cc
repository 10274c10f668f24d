#include "brief/story.h"

#include <unordered_map>

namespace storyline::brief {

std::string OutletName(const Article& article) { return article.outlet.value_or(article.origin); }

std::vector<StoryPassage> StoryPassages(const StoryInput& input) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < input.articles.size(); ++i) index.emplace(input.articles[i]->id, i);
  std::vector<StoryPassage> passages;
  for (const Passage& passage : input.passages) {
    const auto a = index.find(passage.a.article);
    const auto b = index.find(passage.b.article);
    if (a != index.end() && b != index.end() && a->second != b->second) {
      passages.push_back({a->second, b->second, &passage});
    }
  }
  return passages;
}

}  // namespace storyline::brief
