// link_bench: single-thread throughput of the link stages.
//
// Workloads (one line each in the output):
//   minhash          MinHash() of each article (normalise, shingle, 128 minima)
//   minhash_lsh      MinHash() + NearDuplicateIndex::Add() (band keys, buckets)
//   verify_groups    NearDuplicateIndex::Groups() over the index built above
//   passages         FindSharedPassages() on pairs of an article and a reworked copy
//   story_terms      TermStatistics::Add() of each article (the first pass)
//   stories          StoryClusterer::Add() of each article, dated over 60 days,
//                    with the names of one of n/5 planted stories
// Figures are per CPU second of the process (one thread).
// Articles come from bench/corpus.h (about 3 KB of scraped-news-like text);
// one in ten is a near-duplicate of an earlier one.
//
// Usage: link_bench [--articles N]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "corpus.h"
#include "link/link.h"
#include "machine.h"

namespace storyline::bench {
namespace {

double Seconds(double cpu_since) { return ProcessCpuSeconds() - cpu_since; }

void Report(const char* name, size_t items, size_t bytes, double seconds) {
  std::printf("%-14s %8zu items %8.3f s %10.0f items/s %8.1f MB/s\n", name, items, seconds,
              items / seconds, bytes / seconds / 1e6);
}

// Six invented names of planted story `story`, as a sentence: the generated
// text alone is one topic, so these are what tells the stories apart.
std::string StoryNames(size_t story) {
  std::string stem = "Q";
  for (size_t k = story; k > 0; k /= 26) stem += static_cast<char>('a' + k % 26);
  return " " + stem + "ara and " + stem + "eth met " + stem + "ion in " + stem + "ova, near " +
         stem + "und and " + stem + "ix.";
}

// Story clustering over `texts`, each given the names of one of n/5 planted
// stories and a date within 60 days: the first pass, then the online pass,
// each reported per core (CPU time).
void BenchStories(const std::vector<std::string>& texts, size_t bytes) {
  const size_t n = texts.size();
  std::vector<Article> articles(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t story = i * 2654435761u % std::max<size_t>(n / 5, 1);
    articles[i].id = std::to_string(i);
    articles[i].text = texts[i] + StoryNames(story);
    const int day = static_cast<int>(story * 60 / std::max<size_t>(n / 5, 1) + i % 3);
    char date[32];
    std::snprintf(date, sizeof(date), "2031-%02d-%02d", 1 + day / 30, 1 + day % 30);
    articles[i].published.value = date;
  }
  double start = ProcessCpuSeconds();
  link::TermStatistics statistics;
  for (const Article& a : articles) statistics.Add(a);
  Report("story_terms", articles.size(), bytes, Seconds(start));
  start = ProcessCpuSeconds();
  link::StoryClusterer clusterer(statistics);
  for (const Article& a : articles) clusterer.Add(a);
  Report("stories", articles.size(), bytes, Seconds(start));
  std::printf("stories: %zu (%zu planted)\n", clusterer.Stories().size(), n / 5);
}

int Run(size_t n) {
  PrintMachine();
  CorpusGenerator generator(42);
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i % 10 == 9) {
      texts.push_back(texts[i / 2] + " A correction was appended to this article.");
    } else {
      texts.push_back(generator.Article(3000));
    }
    bytes += texts.back().size();
  }
  std::printf("articles: %zu, mean %.0f bytes\n", n, static_cast<double>(bytes) / n);

  double start = ProcessCpuSeconds();
  uint64_t checksum = 0;
  for (const std::string& t : texts) checksum += link::MinHash(t)[0];
  Report("minhash", n, bytes, Seconds(start));

  start = ProcessCpuSeconds();
  link::NearDuplicateIndex index;
  for (size_t i = 0; i < n; ++i) index.Add(std::to_string(i), link::MinHash(texts[i]));
  Report("minhash_lsh", n, bytes, Seconds(start));

  start = ProcessCpuSeconds();
  const auto groups = index.Groups();
  Report("verify_groups", n, bytes, Seconds(start));
  std::printf("near-duplicate groups: %zu\n", groups.size());

  const size_t pairs = std::min<size_t>(n / 10, 2000);
  start = ProcessCpuSeconds();
  size_t found = 0, pair_bytes = 0;
  Article a, b;
  a.id = "reused";
  b.id = "original";
  for (size_t i = 0; i < pairs; ++i) {
    a.text = texts[i * 10 + 9];
    b.text = texts[(i * 10 + 9) / 2];
    pair_bytes += a.text.size() + b.text.size();
    found += link::FindSharedPassages(a, b).size();
  }
  Report("passages", pairs, pair_bytes, Seconds(start));
  std::printf("(checksum %llu, passages %zu)\n", static_cast<unsigned long long>(checksum), found);
  BenchStories(texts, bytes);
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) {
  size_t n = 50000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--articles") == 0) n = std::strtoull(argv[++i], nullptr, 10);
  }
  return storyline::bench::Run(std::max<size_t>(n, 10));
}
