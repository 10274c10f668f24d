// summary_baselines.h: the extractive summarisers summary_eval puts beside
// the brief (src/brief/brief.h), over the same analysed articles.
//
//   - Lead: the first article's sentences in order (the first article with
//     any sentence).
//   - LexRank (Erkan & Radev 2004, "continuous LexRank"): a graph of the
//     story's sentences weighted by the IDF-modified cosine of their TF-IDF
//     vectors (term frequency in the sentence, IDF = log(N / df) over the N
//     sentences of the story), self-similarity included as in the paper's
//     algorithm; each row normalised to a transition probability.
//   - TextRank (Mihalcea & Tarau 2004): a graph of the sentences weighted by
//     |common words| / (log |Si| + log |Sj|), |S| counting the sentence's
//     words with repeats; no self loops; a pair of one-word sentences
//     (denominator 0) has no edge.
// Both graphs are ranked by PageRank with damping 0.85 (power iteration to
// an L1 change under 1e-9, at most 200 rounds; a sentence with no edge
// spreads its score evenly). Words are link::NormalizedWords without
// link::Stopwords::Embedded() words, as the brief sees them; a sentence
// with no such word is not a node. Ties keep reading order (article, then
// sentence).
//
// Each ranking lists sentences best first; PickSentences() turns one into
// a summary of a given length. Pure and deterministic; thread-safe.
//
//   std::vector<eval::SentenceRef> ranking = eval::LexRankRanking(articles);
//   std::string summary = eval::PickSentences(articles, ranking, 250);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "link/link.h"

namespace storyline::eval {

// A sentence of a story: the index of its article and of the sentence in it.
struct SentenceRef {
  uint32_t article = 0;
  uint32_t sentence = 0;
  bool operator==(const SentenceRef&) const = default;
};

inline constexpr double kDamping = 0.85;

std::vector<SentenceRef> LeadRanking(std::span<const Article> articles);
std::vector<SentenceRef> LexRankRanking(
    std::span<const Article> articles,
    const link::Stopwords& stopwords = link::Stopwords::Embedded());
std::vector<SentenceRef> TextRankRanking(
    std::span<const Article> articles,
    const link::Stopwords& stopwords = link::Stopwords::Embedded());

// The sentences of `ranking` in rank order, joined by spaces, until they
// hold at least `words` words (or the ranking ends). A sentence whose text
// equals one already taken (a copy in another article) is skipped: a
// summary does not say the same sentence twice.
std::string PickSentences(std::span<const Article> articles, std::span<const SentenceRef> ranking,
                          size_t words);

// Words as summary lengths count them: runs of non-white-space.
size_t CountWords(std::string_view text);

// The first `words` words of `text`, joined by single spaces.
std::string FirstWords(std::string_view text, size_t words);

}  // namespace storyline::eval
