// link_scale_bench: the whole link stage on a generated corpus of up to a
// million articles with planted near-duplicates, copied paragraphs and
// stories (bench/scale_corpus.h), one thread.
//
// Workloads (one line each; articles/s per core = articles / CPU seconds):
//   signatures_lsh   NormalizedWords() + MinHash() + NearDuplicateIndex::Add() of every article
//   near_dup_groups  NearDuplicateIndex::Groups(): bucket sort, verification, union-find
//   passage_seeds    PassageSeeds() (from the same words) + SharedTextIndex::Add()
//   passage_pairs    SharedTextIndex::CandidatePairs()
//   passages         FindSharedPassages() on every candidate pair
//   term_statistics  TermStatistics::Add() of every article (the first pass of stories)
//   stories          StoryClusterer::Add() of every article in arrival order, then Stories()
//   link_stage       all of the above
// Generating the text is not timed. Then quality against the plan:
//   near-duplicates  on the first --sample articles, every pair's exact
//                    shingle Jaccard: recall and precision of the verified
//                    pairs at the index threshold, and recall by Jaccard band
//   stories          pairwise and B-cubed precision/recall against the planted stories
// and peak resident memory.
//
// Usage: link_scale_bench [--articles N] [--sample S] [--small] [--without-stories]
//   defaults 1,000,000 articles and a 10,000-article sample; --small is
//   20,000 and 2,000 (a smoke run of a few seconds). --without-stories
//   leaves out term_statistics and stories (see bench/README.md: at a
//   million articles they take hours and over 10 GB).
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "link/link.h"
#include "machine.h"
#include "scale_corpus.h"

namespace storyline::bench {
namespace {

constexpr size_t kBatch = 1000;  // articles generated, then processed, at a time

// Accumulates the CPU time of the timed parts of a workload.
class CpuTimer {
 public:
  template <typename F>
  void Time(F&& f) {
    const double start = ProcessCpuSeconds();
    f();
    seconds_ += ProcessCpuSeconds() - start;
  }
  double seconds() const { return seconds_; }

 private:
  double seconds_ = 0;
};

// A field of /proc/self/status in MB (VmRSS: now, VmHWM: peak).
double MemoryMb(const char* field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field, 0) == 0)
      return std::strtod(line.c_str() + std::strlen(field) + 1, nullptr) / 1024;
  }
  return 0;
}

void Report(const char* name, size_t articles, double seconds, const char* note = "") {
  std::printf("%-16s %9zu articles %9.2f cpu s %10.0f articles/s per core  rss %6.0f MB %s\n", name,
              articles, seconds, static_cast<double>(articles) / seconds, MemoryMb("VmRSS:"), note);
}

// Sorted, unique hashes of an article's 5-word shingles (as MinHash() sees them).
std::vector<uint64_t> Shingles(const std::string& text) {
  const std::vector<link::Word> words = link::NormalizedWords(text);
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + link::kShingleWords <= words.size(); ++i) {
    std::array<uint64_t, link::kShingleWords> h{};
    for (int k = 0; k < link::kShingleWords; ++k) h[k] = words[i + k].hash;
    shingles.push_back(XXH3_64bits(h.data(), sizeof(h)));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

using Pair = std::pair<uint32_t, uint32_t>;

// Exact Jaccard of every pair of the sample that shares a shingle, through
// an inverted index (shingle -> articles), never all pairs.
std::map<Pair, double> ExactJaccards(const std::vector<std::vector<uint64_t>>& sets) {
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  for (uint32_t i = 0; i < sets.size(); ++i) {
    for (uint64_t s : sets[i]) postings.emplace_back(s, i);
  }
  std::sort(postings.begin(), postings.end());
  std::unordered_map<uint64_t, uint32_t> shared;  // pair -> shingles in common
  for (size_t begin = 0, end = 0; begin < postings.size(); begin = end) {
    while (end < postings.size() && postings[end].first == postings[begin].first) ++end;
    for (size_t x = begin; x < end; ++x) {
      for (size_t y = x + 1; y < end; ++y) {
        ++shared[static_cast<uint64_t>(postings[x].second) << 32 | postings[y].second];
      }
    }
  }
  std::map<Pair, double> jaccard;
  for (const auto& [key, common] : shared) {
    const uint32_t a = key >> 32, b = static_cast<uint32_t>(key);
    jaccard[{a, b}] =
        static_cast<double>(common) / static_cast<double>(sets[a].size() + sets[b].size() - common);
  }
  return jaccard;
}

void ReportNearDuplicateQuality(const std::vector<std::vector<uint64_t>>& sample_sets,
                                const std::vector<std::pair<size_t, size_t>>& verified,
                                const ScaleCorpus& corpus, double threshold) {
  const std::map<Pair, double> exact = ExactJaccards(sample_sets);
  const uint32_t n = static_cast<uint32_t>(sample_sets.size());
  std::map<Pair, bool> found;
  for (const auto& [a, b] : verified) {
    if (b < n) found[{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}] = true;
  }
  size_t truth = 0, hits = 0;
  std::array<size_t, 6> band_truth{}, band_hits{};  // exact J in [0.5,0.6) ... [0.9,1], below
  for (const auto& [pair, j] : exact) {
    if (j < threshold) continue;
    ++truth;
    const bool hit = found.count(pair) > 0;
    hits += hit;
    const size_t band = std::min<size_t>(static_cast<size_t>((j - 0.5) * 10), 4);
    if (j >= 0.5) band_truth[band] += 1, band_hits[band] += hit;
  }
  size_t correct = 0, near_miss = 0;
  for (const auto& [pair, unused] : found) {
    const auto it = exact.find(pair);
    const double j = it == exact.end() ? 0 : it->second;
    correct += j >= threshold;
    near_miss += j < threshold && j >= threshold - 0.1;
  }
  size_t planted = 0, planted_over = 0, planted_found = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t source = corpus.NearDuplicateSourceOf(i);
    if (source == ScaleCorpus::kNone) continue;
    ++planted;
    const auto it = exact.find({source, i});
    if (it == exact.end() || it->second < threshold) continue;
    ++planted_over;
    planted_found += found.count({source, i});
  }
  std::printf(
      "near-duplicates on the first %u articles (exact shingle Jaccard, threshold %.2f):\n"
      "  pairs at or above the threshold %zu, found %zu: recall %.4f\n"
      "  verified pairs %zu, at or above the threshold %zu: precision %.4f "
      "(%zu more within 0.1 under it)\n"
      "  planted pairs %zu, %zu at or above the threshold, found %zu: recall %.4f\n"
      "  recall by exact Jaccard:",
      n, threshold, truth, hits, truth ? static_cast<double>(hits) / truth : 0.0, found.size(),
      correct, found.empty() ? 0.0 : static_cast<double>(correct) / found.size(), near_miss,
      planted, planted_over, planted_found,
      planted_over ? static_cast<double>(planted_found) / planted_over : 0.0);
  for (size_t b = 0; b < 5; ++b) {
    std::printf(" [%.1f,%.1f%c %zu/%zu", 0.5 + b / 10.0, b == 4 ? 1.0 : 0.6 + b / 10.0,
                b == 4 ? ']' : ')', band_hits[b], band_truth[b]);
  }
  std::printf("\n");
}

// Pairwise and B-cubed scores of a clustering against the planted stories,
// from the contingency counts (never all pairs).
void ReportStoryQuality(const std::vector<uint32_t>& cluster_of, const ScaleCorpus& corpus) {
  std::unordered_map<uint64_t, uint64_t> both;
  std::unordered_map<uint32_t, uint64_t> cluster_size, story_size;
  for (uint32_t i = 0; i < cluster_of.size(); ++i) {
    ++both[static_cast<uint64_t>(cluster_of[i]) << 32 | corpus.StoryOf(i)];
    ++cluster_size[cluster_of[i]];
    ++story_size[corpus.StoryOf(i)];
  }
  auto pairs = [](uint64_t k) { return static_cast<double>(k) * static_cast<double>(k - 1) / 2; };
  double same_both = 0, same_cluster = 0, same_story = 0, b3_precision = 0, b3_recall = 0;
  for (const auto& [key, n] : both) {
    same_both += pairs(n);
    const double nd = static_cast<double>(n);
    b3_precision += nd * nd / static_cast<double>(cluster_size[key >> 32]);
    b3_recall += nd * nd / static_cast<double>(story_size[static_cast<uint32_t>(key)]);
  }
  for (const auto& [c, n] : cluster_size) same_cluster += pairs(n);
  for (const auto& [s, n] : story_size) same_story += pairs(n);
  const double total = static_cast<double>(cluster_of.size());
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; };
  const double pp = same_cluster > 0 ? same_both / same_cluster : 0;
  const double pr = same_story > 0 ? same_both / same_story : 0;
  std::printf(
      "stories: %zu planted, %zu found; pairwise P %.3f R %.3f F1 %.3f; B-cubed P %.3f R %.3f "
      "F1 %.3f\n",
      story_size.size(), cluster_size.size(), pp, pr, f1(pp, pr), b3_precision / total,
      b3_recall / total, f1(b3_precision / total, b3_recall / total));
}

// Stories in arrival order (date, then id: the corpus's index order), the
// articles generated untimed; the CPU time of Add() and Stories() goes to
// `timer`.
void RunStories(const ScaleCorpus& corpus, const link::TermStatistics& statistics,
                CpuTimer& generate, CpuTimer& timer) {
  const size_t n = corpus.size();
  link::StoryClusterer clusterer(statistics);
  std::vector<uint32_t> story_of;
  for (size_t first = 0; first < n; first += kBatch) {
    std::vector<Article> batch;
    generate.Time([&] {
      for (size_t i = first; i < std::min(n, first + kBatch); ++i)
        batch.push_back(corpus.Generate(i));
    });
    timer.Time([&] {
      for (const Article& a : batch) story_of.push_back(static_cast<uint32_t>(clusterer.Add(a)));
    });
  }
  size_t stories = 0;
  timer.Time([&] { stories = clusterer.Stories().size(); });
  char note[64];
  std::snprintf(note, sizeof(note), "(%zu stories)", stories);
  Report("stories", n, timer.seconds(), note);
  ReportStoryQuality(story_of, corpus);
}

int Run(size_t n, size_t sample, bool with_stories) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is known
  PrintMachine();
  sample = std::min(sample, n);
  const ScaleCorpus corpus(n);

  // Pass 1, in arrival order: signatures, seeds and document frequencies.
  CpuTimer generate, signatures, seeds_timer, statistics_timer;
  link::NearDuplicateIndex near_duplicates;
  link::SharedTextIndex seeds;
  link::TermStatistics statistics;
  std::vector<std::vector<uint64_t>> sample_sets;
  size_t bytes = 0;
  for (size_t first = 0; first < n; first += kBatch) {
    std::vector<Article> batch;
    generate.Time([&] {
      for (size_t i = first; i < std::min(n, first + kBatch); ++i)
        batch.push_back(corpus.Generate(i));
    });
    for (const Article& a : batch) {
      bytes += a.text.size();
      if (sample_sets.size() < sample) sample_sets.push_back(Shingles(a.text));
    }
    // Words are normalised once for signatures, seeds and term statistics
    // (counted with the signatures).
    std::vector<std::vector<link::Word>> words(batch.size());
    signatures.Time([&] {
      for (size_t k = 0; k < batch.size(); ++k) {
        words[k] = link::NormalizedWords(batch[k].text);
        near_duplicates.Add(batch[k].id, link::MinHash(words[k]));
      }
    });
    seeds_timer.Time([&] {
      for (size_t k = 0; k < batch.size(); ++k)
        seeds.Add(batch[k].id, link::PassageSeeds(words[k]));
    });
    if (with_stories) {
      statistics_timer.Time([&] {
        for (size_t k = 0; k < batch.size(); ++k) statistics.Add(batch[k], words[k]);
      });
    }
  }
  std::printf("articles: %zu, mean %.0f bytes; generating them took %.1f cpu s (not counted)\n", n,
              static_cast<double>(bytes) / n, generate.seconds());
  Report("signatures_lsh", n, signatures.seconds());

  CpuTimer groups_timer;
  std::vector<NearDuplicateGroup> groups;
  groups_timer.Time([&] { groups = near_duplicates.Groups(); });
  char note[128];
  uint64_t comparisons = 0;
  const std::vector<std::pair<size_t, size_t>> verified =
      near_duplicates.VerifiedPairs(&comparisons);
  std::snprintf(note, sizeof(note), "(%zu groups, %llu signature comparisons)", groups.size(),
                static_cast<unsigned long long>(comparisons));
  Report("near_dup_groups", n, groups_timer.seconds(), note);
  ReportNearDuplicateQuality(sample_sets, verified, corpus, link::NearDuplicateOptions{}.threshold);
  near_duplicates = link::NearDuplicateIndex();
  sample_sets = {};

  Report("passage_seeds", n, seeds_timer.seconds());
  CpuTimer pairs_timer;
  std::vector<std::pair<size_t, size_t>> pairs;
  pairs_timer.Time([&] { pairs = seeds.CandidatePairs(); });
  seeds = link::SharedTextIndex();
  std::snprintf(note, sizeof(note), "(%zu candidate pairs)", pairs.size());
  Report("passage_pairs", n, pairs_timer.seconds(), note);

  // Pairs are sorted by their first article; a chunk's articles are
  // generated once (untimed), then aligned.
  CpuTimer passages_timer;
  size_t passages = 0;
  for (size_t begin = 0; begin < pairs.size();) {
    std::unordered_map<size_t, Article> articles;
    size_t end = begin;
    generate.Time([&] {
      for (; end < pairs.size() && articles.size() < 2 * kBatch; ++end) {
        for (size_t i : {pairs[end].first, pairs[end].second}) {
          if (!articles.count(i)) articles.emplace(i, corpus.Generate(i));
        }
      }
    });
    passages_timer.Time([&] {
      for (size_t k = begin; k < end; ++k) {
        passages +=
            link::FindSharedPassages(articles.at(pairs[k].first), articles.at(pairs[k].second))
                .size();
      }
    });
    begin = end;
  }
  std::snprintf(note, sizeof(note), "(%zu pairs, %zu passages)", pairs.size(), passages);
  Report("passages", n, passages_timer.seconds(), note);
  pairs = {};

  CpuTimer stories_timer;
  if (with_stories) {
    Report("term_statistics", n, statistics_timer.seconds());
    RunStories(corpus, statistics, generate, stories_timer);
  }

  const double total = signatures.seconds() + groups_timer.seconds() + seeds_timer.seconds() +
                       pairs_timer.seconds() + passages_timer.seconds() +
                       statistics_timer.seconds() + stories_timer.seconds();
  Report("link_stage", n, total, with_stories ? "" : "(without term_statistics and stories)");
  std::printf("peak memory (VmHWM): %.0f MB\n", MemoryMb("VmHWM:"));
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) {
  size_t n = 1000000, sample = 10000;
  bool with_stories = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--small") == 0) {
      n = 20000;
      sample = 2000;
    } else if (std::strcmp(argv[i], "--without-stories") == 0) {
      with_stories = false;
    } else if (i + 1 < argc && std::strcmp(argv[i], "--articles") == 0) {
      n = std::strtoull(argv[++i], nullptr, 10);
    } else if (i + 1 < argc && std::strcmp(argv[i], "--sample") == 0) {
      sample = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr,
                   "usage: link_scale_bench [--articles N] [--sample S] [--small] "
                   "[--without-stories]\n");
      return 2;
    }
  }
  return storyline::bench::Run(std::max<size_t>(n, 10), sample, with_stories);
}
