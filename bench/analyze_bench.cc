// analyze_bench: the whole `storyline analyze` (ingest, clean, segment,
// timex, store, link) on a generated corpus with planted stories, copied
// paragraphs and near-duplicates.
//
// Workloads (one line each in the output):
//   analyze   the storyline binary on N articles in a fresh database: wall
//             time, articles/s, CPU time of the process (all threads), peak
//             resident memory
//   link      the link stage alone (as the closing line of analyze reports it;
//             it runs on one thread, so its wall time is its CPU time)
//   rerun     the same input again: nothing new to store or link
//
// The corpus: events of 1 to 12 articles over N/400 days; articles of about
// 3 KB built from a vocabulary of 27,000 invented words (common words more
// often), each event with its own names. One article in six copies a
// paragraph of an earlier article of its event word for word; one in twenty
// is a lightly edited copy of one.
//
// Usage: analyze_bench [--articles N] [--threads T] [--dir DIR] [--keep]
// (defaults 100000, 2, a temporary folder; --keep leaves the corpus and the
// database there).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace storyline::bench {
namespace {

namespace fs = std::filesystem;

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Pick(size_t n) { return static_cast<size_t>(Next() % n); }
  // Small values much more often than large ones, like word frequencies.
  size_t Skewed(size_t n) { return Pick(n) * Pick(n) / n; }

 private:
  uint64_t state_;
};

constexpr const char* kSyllables[] = {"ka", "lo",  "mi", "ren", "tas", "vo",  "bel", "dun",
                                      "fi", "gar", "hu", "jel", "ne",  "pra", "qui", "ros",
                                      "su", "ti",  "ul", "ve",  "wy",  "xo",  "ze",  "an",
                                      "el", "im",  "or", "us",  "ca",  "dre"};
constexpr size_t kSyllableCount = std::size(kSyllables);

std::string Word(size_t index) {
  std::string word;
  do {
    word += kSyllables[index % kSyllableCount];
    index /= kSyllableCount;
  } while (index > 0);
  return word;
}

struct Event {
  std::vector<std::string> names;  // words only this event uses
  int day = 0;
  std::vector<std::string> paragraphs;  // of its articles so far
  std::string last_text;
};

std::string Sentence(Random& random, const Event& event) {
  std::string sentence;
  const size_t words = 10 + random.Pick(12);
  for (size_t w = 0; w < words; ++w) {
    if (w > 0) sentence += ' ';
    sentence += random.Pick(6) == 0 ? event.names[random.Pick(event.names.size())]
                                    : Word(random.Skewed(27000));
  }
  sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
  return sentence + ".";
}

std::string JsonLine(size_t i, const std::string& title, int day, const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  char date[16];
  std::snprintf(date, sizeof(date), "2031-%02d-%02d", 1 + (day / 28) % 12, 1 + day % 28);
  return "{\"id\":\"b" + std::to_string(i) + "\",\"outlet\":\"Outlet " + std::to_string(i % 50) +
         "\",\"title\":\"" + title + "\",\"published\":\"" + date + "\",\"text\":\"" + escaped +
         "\"}\n";
}

void WriteCorpus(const fs::path& path, size_t n) {
  Random random(2031);
  std::vector<Event> events;
  std::ofstream out(path, std::ios::binary);
  const int days = static_cast<int>(std::max<size_t>(n / 400, 1));
  for (size_t i = 0; i < n; ++i) {
    const int day = static_cast<int>(i * days / n);
    // A new event, or a recent one with articles to come.
    if (events.empty() || random.Pick(4) == 0) {
      Event event;
      for (int k = 0; k < 4; ++k) event.names.push_back("x" + Word(random.Next() % 1000000));
      event.day = day;
      events.push_back(std::move(event));
    }
    Event& event = events[events.size() - 1 - random.Pick(std::min<size_t>(events.size(), 30))];
    const std::string title = event.names[0] + " " + Word(random.Skewed(27000)) + " " +
                              event.names[1] + " " + Word(random.Skewed(27000));
    std::string text;
    if (!event.last_text.empty() && random.Pick(20) == 0) {
      text = event.last_text;  // a near-duplicate: the last article, a few words changed
      for (int edit = 0; edit < 5; ++edit) {
        const size_t at = text.find(' ', random.Pick(text.size()));
        if (at != std::string::npos) text.insert(at, " " + Word(random.Skewed(27000)));
      }
    } else {
      std::vector<std::string> paragraphs;
      while (text.size() < 2800) {
        std::string paragraph;
        if (!event.paragraphs.empty() && random.Pick(40) == 0) {
          paragraph = event.paragraphs[random.Pick(event.paragraphs.size())];  // copied
        } else {
          for (size_t s = 0, count = 2 + random.Pick(3); s < count; ++s) {
            paragraph += (s > 0 ? " " : "") + Sentence(random, event);
          }
        }
        text += (text.empty() ? "" : "\n") + paragraph;
        paragraphs.push_back(std::move(paragraph));
      }
      for (std::string& p : paragraphs) event.paragraphs.push_back(std::move(p));
      if (event.paragraphs.size() > 60)
        event.paragraphs.erase(event.paragraphs.begin(), event.paragraphs.begin() + 30);
    }
    event.last_text = text;
    out << JsonLine(i, title, event.day + static_cast<int>(random.Pick(3)), text);
  }
}

struct Outcome {
  std::string out;
  double seconds = 0;      // wall
  double cpu_seconds = 0;  // user + system of the child
  long peak_kb = 0;
};

Outcome RunStoryline(const std::vector<std::string>& args, const fs::path& out_path) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(STORYLINE_BINARY));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    if (std::freopen(out_path.c_str(), "w", stdout) == nullptr) ::_exit(126);
    ::execv(STORYLINE_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  ::wait4(child, &status, 0, &usage);
  Outcome outcome;
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                        usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  outcome.peak_kb = usage.ru_maxrss;
  std::ifstream in(out_path);
  outcome.out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return outcome;
}

// The number after `key` in `text`, or -1.
double NumberAfter(const std::string& text, const std::string& key) {
  const size_t at = text.find(key);
  return at == std::string::npos ? -1 : std::atof(text.c_str() + at + key.size());
}

int Main(int argc, char** argv) {
  size_t n = 100000;
  std::string threads = "2";
  fs::path dir =
      fs::temp_directory_path() / ("storyline_analyze_bench_" + std::to_string(::getpid()));
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else if (std::strcmp(argv[i], "--articles") == 0 && has_value) {
      n = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--threads") == 0 && has_value) {
      threads = argv[++i];
    } else if (std::strcmp(argv[i], "--dir") == 0 && has_value) {
      dir = argv[++i];
    } else {
      // An unknown flag must not start the default 100,000-article run.
      std::fprintf(stderr,
                   "usage: analyze_bench [--articles N] [--threads T] [--dir DIR] [--keep]\n");
      return 2;
    }
  }
#ifndef NDEBUG
  std::printf("WARNING: assertions are enabled; figures are not representative\n");
#endif
  fs::create_directories(dir);
  const fs::path corpus = dir / "corpus.jsonl";
  std::printf("generating %zu articles in %s ...\n", n, corpus.c_str());
  WriteCorpus(corpus, n);
  std::printf("corpus: %.1f MB\n", static_cast<double>(fs::file_size(corpus)) / 1e6);
  const std::string db = (dir / "bench.db").string();
  const std::vector<std::string> args = {"analyze", corpus.string(), "--db",
                                         db,        "--threads",     threads};
  for (const char* name : {"analyze", "rerun"}) {
    const Outcome run = RunStoryline(args, dir / "out.txt");
    std::printf(
        "%-8s %8zu articles %8.2f s %8.0f articles/s   cpu %7.2f s %8.0f articles/s per core   "
        "peak %ld MB\n",
        name, n, run.seconds, n / run.seconds, run.cpu_seconds, n / run.cpu_seconds,
        run.peak_kb / 1024);
    const double link_seconds = NumberAfter(run.out, "new articles in ");
    if (link_seconds >= 0) {
      std::printf(
          "link     %8zu articles %8.2f s %8.0f articles/s   (%.0f%% of the run's wall time)\n", n,
          link_seconds, n / link_seconds, 100 * link_seconds / run.seconds);
    }
    std::printf("%s", run.out.c_str());
  }
  if (!keep) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
