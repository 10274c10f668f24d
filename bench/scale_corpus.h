// scale_corpus.h: a deterministic corpus of cleaned, segmented news-like
// articles for the link-stage scale benchmark, with planted structure:
//   - stories: each story has its own names, terms and date; its articles
//     arrive over a few days and mix its vocabulary with general words
//     drawn from a Zipf-distributed lexicon (so unrelated articles share few
//     5-word shingles, as in real news);
//   - near-duplicates: some articles are an earlier article of their story
//     with a controlled share of sentences rewritten (shingle Jaccard about
//     0.4 to 0.95);
//   - copied passages: some articles quote a whole paragraph of an earlier
//     article of their story.
// The text of article i is a pure function of (seed, i), generated on
// demand: a million articles are never held in memory at once. Only the
// plan (story, date, source) of each article is stored, 20 bytes each.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"

namespace storyline::bench {

class ScaleCorpus {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Plans `articles` articles, about 1,400 a day from 2024-01-01.
  explicit ScaleCorpus(size_t articles, uint64_t seed = 1);

  size_t size() const { return plans_.size(); }

  // Article `index`: id (zero-padded index, so ids sort in arrival order),
  // title, publication date, text (paragraphs joined by '\n') and sentences.
  Article Generate(size_t index) const;

  uint32_t StoryOf(size_t index) const { return plans_[index].story; }
  // The article `index` is a reworked copy of, or kNone.
  uint32_t NearDuplicateSourceOf(size_t index) const { return plans_[index].near_duplicate_of; }
  // The article `index` copies a paragraph from, or kNone.
  uint32_t PassageSourceOf(size_t index) const { return plans_[index].quotes; }

 private:
  struct Plan {
    uint32_t story = 0;
    uint32_t day = 0;
    uint32_t near_duplicate_of = kNone;
    uint32_t quotes = kNone;
    float rewritten = 0;  // share of sentences rewritten in a near-duplicate
  };
  struct Paragraphs;

  Paragraphs Original(size_t index) const;
  Paragraphs Body(size_t index) const;

  uint64_t seed_;
  std::vector<Plan> plans_;
  std::vector<std::string> lexicon_;  // general words, most frequent first
  std::vector<double> zipf_cdf_;      // cumulative Zipf weights over lexicon_
};

}  // namespace storyline::bench
