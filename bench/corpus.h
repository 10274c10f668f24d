// corpus.h: a deterministic generator of scraped-news-like articles for the
// benchmarks: a headline, section labels, ads, a dateline, body paragraphs
// with abbreviations, quotes and numbers, and a related-stories list.
#pragma once

#include <cstdint>
#include <string>

namespace storyline::bench {

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  // One article of about `target_bytes` bytes of scraped text.
  std::string Article(size_t target_bytes = 3000);

 private:
  uint64_t Next();
  size_t Pick(size_t n) { return static_cast<size_t>(Next() % n); }
  std::string Sentence();
  std::string Headline();
  uint64_t state_;
};

}  // namespace storyline::bench
