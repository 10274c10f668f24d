#include "rouge.h"

#include <libstemmer.h>

#include <algorithm>
#include <unordered_map>

namespace storyline::eval {
namespace {

// rouge_score stems only words longer than this.
constexpr size_t kShortestStemmed = 4;

bool IsTokenByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// How often each n-gram occurs; an n-gram is its tokens joined by spaces
// (tokens hold none).
std::unordered_map<std::string, size_t> NgramCounts(std::span<const std::string> tokens, size_t n) {
  std::unordered_map<std::string, size_t> counts;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string ngram = tokens[i];
    for (size_t k = 1; k < n; ++k) ngram += ' ' + tokens[i + k];
    ++counts[ngram];
  }
  return counts;
}

RougeScore Score(size_t overlap, size_t reference_units, size_t candidate_units) {
  RougeScore score;
  score.precision =
      static_cast<double>(overlap) / static_cast<double>(std::max<size_t>(1, candidate_units));
  score.recall =
      static_cast<double>(overlap) / static_cast<double>(std::max<size_t>(1, reference_units));
  const double sum = score.precision + score.recall;
  score.f1 = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
  return score;
}

// Length of the longest common subsequence, one row of the table at a time.
size_t LcsLength(std::span<const std::string> a, std::span<const std::string> b) {
  std::vector<size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (const std::string& token : a) {
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = token == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

void PorterStemmer::Delete::operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }

Result<PorterStemmer> PorterStemmer::Create() {
  sb_stemmer* stemmer = sb_stemmer_new("porter", "UTF_8");
  if (stemmer == nullptr) return Status::Internal("libstemmer has no porter stemmer for UTF_8");
  return PorterStemmer(stemmer);
}

std::string PorterStemmer::Stem(std::string_view word) {
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  // Null only when libstemmer runs out of memory: the word stays as it is.
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer_.get()));
}

std::vector<std::string> RougeTokens(std::string_view text, PorterStemmer* stemmer) {
  std::vector<std::string> tokens;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    tokens.push_back(stemmer != nullptr && token.size() >= kShortestStemmed ? stemmer->Stem(token)
                                                                            : token);
    token.clear();
  };
  for (const char c : text) {
    const char lower = AsciiLower(c);
    if (IsTokenByte(lower)) {
      token += lower;
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

RougeScore RougeN(std::span<const std::string> reference, std::span<const std::string> candidate,
                  size_t n) {
  const auto reference_counts = NgramCounts(reference, n);
  const auto candidate_counts = NgramCounts(candidate, n);
  size_t overlap = 0;
  for (const auto& [ngram, count] : reference_counts) {
    const auto found = candidate_counts.find(ngram);
    if (found != candidate_counts.end()) overlap += std::min(count, found->second);
  }
  const size_t reference_ngrams = reference.size() >= n ? reference.size() - n + 1 : 0;
  const size_t candidate_ngrams = candidate.size() >= n ? candidate.size() - n + 1 : 0;
  return Score(overlap, reference_ngrams, candidate_ngrams);
}

RougeScore RougeL(std::span<const std::string> reference, std::span<const std::string> candidate) {
  if (reference.empty() || candidate.empty()) return {};
  return Score(LcsLength(reference, candidate), reference.size(), candidate.size());
}

}  // namespace storyline::eval
