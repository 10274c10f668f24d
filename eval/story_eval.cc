// story_eval: scores link::StoryClusterer on the Multi-News validation sample.
//
// Each CSV row lists the articles (a Python list literal in the `documents`
// column) that one summary was written from: one event. All articles are
// pooled, shuffled with a fixed seed, clustered in that order, and the
// clusters are scored against the rows: pairwise precision/recall/F1 and
// B-cubed precision/recall/F1. Against overfitting the 250 rows, the even
// rows are for tuning and the odd rows held out: each half is also
// clustered on its own and scored. One line per half (and threshold).
// Each article first goes through the stages before linking, as `analyze`
// runs them on a text with no date (sentences, time expressions, entities,
// quotes, events), and the clusterer weighs what its events say.
//
//   story_eval [CSV] [--threshold X] [--query-terms N] [--min-shared N] [--min-df N] [--sweep]
//   [--errors] [--seed N] [--shuffles N] [--words-only]
//     the first four override StoryOptions (src/link/link.h)
//     --seed      shuffles with N instead of the fixed default seed
//     --shuffles  averages the scores over N shuffles (seeds seed, seed + 1,
//                 ...) and adds the range of B-cubed F1 over them: one
//                 shuffle's B-cubed F1 moves by up to 0.02 with the order alone
//     --sweep   scores join thresholds 0.050, 0.075, ... 0.400 instead of one
//     --errors  lists the rows split over stories and the stories mixing rows
//     --words-only  clusters on words alone, without coding events
// CSV defaults to ../shared/data/summaries-dev/multi_news_validation_sample.csv.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/data_files.h"
#include "core/utf8.h"
#include "coref/coref.h"
#include "link/link.h"
#include "multi_news.h"
#include "pipeline/text_coder.h"

namespace {

struct Scores {
  double precision = 0, recall = 0, f1 = 0;
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// How many articles each (gold class, cluster) pair, each class and each
// cluster holds: both scores are read off these counts.
struct Contingency {
  std::map<std::pair<int, size_t>, double> both;
  std::map<int, double> gold_size;
  std::map<size_t, double> predicted_size;

  Contingency(const std::vector<int>& gold, const std::vector<size_t>& predicted) {
    for (size_t i = 0; i < gold.size(); ++i) {
      ++both[{gold[i], predicted[i]}];
      ++gold_size[gold[i]];
      ++predicted_size[predicted[i]];
    }
  }
};

// Pairwise scores: pairs in one cluster and one gold class.
Scores Pairwise(const std::vector<int>& gold, const std::vector<size_t>& predicted) {
  const Contingency counts(gold, predicted);
  auto pairs = [](double n) { return n * (n - 1) / 2; };
  double tp = 0, gold_pairs = 0, predicted_pairs = 0;
  for (const auto& [key, n] : counts.both) tp += pairs(n);
  for (const auto& [key, n] : counts.gold_size) gold_pairs += pairs(n);
  for (const auto& [key, n] : counts.predicted_size) predicted_pairs += pairs(n);
  Scores s;
  s.precision = predicted_pairs > 0 ? tp / predicted_pairs : 1;
  s.recall = gold_pairs > 0 ? tp / gold_pairs : 1;
  s.f1 = F1(s.precision, s.recall);
  return s;
}

// B-cubed: per article, the share of its cluster in its class and of its
// class in its cluster, averaged.
Scores BCubed(const std::vector<int>& gold, const std::vector<size_t>& predicted) {
  const Contingency counts(gold, predicted);
  Scores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    const double n = counts.both.at({gold[i], predicted[i]});
    s.precision += n / counts.predicted_size.at(predicted[i]);
    s.recall += n / counts.gold_size.at(gold[i]);
  }
  s.precision /= gold.size();
  s.recall /= gold.size();
  s.f1 = F1(s.precision, s.recall);
  return s;
}

// One article of the data set and the row (event) it came from.
struct Sample {
  storyline::Article article;
  int row = 0;
};

// The samples of the rows selected by `half`: "all", "even" (rows 2, 4, ...:
// for tuning) or "odd" (rows 1, 3, ...: held out).
std::vector<const Sample*> Select(const std::vector<Sample>& samples, const std::string& half) {
  std::vector<const Sample*> selected;
  for (const Sample& s : samples) {
    if (half == "all" || (s.row % 2 == 0) == (half == "even")) selected.push_back(&s);
  }
  return selected;
}

struct Run {
  std::vector<int> gold;
  std::vector<size_t> predicted;
  size_t stories = 0;
};

// Pools `samples`, shuffles them with `seed` and clusters them in that order:
// their event mentions into reported events (coref), then the articles
// into stories, with what their events say.
Run Cluster(const std::vector<const Sample*>& samples, const storyline::link::StoryOptions& options,
            uint64_t seed) {
  using namespace storyline;
  std::vector<size_t> order(samples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937_64(seed));
  link::TermStatistics statistics;
  for (const Sample* s : samples) statistics.Add(s->article);
  link::StoryClusterer clusterer(statistics, options);
  coref::EventLinker events;
  Run run;
  run.predicted.resize(samples.size());
  for (size_t i : order) {
    const Article& article = samples[i]->article;
    link::StoryArticle story_article{article.id,
                                     "",
                                     std::nullopt,
                                     link::ArticleTerms(article, statistics.stopwords(), options),
                                     {},
                                     coref::LeadActs(article),
                                     coref::Acts(article)};
    for (const Event& event : article.events) {
      if (!coref::Coreferable(event)) continue;
      const size_t joined = events.Add(coref::MentionOf(article, event));
      story_article.events.push_back(coref::EventKey(events.events()[joined].id));
    }
    std::sort(story_article.events.begin(), story_article.events.end());
    story_article.events.erase(
        std::unique(story_article.events.begin(), story_article.events.end()),
        story_article.events.end());
    run.predicted[i] = clusterer.Add(story_article);
  }
  for (const Sample* s : samples) run.gold.push_back(s->row);
  run.stories = clusterer.Stories().size();
  return run;
}

// Prints the scores of `runs` (one per shuffle) averaged; with several
// shuffles also the lowest and highest B-cubed F1 among them.
void PrintScores(const std::string& half, const storyline::link::StoryOptions& options,
                 const std::vector<Run>& runs) {
  Scores pairwise, bcubed;
  double stories = 0, lowest = 1, highest = 0;
  for (const Run& run : runs) {
    const Scores p = Pairwise(run.gold, run.predicted);
    const Scores b = BCubed(run.gold, run.predicted);
    pairwise.precision += p.precision / runs.size();
    pairwise.recall += p.recall / runs.size();
    pairwise.f1 += p.f1 / runs.size();
    bcubed.precision += b.precision / runs.size();
    bcubed.recall += b.recall / runs.size();
    bcubed.f1 += b.f1 / runs.size();
    stories += static_cast<double>(run.stories) / runs.size();
    lowest = std::min(lowest, b.f1);
    highest = std::max(highest, b.f1);
  }
  std::printf(
      "%-4s threshold %.3f  articles %4zu stories %4.0f  pairwise P %.3f R %.3f F1 %.3f  "
      "b-cubed P %.3f R %.3f F1 %.3f",
      half.c_str(), options.join_threshold, runs[0].gold.size(), stories, pairwise.precision,
      pairwise.recall, pairwise.f1, bcubed.precision, bcubed.recall, bcubed.f1);
  if (runs.size() > 1) std::printf("  (%.3f to %.3f)", lowest, highest);
  std::printf("\n");
}

// The first words of an article, on one line.
std::string Excerpt(const std::string& text) {
  std::string excerpt;
  for (char c : text.substr(0, 90)) excerpt += c == '\n' || c == '\t' ? ' ' : c;
  return excerpt;
}

// Lists every row split over several stories and every story holding several rows.
void PrintErrors(const std::vector<const Sample*>& samples, const Run& run) {
  std::map<int, std::vector<size_t>> by_row;
  std::map<size_t, std::vector<size_t>> by_story;
  for (size_t i = 0; i < samples.size(); ++i) {
    by_row[run.gold[i]].push_back(i);
    by_story[run.predicted[i]].push_back(i);
  }
  auto print = [&](const char* what, const std::vector<size_t>& members) {
    std::printf("%s\n", what);
    for (size_t i : members) {
      std::printf("  row %3d story %4zu %6zu B  %s\n", run.gold[i], run.predicted[i],
                  samples[i]->article.text.size(), Excerpt(samples[i]->article.text).c_str());
    }
  };
  for (const auto& [row, members] : by_row) {
    std::map<size_t, int> stories;
    for (size_t i : members) ++stories[run.predicted[i]];
    if (stories.size() > 1) print(("split row " + std::to_string(row)).c_str(), members);
  }
  for (const auto& [story, members] : by_story) {
    std::map<int, int> rows;
    for (size_t i : members) ++rows[run.gold[i]];
    if (rows.size() > 1) print(("mixed story " + std::to_string(story)).c_str(), members);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "../shared/data/summaries-dev/multi_news_validation_sample.csv";
  storyline::link::StoryOptions options;
  bool sweep = false, errors = false, words_only = false;
  uint64_t seed = 20260101;
  int shuffles = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threshold" && i + 1 < argc) {
      options.join_threshold = std::atof(argv[++i]);
    } else if (arg == "--query-terms" && i + 1 < argc) {
      options.query_terms = std::atoi(argv[++i]);
    } else if (arg == "--min-shared" && i + 1 < argc) {
      options.min_shared_query_terms = std::atoi(argv[++i]);
    } else if (arg == "--min-df" && i + 1 < argc) {
      options.min_document_frequency = std::atoi(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--shuffles" && i + 1 < argc) {
      shuffles = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--words-only") {
      words_only = true;
    } else if (arg == "--sweep") {
      sweep = true;
    } else if (arg == "--errors") {
      errors = true;
    } else if (arg.starts_with("--")) {
      std::fprintf(stderr, "story_eval: unknown option %s\n", arg.c_str());
      return 2;
    } else {
      path = arg;
    }
  }
  const storyline::Result<std::vector<storyline::eval::MultiNewsRow>> rows =
      storyline::eval::ReadMultiNews(path);
  if (!rows.ok()) {
    std::fprintf(stderr, "story_eval: %s\n", rows.status().message().c_str());
    return 2;
  }
  std::vector<Sample> samples;
  for (size_t r = 1; r <= rows->size(); ++r) {
    for (const std::string& text : (*rows)[r - 1].documents) {
      if (text.find_first_not_of(" \n\t") == std::string::npos) continue;
      Sample& s = samples.emplace_back();
      char id[48];
      std::snprintf(id, sizeof id, "r%zu-%zu", r, samples.size());
      s.article.id = id;
      s.article.text = text;
      s.row = static_cast<int>(r);
    }
  }
  if (!words_only) {
    // The stages before linking, as `analyze` runs them on a text with no
    // date: sentences, time expressions, entities, quotes and events.
    storyline::Result<storyline::pipeline::TextCoder> coder =
        storyline::pipeline::TextCoder::Create({}, storyline::DataFiles{});
    if (!coder.ok()) {
      std::fprintf(stderr, "story_eval: %s\n", coder.status().message().c_str());
      return 2;
    }
    storyline::pipeline::TextCoder::Workspace workspace = coder->NewWorkspace();
    for (Sample& s : samples) {
      storyline::RepairUtf8(s.article.text);
      s.article = coder->Code(s.article.id, "", std::move(s.article.text), workspace);
    }
  }
  std::printf("rows %zu (even: tuning, odd: held out)\n", rows->size());
  std::vector<double> thresholds = {options.join_threshold};
  if (sweep) {
    thresholds.clear();
    for (int step = 2; step <= 16; ++step) thresholds.push_back(step * 0.025);
  }
  for (const char* half : {"all", "even", "odd"}) {
    const std::vector<const Sample*> selected = Select(samples, half);
    for (double threshold : thresholds) {
      storyline::link::StoryOptions o = options;
      o.join_threshold = threshold;
      std::vector<Run> runs;
      for (int k = 0; k < shuffles; ++k) runs.push_back(Cluster(selected, o, seed + k));
      PrintScores(half, o, runs);
    }
  }
  if (errors) {
    const std::vector<const Sample*> all = Select(samples, "all");
    PrintErrors(all, Cluster(all, options, seed));
  }
  return 0;
}
