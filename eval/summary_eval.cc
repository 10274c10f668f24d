// summary_eval: scores multi-document summaries on the Multi-News sample:
// our brief (src/brief/brief.h) and the baselines (eval/summary_baselines.h)
// side by side in one run.
//
// Each CSV row is one story: its articles (the `documents` column) and the
// summary a person wrote from them (`summary`, the reference). Every
// article is read as the project reads a plain-text file: the clean stage
// (boilerplate lines out, headline and dateline apart), then
// pipeline::TextCoder (sentences, time expressions, entities, quotes,
// events); the passages any two of the story's articles share are found
// with link::FindSharedPassages. Every system summarises exactly these
// articles, asked for the reference's length in words; its summary is cut
// to that many words (runs of non-white-space) and scored against the
// reference with ROUGE-1, ROUGE-2 and ROUGE-L F1 (eval/rouge.h: rouge_score's
// tokens, Porter stems), averaged over the stories. Against overfitting the
// rows, even rows are for tuning and odd rows held out (as story_eval):
// each half is printed apart.
//
//   summary_eval [CSV] [--limit N] [--words N] [--show K] [--gate]
//     --limit  the first N stories only
//     --words  a fixed budget of N words instead of each reference's length
//     --show   prints the first K stories' summaries beside the reference
//     --gate   exits 1 unless the brief is ahead of every baseline on ROUGE-1
//              and ROUGE-2 over all rows (77 when the CSV is absent: CTest's skip)
// CSV defaults to ../shared/data/summaries-dev/multi_news_validation_sample.csv.
// One thread: the whole sample takes about two seconds. stories/s is per
// second spent in the system itself; reading the articles (shared by all
// systems) is timed apart.
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "clean/clean.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/utf8.h"
#include "link/link.h"
#include "multi_news.h"
#include "pipeline/text_coder.h"
#include "rouge.h"
#include "summary_baselines.h"

namespace {

using storyline::Article;
using storyline::Result;
namespace eval = storyline::eval;

struct Options {
  std::string path = "../shared/data/summaries-dev/multi_news_validation_sample.csv";
  size_t limit = 0;  // 0: every story
  size_t words = 0;  // 0: each reference's length
  size_t show = 0;
  bool gate = false;
};

// CTest's status for a test that cannot run here (SKIP_RETURN_CODE).
constexpr int kSkipped = 77;

// One story as every system gets it.
struct Story {
  std::vector<Article> articles;
  std::vector<storyline::Passage> passages;  // between any two of `articles`
};

using Summarizer = std::string (*)(const Story& story, size_t words);

std::string Lead(const Story& story, size_t words) {
  return eval::PickSentences(story.articles, eval::LeadRanking(story.articles), words);
}
std::string LexRank(const Story& story, size_t words) {
  return eval::PickSentences(story.articles, eval::LexRankRanking(story.articles), words);
}
std::string TextRank(const Story& story, size_t words) {
  return eval::PickSentences(story.articles, eval::TextRankRanking(story.articles), words);
}
// Asked for the budget, the brief ends at the first sentence reaching it.
std::string Brief(const Story& story, size_t words) {
  storyline::brief::StoryInput input;
  for (const Article& article : story.articles) input.articles.push_back(&article);
  input.passages = story.passages;
  storyline::brief::Options options;
  options.brief_words = static_cast<uint32_t>(words);
  return storyline::brief::MakeSummary(input, options).text;
}

struct System {
  const char* name;
  Summarizer summarize;
};
constexpr std::array<System, 4> kSystems = {
    {{"lead", Lead}, {"LexRank", LexRank}, {"TextRank", TextRank}, {"brief", Brief}}};

// What one system did on one story.
struct SystemResult {
  eval::RougeScore rouge1, rouge2, rouge_l;
  double seconds = 0;
  std::string summary;  // cut to the budget
};

struct StoryResult {
  size_t row = 0;  // 1-based, as story_eval numbers them
  size_t articles = 0;
  size_t words = 0;  // the budget
  double reading_seconds = 0;
  std::array<SystemResult, kSystems.size()> systems;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Reads a story's texts as the project reads plain-text files.
class StoryReader {
 public:
  static Result<StoryReader> Create() {
    const storyline::DataFiles data;
    SL_ASSIGN_OR_RETURN(storyline::clean::Cleaner cleaner,
                        storyline::clean::Cleaner::Create({}, data));
    SL_ASSIGN_OR_RETURN(storyline::pipeline::TextCoder coder,
                        storyline::pipeline::TextCoder::Create({}, data));
    return StoryReader(std::move(cleaner), std::move(coder));
  }

  storyline::pipeline::TextCoder::Workspace NewWorkspace() const { return coder_.NewWorkspace(); }

  Story Read(size_t row, const eval::MultiNewsRow& data,
             storyline::pipeline::TextCoder::Workspace& workspace) const {
    Story story;
    for (const std::string& text : data.documents) {
      // "r<row>-<n>"; appended, as `"r" + std::string` trips GCC 12's -Wrestrict.
      std::string id = "r";
      id += std::to_string(row) + "-" + std::to_string(story.articles.size() + 1);
      story.articles.push_back(ReadText(id, text, workspace));
    }
    for (size_t i = 0; i < story.articles.size(); ++i) {
      for (size_t j = i + 1; j < story.articles.size(); ++j) {
        for (storyline::Passage& passage :
             storyline::link::FindSharedPassages(story.articles[i], story.articles[j])) {
          story.passages.push_back(std::move(passage));
        }
      }
    }
    return story;
  }

 private:
  StoryReader(storyline::clean::Cleaner cleaner, storyline::pipeline::TextCoder coder)
      : cleaner_(std::move(cleaner)), coder_(std::move(coder)) {}

  // The clean stage, then the text coder over the clean text; the coded
  // article keeps the headline and the date cleaning read.
  Article ReadText(const std::string& id, std::string text,
                   storyline::pipeline::TextCoder::Workspace& workspace) const {
    storyline::RawDocument doc;
    doc.id = id;
    doc.origin = id + ".txt";
    doc.format = "txt";
    storyline::RepairUtf8(text);
    doc.text = std::move(text);
    Article clean = cleaner_.Clean(std::move(doc));
    Article article =
        coder_.Code(id, clean.published.value.value_or(""), std::move(clean.text), workspace);
    article.title = std::move(clean.title);
    article.published = std::move(clean.published);
    return article;
  }

  storyline::clean::Cleaner cleaner_;
  storyline::pipeline::TextCoder coder_;
};

// What is kept from one story to the next.
struct Worker {
  storyline::pipeline::TextCoder::Workspace workspace;
  eval::PorterStemmer stemmer;
};

SystemResult Summarize(const System& system, const Story& story, size_t words,
                       const std::vector<std::string>& reference, eval::PorterStemmer& stemmer) {
  SystemResult result;
  const auto start = std::chrono::steady_clock::now();
  const std::string summary = system.summarize(story, words);
  result.seconds = SecondsSince(start);
  result.summary = eval::FirstWords(summary, words);
  const std::vector<std::string> candidate = eval::RougeTokens(result.summary, &stemmer);
  result.rouge1 = eval::RougeN(reference, candidate, 1);
  result.rouge2 = eval::RougeN(reference, candidate, 2);
  result.rouge_l = eval::RougeL(reference, candidate);
  return result;
}

StoryResult Evaluate(const StoryReader& reader, size_t row, const eval::MultiNewsRow& data,
                     size_t budget, Worker& worker) {
  StoryResult result;
  result.row = row;
  result.articles = data.documents.size();
  result.words = budget > 0 ? budget : eval::CountWords(data.summary);
  const auto start = std::chrono::steady_clock::now();
  const Story story = reader.Read(row, data, worker.workspace);
  result.reading_seconds = SecondsSince(start);
  const std::vector<std::string> reference = eval::RougeTokens(data.summary, &worker.stemmer);
  for (size_t s = 0; s < kSystems.size(); ++s) {
    result.systems[s] = Summarize(kSystems[s], story, result.words, reference, worker.stemmer);
  }
  return result;
}

std::vector<StoryResult> EvaluateAll(const StoryReader& reader,
                                     const std::vector<eval::MultiNewsRow>& rows, size_t budget,
                                     Worker& worker) {
  std::vector<StoryResult> results;
  for (size_t i = 0; i < rows.size(); ++i) {
    results.push_back(Evaluate(reader, i + 1, rows[i], budget, worker));
  }
  return results;
}

bool InHalf(const StoryResult& result, const std::string& half) {
  return half == "all" || (result.row % 2 == 0) == (half == "even");
}

struct MeanScores {
  size_t stories = 0;
  double rouge1 = 0, rouge2 = 0, rouge_l = 0;  // mean F1
  double seconds = 0;                          // in the system, summed
};

MeanScores Means(const std::vector<StoryResult>& results, const std::string& half, size_t system) {
  MeanScores means;
  for (const StoryResult& result : results) {
    if (!InHalf(result, half)) continue;
    ++means.stories;
    means.rouge1 += result.systems[system].rouge1.f1;
    means.rouge2 += result.systems[system].rouge2.f1;
    means.rouge_l += result.systems[system].rouge_l.f1;
    means.seconds += result.systems[system].seconds;
  }
  if (means.stories > 0) {
    means.rouge1 /= means.stories, means.rouge2 /= means.stories, means.rouge_l /= means.stories;
  }
  return means;
}

// One line per system: mean F1 x100 over the half's stories, and speed.
void PrintHalf(const std::vector<StoryResult>& results, const std::string& half) {
  double reading_seconds = 0;
  for (const StoryResult& result : results) {
    if (InHalf(result, half)) reading_seconds += result.reading_seconds;
  }
  for (size_t s = 0; s < kSystems.size(); ++s) {
    const MeanScores means = Means(results, half, s);
    if (means.stories == 0) return;
    std::printf("%-5s %-9s %7zu %6.2f %6.2f %6.2f %10.1f\n", half.c_str(), kSystems[s].name,
                means.stories, 100 * means.rouge1, 100 * means.rouge2, 100 * means.rouge_l,
                means.stories / means.seconds);
  }
  std::printf("%-5s reading the articles (clean, text coder, shared passages): %.1f stories/s\n",
              half.c_str(), Means(results, half, 0).stories / reading_seconds);
}

// The gate: the brief (the last system) ahead of every baseline on ROUGE-1
// and ROUGE-2 over all rows. Prints what fails.
bool BriefLeads(const std::vector<StoryResult>& results) {
  const size_t brief = kSystems.size() - 1;
  const MeanScores ours = Means(results, "all", brief);
  bool leads = true;
  for (size_t s = 0; s < brief; ++s) {
    const MeanScores theirs = Means(results, "all", s);
    if (ours.rouge1 <= theirs.rouge1 || ours.rouge2 <= theirs.rouge2) {
      std::printf("gate: brief is not ahead of %s on ROUGE-1 and ROUGE-2\n", kSystems[s].name);
      leads = false;
    }
  }
  return leads;
}

void PrintSummaries(const std::vector<StoryResult>& results,
                    const std::vector<eval::MultiNewsRow>& rows, size_t show) {
  for (size_t i = 0; i < show && i < results.size(); ++i) {
    const StoryResult& result = results[i];
    std::printf("=== row %zu: %zu articles, %zu words\nreference: %s\n", result.row,
                result.articles, result.words, eval::FirstWords(rows[i].summary, SIZE_MAX).c_str());
    for (size_t s = 0; s < kSystems.size(); ++s) {
      std::printf("%s (R-1 %.2f R-2 %.2f R-L %.2f): %s\n", kSystems[s].name,
                  100 * result.systems[s].rouge1.f1, 100 * result.systems[s].rouge2.f1,
                  100 * result.systems[s].rouge_l.f1, result.systems[s].summary.c_str());
    }
    std::printf("\n");
  }
}

// Reads a count option's value; exits with status 2 when it is not one.
size_t Count(const char* option, const char* value) {
  char* end = nullptr;
  const unsigned long long count = std::strtoull(value, &end, 10);
  if (end == value || *end != '\0') {
    std::fprintf(stderr, "summary_eval: %s takes a whole number, not '%s'\n", option, value);
    std::exit(2);
  }
  return count;
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--limit" && i + 1 < argc) {
      options.limit = Count(argv[i], argv[i + 1]);
      ++i;
    } else if (arg == "--words" && i + 1 < argc) {
      options.words = Count(argv[i], argv[i + 1]);
      ++i;
    } else if (arg == "--show" && i + 1 < argc) {
      options.show = Count(argv[i], argv[i + 1]);
      ++i;
    } else if (arg == "--gate") {
      options.gate = true;
    } else if (arg.starts_with("--")) {
      std::fprintf(stderr, "summary_eval: unknown option %s (or its value missing)\n", arg.c_str());
      std::exit(2);
    } else {
      options.path = arg;
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = ParseOptions(argc, argv);
  Result<std::vector<eval::MultiNewsRow>> rows = eval::ReadMultiNews(options.path);
  if (!rows.ok()) {
    std::fprintf(stderr, "summary_eval: %s\n", rows.status().message().c_str());
    // Without the development data (a user's clone) the gate has nothing to check.
    return options.gate && rows.status().code() == storyline::StatusCode::kNotFound ? kSkipped : 2;
  }
  if (options.limit > 0 && options.limit < rows->size()) rows->resize(options.limit);
  const Result<StoryReader> reader = StoryReader::Create();
  if (!reader.ok()) {
    std::fprintf(stderr, "summary_eval: %s\n", reader.status().message().c_str());
    return 2;
  }
  Result<eval::PorterStemmer> stemmer = eval::PorterStemmer::Create();
  if (!stemmer.ok()) {
    std::fprintf(stderr, "summary_eval: %s\n", stemmer.status().message().c_str());
    return 2;
  }
  Worker worker{reader->NewWorkspace(), std::move(stemmer).value()};
  const auto start = std::chrono::steady_clock::now();
  const std::vector<StoryResult> results = EvaluateAll(*reader, *rows, options.words, worker);
  const double seconds = SecondsSince(start);
  PrintSummaries(results, *rows, options.show);
  const std::string budget = options.words > 0 ? std::to_string(options.words) + " words"
                                               : "the reference's length in words";
  std::printf("%zu stories (even rows: tuning, odd: held out); summaries cut to %s\n",
              results.size(), budget.c_str());
  std::printf(
      "ROUGE F1 x100 (rouge_score's tokens, Porter stems); stories/s: per second in "
      "the system\n");
  std::printf("%-5s %-9s %7s %6s %6s %6s %10s\n", "rows", "system", "stories", "R-1", "R-2", "R-L",
              "stories/s");
  for (const char* half : {"all", "even", "odd"}) PrintHalf(results, half);
  std::printf("%.1f s\n", seconds);
  return options.gate && !BriefLeads(results) ? 1 : 0;
}
