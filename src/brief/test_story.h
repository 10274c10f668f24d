// test_story.h: hand-built articles for the brief's tests. An article's text
// is its sentences joined by spaces, with their spans; quotes are found in
// that text by their words.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brief/brief.h"
#include "core/article.h"

namespace storyline::brief::testing {

inline Article MakeArticle(std::string id, std::optional<std::string> outlet,
                           const std::vector<std::string>& sentences,
                           std::optional<std::string> published = std::nullopt) {
  Article article;
  article.id = std::move(id);
  article.origin = "feeds/" + article.id + ".txt";
  article.outlet = std::move(outlet);
  if (published) {
    article.published.value = std::move(published);
    article.published.how = DateHow::kExplicit;
  }
  for (const std::string& sentence : sentences) {
    if (!article.text.empty()) article.text += ' ';
    const auto begin = static_cast<uint32_t>(article.text.size());
    article.text += sentence;
    article.sentences.push_back({begin, static_cast<uint32_t>(article.text.size())});
  }
  return article;
}

// The bytes of the first `words` in the article's text.
inline ByteSpan SpanOf(const Article& article, std::string_view words) {
  const size_t at = article.text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

inline uint32_t SentenceOf(const Article& article, uint32_t offset) {
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    if (offset < article.sentences[s].end) return s;
  }
  return 0;
}

// Adds a quote of `words` said by `speaker`; with a `key`, the speaker is
// resolved to the article's person entity of that key (added when new).
inline void AddQuote(Article& article, std::string_view words, std::string kind,
                     std::string speaker, std::string key = "",
                     std::optional<std::string> code = std::nullopt) {
  Quote quote;
  quote.span = SpanOf(article, words);
  quote.text = std::string(words);
  quote.sentence = SentenceOf(article, quote.span.begin);
  quote.kind = std::move(kind);
  QuoteSpeaker who;
  who.text = speaker;
  who.code = std::move(code);
  if (!key.empty()) {
    auto entity = std::find_if(article.entities.begin(), article.entities.end(),
                               [&](const Entity& e) { return e.key == key; });
    if (entity == article.entities.end()) {
      Entity added;
      added.id = static_cast<uint32_t>(article.entities.size());
      added.key = key;
      added.name = speaker;
      added.type = "PER";
      entity = article.entities.insert(article.entities.end(), added);
    }
    who.entity = entity->id;
  }
  quote.speaker = who;
  article.quotes.push_back(std::move(quote));
}

inline StoryInput InputOf(const std::vector<const Article*>& articles,
                          std::vector<Passage> passages = {}) {
  StoryInput input;
  input.articles = articles;
  input.passages = std::move(passages);
  return input;
}

}  // namespace storyline::brief::testing
