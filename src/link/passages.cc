// Shared passages between two articles: seeds of equal normalised word
// n-grams, extended along their diagonal to maximal aligned runs, mapped
// back to byte offsets and widened to sentence boundaries.
#define XXH_INLINE_ALL  // inlined XXH3: one call per word n-gram of every article
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

// One article's words, the paragraph (line) of each and its sentences.
struct Side {
  const Article& article;
  std::vector<Word> words;
  std::vector<uint32_t> paragraph;  // index of the '\n'-separated line of each word
  std::vector<ByteSpan> sentences;  // Article::sentences, or the lines when absent

  explicit Side(const Article& a) : article(a), words(NormalizedWords(a.text)) {
    uint32_t line = 0;
    size_t at = 0;
    for (const Word& w : words) {
      for (; at < w.span.begin; ++at) line += a.text[at] == '\n';
      paragraph.push_back(line);
    }
    sentences = a.sentences.empty() ? Lines(a.text) : a.sentences;
  }

  static std::vector<ByteSpan> Lines(std::string_view text) {
    std::vector<ByteSpan> lines;
    size_t begin = 0;
    while (begin <= text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      if (end > begin) lines.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
      begin = end + 1;
    }
    return lines;
  }

  // The sentence containing byte `at`, or nullptr.
  const ByteSpan* SentenceAt(uint32_t at) const {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                               [](uint32_t x, const ByteSpan& s) { return x < s.end; });
    return it != sentences.end() && it->begin <= at ? &*it : nullptr;
  }
};

// An aligned run: words [begin, begin + length) of a against
// [begin_b, begin_b + length) of b, `matched` of them equal.
struct Run {
  size_t begin_a = 0, begin_b = 0, length = 0, matched = 0;
};

// The longest word n-gram a seed may be (PassageOptions::seed_words is clamped to it).
constexpr int kMaxSeedWords = 64;

// REQUIRES: 1 <= n <= kMaxSeedWords (callers clamp PassageOptions::seed_words).
uint64_t GramHash(std::span<const Word> words, size_t at, int n) {
  uint64_t hashes[kMaxSeedWords];
  // Clamped again so that the compiler knows XXH3's input is 8 to 512 bytes.
  const size_t count = std::clamp<size_t>(n, 1, kMaxSeedWords);
  for (size_t k = 0; k < count; ++k) hashes[k] = words[at + k].hash;
  return XXH3_64bits(hashes, count * sizeof(uint64_t));
}

bool SameWord(const Side& a, size_t i, const Side& b, size_t j) {
  return a.words[i].hash == b.words[j].hash;
}

// Whether words i (in a) and j (in b) may join a run in paragraphs pa, pb.
bool InParagraphs(const Side& a, size_t i, uint32_t pa, const Side& b, size_t j, uint32_t pb) {
  return i < a.words.size() && j < b.words.size() && a.paragraph[i] == pa && b.paragraph[j] == pb;
}

// Extends the seed at (i, j) of `n` equal words forward and backward along
// its diagonal. A stretch of up to `max_gap` differing words ("seen" vs
// "reviewed", "2 March" vs "March 2") is bridged when `resync` equal words
// follow it, or when equal words run from it to the paragraph's end.
Run Extend(const Side& a, const Side& b, size_t i, size_t j, int n, const PassageOptions& options) {
  const uint32_t pa = a.paragraph[i], pb = b.paragraph[j];
  Run run{i, j, static_cast<size_t>(n), static_cast<size_t>(n)};
  // Word pairs at signed distance d from the run: d >= 0 after its end,
  // d < 0 before its start (-1 is the pair right before it).
  auto usable = [&](int64_t d) {
    const int64_t x = d >= 0 ? static_cast<int64_t>(run.begin_a + run.length) + d
                             : static_cast<int64_t>(run.begin_a) + d;
    const int64_t y = d >= 0 ? static_cast<int64_t>(run.begin_b + run.length) + d
                             : static_cast<int64_t>(run.begin_b) + d;
    return x >= 0 && y >= 0 && InParagraphs(a, x, pa, b, y, pb);
  };
  auto same = [&](int64_t d) {
    const size_t x = d >= 0 ? run.begin_a + run.length + d : run.begin_a + d;
    const size_t y = d >= 0 ? run.begin_b + run.length + d : run.begin_b + d;
    return usable(d) && SameWord(a, x, b, y);
  };
  // Whether equal words resume after a gap of `gap` words in direction `dir`.
  auto resyncs = [&](int gap, int dir) {
    for (int k = 0; k < options.resync_words; ++k) {
      const int64_t d = dir > 0 ? gap + k : -(gap + k + 1);
      if (!usable(d)) return k >= 1;
      if (!same(d)) return false;
    }
    return true;
  };
  for (int dir : {-1, 1}) {
    for (;;) {
      const int64_t next = dir > 0 ? 0 : -1;
      if (!usable(next)) break;
      size_t step = 0, matched = 0;
      if (same(next)) {
        step = matched = 1;
      } else {
        for (int gap = 1; gap <= options.max_gap_words && step == 0; ++gap) {
          if (resyncs(gap, dir)) step = gap;
        }
        if (step == 0) break;
      }
      if (dir < 0) run.begin_a -= step, run.begin_b -= step;
      run.length += step;
      run.matched += matched;
    }
  }
  return run;
}

// Widens `span` to the sentence boundaries around it when no word of the
// text lies between (only quotes, punctuation and spaces).
ByteSpan SnapToSentences(const Side& side, size_t first_word, size_t end_word) {
  ByteSpan span{side.words[first_word].span.begin, side.words[end_word - 1].span.end};
  if (const ByteSpan* s = side.SentenceAt(span.begin)) {
    if (first_word == 0 || side.words[first_word - 1].span.end <= s->begin) span.begin = s->begin;
  }
  if (const ByteSpan* s = side.SentenceAt(span.end - 1)) {
    if (end_word == side.words.size() || side.words[end_word].span.begin >= s->end) {
      span.end = std::max(span.end, s->end);
    }
  }
  return span;
}

bool CoversASentence(const Side& side, ByteSpan span) {
  const ByteSpan* s = side.SentenceAt(span.begin);
  for (; s != nullptr && s < side.sentences.data() + side.sentences.size() && s->begin < span.end;
       ++s) {
    if (s->begin >= span.begin && s->end <= span.end) return true;
  }
  return false;
}

std::string Earlier(const Article& a, const Article& b) {
  const auto& da = a.published.value;
  const auto& db = b.published.value;
  if (!da || !db || *da == *db) return "unknown";
  return *da < *db ? "a" : "b";  // ISO 8601 dates order as strings
}

}  // namespace

std::vector<Passage> FindSharedPassages(const Article& a, const Article& b,
                                        const PassageOptions& options) {
  const int n = std::clamp(options.seed_words, 1, kMaxSeedWords);
  const Side side_a(a), side_b(b);
  if (side_a.words.size() < static_cast<size_t>(n) ||
      side_b.words.size() < static_cast<size_t>(n)) {
    return {};
  }
  // Seeds of b that lie within one paragraph, by hash.
  std::unordered_map<uint64_t, std::vector<uint32_t>> seeds_b;
  for (size_t j = 0; j + n <= side_b.words.size(); ++j) {
    if (side_b.paragraph[j] != side_b.paragraph[j + n - 1]) continue;
    seeds_b[GramHash(side_b.words, j, n)].push_back(static_cast<uint32_t>(j));
  }
  std::unordered_map<int64_t, size_t> covered_until;  // diagonal j - i -> end of last run in a
  const std::string earlier = Earlier(a, b);
  std::vector<Passage> passages;
  for (size_t i = 0; i + n <= side_a.words.size(); ++i) {
    if (side_a.paragraph[i] != side_a.paragraph[i + n - 1]) continue;
    const auto it = seeds_b.find(GramHash(side_a.words, i, n));
    if (it == seeds_b.end()) continue;
    for (uint32_t j : it->second) {
      const int64_t diagonal = static_cast<int64_t>(j) - static_cast<int64_t>(i);
      if (auto c = covered_until.find(diagonal); c != covered_until.end() && i < c->second)
        continue;
      bool equal = true;
      for (int k = 0; k < n && equal; ++k) equal = SameWord(side_a, i + k, side_b, j + k);
      if (!equal) continue;  // a hash collision
      const Run run = Extend(side_a, side_b, i, j, n, options);
      covered_until[diagonal] = run.begin_a + run.length;
      Passage p;
      p.a = {a.id, SnapToSentences(side_a, run.begin_a, run.begin_a + run.length)};
      p.b = {b.id, SnapToSentences(side_b, run.begin_b, run.begin_b + run.length)};
      const bool long_enough =
          p.a.span.size() >= options.min_bytes && p.b.span.size() >= options.min_bytes;
      if (!long_enough &&
          !(CoversASentence(side_a, p.a.span) && CoversASentence(side_b, p.b.span))) {
        continue;
      }
      p.similarity = static_cast<double>(run.matched) / static_cast<double>(run.length);
      p.earlier = earlier;
      passages.push_back(std::move(p));
    }
  }
  std::sort(passages.begin(), passages.end(), [](const Passage& x, const Passage& y) {
    return std::tie(x.a.span.begin, x.b.span.begin) < std::tie(y.a.span.begin, y.b.span.begin);
  });
  return passages;
}

std::vector<uint64_t> PassageSeeds(std::string_view text, const PassageOptions& options,
                                   int window) {
  return PassageSeeds(NormalizedWords(text), options, window);
}

std::vector<uint64_t> PassageSeeds(std::span<const Word> words, const PassageOptions& options,
                                   int window) {
  const int n = std::clamp(options.seed_words, 1, kMaxSeedWords);
  const size_t w = static_cast<size_t>(std::max(window, 1));
  if (words.size() < static_cast<size_t>(n)) return {};
  std::vector<uint64_t> grams(words.size() - n + 1);
  for (size_t i = 0; i < grams.size(); ++i) grams[i] = GramHash(words, i, n);
  std::vector<uint64_t> seeds;
  size_t last_kept = SIZE_MAX;  // neighbouring windows mostly keep the same n-gram
  for (size_t start = 0; start + std::min(w, grams.size()) <= grams.size(); ++start) {
    const size_t end = std::min(start + w, grams.size());
    size_t best = start;
    for (size_t k = start + 1; k < end; ++k) {
      if (grams[k] <= grams[best]) best = k;
    }
    if (best != last_kept) seeds.push_back(grams[best]);
    last_kept = best;
  }
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  return seeds;
}

SharedTextIndex::SharedTextIndex(size_t max_articles_per_seed)
    : max_articles_per_seed_(max_articles_per_seed) {}

void SharedTextIndex::Add(std::string id, const std::vector<uint64_t>& seeds) {
  const uint32_t index = static_cast<uint32_t>(ids_.size());
  ids_.push_back(std::move(id));
  for (uint64_t seed : seeds) seed_entries_.Add(seed, index);
}

std::vector<std::pair<size_t, size_t>> SharedTextIndex::CandidatePairs() const {
  return seed_entries_.PairsSharingAKey(max_articles_per_seed_);
}

}  // namespace storyline::link
