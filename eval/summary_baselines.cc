#include "summary_baselines.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace storyline::eval {
namespace {

constexpr int kMaxRounds = 200;
constexpr double kConverged = 1e-9;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view SentenceText(std::span<const Article> articles, SentenceRef ref) {
  const Article& article = articles[ref.article];
  const ByteSpan span = article.sentences[ref.sentence];
  return std::string_view(article.text).substr(span.begin, span.size());
}

// A sentence's content words: (word hash, count) sorted by hash, and how
// many words it has with repeats.
struct BagOfWords {
  SentenceRef ref;
  std::vector<std::pair<uint64_t, uint32_t>> counts;
  uint32_t words = 0;
};

BagOfWords Bag(SentenceRef ref, std::string_view text, const link::Stopwords& stopwords) {
  std::vector<uint64_t> hashes;
  for (const link::Word& word : link::NormalizedWords(text)) {
    if (!stopwords.Contains(word.hash)) hashes.push_back(word.hash);
  }
  std::sort(hashes.begin(), hashes.end());
  BagOfWords bag{ref, {}, static_cast<uint32_t>(hashes.size())};
  for (const uint64_t hash : hashes) {
    if (bag.counts.empty() || bag.counts.back().first != hash) bag.counts.emplace_back(hash, 0);
    ++bag.counts.back().second;
  }
  return bag;
}

// The graph's nodes: every sentence of the story with a content word, in
// reading order.
std::vector<BagOfWords> SentenceBags(std::span<const Article> articles,
                                     const link::Stopwords& stopwords) {
  std::vector<BagOfWords> bags;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    for (uint32_t s = 0; s < articles[a].sentences.size(); ++s) {
      BagOfWords bag = Bag({a, s}, SentenceText(articles, {a, s}), stopwords);
      if (bag.words > 0) bags.push_back(std::move(bag));
    }
  }
  return bags;
}

// Each node's weighted edges: (target node, weight).
using Graph = std::vector<std::vector<std::pair<uint32_t, double>>>;
// A sentence as (word hash, weight) with positive weights.
using WordWeights = std::vector<std::pair<uint64_t, double>>;

// For every pair of distinct sentences sharing a word, the sum over their
// shared words of the product of the two weights: an edge each way. Goes
// through an inverted index, so pairs with nothing in common cost nothing.
Graph SharedWordProducts(const std::vector<WordWeights>& sentences) {
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, double>>> postings;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    for (const auto& [word, weight] : sentences[i]) postings[word].emplace_back(i, weight);
  }
  Graph graph(sentences.size());
  std::vector<double> sums(sentences.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    for (const auto& [word, weight] : sentences[i]) {
      for (const auto& [j, other] : postings[word]) {
        if (j == i) continue;
        if (sums[j] == 0) touched.push_back(j);
        sums[j] += weight * other;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const uint32_t j : touched) {
      graph[i].emplace_back(j, sums[j]);
      sums[j] = 0;
    }
    touched.clear();
  }
  return graph;
}

// PageRank by power iteration: a walker follows an edge of its node with
// probability `damping` (chosen by weight) and jumps anywhere otherwise; a
// node without edges sends its walker anywhere.
std::vector<double> PageRank(const Graph& graph, double damping) {
  const size_t n = graph.size();
  std::vector<double> out_weight(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [j, weight] : graph[i]) out_weight[i] += weight;
  }
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int round = 0; round < kMaxRounds; ++round) {
    double stranded = 0;
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] == 0) stranded += rank[i];
    }
    std::fill(next.begin(), next.end(), ((1 - damping) + damping * stranded) / n);
    for (size_t i = 0; i < n; ++i) {
      for (const auto& [j, weight] : graph[i])
        next[j] += damping * rank[i] * weight / out_weight[i];
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) change += std::abs(next[i] - rank[i]);
    std::swap(rank, next);
    if (change < kConverged) break;
  }
  return rank;
}

// The sentences by score, best first; ties in reading order.
std::vector<SentenceRef> Ranked(const std::vector<BagOfWords>& bags,
                                const std::vector<double>& scores) {
  std::vector<size_t> order(bags.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<SentenceRef> ranking;
  for (const size_t i : order) ranking.push_back(bags[i].ref);
  return ranking;
}

}  // namespace

std::vector<SentenceRef> LeadRanking(std::span<const Article> articles) {
  std::vector<SentenceRef> ranking;
  for (uint32_t a = 0; a < articles.size() && ranking.empty(); ++a) {
    for (uint32_t s = 0; s < articles[a].sentences.size(); ++s) ranking.push_back({a, s});
  }
  return ranking;
}

std::vector<SentenceRef> LexRankRanking(std::span<const Article> articles,
                                        const link::Stopwords& stopwords) {
  const std::vector<BagOfWords> bags = SentenceBags(articles, stopwords);
  std::unordered_map<uint64_t, uint32_t> sentence_frequency;
  for (const BagOfWords& bag : bags) {
    for (const auto& [word, count] : bag.counts) ++sentence_frequency[word];
  }
  // TF-IDF vectors; a word in every sentence weighs 0 and is left out.
  std::vector<WordWeights> vectors(bags.size());
  std::vector<double> norms(bags.size(), 0);
  for (size_t i = 0; i < bags.size(); ++i) {
    for (const auto& [word, count] : bags[i].counts) {
      const double weight =
          count * std::log(static_cast<double>(bags.size()) / sentence_frequency[word]);
      if (weight <= 0) continue;
      vectors[i].emplace_back(word, weight);
      norms[i] += weight * weight;
    }
    norms[i] = std::sqrt(norms[i]);
  }
  Graph graph = SharedWordProducts(vectors);
  for (uint32_t i = 0; i < graph.size(); ++i) {
    for (auto& [j, dot] : graph[i]) dot /= norms[i] * norms[j];
    if (norms[i] > 0) graph[i].emplace_back(i, 1.0);  // cos(s, s)
  }
  return Ranked(bags, PageRank(graph, kDamping));
}

std::vector<SentenceRef> TextRankRanking(std::span<const Article> articles,
                                         const link::Stopwords& stopwords) {
  const std::vector<BagOfWords> bags = SentenceBags(articles, stopwords);
  std::vector<WordWeights> word_sets(bags.size());
  for (size_t i = 0; i < bags.size(); ++i) {
    for (const auto& [word, count] : bags[i].counts) word_sets[i].emplace_back(word, 1.0);
  }
  Graph common = SharedWordProducts(word_sets);
  Graph graph(bags.size());
  for (uint32_t i = 0; i < common.size(); ++i) {
    for (const auto& [j, shared] : common[i]) {
      const double length = std::log(bags[i].words) + std::log(bags[j].words);
      if (length > 0) graph[i].emplace_back(j, shared / length);
    }
  }
  return Ranked(bags, PageRank(graph, kDamping));
}

std::string PickSentences(std::span<const Article> articles, std::span<const SentenceRef> ranking,
                          size_t words) {
  std::string summary;
  size_t picked_words = 0;
  std::unordered_set<std::string_view> taken;
  for (const SentenceRef ref : ranking) {
    if (picked_words >= words) break;
    const std::string_view text = SentenceText(articles, ref);
    if (!taken.insert(text).second) continue;
    if (!summary.empty()) summary += ' ';
    summary += text;
    picked_words += CountWords(text);
  }
  return summary;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    if (!IsSpace(c) && !in_word) ++words;
    in_word = !IsSpace(c);
  }
  return words;
}

std::string FirstWords(std::string_view text, size_t words) {
  std::string first;
  size_t taken = 0;
  bool in_word = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (taken == words) break;
      if (taken > 0) first += ' ';
      ++taken;
    }
    first += c;
    in_word = true;
  }
  return first;
}

}  // namespace storyline::eval
