#include "brief/words.h"

#include <algorithm>

namespace storyline::brief {

const link::Stopwords& StopwordsOf(const Options& options) {
  return options.stopwords != nullptr ? *options.stopwords : link::Stopwords::Embedded();
}

std::vector<uint64_t> ContentWords(std::string_view text, ByteSpan span,
                                   const link::Stopwords& stopwords) {
  std::vector<uint64_t> words;
  if (span.end > text.size() || span.begin >= span.end) return words;
  for (const link::Word& word : link::NormalizedWords(text.substr(span.begin, span.size()))) {
    if (!stopwords.Contains(word.hash)) words.push_back(word.hash);
  }
  return words;
}

std::vector<uint64_t> WordSet(std::string_view text, ByteSpan span,
                              const link::Stopwords& stopwords) {
  std::vector<uint64_t> words = ContentWords(text, span, stopwords);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

size_t CommonWords(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  size_t common = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return common;
}

double Jaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  const size_t common = CommonWords(a, b);
  const size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

double Containment(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  const size_t shorter = std::min(a.size(), b.size());
  return shorter == 0 ? 0.0 : static_cast<double>(CommonWords(a, b)) / static_cast<double>(shorter);
}

std::string_view SentenceText(const Article& article, uint32_t sentence) {
  if (sentence >= article.sentences.size()) return {};
  const ByteSpan span = article.sentences[sentence];
  if (span.end > article.text.size() || span.begin > span.end) return {};
  return std::string_view(article.text).substr(span.begin, span.size());
}

uint32_t CountWords(std::string_view text) {
  uint32_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace storyline::brief
