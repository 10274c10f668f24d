// ingest_bench: throughput and memory of ingest + clean + segment.
//
// Workloads (one line each in the output):
//   pipeline_jsonl   N articles in JSON Lines files: ingest + clean + segment, all cores
//   pipeline_txt     N/5 articles as .txt files (a file per article), all cores
//   pipeline_timex   pipeline_jsonl's input through the whole pipeline, timex included
//   stage_ingest     one thread: read + decode + parse JSON Lines
//   stage_clean      one thread: clean, over documents in memory
//   stage_segment    one thread: sentence segmentation of the clean texts
//   stage_timex      one thread: time expressions of the segmented texts
//   memory           peak resident memory after N/4 and after N articles
// Figures: articles/s and MB/s of wall time, and MB per CPU-second ("per
// core"), where CPU time is user + system time of the whole process.
//
// Usage: ingest_bench [--articles N] [--threads T] [--dir DIR]
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace storyline::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kArticlesPerJsonlFile = 10000;
constexpr double kMB = 1e6;

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();

  static double CpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
  }
  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double CpuSecondsSince() const { return CpuSeconds() - cpu; }
};

double PeakMemoryMB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void Report(const char* name, uint64_t articles, uint64_t bytes, const Clock& clock) {
  const double wall = clock.WallSeconds();
  const double cpu = clock.CpuSecondsSince();
  std::printf(
      "%-16s %9llu articles %8.1f MB  %9.0f articles/s  %7.1f MB/s  %7.1f MB/s per core"
      "  (wall %.2f s, cpu %.2f s)\n",
      name, static_cast<unsigned long long>(articles), bytes / kMB, articles / wall,
      bytes / kMB / wall, bytes / kMB / cpu, wall, cpu);
}

std::string JsonEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 64);
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Writes `count` articles into JSON Lines files under `dir`; returns the paths.
std::vector<std::string> WriteJsonl(const fs::path& dir, size_t count, uint64_t seed) {
  fs::create_directories(dir);
  CorpusGenerator generator(seed);
  std::vector<std::string> paths;
  std::ofstream out;
  for (size_t i = 0; i < count; ++i) {
    if (i % kArticlesPerJsonlFile == 0) {
      paths.push_back((dir / ("part-" + std::to_string(paths.size()) + ".jsonl")).string());
      out = std::ofstream(paths.back(), std::ios::binary);
    }
    out << "{\"id\":\"a" << i << "\",\"outlet\":\"Bench Wire\",\"text\":\""
        << JsonEscape(generator.Article()) << "\"}\n";
  }
  return paths;
}

void WriteTxt(const fs::path& dir, size_t count, uint64_t seed) {
  fs::create_directories(dir);
  CorpusGenerator generator(seed);
  for (size_t i = 0; i < count; ++i) {
    std::ofstream(dir / ("article-" + std::to_string(i) + ".txt"), std::ios::binary)
        << generator.Article();
  }
}

// Counts what the pipeline delivers and drops it, so the figures are the
// pipeline's own.
class CountingSink : public pipeline::Sink {
 public:
  Status Articles(std::vector<Article>& batch) override {
    articles += batch.size();
    for (const Article& article : batch) sentences += article.sentences.size();
    return Status::Ok();
  }
  Status Rejected(const Rejection&) override {
    ++rejected;
    return Status::Ok();
  }
  uint64_t articles = 0, sentences = 0, rejected = 0;
};

bool RunPipeline(const char* name, const pipeline::Pipeline& pipeline,
                 const std::vector<std::string>& inputs) {
  CountingSink sink;
  Clock clock;
  Result<pipeline::Summary> summary = pipeline.Run(inputs, sink);
  if (!summary.ok()) {
    std::fprintf(stderr, "%s failed: %s\n", name, summary.status().ToString().c_str());
    return false;
  }
  Report(name, summary->ingested, summary->text_bytes, clock);
  if (summary->rejected > 0)
    std::printf("  (%llu rejected)\n", (unsigned long long)summary->rejected);
  return true;
}

void RunStages(const std::vector<std::string>& inputs) {
  std::vector<RawDocument> documents;
  uint64_t bytes = 0;
  Clock read_clock;
  const ingest::RecordSink sink{[&](RawDocument doc) {
                                  bytes += doc.text.size();
                                  documents.push_back(std::move(doc));
                                },
                                [](Rejection) {}, nullptr};
  for (const std::string& path : inputs) ingest::ReadFile({path}, {}, sink);
  Report("stage_ingest", documents.size(), bytes, read_clock);

  DataFiles data;
  Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, data);
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  if (!cleaner.ok() || !segmenter.ok()) return;
  std::vector<Article> articles;
  articles.reserve(documents.size());
  Clock clean_clock;
  for (RawDocument& doc : documents) articles.push_back(cleaner->Clean(std::move(doc)));
  Report("stage_clean", articles.size(), bytes, clean_clock);

  uint64_t clean_bytes = 0;
  size_t sentences = 0;
  Clock segment_clock;
  for (Article& article : articles) {
    clean_bytes += article.text.size();
    article.sentences = segmenter->Sentences(article.text);
    sentences += article.sentences.size();
  }
  Report("stage_segment", articles.size(), clean_bytes, segment_clock);
  std::printf("  (%zu sentences, %.1f per article)\n", sentences,
              static_cast<double>(sentences) / std::max<size_t>(1, articles.size()));

  Result<timex::Tagger> tagger = timex::Tagger::Create({}, data);
  if (!tagger.ok()) return;
  size_t timexes = 0;
  Clock timex_clock;
  for (const Article& article : articles) {
    timexes += tagger->Tag(article.text, article.sentences, CivilDay{2025, 3, 14}).size();
  }
  Report("stage_timex", articles.size(), clean_bytes, timex_clock);
  std::printf("  (%zu time expressions)\n", timexes);
}

void PrintMachine(int threads) {
  std::string cpu = "unknown";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  std::printf("machine: %u cores, %s\ncompiler: %s\nthreads: %d\n",
              std::thread::hardware_concurrency(), cpu.c_str(), __VERSION__, threads);
#ifndef NDEBUG
  std::printf("WARNING: assertions are on; build with -DCMAKE_BUILD_TYPE=Release for figures\n");
#endif
#ifndef __OPTIMIZE__
  std::printf("WARNING: optimisation is off; figures are meaningless\n");
#endif
}

int Main(int argc, char** argv) {
  size_t articles = 100000;
  int threads = 2;
  fs::path dir = fs::temp_directory_path() / ("storyline_bench_" + std::to_string(::getpid()));
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--articles") == 0) articles = std::stoul(argv[i + 1]);
    if (std::strcmp(argv[i], "--threads") == 0) threads = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
  }
  PrintMachine(threads);
  // As the storyline tool does (src/cli/main.cc).
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  pipeline::Options options;
  options.threads = threads;
  options.find_entities = false;  // facts_bench measures that stage
  options.tag_timexes = false;
  Result<pipeline::Pipeline> pipeline = pipeline::Pipeline::Create(options);
  options.tag_timexes = true;
  Result<pipeline::Pipeline> with_timex = pipeline::Pipeline::Create(options);
  if (!pipeline.ok() || !with_timex.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  std::printf("generating %zu articles in %s ...\n", articles, dir.c_str());
  const std::vector<std::string> quarter = WriteJsonl(dir / "quarter", articles / 4, 7);
  const std::vector<std::string> full = WriteJsonl(dir / "full", articles, 11);
  WriteTxt(dir / "txt", articles / 5, 13);
  std::fflush(stdout);

  if (!RunPipeline("pipeline_jsonl/4", *pipeline, quarter)) return 1;
  const double memory_quarter = PeakMemoryMB();
  if (!RunPipeline("pipeline_jsonl", *pipeline, full)) return 1;
  const double memory_full = PeakMemoryMB();
  if (!RunPipeline("pipeline_txt", *pipeline, {(dir / "txt").string()})) return 1;
  if (!RunPipeline("pipeline_timex", *with_timex, full)) return 1;
  std::printf("memory           peak %.0f MB after %zu articles, %.0f MB after %zu (ratio %.2f)\n",
              memory_quarter, articles / 4, memory_full, articles, memory_full / memory_quarter);
  const std::vector<std::string> stage_inputs(
      quarter.begin(), quarter.begin() + std::min<size_t>(2, quarter.size()));
  RunStages(stage_inputs);
  fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
