// Stories: online clustering over TF-IDF term vectors with an inverted index
// from terms to stories and a publication-date window.
#define XXH_STATIC_LINKING_ONLY  // as in core/id.cc
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/data_files.h"
#include "core/tsv.h"
#include "link/link.h"

namespace storyline::link {
namespace {

using CountMap = std::unordered_map<uint64_t, double>;

// Term counts of one article: title words count `title_weight` times. Words
// of fewer than three bytes, numbers and stopwords are left out.
CountMap CountTerms(const Article& article, const Stopwords& stopwords, double title_weight) {
  CountMap counts;
  auto add = [&](std::string_view text, double weight) {
    for (const Word& w : NormalizedWords(text)) {
      if (w.span.size() < 3) continue;
      const char c = text[w.span.begin];
      if ((c >= '0' && c <= '9') || stopwords.Contains(w.hash)) continue;
      counts[w.hash] += weight;
    }
  };
  if (article.title) add(*article.title, title_weight);
  add(article.text, 1.0);
  return counts;
}

// Sparse unit vector, sorted by term.
using TermVector = std::vector<std::pair<uint64_t, double>>;

// Weights (1 + log tf) * idf^2, normalised to unit length. Squaring the IDF
// sharpens rare, event-specific words and names against words common to many
// stories (Multi-News dev, eval/story_eval.cc: B-cubed F1 0.845 against 0.816
// with plain IDF).
TermVector Weigh(const TermCounts& counts, const TermStatistics& statistics) {
  TermVector v;
  v.reserve(counts.size());
  double norm = 0;
  for (const auto& [term, count] : counts) {
    const double idf = statistics.Idf(term);
    const double w = (1 + std::log(count)) * idf * idf;
    v.emplace_back(term, w);
    norm += w * w;
  }
  norm = std::sqrt(norm);
  for (auto& entry : v) entry.second /= norm > 0 ? norm : 1;
  std::sort(v.begin(), v.end());
  return v;
}

// Days since 1970-01-01 of an ISO "YYYY-MM-DD", or nullopt.
std::optional<int64_t> DayNumber(const std::optional<std::string>& iso) {
  int y = 0, m = 0, d = 0;
  if (!iso || std::sscanf(iso->c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string Hex(uint64_t h) {
  char buffer[17];
  std::snprintf(buffer, sizeof(buffer), "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

}  // namespace

Result<Stopwords> Stopwords::Parse(std::string_view contents) {
  Stopwords stopwords;
  for (const TsvRow& row : SplitTsv(contents)) {
    const std::vector<Word> words = NormalizedWords(row.fields[0]);
    if (row.fields.size() != 1 || words.size() != 1) {
      return Status::InvalidArgument("line " + std::to_string(row.line) +
                                     ": expected one word, got '" + std::string(row.fields[0]) +
                                     (row.fields.size() == 1 ? "'" : "' and a tab"));
    }
    stopwords.hashes_.insert(words[0].hash);
  }
  return stopwords;
}

const Stopwords& Stopwords::Embedded() {
  static const Stopwords kEmbedded = [] {
    Result<std::string> contents = DataFiles{}.Read(kStopwordsFile);
    Result<Stopwords> parsed = Parse(contents.ok() ? *contents : "");
    if (!parsed.ok() || !contents.ok()) {
      // Compiled in and checked by link_tests: reaching this is a build error.
      std::fprintf(stderr, "storyline: embedded data/%s: %s\n", std::string(kStopwordsFile).c_str(),
                   (contents.ok() ? parsed.status() : contents.status()).ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return kEmbedded;
}

bool Stopwords::Contains(uint64_t word_hash) const { return hashes_.count(word_hash) > 0; }

void TermStatistics::Add(const Article& article) {
  ++documents_;
  for (const auto& [term, count] : CountTerms(article, *stopwords_, 1)) ++df_[term];
}

void TermStatistics::Add(const TermCounts& terms) {
  ++documents_;
  for (const auto& [term, count] : terms) ++df_[term];
}

TermCounts ArticleTerms(const Article& article, const Stopwords& stopwords,
                        const StoryOptions& options) {
  const CountMap counts = CountTerms(article, stopwords, options.title_weight);
  TermCounts terms;
  terms.reserve(counts.size());
  for (const auto& [term, count] : counts) {
    terms.emplace_back(term, static_cast<float>(count));
  }
  std::sort(terms.begin(), terms.end());
  return terms;
}

uint32_t TermStatistics::DocumentFrequency(uint64_t term) const {
  const auto it = df_.find(term);
  return it == df_.end() ? 0 : it->second;
}

double TermStatistics::Idf(uint64_t term) const {
  return std::log((1.0 + documents_) / (1.0 + DocumentFrequency(term))) + 1.0;
}

struct StoryClusterer::State {
  struct Member {
    std::string id;
    std::string title;
    TermVector vector;
  };
  struct StoryState {
    std::vector<Member> members;
    std::unordered_map<uint64_t, double> centroid;  // sum of member vectors
    double norm_squared = 0;                        // |centroid|^2
    std::unordered_set<uint64_t> indexed;           // terms posted for this story
    std::optional<int64_t> first_day, last_day;
    std::optional<std::string> first_date, last_date;
  };

  const TermStatistics& statistics;
  StoryOptions options;
  std::vector<StoryState> stories;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // term -> stories

  double Dot(const TermVector& v, const StoryState& s) const {
    double dot = 0;
    for (const auto& [term, w] : v) {
      if (auto it = s.centroid.find(term); it != s.centroid.end()) dot += w * it->second;
    }
    return dot;
  }

  bool WithinWindow(std::optional<int64_t> day, const StoryState& s) const {
    if (!day || !s.first_day) return true;
    const int64_t distance = *day < *s.first_day  ? *s.first_day - *day
                             : *day > *s.last_day ? *day - *s.last_day
                                                  : 0;
    return distance <= options.window_days;
  }

  // Whether later articles can share `term` (see StoryOptions).
  bool Shareable(uint64_t term) const {
    return statistics.DocumentFrequency(term) >= options.min_document_frequency;
  }

  // The highest-weighted shareable terms of `v`: the article's index queries,
  // and the terms its story is posted under.
  std::vector<uint64_t> QueryTerms(const TermVector& v) const {
    TermVector top;
    for (const auto& entry : v) {
      if (Shareable(entry.first)) top.push_back(entry);
    }
    const size_t k = std::min(top.size(), static_cast<size_t>(std::max(options.query_terms, 1)));
    std::partial_sort(top.begin(), top.begin() + k, top.end(), [](const auto& x, const auto& y) {
      return std::tie(y.second, x.first) < std::tie(x.second, y.first);
    });
    std::vector<uint64_t> terms;
    for (size_t i = 0; i < k; ++i) terms.push_back(top[i].first);
    return terms;
  }

  void Join(size_t story, Member member, const std::vector<uint64_t>& query,
            std::optional<int64_t> day, const std::optional<std::string>& date) {
    StoryState& s = stories[story];
    const double dot = Dot(member.vector, s);
    // Terms too rare in the run for any later article to match stay out of
    // the centroid, so they do not lower every later cosine. The article's
    // own vector keeps them: its distinctive content still counts against a
    // match.
    double self = 0;  // |kept part of the member vector|^2
    for (const auto& [term, w] : member.vector) {
      if (!Shareable(term)) continue;
      self += w * w;
      s.centroid[term] += w;
    }
    s.norm_squared += 2 * dot + self;
    for (uint64_t term : query) {
      if (s.indexed.insert(term).second) postings[term].push_back(static_cast<uint32_t>(story));
    }
    if (day) {
      if (!s.first_day || *day < *s.first_day) s.first_day = day, s.first_date = date;
      if (!s.last_day || *day > *s.last_day) s.last_day = day, s.last_date = date;
    }
    s.members.push_back(std::move(member));
  }
};

StoryClusterer::StoryClusterer(const TermStatistics& statistics, StoryOptions options)
    : state_(new State{statistics, options, {}, {}}) {}
StoryClusterer::~StoryClusterer() = default;
StoryClusterer::StoryClusterer(StoryClusterer&&) noexcept = default;
StoryClusterer& StoryClusterer::operator=(StoryClusterer&&) noexcept = default;

size_t StoryClusterer::Add(const Article& article) {
  return Add(StoryArticle{article.id, article.title.value_or(""), article.published.value,
                          ArticleTerms(article, state_->statistics.stopwords(), state_->options)});
}

void StoryClusterer::Assign(const StoryArticle& article, size_t story) {
  State& st = *state_;
  TermVector vector = Weigh(article.terms, st.statistics);
  const std::vector<uint64_t> query = st.QueryTerms(vector);
  if (story >= st.stories.size()) {
    story = st.stories.size();
    st.stories.emplace_back();
  }
  st.Join(story, {article.id, article.title, std::move(vector)}, query,
          DayNumber(article.published), article.published);
}

size_t StoryClusterer::Add(const StoryArticle& article) {
  State& st = *state_;
  TermVector vector = Weigh(article.terms, st.statistics);
  const std::vector<uint64_t> query = st.QueryTerms(vector);
  const std::optional<int64_t> day = DayNumber(article.published);

  std::vector<uint32_t> candidates;
  for (uint64_t term : query) {
    const auto it = st.postings.find(term);
    if (it == st.postings.end() || it->second.size() > st.options.max_stories_per_term) continue;
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  size_t best = SIZE_MAX;
  double best_score = st.options.join_threshold;
  for (uint32_t story : candidates) {  // ascending: ties go to the older story
    const State::StoryState& s = st.stories[story];
    if (!st.WithinWindow(day, s) || s.norm_squared <= 0) continue;
    const double cosine = st.Dot(vector, s) / std::sqrt(s.norm_squared);
    if (cosine >= best_score && (best == SIZE_MAX || cosine > best_score)) {
      best = story;
      best_score = cosine;
    }
  }
  if (best == SIZE_MAX) {
    best = st.stories.size();
    st.stories.emplace_back();
  }
  st.Join(best, {article.id, article.title, std::move(vector)}, query, day, article.published);
  return best;
}

std::vector<Story> StoryClusterer::Stories() const {
  std::vector<Story> stories;
  for (const State::StoryState& s : state_->stories) {
    Story story;
    const uint64_t h = XXH3_64bits(s.members[0].id.data(), s.members[0].id.size());
    story.id = "s-" + Hex(h);
    double best = -1;
    for (const State::Member& m : s.members) {
      story.articles.push_back(m.id);
      const double centrality = state_->Dot(m.vector, s);
      if (centrality > best) best = centrality, story.label = m.title;
    }
    story.first_date = s.first_date;
    story.last_date = s.last_date;
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace storyline::link
