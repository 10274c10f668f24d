// rouge.h: ROUGE-1, ROUGE-2 and ROUGE-L of a candidate summary against a
// reference, computed as Google's rouge_score package computes "rouge1",
// "rouge2" and "rougeL" with use_stemmer=True.
//
// Tokenisation (RougeTokens), as rouge_score's tokenize.py:
//   1. lowercase (ASCII letters; the text is UTF-8);
//   2. every byte that is not [a-z0-9] becomes a space, so "U.S." is "u s",
//      "don't" is "don t" and every non-ASCII letter separates words;
//   3. split on spaces, empty pieces dropped;
//   4. tokens longer than 3 characters are stemmed with the Porter stemmer
//      ("running" and "runs" both become "run"; "ran" and "was" stay).
// The one known difference: rouge_score stems with NLTK's PorterStemmer in
// its default NLTK_EXTENSIONS mode, and we use Snowball's "porter" (the
// original algorithm, through Debian's libstemmer). The two disagree on a
// few words, e.g. NLTK keeps "news" and maps "dying" to "die" and "skies" to
// "sky" where Snowball gives "new", "dy" and "ski"; on the Multi-News sample
// this moves no summary_eval figure by more than 0.02 (eval/README.md).
// Python's lower() also maps a few non-ASCII capitals (the Kelvin sign) to
// ASCII letters; here they separate words.
//
// Scores, as rouge_scorer.py:
//   - ROUGE-N: n-gram counts of each side; overlap = sum over n-grams of the
//     smaller count; precision = overlap / candidate n-grams, recall =
//     overlap / reference n-grams (0 when a side has none);
//   - ROUGE-L: the longest common subsequence of the two whole token
//     sequences (not split into sentences: that is "rougeLsum");
//     precision = LCS / candidate tokens, recall = LCS / reference tokens;
//   - F1 = 2PR / (P + R), 0 when both are 0.
//
//   Result<eval::PorterStemmer> stemmer = eval::PorterStemmer::Create();
//   const auto reference = eval::RougeTokens(reference_text, &*stemmer);
//   const auto candidate = eval::RougeTokens(summary_text, &*stemmer);
//   double f1 = eval::RougeN(reference, candidate, 2).f1;
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct sb_stemmer;

namespace storyline::eval {

// Snowball's Porter stemmer for lowercase ASCII words. Not thread-safe
// (libstemmer keeps its result in the stemmer): one per thread.
class PorterStemmer {
 public:
  // Internal when libstemmer has no "porter" algorithm or no memory.
  static Result<PorterStemmer> Create();

  std::string Stem(std::string_view word);

 private:
  struct Delete {
    void operator()(sb_stemmer* stemmer) const;
  };
  explicit PorterStemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  std::unique_ptr<sb_stemmer, Delete> stemmer_;
};

// The tokens of `text` as described at the top; `stemmer` null: unstemmed.
std::vector<std::string> RougeTokens(std::string_view text, PorterStemmer* stemmer);

struct RougeScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// ROUGE-N of token sequences (n >= 1).
RougeScore RougeN(std::span<const std::string> reference, std::span<const std::string> candidate,
                  size_t n);

// ROUGE-L (longest common subsequence) of token sequences.
RougeScore RougeL(std::span<const std::string> reference, std::span<const std::string> candidate);

}  // namespace storyline::eval
