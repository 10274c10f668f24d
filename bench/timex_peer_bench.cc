// timex_peer_bench: tagging speed of our time-expression tagger and of
// chrono-node on the same text, one core each.
//
//   timex_peer_bench [--articles N] [--passes P] [--chrono-dir DIR]   # defaults 5000, 3
//
// The text is stage_timex's (ingest_bench): generated articles
// (bench/corpus.cc), cleaned and segmented first, publication date
// 2025-03-14. Ours tags them in this process; chrono-node parses the same
// clean texts with the same reference date in node (eval/chrono). Figures
// are MB of clean text per CPU-second of the tagging calls alone, over P
// passes each (node compiles as it goes: its first pass is the slowest).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "chrono/chrono_peer.h"
#include "clean/clean.h"
#include "corpus.h"
#include "text/text.h"
#include "timex/timex.h"

namespace storyline::bench {
namespace {

constexpr CivilDay kPublished{2025, 3, 14};

double ProcessCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

void PrintRow(const std::string& system, size_t bytes, double cpu_seconds, size_t timexes) {
  std::printf("%-20s %8.2f MB/s per core  (%.1f MB in %.2f CPU s, %zu time expressions a pass)\n",
              system.c_str(), cpu_seconds > 0 ? bytes / cpu_seconds / 1e6 : 0.0, bytes / 1e6,
              cpu_seconds, timexes);
}

std::vector<Article> CleanArticles(size_t count) {
  DataFiles data;
  Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  if (!cleaner.ok() || !segmenter.ok()) return {};
  CorpusGenerator generator(17);
  std::vector<Article> articles;
  for (size_t i = 0; i < count; ++i) {
    RawDocument doc;
    doc.origin = "bench-" + std::to_string(i);
    doc.format = "txt";
    doc.text = generator.Article();
    articles.push_back(cleaner->Clean(std::move(doc)));
    articles.back().sentences = segmenter->Sentences(articles.back().text);
  }
  return articles;
}

int Main(int argc, char** argv) {
  CLI::App app{"Tagging speed of the timex tagger and of chrono-node on the same text"};
  size_t article_count = 5000;
  int passes = 3;
  std::string chrono_dir = STORYLINE_SOURCE_DIR "/eval/chrono";
  app.add_option("--articles", article_count, "generated articles")->capture_default_str();
  app.add_option("--passes", passes, "times each system tags every text")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--chrono-dir", chrono_dir, "folder of chrono_tag.mjs and its node_modules")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
#ifndef __OPTIMIZE__
  std::printf("WARNING: optimisation is off; figures are meaningless\n");
#endif

  const std::vector<Article> articles = CleanArticles(article_count);
  Result<timex::Tagger> tagger = timex::Tagger::Create({}, DataFiles{});
  if (articles.empty() || !tagger.ok()) {
    std::fprintf(stderr, "cannot load the rule files\n");
    return 1;
  }
  size_t bytes = 0;
  size_t timexes = 0;
  const double start = ProcessCpuSeconds();
  for (int pass = 0; pass < passes; ++pass) {
    for (const Article& article : articles) {
      timexes += tagger->Tag(article.text, article.sentences, kPublished).size();
      bytes += article.text.size();
    }
  }
  const double seconds = ProcessCpuSeconds() - start;
  std::printf("%zu generated articles, cleaned and segmented, published %s; %d passes\n",
              articles.size(), kPublished.Iso().c_str(), passes);
  PrintRow("storyline", bytes, seconds, timexes / passes);

  Result<std::string> version = eval::ChronoVersion(chrono_dir);
  if (!version.ok()) {
    std::printf("%-20s not run: %s\n", "chrono-node", version.status().message().c_str());
    return 0;
  }
  std::vector<eval::PeerJob> jobs;
  for (const Article& article : articles) {
    jobs.push_back({std::to_string(jobs.size()), article.text, kPublished});
  }
  Result<eval::PeerRun> run = eval::RunChrono(chrono_dir, jobs, passes);
  if (!run.ok()) {
    std::printf("%-20s not run: %s\n", "chrono-node", run.status().ToString().c_str());
    return 1;
  }
  size_t chrono_timexes = 0;
  for (const std::vector<Timex>& found : run->timexes) chrono_timexes += found.size();
  PrintRow("chrono-node " + *version, run->bytes, run->cpu_seconds, chrono_timexes);
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
