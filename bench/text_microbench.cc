// text_microbench: speed of the text module against ICU's own iterators.
//
// Every workload runs over the same ~1 MB of English news-like text, made
// deterministically below from invented word lists (no real outlets or
// people), and reports bytes/s. The *IteratorOnly workloads are the floor:
// ICU walking the same UTF-8 with nothing else done, so the gap to them is the
// cost of our abbreviation rules, trimming and output.
//
//   build-release/text_microbench [--benchmark_filter=Sentences]

#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "text/text.h"

namespace storyline::text {
namespace {

// A small deterministic generator (splitmix64), so the text is the same on
// every machine and run.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <size_t N>
  const char* Pick(const char* const (&words)[N]) {
    return words[Below(N)];
  }

 private:
  uint64_t state_;
};

const char* const kTitles[] = {"Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "Gov.", "Prof."};
const char* const kGiven[] = {"Tovald", "Ilsa",  "Hesper", "Arlen", "Mirela",
                              "Oskin",  "Brana", "Quill",  "Dever", "Saska"};
const char* const kFamily[] = {"Brin", "Ortiz",  "Lune",   "Voss",   "Kardel",
                               "Pell", "Quenby", "Marrow", "Tessat", "Ulvane"};
const char* const kPlaces[] = {"Varno",     "Dovermouth", "Marrowby",     "Port Ellery",
                               "Westmarch", "Castellan",  "Z\u00fcrwald", "Eskeby"};
const char* const kBodies[] = {"the council",   "the ministry",       "Brindle Inc.",
                               "the U.S. Navy", "the port authority", "Calder Corp.",
                               "the assembly"};
const char* const kNouns[] = {"budget", "bridge", "harbour", "election", "report",  "strike",
                              "tariff", "ferry",  "school",  "pension",  "inquiry", "plan"};
const char* const kVerbs[] = {"approved",   "rejected", "delayed",  "announced",
                              "questioned", "funded",   "reviewed", "cancelled"};
const char* const kAdverbs[] = {"on Tuesday", "late on Friday",       "this week",
                                "on Jan. 5",  "at 10 a.m. on Monday", "after a long debate",
                                "again"};
const char* const kStarters[] = {"The", "He", "She", "They", "In", "But", "Officials", "Critics"};
const char* const kClauses[] = {
    ", according to a statement released by the regional office",
    " despite objections from residents who had gathered outside the hall",
    ", and a second vote is expected before the end of the month",
    " after weeks of talks between the unions and the harbour board",
    ", a spokesperson for the coalition told reporters in the capital",
    ""};

std::string Name(Random& random) {
  std::string name = random.Pick(kTitles);
  name += ' ';
  if (random.Below(4) == 0) {
    name += static_cast<char>('A' + random.Below(26));
    name += ". ";
  }
  name += random.Pick(kFamily);
  return name;
}

std::string Sentence(Random& random) {
  std::string s;
  switch (random.Below(6)) {
    case 0:
      s = Name(random) + " said " + random.Pick(kBodies) + " " + random.Pick(kVerbs) + " the " +
          random.Pick(kNouns) + " " + random.Pick(kAdverbs) + random.Pick(kClauses) + ".";
      break;
    case 1:
      s = std::string("\u201cThe ") + random.Pick(kNouns) + " is " +
          (random.Below(2) ? "late" : "over budget") + ",\u201d said " + random.Pick(kGiven) + " " +
          random.Pick(kFamily) + ", who lives in " + random.Pick(kPlaces) + random.Pick(kClauses) +
          ".";
      break;
    case 2:
      s = std::string(random.Pick(kStarters)) + " expect costs of $" +
          std::to_string(random.Below(90) + 10) + "." + std::to_string(random.Below(10)) +
          " million, up " + std::to_string(random.Below(9) + 1) + "." +
          std::to_string(random.Below(10)) + " percent from last year" + random.Pick(kClauses) +
          ".";
      break;
    case 3:
      s = std::string(random.Pick(kStarters)) + " met in " + random.Pick(kPlaces) + " at No. " +
          std::to_string(random.Below(200) + 1) + " Harbour Row " + random.Pick(kAdverbs) +
          random.Pick(kClauses) + ".";
      break;
    case 4:
      s = std::string("Was the ") + random.Pick(kNouns) + " " + random.Pick(kVerbs) +
          (random.Below(2) ? "?" : "!") + " " + random.Pick(kStarters) + " did not say.";
      break;
    default:
      s = std::string(random.Pick(kStarters)) + " said the " + random.Pick(kNouns) +
          " moved to the U.S. The " + random.Pick(kNouns) + " was " + random.Pick(kVerbs) +
          random.Pick(kClauses) + ".";
      break;
  }
  return s;
}

// Paragraphs of 2-6 sentences; an article starts with a headline line that
// has no full stop.
std::string MakeNewsText(size_t bytes) {
  Random random(20240611);
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes) {
    text += std::string(random.Pick(kNouns)) + " " + random.Pick(kVerbs) + " in " +
            random.Pick(kPlaces) + "\n";
    for (size_t paragraph = random.Below(5) + 2; paragraph > 0; --paragraph) {
      for (size_t n = random.Below(5) + 2; n > 0; --n) {
        text += Sentence(random);
        text += n > 1 ? " " : "\n";
      }
    }
  }
  return text;
}

const std::string& NewsText() {
  static const std::string* const text = new std::string(MakeNewsText(1 << 20));
  return *text;
}

Segmenter MakeSegmenter(const char* locale) {
  Options options;
  options.locale = locale;
  Result<Segmenter> segmenter = Segmenter::Create(options, DataFiles{});
  if (!segmenter.ok()) {
    std::fprintf(stderr, "%s\n", segmenter.status().ToString().c_str());
    std::abort();
  }
  return std::move(segmenter).value();
}

void SetBytes(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}

void RunSentences(benchmark::State& state, const char* locale) {
  const std::string& text = NewsText();
  Segmenter segmenter = MakeSegmenter(locale);
  size_t sentences = 0;
  for (auto _ : state) {
    std::vector<ByteSpan> spans = segmenter.Sentences(text);
    sentences = spans.size();
    benchmark::DoNotOptimize(spans.data());
  }
  state.counters["sentences"] = static_cast<double>(sentences);
  SetBytes(state, text.size());
}

void BM_Sentences(benchmark::State& state) { RunSentences(state, "en"); }
BENCHMARK(BM_Sentences);

// ICU's filtered iterator with its own English suppressions, then our list.
void BM_SentencesFilteredLocale(benchmark::State& state) { RunSentences(state, "en@ss=standard"); }
BENCHMARK(BM_SentencesFilteredLocale);

void RunIcuIterator(benchmark::State& state, icu::BreakIterator* iterator, bool rule_status) {
  const std::string& text = NewsText();
  std::unique_ptr<icu::BreakIterator> owned(iterator);
  UText utext = UTEXT_INITIALIZER;
  size_t breaks = 0;
  for (auto _ : state) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    owned->setText(&utext, status);
    breaks = 0;
    int32_t sum = 0;
    for (int32_t b = owned->next(); b != icu::BreakIterator::DONE; b = owned->next()) {
      ++breaks;
      if (rule_status) sum += owned->getRuleStatus();
    }
    benchmark::DoNotOptimize(sum);
  }
  utext_close(&utext);
  state.counters["breaks"] = static_cast<double>(breaks);
  SetBytes(state, text.size());
}

void BM_IcuSentenceIteratorOnly(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  RunIcuIterator(state, icu::BreakIterator::createSentenceInstance("en", status), false);
}
BENCHMARK(BM_IcuSentenceIteratorOnly);

void BM_IcuFilteredSentenceIteratorOnly(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  RunIcuIterator(state, icu::BreakIterator::createSentenceInstance("en@ss=standard", status),
                 false);
}
BENCHMARK(BM_IcuFilteredSentenceIteratorOnly);

// Tokens of the whole text as one range.
void BM_Tokens(benchmark::State& state) {
  const std::string& text = NewsText();
  Segmenter segmenter = MakeSegmenter("en");
  size_t tokens = 0;
  for (auto _ : state) {
    std::vector<Token> result = segmenter.Tokens(text, {0, static_cast<uint32_t>(text.size())});
    tokens = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["tokens"] = static_cast<double>(tokens);
  SetBytes(state, text.size());
}
BENCHMARK(BM_Tokens);

// Tokens sentence by sentence, as later stages call it.
void BM_TokensPerSentence(benchmark::State& state) {
  const std::string& text = NewsText();
  Segmenter segmenter = MakeSegmenter("en");
  const std::vector<ByteSpan> sentences = segmenter.Sentences(text);
  for (auto _ : state) {
    for (const ByteSpan& sentence : sentences) {
      std::vector<Token> result = segmenter.Tokens(text, sentence);
      benchmark::DoNotOptimize(result.data());
    }
  }
  SetBytes(state, text.size());
}
BENCHMARK(BM_TokensPerSentence);

void BM_IcuWordIteratorOnly(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  RunIcuIterator(state, icu::BreakIterator::createWordInstance("en", status), true);
}
BENCHMARK(BM_IcuWordIteratorOnly);

}  // namespace
}  // namespace storyline::text

int main(int argc, char** argv) {
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::AddCustomContext("icu", U_ICU_VERSION);
#ifndef NDEBUG
  std::fprintf(stderr, "WARNING: assertions are enabled; build with -DCMAKE_BUILD_TYPE=Release\n");
  benchmark::AddCustomContext("build", "debug (assertions on): figures are not representative");
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
