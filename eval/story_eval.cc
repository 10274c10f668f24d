// story_eval: scores link::StoryClusterer on the Multi-News validation sample.
//
// Each CSV row lists the articles (a Python list literal in the `documents`
// column) that one summary was written from: one event. All articles are
// pooled, shuffled with a fixed seed, clustered in that order, and the
// clusters are scored against the rows: pairwise precision/recall/F1 and
// B-cubed precision/recall/F1. Prints one line per figure.
//
//   story_eval [CSV] [--threshold X] [--query-terms N]
// CSV defaults to ../shared/data/summaries-dev/multi_news_validation_sample.csv.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/article.h"
#include "link/link.h"

namespace {

// Splits CSV text into rows of fields: quoted fields may hold commas,
// newlines and doubled quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Appends the UTF-8 encoding of code point `cp`.
void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The strings of a Python list literal of str: '...' or "..." with
// backslash escapes (\n \t \\ \' \" \xHH \uHHHH).
std::vector<std::string> ParsePythonList(const std::string& text) {
  std::vector<std::string> items;
  for (size_t i = 0; i < text.size(); ++i) {
    const char q = text[i];
    if (q != '\'' && q != '"') continue;
    std::string item;
    for (++i; i < text.size() && text[i] != q; ++i) {
      if (text[i] != '\\' || i + 1 >= text.size()) {
        item += text[i];
        continue;
      }
      const char e = text[++i];
      switch (e) {
        case 'n':
          item += '\n';
          break;
        case 't':
          item += '\t';
          break;
        case 'r':
          item += '\r';
          break;
        case 'x':
          AppendUtf8(item, std::strtoul(text.substr(i + 1, 2).c_str(), nullptr, 16));
          i += 2;
          break;
        case 'u':
          AppendUtf8(item, std::strtoul(text.substr(i + 1, 4).c_str(), nullptr, 16));
          i += 4;
          break;
        default:
          item += e;
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

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

}  // namespace

int main(int argc, char** argv) {
  std::string path = "../shared/data/summaries-dev/multi_news_validation_sample.csv";
  storyline::link::StoryOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threshold" && i + 1 < argc) {
      options.join_threshold = std::atof(argv[++i]);
    } else if (arg == "--query-terms" && i + 1 < argc) {
      options.query_terms = std::atoi(argv[++i]);
    } else {
      path = arg;
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "story_eval: cannot read %s\n", path.c_str());
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::vector<std::vector<std::string>> rows = ParseCsv(buffer.str());
  if (rows.empty() || rows[0].empty() || rows[0][0] != "documents") {
    std::fprintf(stderr, "story_eval: %s has no 'documents' column first\n", path.c_str());
    return 2;
  }
  std::vector<storyline::Article> articles;
  std::vector<int> gold;
  for (size_t r = 1; r < rows.size(); ++r) {
    for (std::string& text : ParsePythonList(rows[r][0])) {
      if (text.find_first_not_of(" \n\t") == std::string::npos) continue;
      storyline::Article a;
      a.id = "r";
      a.id.append(std::to_string(r)).append("-").append(std::to_string(articles.size()));
      a.text = std::move(text);
      articles.push_back(std::move(a));
      gold.push_back(static_cast<int>(r));
    }
  }
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937_64(20260101));

  storyline::link::TermStatistics statistics;
  for (const auto& a : articles) statistics.Add(a);
  storyline::link::StoryClusterer clusterer(statistics, options);
  std::vector<size_t> predicted(articles.size());
  for (size_t i : order) predicted[i] = clusterer.Add(articles[i]);

  const Scores pairwise = Pairwise(gold, predicted);
  const Scores bcubed = BCubed(gold, predicted);
  std::printf("rows %zu  articles %zu  stories %zu  threshold %.3f\n", rows.size() - 1,
              articles.size(), clusterer.Stories().size(), options.join_threshold);
  std::printf("pairwise  P %.3f  R %.3f  F1 %.3f\n", pairwise.precision, pairwise.recall,
              pairwise.f1);
  std::printf("b-cubed   P %.3f  R %.3f  F1 %.3f\n", bcubed.precision, bcubed.recall, bcubed.f1);
  return 0;
}
