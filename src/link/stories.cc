// Stories: online clustering over TF-IDF term vectors with an inverted index
// from terms to stories and a publication-date window.
#define XXH_STATIC_LINKING_ONLY  // as in core/id.cc
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <queue>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/data_files.h"
#include "core/id.h"
#include "core/tsv.h"
#include "link/link.h"

namespace storyline::link {
namespace {

// (term, value) pairs sorted by term: counts, weights or centroid sums.
using TermVector = std::vector<std::pair<uint64_t, double>>;

// Term counts of one article, sorted by term: title words count
// `title_weight` times. Words of fewer than three bytes, numbers and
// stopwords are left out. Sorting the hashes and counting runs avoids a hash
// table per article.
TermVector CountTerms(const Article& article, std::span<const Word> text_words,
                      const Stopwords& stopwords, int title_weight) {
  std::vector<uint64_t> hashes;
  hashes.reserve(text_words.size() + 16 * title_weight);
  auto add = [&](std::string_view text, std::span<const Word> words, int times) {
    for (const Word& w : words) {
      if (w.span.size() < 3) continue;
      const char c = text[w.span.begin];
      if ((c >= '0' && c <= '9') || stopwords.Contains(w.hash)) continue;
      hashes.insert(hashes.end(), times, w.hash);
    }
  };
  if (article.title) add(*article.title, NormalizedWords(*article.title), title_weight);
  add(article.text, text_words, 1);
  std::sort(hashes.begin(), hashes.end());
  TermVector counts;
  counts.reserve(hashes.size());
  for (uint64_t h : hashes) {
    if (counts.empty() || counts.back().first != h) counts.emplace_back(h, 0);
    counts.back().second += 1;
  }
  return counts;
}

// An article's weights and, for each, whether later articles can share the
// term (StoryOptions::min_document_frequency), from one statistics lookup.
struct WeightedTerms {
  TermVector vector;  // unit length, sorted by term
  std::vector<bool> shareable;
};

// log((1 + documents) / (1 + df)) + 1: rare terms weigh more.
double IdfOf(uint32_t document_frequency, uint64_t documents) {
  return std::log((1.0 + documents) / (1.0 + document_frequency)) + 1.0;
}

// Weights (1 + log tf) * idf^2, normalised to unit length. Squaring the IDF
// sharpens rare, event-specific words and names against words common to many
// stories (Multi-News dev, eval/story_eval.cc: B-cubed F1 0.845 against 0.816
// with plain IDF).
WeightedTerms Weigh(const TermVector& counts, const TermStatistics& statistics,
                    uint32_t min_document_frequency) {
  std::vector<uint64_t> terms(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) terms[i] = counts[i].first;
  std::vector<uint32_t> frequencies(counts.size());
  statistics.DocumentFrequencies(terms, frequencies);
  WeightedTerms weighted;
  weighted.vector.reserve(counts.size());
  weighted.shareable.reserve(counts.size());
  double norm = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const auto& [term, count] = counts[i];
    const uint32_t df = frequencies[i];
    const double idf = IdfOf(df, statistics.documents());
    const double w = (count == 1 ? 1 : 1 + std::log(count)) * idf * idf;
    weighted.vector.emplace_back(term, w);
    weighted.shareable.push_back(df >= min_document_frequency);
    norm += w * w;
  }
  norm = std::sqrt(norm);
  for (auto& entry : weighted.vector) entry.second /= norm > 0 ? norm : 1;
  return weighted;
}

// Dot product of two sorted vectors: a merge, or binary searches of the
// longer one when it is much longer (a large story's centroid).
double Dot(const TermVector& a, const TermVector& b) {
  const TermVector& small = a.size() <= b.size() ? a : b;
  const TermVector& large = a.size() <= b.size() ? b : a;
  double dot = 0;
  if (large.size() > 16 * small.size()) {
    auto from = large.begin();
    for (const auto& [term, w] : small) {
      from = std::lower_bound(from, large.end(), term,
                              [](const auto& entry, uint64_t t) { return entry.first < t; });
      if (from == large.end()) break;
      if (from->first == term) dot += w * from->second;
    }
    return dot;
  }
  auto i = small.begin(), j = large.begin();
  while (i != small.end() && j != large.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += (i++)->second * (j++)->second;
    }
  }
  return dot;
}

// Days since 1970-01-01 of an ISO "YYYY-MM-DD", or nullopt.
std::optional<int64_t> DayNumber(const std::optional<std::string>& iso) {
  const std::optional<CivilDay> day = iso ? CivilDay::FromIso(*iso) : std::nullopt;
  if (!day) return std::nullopt;
  return DaysFromCivil(*day);
}

}  // namespace

Result<Stopwords> Stopwords::Parse(std::string_view contents) {
  std::vector<uint64_t> hashes;
  for (const TsvRow& row : SplitTsv(contents)) {
    const std::vector<Word> words = NormalizedWords(row.fields[0]);
    if (row.fields.size() != 1 || words.size() != 1) {
      return Status::InvalidArgument("line " + std::to_string(row.line) +
                                     ": expected one word, got '" + std::string(row.fields[0]) +
                                     (row.fields.size() == 1 ? "'" : "' and a tab"));
    }
    hashes.push_back(words[0].hash);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  Stopwords stopwords;
  stopwords.size_ = hashes.size();
  stopwords.digest_ = XXH3_64bits(hashes.data(), hashes.size() * sizeof(uint64_t));
  size_t size = 16;
  while (size < 4 * hashes.size()) size *= 2;
  stopwords.slots_.resize(size);
  for (uint64_t hash : hashes) {
    if (hash == 0) {
      stopwords.contains_zero_ = true;
      continue;
    }
    size_t i = hash & (size - 1);
    while (stopwords.slots_[i] != 0) i = (i + 1) & (size - 1);
    stopwords.slots_[i] = hash;
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

bool Stopwords::Contains(uint64_t word_hash) const {
  if (word_hash == 0) return contains_zero_;
  const size_t mask = slots_.size() - 1;
  for (size_t i = word_hash & mask;; i = (i + 1) & mask) {
    if (slots_[i] == word_hash) return true;
    if (slots_[i] == 0) return false;
  }
}

size_t TermStatistics::Slot(uint64_t term) const {
  const size_t mask = df_.size() - 1;
  size_t i = term & mask;  // terms are XXH3 hashes: the low bits are uniform
  while (df_[i].second != 0 && df_[i].first != term) i = (i + 1) & mask;
  return i;
}

void TermStatistics::Add(const Article& article) { Add(article, NormalizedWords(article.text)); }

void TermStatistics::Add(const Article& article, std::span<const Word> text_words) {
  const TermVector counts = CountTerms(article, text_words, *stopwords_, 1);
  std::vector<uint64_t> terms(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) terms[i] = counts[i].first;
  AddDocument(terms);
}

void TermStatistics::Add(const TermCounts& counts) {
  std::vector<uint64_t> terms(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) terms[i] = counts[i].first;
  AddDocument(terms);
}

void TermStatistics::AddDocument(std::span<const uint64_t> terms) {
  ++documents_;
  for (uint64_t term : terms) __builtin_prefetch(&df_[term & (df_.size() - 1)]);
  for (uint64_t term : terms) {
    if (2 * (terms_ + 1) > df_.size()) {
      std::vector<std::pair<uint64_t, uint32_t>> old(2 * df_.size());
      old.swap(df_);
      for (const auto& slot : old) {
        if (slot.second != 0) df_[Slot(slot.first)] = slot;
      }
    }
    auto& slot = df_[Slot(term)];
    if (slot.second == 0) slot.first = term, ++terms_;
    ++slot.second;
  }
}

TermCounts ArticleTerms(const Article& article, const Stopwords& stopwords,
                        const StoryOptions& options) {
  const TermVector counts =
      CountTerms(article, NormalizedWords(article.text), stopwords, options.title_weight);
  TermCounts terms;
  terms.reserve(counts.size());
  for (const auto& [term, count] : counts) terms.emplace_back(term, static_cast<float>(count));
  return terms;
}

uint32_t TermStatistics::DocumentFrequency(uint64_t term) const { return df_[Slot(term)].second; }

void TermStatistics::DocumentFrequencies(std::span<const uint64_t> terms,
                                         std::span<uint32_t> frequencies) const {
  const size_t mask = df_.size() - 1;
  for (uint64_t term : terms) __builtin_prefetch(&df_[term & mask]);
  for (size_t i = 0; i < terms.size(); ++i) frequencies[i] = DocumentFrequency(terms[i]);
}

double TermStatistics::Idf(uint64_t term) const {
  return IdfOf(DocumentFrequency(term), documents_);
}

struct StoryClusterer::State {
  // A story is open until the latest article date passes its last date by
  // more than window_days; then it is closed: its label is chosen and its
  // members' vectors are freed, and its centroid and posted terms are kept
  // compact (4-byte term numbers, float sums), for an article that may
  // still join it: an undated one, or one dated out of order that finds it
  // through a posting list not yet pruned. Joining reopens it. With dates in
  // arrival order no article can join a closed story (WithinWindow), so the
  // clusterer's full-size memory follows the stories in the window.
  struct StoryState {
    std::vector<std::string> ids;           // members, in order of joining
    std::vector<std::string> titles;        // of the members, until labelled
    std::vector<TermVector> vectors;        // of the members (unit length), until labelled
    TermVector centroid;                    // sum of member vectors (shareable terms), sorted
    double norm_squared = 0;                // |centroid|^2
    absl::flat_hash_set<uint64_t> indexed;  // terms posted for this story
    // While closed: the centroid and the posted terms by term number (the
    // centroid still sorted by term hash), the others empty.
    std::vector<uint32_t> closed_terms;
    std::vector<float> closed_sums;
    std::vector<uint32_t> closed_indexed;
    std::optional<int64_t> first_day, last_day;
    std::optional<std::string> first_date, last_date;
    std::vector<uint64_t> events, lead_acts, acts;  // of its members, sorted, unique
    // Chosen when the story first closes; a member joining it later does
    // not change it, since the earlier members' vectors are gone.
    std::optional<std::string> label;
  };
  // The stories posted under one term. Stories whose last date fell out of
  // the window are dropped, at most once per list and article date.
  struct Postings {
    std::vector<uint32_t> stories;
    int64_t pruned_for_day = INT64_MIN;
  };

  const TermStatistics& statistics;
  StoryOptions options;
  std::vector<StoryState> stories;
  // Each story's last day (INT64_MAX when undated), apart from the rest of
  // its state: pruning reads it for every story of a posting list.
  std::vector<int64_t> last_days;
  std::vector<bool> closed;  // by story, apart for the same reason
  // Numbers of the terms of closed stories, and back.
  absl::flat_hash_map<uint64_t, uint32_t> term_numbers;
  std::vector<uint64_t> terms_by_number;
  absl::flat_hash_map<uint64_t, Postings> postings;
  // The latest date of an article added (not assigned) so far.
  int64_t latest_day = INT64_MIN;
  // (last day, story) of dated open stories, earliest first; an entry whose
  // day is no longer its story's last day is stale and skipped.
  std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                      std::greater<>>
      ending;

  // Starts an empty story; returns its number.
  size_t NewStory() {
    stories.emplace_back();
    last_days.push_back(INT64_MAX);
    closed.push_back(false);
    return stories.size() - 1;
  }

  bool WithinWindow(std::optional<int64_t> day, const StoryState& s) const {
    if (!day || !s.first_day) return true;
    const int64_t distance = *day < *s.first_day  ? *s.first_day - *day
                             : *day > *s.last_day ? *day - *s.last_day
                                                  : 0;
    return distance <= options.window_days;
  }

  // Drops the stories that ended more than window_days before `day` from
  // `list`. Articles arrive roughly in date order, so a later article
  // rarely needs them; one dated earlier than that no longer finds them
  // through this term. Undated stories stay.
  void Prune(Postings& list, int64_t day) const {
    if (day <= list.pruned_for_day) return;
    list.pruned_for_day = day;
    std::erase_if(list.stories,
                  [&](uint32_t story) { return last_days[story] < day - options.window_days; });
  }

  // The title of the member closest to the centroid (ties: earliest added).
  static std::string Label(const StoryState& s) {
    double best = -1;
    const std::string* label = &s.titles[0];
    for (size_t m = 0; m < s.vectors.size(); ++m) {
      const double centrality = Dot(s.vectors[m], s.centroid);
      if (centrality > best) best = centrality, label = &s.titles[m];
    }
    return *label;
  }

  uint32_t TermNumber(uint64_t term) {
    const auto [it, added] =
        term_numbers.try_emplace(term, static_cast<uint32_t>(terms_by_number.size()));
    if (added) terms_by_number.push_back(term);
    return it->second;
  }

  // Closes the open stories whose last day is before `day`: an article
  // dated D can join only a story that ended at most window_days before D
  // (WithinWindow).
  void CloseStoriesEndedBefore(int64_t day) {
    while (!ending.empty() && ending.top().first < day) {
      const auto [last, story] = ending.top();
      ending.pop();
      if (closed[story] || last != last_days[story]) continue;
      closed[story] = true;
      StoryState& s = stories[story];
      if (!s.label) s.label = Label(s);
      for (const auto& entry : s.centroid) term_numbers.prefetch(entry.first);
      s.closed_terms.reserve(s.centroid.size());
      s.closed_sums.reserve(s.centroid.size());
      for (const auto& [term, sum] : s.centroid) {
        s.closed_terms.push_back(TermNumber(term));
        s.closed_sums.push_back(static_cast<float>(sum));
      }
      s.closed_indexed.reserve(s.indexed.size());
      for (uint64_t term : s.indexed) s.closed_indexed.push_back(TermNumber(term));
      // Assigning {} would keep the capacity.
      s.titles = std::vector<std::string>();
      s.vectors = std::vector<TermVector>();
      s.centroid = TermVector();
      s.indexed = absl::flat_hash_set<uint64_t>();
    }
  }

  // Makes a closed story open again, its centroid from the compact one.
  void Reopen(size_t story) {
    StoryState& s = stories[story];
    closed[story] = false;
    s.centroid.reserve(s.closed_terms.size());
    for (size_t i = 0; i < s.closed_terms.size(); ++i) {
      s.centroid.emplace_back(terms_by_number[s.closed_terms[i]], s.closed_sums[i]);
    }
    for (uint32_t number : s.closed_indexed) s.indexed.insert(terms_by_number[number]);
    s.closed_terms = std::vector<uint32_t>();
    s.closed_sums = std::vector<float>();
    s.closed_indexed = std::vector<uint32_t>();
    if (s.last_day) ending.emplace(*s.last_day, static_cast<uint32_t>(story));
  }

  // The cosine of a unit vector and the centroid of `story`.
  double Cosine(const TermVector& vector, size_t story) const {
    const StoryState& s = stories[story];
    if (!closed[story]) return Dot(vector, s.centroid) / std::sqrt(s.norm_squared);
    double dot = 0;
    size_t c = 0;
    for (const auto& [term, weight] : vector) {
      while (c < s.closed_terms.size() && terms_by_number[s.closed_terms[c]] < term) ++c;
      if (c == s.closed_terms.size()) break;
      if (terms_by_number[s.closed_terms[c]] == term) dot += weight * s.closed_sums[c];
    }
    return dot / std::sqrt(s.norm_squared);
  }

  // The weighted vector of an article's ArticleTerms().
  WeightedTerms Weigh(const TermCounts& terms) const {
    TermVector counts(terms.begin(), terms.end());
    return link::Weigh(counts, statistics, options.min_document_frequency);
  }

  // The highest-weighted shareable terms of `weighted`: the article's index
  // queries, and the terms its story is posted under.
  TermVector QueryTerms(const WeightedTerms& weighted) const {
    TermVector top;
    top.reserve(weighted.vector.size());
    for (size_t i = 0; i < weighted.vector.size(); ++i) {
      if (weighted.shareable[i]) top.push_back(weighted.vector[i]);
    }
    const size_t k = std::min(top.size(), static_cast<size_t>(std::max(options.query_terms, 1)));
    std::partial_sort(top.begin(), top.begin() + k, top.end(), [](const auto& x, const auto& y) {
      return std::tie(y.second, x.first) < std::tie(x.second, y.first);
    });
    top.resize(k);
    return top;
  }

  // The stories posted under at least min_shared_query_terms of `query`,
  // leaving out terms posted for more than max_stories_per_term stories in
  // the window; of those, the max_scored_candidates on which the article's
  // shared query terms weigh most. Ascending.
  std::vector<uint32_t> Candidates(const TermVector& query, std::optional<int64_t> day) {
    for (const auto& [term, weight] : query) postings.prefetch(term);
    std::vector<std::pair<uint32_t, double>> hits;  // (story, weight of a query term it shares)
    for (const auto& [term, weight] : query) {
      const auto it = postings.find(term);
      if (it == postings.end()) continue;
      if (day) Prune(it->second, *day);
      const std::vector<uint32_t>& list = it->second.stories;
      if (list.size() > options.max_stories_per_term) continue;
      for (uint32_t story : list) hits.emplace_back(story, weight);
    }
    std::sort(hits.begin(), hits.end());
    std::vector<std::pair<double, uint32_t>> shared;  // (weight shared, story)
    for (size_t i = 0, j = 0; i < hits.size(); i = j) {
      double weight = 0;
      for (; j < hits.size() && hits[j].first == hits[i].first; ++j) weight += hits[j].second;
      if (static_cast<int>(j - i) >= options.min_shared_query_terms)
        shared.emplace_back(weight, hits[i].first);
    }
    if (shared.size() > options.max_scored_candidates) {
      const auto heavier = [](const auto& x, const auto& y) {
        return x.first > y.first || (x.first == y.first && x.second < y.second);
      };
      std::nth_element(shared.begin(), shared.begin() + options.max_scored_candidates, shared.end(),
                       heavier);
      shared.resize(options.max_scored_candidates);
    }
    std::vector<uint32_t> candidates;
    candidates.reserve(shared.size());
    for (const auto& [weight, story] : shared) candidates.push_back(story);
    std::sort(candidates.begin(), candidates.end());
    return candidates;
  }

  // Adds the shareable part of `weighted` to the centroid of `s`, in place:
  // a centroid is far longer than an article, and copying it for every
  // article that joined was a large share of the clusterer's time.
  static void AddToCentroid(const WeightedTerms& weighted, StoryState& s) {
    // Terms too rare in the run for any later article to match stay out of
    // the centroid, so they do not lower every later cosine. The article's
    // own vector keeps them: its distinctive content still counts against a
    // match.
    TermVector& centroid = s.centroid;
    TermVector added;  // kept terms the centroid lacks, ascending
    double self = 0;   // |kept terms|^2
    double dot = 0;    // kept terms . centroid; the others are in no centroid
    size_t c = 0;
    for (size_t i = 0; i < weighted.vector.size(); ++i) {
      if (!weighted.shareable[i]) continue;
      const auto& [term, weight] = weighted.vector[i];
      self += weight * weight;
      while (c < centroid.size() && centroid[c].first < term) ++c;
      if (c < centroid.size() && centroid[c].first == term) {
        dot += weight * centroid[c].second;
        centroid[c].second += weight;
      } else {
        added.emplace_back(term, weight);
      }
    }
    // Merges `added` in from the back, each entry moved once.
    size_t old_end = centroid.size(), add_end = added.size();
    centroid.resize(old_end + add_end);
    for (size_t out = centroid.size(); add_end > 0;) {
      if (old_end > 0 && centroid[old_end - 1].first > added[add_end - 1].first) {
        centroid[--out] = centroid[--old_end];
      } else {
        centroid[--out] = added[--add_end];
      }
    }
    s.norm_squared += 2 * dot + self;
  }

  void Join(size_t story, const StoryArticle& article, WeightedTerms weighted,
            const TermVector& query, std::optional<int64_t> day) {
    StoryState& s = stories[story];
    const std::optional<std::string>& date = article.published;
    s.ids.push_back(article.id);
    if (day) {
      if (!s.first_day || *day < *s.first_day) s.first_day = day, s.first_date = date;
      if (!s.last_day || *day > *s.last_day) {
        s.last_day = day, s.last_date = date;
        last_days[story] = *s.last_day;
        if (!closed[story]) ending.emplace(*s.last_day, static_cast<uint32_t>(story));
      }
    }
    if (closed[story]) Reopen(story);
    AddToCentroid(weighted, s);
    for (const auto& entry : query) {
      const uint64_t term = entry.first;
      if (s.indexed.insert(term).second) {
        postings[term].stories.push_back(static_cast<uint32_t>(story));
      }
    }
    if (!s.label) {
      s.titles.push_back(article.title);
      s.vectors.push_back(std::move(weighted.vector));
    }
    MergeInto(s.events, article.events);
    MergeInto(s.lead_acts, article.lead_acts);
    MergeInto(s.acts, article.acts);
  }

  // Whether what `article`'s events say lets it join `s`: they do not
  // contradict the story's (see StoryOptions::events_must_agree).
  bool EventsAllow(const StoryArticle& article, const StoryState& s) const {
    if (!options.events_must_agree || Intersect(article.events, s.events)) return true;
    return article.lead_acts.empty() || s.lead_acts.empty() ||
           Intersect(article.lead_acts, s.acts) || Intersect(s.lead_acts, article.acts);
  }

  // Adds the values of `more` (sorted) that `into` (sorted) lacks.
  static void MergeInto(std::vector<uint64_t>& into, const std::vector<uint64_t>& more) {
    if (more.empty()) return;
    std::vector<uint64_t> merged;
    merged.reserve(into.size() + more.size());
    std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(merged));
    into = std::move(merged);
  }

  // Whether two sorted vectors share a value.
  static bool Intersect(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
      if (*i < *j) {
        ++i;
      } else if (*j < *i) {
        ++j;
      } else {
        return true;
      }
    }
    return false;
  }
};

StoryClusterer::StoryClusterer(const TermStatistics& statistics, StoryOptions options)
    : state_(new State{statistics, options, {}, {}, {}, {}, {}, {}, INT64_MIN, {}}) {}
StoryClusterer::~StoryClusterer() = default;
StoryClusterer::StoryClusterer(StoryClusterer&&) noexcept = default;
StoryClusterer& StoryClusterer::operator=(StoryClusterer&&) noexcept = default;

size_t StoryClusterer::Add(const Article& article) {
  return Add(StoryArticle{article.id,
                          article.title.value_or(""),
                          article.published.value,
                          ArticleTerms(article, state_->statistics.stopwords(), state_->options),
                          {},
                          {},
                          {}});
}

void StoryClusterer::Assign(const StoryArticle& article, size_t story) {
  State& st = *state_;
  WeightedTerms weighted = st.Weigh(article.terms);
  const TermVector query = st.QueryTerms(weighted);
  if (story >= st.stories.size()) story = st.NewStory();
  st.Join(story, article, std::move(weighted), query, DayNumber(article.published));
}

size_t StoryClusterer::Add(const StoryArticle& article) {
  State& st = *state_;
  WeightedTerms weighted = st.Weigh(article.terms);
  const TermVector query = st.QueryTerms(weighted);
  const std::optional<int64_t> day = DayNumber(article.published);
  if (day && *day > st.latest_day) {
    st.latest_day = *day;
    st.CloseStoriesEndedBefore(*day - st.options.window_days);
  }

  size_t best = SIZE_MAX;
  double best_score = st.options.join_threshold;
  for (uint32_t story : st.Candidates(query, day)) {  // ascending: ties go to the older story
    const State::StoryState& s = st.stories[story];
    if (!st.WithinWindow(day, s) || s.norm_squared <= 0) continue;
    const double cosine = st.Cosine(weighted.vector, story);
    if (cosine >= best_score && (best == SIZE_MAX || cosine > best_score) &&
        st.EventsAllow(article, s)) {
      best = story;
      best_score = cosine;
    }
  }
  if (best == SIZE_MAX) best = st.NewStory();
  st.Join(best, article, std::move(weighted), query, day);
  return best;
}

std::vector<Story> StoryClusterer::Stories() const {
  std::vector<Story> stories;
  for (size_t i = 0; i < state_->stories.size(); ++i) {
    const State::StoryState& s = state_->stories[i];
    Story story;
    const uint64_t h = XXH3_64bits(s.ids[0].data(), s.ids[0].size());
    story.id = "s-" + HashHex(h);
    story.articles = s.ids;
    story.label = s.label ? *s.label : State::Label(s);
    story.first_date = s.first_date;
    story.last_date = s.last_date;
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace storyline::link
