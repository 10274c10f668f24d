#include "pipeline/coref_eval.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

namespace storyline::pipeline {
namespace {

struct CorpusArticle {
  std::string id;
  std::string published;
  std::string text;
};

Result<std::vector<CorpusArticle>> ReadArticles(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound("cannot read " + path);
  std::vector<CorpusArticle> articles;
  std::string line;
  for (size_t number = 1; std::getline(file, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const auto where = [&] { return path + ":" + std::to_string(number) + ": "; };
    if (json.is_discarded() || !json.is_object()) {
      return Status::InvalidArgument(where() + "not a JSON object");
    }
    const auto id = json.find("id");
    const auto text = json.find("text");
    if (id == json.end() || !id->is_string() || text == json.end() || !text->is_string()) {
      return Status::InvalidArgument(where() + "no \"id\" and \"text\" strings");
    }
    CorpusArticle article;
    article.id = id->get<std::string>();
    article.text = text->get<std::string>();
    if (const auto published = json.find("published");
        published != json.end() && published->is_string()) {
      article.published = published->get<std::string>();
    }
    articles.push_back(std::move(article));
  }
  if (file.bad()) return Status::IoError("cannot read " + path);
  return articles;
}

Result<std::vector<CorefRow>> ReadGold(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound("cannot read " + path);
  std::vector<CorefRow> rows;
  std::string line;
  for (size_t number = 1; std::getline(file, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (number == 1 && line.starts_with("article\t"))) continue;
    std::vector<std::string> columns;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) columns.push_back(field);
    if (columns.size() != 6) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) +
                                     ": expected 6 tab-separated columns");
    }
    CorefRow row;
    row.article = columns[0];
    row.event = columns[1];
    row.source = columns[2];
    row.root = columns[3];
    row.target = columns[4];
    row.date = columns[5];
    rows.push_back(std::move(row));
  }
  if (file.bad()) return Status::IoError("cannot read " + path);
  return rows;
}

// One code more specific than the other, or the same ("KEN", "KENGOV").
bool Compatible(const std::string& gold, const std::string& coded) {
  return !gold.empty() && !coded.empty() && (gold.starts_with(coded) || coded.starts_with(gold));
}

// How well `mention` fits `row`: nullopt when it does not; higher is better:
// the gold day first, then the gold codes exactly (either way round for a
// meeting), then, for a meeting, the way round whose source sorts first.
// A meeting is often coded both ways round ("A met B": A->B and B->A), and
// the linker keeps the two apart; reading every report of it the same way
// round compares like with like, whichever way the gold row names it.
std::optional<int> Fit(const CorefRow& row, const coref::EventMention& mention) {
  if (mention.code.substr(0, 2) != row.root) return std::nullopt;
  const bool symmetric = row.root == "04";
  std::optional<int> best;
  for (const bool swapped : {false, true}) {
    if (swapped && !symmetric) break;
    const std::string& source = swapped ? mention.target : mention.source;
    const std::string& target = swapped ? mention.source : mention.target;
    if (!Compatible(row.source, source)) continue;
    if (row.target != "-" && !Compatible(row.target, target)) continue;
    const bool exact = row.source == source && (row.target == "-" || row.target == target);
    const bool first = symmetric ? mention.source <= mention.target : !swapped;
    const int fit = (mention.date == row.date ? 4 : 0) + (exact ? 2 : 0) + (first ? 1 : 0);
    best = std::max(best.value_or(fit), fit);
  }
  return best;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// B-cubed and pairwise scores of `predicted` against `gold`, one entry a row.
void Score(const std::vector<std::string>& gold, const std::vector<size_t>& predicted,
           CorefScores& scores) {
  std::map<std::pair<std::string, size_t>, double> both;
  std::map<std::string, double> gold_size;
  std::map<size_t, double> predicted_size;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++both[{gold[i], predicted[i]}];
    ++gold_size[gold[i]];
    ++predicted_size[predicted[i]];
  }
  if (!gold.empty()) {
    for (size_t i = 0; i < gold.size(); ++i) {
      const double n = both.at({gold[i], predicted[i]});
      scores.bcubed.precision += n / predicted_size.at(predicted[i]);
      scores.bcubed.recall += n / gold_size.at(gold[i]);
    }
    scores.bcubed.precision /= static_cast<double>(gold.size());
    scores.bcubed.recall /= static_cast<double>(gold.size());
  }
  scores.bcubed.f1 = F1(scores.bcubed.precision, scores.bcubed.recall);
  const auto pairs = [](double n) { return n * (n - 1) / 2; };
  double same = 0, gold_pairs = 0, predicted_pairs = 0;
  for (const auto& [key, n] : both) same += pairs(n);
  for (const auto& [key, n] : gold_size) gold_pairs += pairs(n);
  for (const auto& [key, n] : predicted_size) predicted_pairs += pairs(n);
  scores.pairwise.precision = predicted_pairs > 0 ? same / predicted_pairs : 1;
  scores.pairwise.recall = gold_pairs > 0 ? same / gold_pairs : 1;
  scores.pairwise.f1 = F1(scores.pairwise.precision, scores.pairwise.recall);
}

// The splits and merges of the scored rows.
void ListErrors(CorefScores& scores) {
  const std::string kNotFound = "not found";
  // Gold label -> part label -> articles, parts in order of first row.
  std::map<std::string, std::vector<CorefPart>> by_gold;
  std::map<size_t, std::vector<CorefPart>> by_cluster;
  std::map<std::string, size_t> gold_clusters;  // distinct predicted events (not found: each one)
  const auto cluster_label = [](size_t cluster) {
    std::string label(1, '#');  // not "#" + ...: GCC 12 warns (-Wrestrict) wrongly
    label += std::to_string(cluster);
    return label;
  };
  const auto add = [](std::vector<CorefPart>& parts, const std::string& label,
                      const std::string& article) {
    auto part = std::find_if(parts.begin(), parts.end(),
                             [&](const CorefPart& p) { return p.label == label; });
    if (part == parts.end()) part = parts.insert(parts.end(), CorefPart{label, {}});
    part->articles.push_back(article);
  };
  for (const CorefRow& row : scores.rows) {
    add(by_gold[row.event], row.cluster ? cluster_label(*row.cluster) : kNotFound, row.article);
    if (row.cluster) add(by_cluster[*row.cluster], row.event, row.article);
  }
  for (auto& [label, parts] : by_gold) {
    size_t clusters = 0;
    for (const CorefPart& part : parts) {
      clusters += part.label == kNotFound ? part.articles.size() : 1;
    }
    if (clusters > 1) scores.splits.push_back({label, std::move(parts)});
  }
  for (auto& [cluster, parts] : by_cluster) {
    if (parts.size() > 1) scores.merges.push_back({cluster_label(cluster), std::move(parts)});
  }
}

}  // namespace

Result<CorefScores> EvaluateCoref(const std::string& dir, const TextCoder& coder,
                                  const coref::CorefOptions& options) {
  SL_ASSIGN_OR_RETURN(std::vector<CorpusArticle> articles, ReadArticles(dir + "/articles.jsonl"));
  SL_ASSIGN_OR_RETURN(std::vector<CorefRow> rows, ReadGold(dir + "/gold.tsv"));
  std::sort(articles.begin(), articles.end(), [](const CorpusArticle& a, const CorpusArticle& b) {
    return std::tie(a.published, a.id) < std::tie(b.published, b.id);
  });

  // Code and link, in canonical order; each article's mentions and the
  // events they joined.
  CorefScores scores;
  coref::EventLinker linker(options);
  TextCoder::Workspace workspace = coder.NewWorkspace();
  std::map<std::string, std::vector<std::pair<coref::EventMention, size_t>>> mentions;
  for (CorpusArticle& corpus : articles) {
    if (mentions.contains(corpus.id)) {
      return Status::InvalidArgument(dir + "/articles.jsonl: article id " + corpus.id +
                                     " appears twice");
    }
    auto& own = mentions[corpus.id];
    const Article article =
        coder.Code(corpus.id, corpus.published, std::move(corpus.text), workspace);
    for (const Event& event : article.events) {
      if (!coref::Coreferable(event)) continue;
      coref::EventMention mention = coref::MentionOf(article, event);
      const size_t cluster = linker.Add(mention);
      own.emplace_back(std::move(mention), cluster);
      ++scores.mentions;
    }
  }
  scores.events = linker.events();

  // Match the gold rows; rows not found get clusters of their own, past
  // the linker's indexes.
  std::vector<std::string> gold;
  std::vector<size_t> predicted;
  std::set<std::string> gold_events;
  std::set<size_t> clusters;
  size_t singleton = scores.events.size();
  for (CorefRow& row : rows) {
    const auto own = mentions.find(row.article);
    if (own == mentions.end()) {
      return Status::InvalidArgument(dir + "/gold.tsv: no article " + row.article +
                                     " in articles.jsonl");
    }
    std::optional<int> best_fit;
    for (const auto& [mention, cluster] : own->second) {
      const std::optional<int> fit = Fit(row, mention);
      if (fit && (!best_fit || *fit > *best_fit)) {
        best_fit = fit;
        row.mention = mention;
        row.cluster = cluster;
      }
    }
    gold.push_back(row.event);
    gold_events.insert(row.event);
    if (row.cluster) {
      ++scores.found;
      clusters.insert(*row.cluster);
      predicted.push_back(*row.cluster);
    } else {
      predicted.push_back(singleton++);
    }
  }
  scores.rows = std::move(rows);
  scores.gold_events = gold_events.size();
  scores.predicted_clusters = clusters.size();
  Score(gold, predicted, scores);
  ListErrors(scores);
  return scores;
}

}  // namespace storyline::pipeline
