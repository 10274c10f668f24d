// facts_bench: the per-article facts stage (entities with actor codes, then
// quotes with speakers, then CAMEO events) on one thread, in sentences per
// CPU-second.
//
// Workloads, one line each:
//   words      Segmenter::Words over every sentence (the tokens the stage reads)
//   entities   Recognizer::Find on the words: the tagger, roles, joining, actor codes
//   quotes     Finder::Find on the words, speaker resolution included
//   events     events::Coder::Code on the words, entities and quotes, with our
//              dictionaries; "events-phx" with the Phoenix actor, agent, verb and
//              discard dictionaries beside the checkout (their load time printed)
//   facts      words + pipeline::FactsStage::Run: the stage as analyze runs it
// over two texts: real news (the annotated PolNeAR texts beside the
// checkout, 924 articles from seven US outlets, dated by their file names;
// skipped when absent) and the generated
// corpus of ingest_bench (bench/corpus.cc: invented names and words).
//
// Usage: facts_bench [--articles N] [--passes P]   (generated articles, default 5000;
//                                                   passes over each text, default 3)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "corpus.h"
#include "entities/entities.h"
#include "machine.h"
#include "pipeline/facts.h"
#include "quotes/polnear.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace storyline::bench {
namespace {

namespace fs = std::filesystem;

struct Stages {
  text::Segmenter segmenter;
  pipeline::FactsStage facts;
  entities::Workspace workspace;                // kept from one article to the next, as in analyze
  std::optional<pipeline::FactsStage> phoenix;  // with the Phoenix dictionaries, when present
};

// The facts stage with the Phoenix dictionaries beside the checkout;
// nullopt when they are absent. Prints how long loading them took.
std::optional<pipeline::FactsStage> LoadPhoenix(const DataFiles& data) {
  const fs::path root =
      fs::path(STORYLINE_SOURCE_DIR) / "../shared/data/event-coding-dev/phoenix-dictionaries";
  if (!fs::exists(root / "CAMEO.2.0.txt")) return std::nullopt;
  pipeline::FactsOptions options;
  for (const char* name : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt"}) {
    options.actors.actor_files.push_back((root / name).string());
  }
  options.actors.agent_files = {(root / "Phoenix.agents.txt").string()};
  options.events.verb_files = {(root / "CAMEO.2.0.txt").string()};
  options.events.discard_files = {(root / "Phoenix.discards.txt").string()};
  const auto start = std::chrono::steady_clock::now();
  Result<pipeline::FactsStage> stage = pipeline::FactsStage::Create(options, data);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!stage.ok()) {
    std::fprintf(stderr, "facts_bench: Phoenix dictionaries: %s\n",
                 stage.status().ToString().c_str());
    return std::nullopt;
  }
  std::printf("Phoenix dictionaries (actors, agents, verbs, discards) loaded in %.2f s\n", seconds);
  return std::move(stage).value();
}

using Words = std::vector<std::vector<text::Token>>;
template <typename Step>
void Time(const char* name, const char* corpus, std::vector<Article>& articles,
          const std::vector<Words>& words, int passes, Step step);

// Event coding with the Phoenix dictionaries: the entities are found once
// with the Phoenix actor codes, then the coder alone is timed.
void RunPhoenix(const char* corpus, std::vector<Article> articles, const std::vector<Words>& words,
                Stages& stages, int passes) {
  for (size_t i = 0; i < articles.size(); ++i)
    stages.phoenix->Run(articles[i], words[i], stages.workspace);
  Time("events-phx", corpus, articles, words, passes, [&](Article& article, const Words& w) {
    article.events = stages.phoenix->coder()->Code(article, w);
  });
  size_t events = 0;
  for (const Article& article : articles) events += article.events.size();
  std::printf("          %-10s %zu events with the Phoenix dictionaries\n", corpus, events);
}

// A text with the publication date actor codes are dated by.
struct Text {
  std::string text;
  std::string published;
};

// The annotated texts of PolNeAR's train and dev splits beside the
// checkout, each dated by its file name; none when the folder is absent.
std::vector<Text> PolnearTexts() {
  std::vector<Text> texts;
  const fs::path root = fs::path(STORYLINE_SOURCE_DIR) / "../shared/data/quotes-dev/polnear";
  for (const char* split : {"train", "dev"}) {
    Result<std::vector<quotes::PolnearArticle>> articles =
        quotes::ReadPolnearSplit((root / split).string());
    if (!articles.ok()) return {};
    for (quotes::PolnearArticle& article : *articles) {
      texts.push_back({std::move(article.text), article.published.value_or("2016-10-01")});
    }
  }
  return texts;
}

std::vector<Text> GeneratedTexts(size_t count, const clean::Cleaner& cleaner) {
  std::vector<Text> texts;
  CorpusGenerator generator(20261203);
  for (size_t i = 0; i < count; ++i) {
    RawDocument doc;
    doc.origin = "generated:" + std::to_string(i);
    doc.format = "txt";
    doc.text = generator.Article();
    texts.push_back({cleaner.Clean(std::move(doc)).text, "2016-10-01"});
  }
  return texts;
}

std::vector<Article> Segmented(const std::vector<Text>& texts, Stages& stages) {
  std::vector<Article> articles(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    articles[i].text = texts[i].text;
    articles[i].published = {texts[i].published, DateHow::kMetadata, {}};
    articles[i].sentences = stages.segmenter.Sentences(articles[i].text);
  }
  return articles;
}

// Runs `step(article, words)` over every article `passes` times; prints
// sentences per CPU-second of the process.
template <typename Step>
void Time(const char* name, const char* corpus, std::vector<Article>& articles,
          const std::vector<Words>& words, int passes, Step step) {
  size_t sentences = 0;
  for (const Article& article : articles) sentences += article.sentences.size();
  const double start = ProcessCpuSeconds();
  for (int pass = 0; pass < passes; ++pass) {
    for (size_t i = 0; i < articles.size(); ++i) step(articles[i], words[i]);
  }
  const double seconds = ProcessCpuSeconds() - start;
  std::printf("%-10s %-10s %7zu sentences  %9.0f sentences/s per core  (%.2f CPU s, %d passes)\n",
              name, corpus, sentences, double(sentences) * passes / seconds, seconds, passes);
}

void Run(const char* corpus, std::vector<Article> articles, Stages& stages, int passes) {
  std::vector<Words> words(articles.size());
  size_t tokens = 0;
  Time("words", corpus, articles, words, passes, [&](Article& article, const Words&) {
    stages.segmenter.WordsOf(article.text, article.sentences);
  });
  for (size_t i = 0; i < articles.size(); ++i) {
    words[i] = stages.segmenter.WordsOf(articles[i].text, articles[i].sentences);
  }
  for (const Words& sentence_words : words) {
    for (const auto& sentence : sentence_words) tokens += sentence.size();
  }
  Time("entities", corpus, articles, words, passes, [&](Article& article, const Words& w) {
    article.entities = stages.facts.recognizer().Find(article, w, stages.workspace);
  });
  Time("quotes", corpus, articles, words, passes, [&](Article& article, const Words& w) {
    article.quotes = stages.facts.quotes().Find(article, w);
  });
  Time("events", corpus, articles, words, passes, [&](Article& article, const Words& w) {
    article.events = stages.facts.coder()->Code(article, w);
  });
  Time("facts", corpus, articles, words, passes, [&](Article& article, const Words&) {
    stages.facts.Run(article, stages.segmenter.WordsOf(article.text, article.sentences),
                     stages.workspace);
  });
  size_t entities = 0, quotes = 0, events = 0;
  for (const Article& article : articles) {
    entities += article.entities.size();
    quotes += article.quotes.size();
    events += article.events.size();
  }
  std::printf("          %-10s %zu articles, %zu words, %zu entities, %zu quotes, %zu events\n",
              corpus, articles.size(), tokens, entities, quotes, events);
  if (stages.phoenix) RunPhoenix(corpus, std::move(articles), words, stages, passes);
}

int Main(int argc, char** argv) {
  size_t generated = 5000;
  int passes = 3;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--articles") == 0 && has_value) {
      generated = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--passes") == 0 && has_value) {
      passes = std::max(1, std::stoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: facts_bench [--articles N] [--passes P]\n");
      return 2;
    }
  }
  PrintMachine();
  const DataFiles data;
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
  Result<pipeline::FactsStage> facts = pipeline::FactsStage::Create({}, data);
  Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, data);
  if (!segmenter.ok() || !facts.ok() || !cleaner.ok()) {
    std::fprintf(stderr, "facts_bench: cannot load the stages\n");
    return 1;
  }
  Stages stages{std::move(segmenter).value(), std::move(facts).value(), {}, LoadPhoenix(data)};
  const std::vector<Text> news = PolnearTexts();
  if (news.empty()) {
    std::printf("PolNeAR texts absent (../shared/data/quotes-dev/polnear): news lines skipped\n");
  } else {
    Run("news", Segmented(news, stages), stages, passes);
  }
  Run("generated", Segmented(GeneratedTexts(generated, *cleaner), stages), stages, passes);
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
