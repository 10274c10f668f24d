// Articles written for the brief's tests: sentences given one by one, joined
// by spaces, each span recorded.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"

namespace storyline::brief::testing {

inline Article MakeArticle(std::string id, std::string outlet,
                           const std::vector<std::string>& sentences) {
  Article article;
  article.id = std::move(id);
  article.outlet = std::move(outlet);
  for (const std::string& sentence : sentences) {
    if (!article.text.empty()) article.text += ' ';
    const auto begin = static_cast<uint32_t>(article.text.size());
    article.text += sentence;
    article.sentences.push_back({begin, static_cast<uint32_t>(article.text.size())});
  }
  return article;
}

// The span of `part` in the article's text (its first occurrence).
inline ByteSpan SpanOf(const Article& article, const std::string& part) {
  const auto begin = static_cast<uint32_t>(article.text.find(part));
  return {begin, begin + static_cast<uint32_t>(part.size())};
}

}  // namespace storyline::brief::testing
