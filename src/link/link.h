// link.h: near-duplicate articles, shared passages and stories.
//
// Consumes cleaned, segmented Articles (core/article.h) and produces
//   - near-duplicate groups: MinHash signatures over word shingles, LSH bands
//     as candidates, candidates verified by estimated Jaccard, groups by
//     union-find labelled with the smallest article id;
//   - shared passages (Passage): the exact byte spans two articles share,
//     robust to quote styles, whitespace, punctuation and British/American
//     spelling; candidate pairs come from an inverted index of winnowed word
//     n-gram seeds (SharedTextIndex);
//   - stories (Story): online clustering in arrival order over TF-IDF term
//     vectors, with candidates from an inverted index and a time window.
//
// Words are compared after normalisation (NormalizedWords): lowercased
// (ASCII), apostrophes inside words dropped ("society’s" == "society's" ==
// "societys"), every other punctuation mark a word break, and the endings
// -ise/-ize, -isation/-ization, -our/-or, -yse/-yze, -tre/-ter, -ence/-ense,
// -mme/-m, -logue/-log and doubled l before -ed/-ing folded to one spelling. Normalisation is only
// ever used for matching; every result is reported as byte offsets into the
// clean text, half-open.
//
// Scaling out (docs/architecture.md): MinHash(), Bands() and PassageSeeds()
// are pure functions of one article (the map step); NearDuplicateIndex and
// SharedTextIndex group by key with a sort (the shuffle); near-duplicates are
// joined with union-find, label = smallest id (the reduce), so the groups do
// not depend on the order of Add() calls. FindSharedPassages() is a pure
// function of two articles. StoryClusterer is
// the one order-dependent step: feed it in a canonical order (publication
// date, then id) for results that do not depend on the input order.
//
// Thread safety: free functions may run concurrently. NearDuplicateIndex,
// SharedTextIndex, TermStatistics and StoryClusterer are not thread-safe; const methods may
// run concurrently when no thread mutates.
//
//   link::NearDuplicateIndex index;
//   for (const Article& a : articles) index.Add(a.id, link::MinHash(a.text));
//   for (const auto& group : index.Groups()) ...          // smallest id first
//
//   link::SharedTextIndex seeds;
//   for (const Article& a : articles) seeds.Add(a.id, link::PassageSeeds(a.text));
//   for (auto [i, j] : seeds.CandidatePairs()) {
//     for (const Passage& p : link::FindSharedPassages(articles[i], articles[j])) ...
//   }
//
//   link::TermStatistics statistics;                       // explicit first pass
//   for (const Article& a : articles) statistics.Add(a);
//   link::StoryClusterer clusterer(statistics);
//   for (const Article& a : articles) clusterer.Add(a);    // canonical order
//   std::vector<Story> stories = clusterer.Stories();
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "link/key_pairs.h"

namespace storyline::link {

// ---------------------------------------------------------------------------
// Words

// A normalised word and where it stood in the text.
struct Word {
  uint64_t hash = 0;  // XXH3 of the normalised spelling
  ByteSpan span;      // bytes of the original word in the text
};

// The words of `text` after normalisation (see the top of this file), in
// order. Numbers count as words. REQUIRES: valid UTF-8.
std::vector<Word> NormalizedWords(std::string_view text);

// The normalised spelling of one word as NormalizedWords hashes it, e.g.
// "Organisation" -> "organization", "society’s" -> "societys".
std::string NormalizeWord(std::string_view word);

// ---------------------------------------------------------------------------
// Near-duplicates: MinHash + LSH

// 128 minimum hashes of 5-word shingles by one-permutation hashing with
// optimal densification (Shrivastava, "Optimal Densification for Fast and
// Accurate Minwise Hashing", ICML 2017). Each shingle gets one 64-bit hash
// (its words' XXH3 hashes combined by position, then mixed); the top 7 bits
// pick one of 128 bins and the low 32 bits compete for that bin's minimum,
// so a signature costs one pass over the words and one comparison per
// shingle (not 128). A bin no shingle fell into takes the value of the first
// occupied bin in a fixed pseudo-random probe sequence of its own, the same
// for every text. Two signatures agree in a position with probability equal
// to the Jaccard similarity of the shingle sets (up to 32-bit collisions),
// for long and short texts alike; with ~500 shingles and 128 bins almost
// every bin is occupied and the variance is about that of 128 independent
// minima.
inline constexpr int kShingleWords = 5;
inline constexpr int kSignatureSize = 128;
using Signature = std::array<uint32_t, kSignatureSize>;

// LSH banding: 32 bands of 4 rows. A pair with shingle Jaccard s shares at
// least one band with probability 1 - (1 - s^4)^32:
//   s = 0.2: 0.05   0.3: 0.23   0.4: 0.56   0.5: 0.87   0.6: 0.98   0.7: 1.00
// so the 50% point is at s ~ 0.39, safely under the default verification
// threshold of 0.5: pairs at 0.5 are found 87% of the time, at 0.6 98%.
inline constexpr int kBands = 32;
inline constexpr int kRowsPerBand = kSignatureSize / kBands;
using BandKeys = std::array<uint64_t, kBands>;

// The signature of `text`. A text with fewer than kShingleWords words has
// one shingle made of all its words (every value is then its hash); an
// empty text has all values at UINT32_MAX (it matches nothing by LSH, see
// BandKeys). Pure.
Signature MinHash(std::string_view text);
// The same from the text's NormalizedWords(), for callers that reuse them
// (PassageSeeds() takes them too).
Signature MinHash(std::span<const Word> words);

// One key per band: XXH3 of the band's rows and its index, so equal keys
// mean equal bands (up to hash collisions). The signature of an empty text
// gets keys of 0, which NearDuplicateIndex ignores. Pure.
BandKeys Bands(const Signature& signature);

// The fraction of positions in which two signatures agree: an unbiased
// estimate of the Jaccard similarity of the shingle sets.
double EstimatedJaccard(const Signature& a, const Signature& b);

struct NearDuplicateOptions {
  // Candidates from LSH are kept when their estimated Jaccard reaches this.
  // Lower finds more loosely reworked copies at the price of more false
  // positives among articles sharing only boilerplate-like text.
  double threshold = 0.5;
  // A band bucket of at most this many articles is verified pair by pair.
  // In a larger one, exact copies (identical signatures) are first collapsed
  // to the one with the smallest id, each copy paired with it; if more than
  // this many distinct signatures remain (a template shared by many short
  // articles, a wire story copied thousands of times with small edits),
  // they are verified against representatives: in id order, each is
  // compared with at most this many representatives (earlier members that
  // matched none) and joins the first it matches. A bucket of k articles
  // then costs at most k times this many comparisons, not k^2/2, and its
  // copies still form one group; a pair of members that matches no
  // representative is found only through another band the two share.
  size_t max_pairwise_bucket = 100;
};

// Collects signatures and groups near-duplicates. Memory: one signature
// (512 bytes), its hash and 32 band entries (8 bytes each) per article,
// about 800 MB for a million articles. Grouping by band key is a sort of the
// band entries (the shuffle of a scaled-out run); each bucket is verified
// as NearDuplicateOptions::max_pairwise_bucket says, so 2,000 copies of one
// story cost about 2,000 comparisons per band and come out as one group.
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  // Adds an article. Ids should be unique; a repeated id is one more member
  // with the same id.
  void Add(std::string id, const Signature& signature);

  // Pairs (indices in Add() order, first < second) that share a band key
  // and whose estimated Jaccard reaches the threshold, sorted and unique.
  // Only pairs within a band bucket are looked at, never all pairs. In a
  // bucket over max_pairwise_bucket articles, an exact copy is paired with
  // the smallest-id article of its signature only and other members with
  // representatives only, so there the pairs connect every group without
  // listing all its pairs.
  // When `comparisons` is not null it is set to the number of signature
  // comparisons made (the cost, independent of the machine).
  std::vector<std::pair<size_t, size_t>> VerifiedPairs(uint64_t* comparisons = nullptr) const;

  // Connected components of VerifiedPairs() with two or more members: each
  // group's ids sorted, the smallest first (the label), with the lowest
  // estimated Jaccard among its verified pairs; groups sorted by label.
  // Independent of the order of Add() calls. When `label_pairs` is not
  // null it is set to every other member of a group paired with the group's
  // label (indices in Add() order, first < second), sorted: candidates for
  // FindSharedPassages() at one pair per member. SharedTextIndex leaves out
  // the seeds of a wire story copied thousands of times (each is shared by
  // more than max_articles_per_seed articles), so without these pairs the
  // copies' shared passages would not be found.
  std::vector<NearDuplicateGroup> Groups(
      std::vector<std::pair<size_t, size_t>>* label_pairs = nullptr) const;

  size_t size() const { return ids_.size(); }
  const std::string& id(size_t i) const { return ids_[i]; }

 private:
  // Each article's position among the articles sorted by id (then index).
  std::vector<size_t> RankById() const;
  std::vector<std::pair<size_t, size_t>> VerifiedPairs(const std::vector<size_t>& rank,
                                                       uint64_t* comparisons) const;

  NearDuplicateOptions options_;
  std::vector<std::string> ids_;
  std::vector<Signature> signatures_;
  std::vector<uint64_t> signature_hashes_;  // XXH3 of each signature: finds exact copies
  KeyedArticles band_entries_;              // (band key, article index)
};

// ---------------------------------------------------------------------------
// Shared passages

struct PassageOptions {
  // Seeds are runs of this many normalised words found in both texts.
  int seed_words = 8;
  // A passage is kept when it is at least this many bytes long in both
  // articles, or covers a whole sentence in each.
  uint32_t min_bytes = 50;
  // Extension bridges up to `max_gap_words` differing words ("seen" vs
  // "reviewed", "2 March" vs "March 2") when at least `resync_words` equal
  // words follow, or equal words run on to the end of the paragraph.
  int max_gap_words = 2;
  int resync_words = 3;
};

// The passages `a` and `b` share, in order of their position in `a`. Each
// is a maximal aligned run of normalised words within one paragraph (line)
// of each article, with short substitutions bridged, widened to the
// enclosing sentence boundaries when only punctuation and spaces separate
// them (so opening and closing quotes are included). Offsets are bytes into
// a.text and b.text; similarity = equal words / aligned words.
// `earlier` compares a.published.value and b.published.value. Uses
// a.sentences and b.sentences when present. Pure.
std::vector<Passage> FindSharedPassages(const Article& a, const Article& b,
                                        const PassageOptions& options = {});

// Seeds of an article for finding candidate pairs: hashes of its normalised
// word n-grams (PassageOptions::seed_words), winnowed: of every `window`
// consecutive n-grams the smallest hash is kept (the rightmost on ties), so
// any run of at least seed_words + window - 1 shared words (11 by default,
// about 60 bytes) yields at least one common seed, while only about
// 2 / (window + 1) of the n-grams are stored. Sorted, unique. Pure.
std::vector<uint64_t> PassageSeeds(std::string_view text, const PassageOptions& options = {},
                                   int window = 4);
// The same from the text's NormalizedWords().
std::vector<uint64_t> PassageSeeds(std::span<const Word> words, const PassageOptions& options = {},
                                   int window = 4);

// An inverted index from seeds to articles: the candidate pairs for
// FindSharedPassages(), without comparing all pairs. Memory: 8 bytes per
// seed, about 2 / (window + 1) of an article's words (about 1.5 GB for a
// million 3 KB articles with the default window).
class SharedTextIndex {
 public:
  // Seeds shared by more than this many articles are ignored: they are
  // stock phrases and boilerplate, and would make the pairs quadratic.
  explicit SharedTextIndex(size_t max_articles_per_seed = 200);

  void Add(std::string id, const std::vector<uint64_t>& seeds);

  // Pairs of articles (indices in Add() order, first < second) sharing at
  // least one seed, sorted.
  std::vector<std::pair<size_t, size_t>> CandidatePairs() const;

  size_t size() const { return ids_.size(); }
  const std::string& id(size_t i) const { return ids_[i]; }

 private:
  size_t max_articles_per_seed_;
  std::vector<std::string> ids_;
  KeyedArticles seed_entries_;  // (seed, article index)
};

// ---------------------------------------------------------------------------
// Stories

// Words that say nothing about which event an article reports (function
// words, reporting verbs, weekdays): story vectors leave them out.
// The list is data (docs/formats/stopwords.md), one word a line.
inline constexpr std::string_view kStopwordsFile = "link/stopwords.en.txt";

class Stopwords {
 public:
  // Words match after normalisation (NormalizedWords), so "Organisation"
  // in the list leaves out "organization" too. InvalidArgument
  // "line N: ..." for a line that is not exactly one word.
  static Result<Stopwords> Parse(std::string_view contents);
  // The list compiled in from data/link/stopwords.en.txt, parsed once.
  static const Stopwords& Embedded();

  // `word_hash` is Word::hash, the XXH3 of the normalised spelling.
  bool Contains(uint64_t word_hash) const;
  size_t size() const { return size_; }
  // XXH3 of the list's sorted word hashes: the same for two files listing
  // the same words in any order, spelling variant or case; stored features
  // record it (ArticleFeatures::computed_with).
  uint64_t digest() const { return digest_; }

 private:
  // Open addressing with linear probing (0 marks an empty slot, so a word
  // hashing to 0 is kept aside): stories test every word of every article,
  // and a node-based set's modulo and pointer chase cost more.
  std::vector<uint64_t> slots_ = std::vector<uint64_t>(16);
  bool contains_zero_ = false;
  size_t size_ = 0;
  uint64_t digest_ = 0;
};

// The terms of one article as the story clusterer counts them, sorted by
// term: (XXH3 of the normalised word, count), title words counted
// StoryOptions::title_weight times; stopwords, numbers and words under three
// bytes left out. Computed once per article (the map step) and stored, so a
// later run can replay an article into its story without its text.
using TermCounts = std::vector<std::pair<uint64_t, float>>;

// Document frequencies over a whole run, gathered in an explicit first pass
// so that IDF does not depend on arrival order. Terms are the words
// StoryClusterer weighs: normalised, stopwords and numbers out.
class TermStatistics {
 public:
  // `stopwords` must outlive the statistics and every clusterer using them.
  explicit TermStatistics(const Stopwords& stopwords = Stopwords::Embedded())
      : stopwords_(&stopwords) {}

  void Add(const Article& article);
  // The same from an article's ArticleTerms(); which terms occur does not
  // depend on the title weight.
  void Add(const TermCounts& terms);
  // The same with NormalizedWords(article.text) already computed (as for
  // MinHash() and PassageSeeds()), so a pipeline normalises the text once.
  void Add(const Article& article, std::span<const Word> text_words);
  // log((1 + documents) / (1 + df)) + 1: rare terms weigh more.
  double Idf(uint64_t term) const;
  // How many added articles contain `term`.
  uint32_t DocumentFrequency(uint64_t term) const;
  // DocumentFrequency() of each of `terms`, into `frequencies` (same size):
  // fetches all the table slots at once rather than one cache miss at a time.
  void DocumentFrequencies(std::span<const uint64_t> terms, std::span<uint32_t> frequencies) const;
  uint64_t documents() const { return documents_; }
  const Stopwords& stopwords() const { return *stopwords_; }

 private:
  const Stopwords* stopwords_;
  // Counts one document containing each of `terms` (unique).
  void AddDocument(std::span<const uint64_t> terms);
  // Slot of `term` in df_: where it is or would go.
  size_t Slot(uint64_t term) const;

  uint64_t documents_ = 0;
  // Open addressing with linear probing, a power of two in size and at most
  // half full; a frequency of 0 marks an empty slot. Clustering looks up
  // every term of every article here, and a node-based map's cache misses
  // were most of that cost.
  std::vector<std::pair<uint64_t, uint32_t>> df_ = std::vector<std::pair<uint64_t, uint32_t>>(1024);
  size_t terms_ = 0;
};

struct StoryOptions {
  // An article joins the story with the highest cosine to its centroid when
  // that reaches this; otherwise it starts a new story. Lower joins more
  // (recall) at the price of mixing events (precision). Multi-News dev
  // (eval/story_eval.cc --sweep), B-cubed F1 on the even (tuning) / odd
  // (held-out) / all rows:
  //   0.125 -> 0.897 / 0.843 / 0.837   0.150 -> 0.882 / 0.841 / 0.846
  //   0.175 -> 0.873 / 0.825 / 0.843   0.200 -> 0.852 / 0.824 / 0.834
  // The tuning rows favour 0.125, but the held-out rows score about the same
  // at 0.15 and all rows better, so the earlier default stays.
  double join_threshold = 0.15;
  // Only stories whose known dates come within this many days of the
  // article's date are candidates (any story when either is unknown).
  // Articles are assumed to arrive roughly in date order: once an article
  // dated D looks a term up, stories that ended before D - window_days leave
  // that term's list, so an article dated earlier still that arrives later
  // no longer finds them through it. Undated stories are never dropped.
  int window_days = 7;
  // Terms of an article used to look up candidate stories (highest TF-IDF).
  // More finds more candidates at a higher cost.
  int query_terms = 30;
  // A query term posted for more stories than this (still in the window as
  // of the latest article that looked it up) finds no candidates: it
  // is common to the stream (the inverted index's stopword), and following it
  // would compare the article with most live stories. Scoring still counts it.
  size_t max_stories_per_term = 200;
  // Title words count this many times.
  int title_weight = 3;
  // A story is a candidate only when posted under at least this many of the
  // article's query terms: one shared rare word is mostly chance, and
  // scoring those stories was most of the cost (bench/link_scale_bench:
  // about 40 candidates per article). Multi-News dev, B-cubed F1 all / even
  // / odd rows: 1 with 20 query terms 0.844 / 0.881 / 0.841; 2 with 20,
  // 0.839 / 0.871 / 0.841; 2 with 30, 0.846 / 0.882 / 0.841; 2 with 40,
  // 0.844 / 0.884 / 0.841.
  int min_shared_query_terms = 2;
  // Of those, only this many stories are scored: the ones on which the
  // article's shared query terms weigh most. A cosine against a centroid
  // reads all its terms (about 1,500 on bench/analyze_bench's corpus, where
  // 22 stories per article shared two query terms), and it was half the
  // link stage's time. Scoring 4, 8 or all of them gives as many stories on
  // that corpus (24,370 at 100,000 articles) and the same Multi-News B-cubed
  // F1 (0.846 / 0.882 / 0.841); 4 instead of 8 saves a quarter of the
  // clusterer's time there.
  size_t max_scored_candidates = 4;
  // Terms found in fewer articles of the run (TermStatistics) can be shared
  // by no later article: they are neither index queries nor posted for a
  // story, and stay out of story centroids, where they would only lower
  // every cosine. The article's own vector keeps them: its distinctive
  // content still counts against a match. (Dropping them from that vector
  // too scored a little higher on Multi-News, 690 articles, but made all
  // five articles of ../shared/seeds look alike.)
  uint32_t min_document_frequency = 2;
  // Events as evidence (StoryArticle::events, lead_acts, acts): an article
  // whose lead reports acts between parties (countries, organisations) of
  // which the story reports none, while the story's leads report acts the
  // article does not, contradicts it, and does not join unless it reports
  // one of the story's events. Without dates, words shared by reports of
  // different events ("China", "Afghanistan", "Taliban") are all that tie
  // them (../shared/seeds: three undated articles on three events, cosines
  // 0.23-0.29, now three stories). Acts with a role alone ("MIL") or within
  // one country do not count: on Multi-News dev (eval/story_eval.cc), where
  // such acts are most of what is coded, counting them vetoed 13 joins of
  // articles of one event out of 18 (B-cubed F1 0.842 / 0.866 / 0.839);
  // without them no join is vetoed there (0.846 / 0.882 / 0.841, as words
  // alone).
  bool events_must_agree = true;
};

// The terms of `article` (see TermCounts), leaving out `stopwords`. Pure.
TermCounts ArticleTerms(const Article& article, const Stopwords& stopwords = Stopwords::Embedded(),
                        const StoryOptions& options = {});

// An article as the story clusterer sees it.
struct StoryArticle {
  std::string id;
  std::string title;                     // empty when none
  std::optional<std::string> published;  // "YYYY-MM-DD"
  TermCounts terms;                      // ArticleTerms()
  // What its events say (coref/coref.h), both sorted and unique: the
  // reported events its event mentions belong to (XXH3 of their ids), and
  // the acts its lead reports, as countries and CAMEO root (coref::LeadActs).
  // Empty when it has none.
  std::vector<uint64_t> events;
  std::vector<uint64_t> lead_acts;
  std::vector<uint64_t> acts;
};

// Clusters articles online, in the order they are added. An article is a
// unit vector of term weights (1 + log tf) * idf^2 over its title (counted
// StoryOptions::title_weight times) and text, leaving out stopwords, numbers
// and words under three bytes; a story's centroid is the sum of its
// articles' vectors without the terms of fewer than min_document_frequency
// articles, which are not queried either. Each article is compared only
// with the stories posted under at least min_shared_query_terms of its top
// query terms in an inverted index (terms -> stories) and that fall within
// the time window, never with all earlier articles.
// Cost: each Add() looks up every term of the article once in the
// statistics, reads query_terms posting lists of at most
// max_stories_per_term stories in the window (stories that left the window
// are pruned from a list once per list and date), and scores at most
// max_scored_candidates stories, each by a merge of two sorted vectors; so
// the time per article does not grow with the number of articles added when
// dates advance (bench/link_scale_bench: 13,565 articles/s per core at
// 100,000 articles, 11,050 at a million).
// Memory: a story whose last date is more than window_days before the
// latest article date added is closed: its label is chosen, its members'
// term vectors are freed, and its centroid (about 480 terms on
// bench/link_scale_bench's corpus) is kept at 8 bytes a term (a term number
// and a float sum) so that an undated or out-of-order article can still
// join it (it then reopens; its label stays). Open stories keep each
// member's term vector (16 bytes a distinct term) and the centroid at 16
// bytes a term. So with dates advancing, full-size memory follows the
// stories in the window; what grows with the articles is the closed
// centroids, the member ids and the posting lists (about 270 MB at 100,000
// articles, against 725 MB when every story stayed full size).
// Measured (eval/story_eval.cc, Multi-News dev, 690 articles of 250 events,
// shuffled): B-cubed F1 0.846 (P 0.895, R 0.802), pairwise F1 0.625; the
// held-out odd rows alone 0.841. Averaged over five shuffles, 0.844 on both:
// the order alone moves one shuffle's score by up to 0.02. Stemming, BM25
// term frequencies, names weighed apart and thresholds varying with story
// size or article length all moved the held-out rows by under 0.01.
// Articles that share almost no words with the rest of their row
// (web-archive notices, video-player and tweet-widget text, off-topic pages)
// cap what word-based clustering can reach near 0.95 (bench/README.md). The
// demo corpus splits 5 events into 9 stories without mixing any.
class StoryClusterer {
 public:
  // `statistics` must outlive the clusterer.
  StoryClusterer(const TermStatistics& statistics, StoryOptions options = {});
  ~StoryClusterer();
  StoryClusterer(StoryClusterer&&) noexcept;
  StoryClusterer& operator=(StoryClusterer&&) noexcept;

  // Adds an article; returns the index of the story it joined or started.
  size_t Add(const Article& article);
  size_t Add(const StoryArticle& article);

  // Puts `article` into story `story` (stories are numbered in order of
  // creation; story == the number of stories starts a new one) without
  // looking for the best story: replays what an earlier run decided, so
  // that stored membership stays stable when new articles arrive.
  // REQUIRES: story <= the number of stories so far.
  void Assign(const StoryArticle& article, size_t story);

  // The stories so far, in order of creation. The id is "s-" followed by
  // the XXH3 (hex) of the first article's id; the label is the title of the
  // article closest to the centroid (ties: earliest added), for a story that
  // has closed (see Memory above) its centroid when it first closed.
  std::vector<Story> Stories() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---------------------------------------------------------------------------
// The link stage over a growing collection

// What the link stage needs of one article, computed once (in the
// pipeline's worker threads) and stored with it, so that later runs link new
// articles against old ones without re-reading the old texts.
struct ArticleFeatures {
  Signature signature{};        // MinHash(text)
  std::vector<uint64_t> seeds;  // PassageSeeds(text)
  TermCounts terms;             // ArticleTerms(article)
  uint64_t computed_with = 0;   // FeaturesDigest() of the options used
  bool operator==(const ArticleFeatures&) const = default;
};

struct LinkOptions {
  NearDuplicateOptions near_duplicates;
  PassageOptions passages;
  StoryOptions stories;
  size_t max_articles_per_seed = 200;  // SharedTextIndex
  // The story clusterer's stopwords; null means Stopwords::Embedded(). The
  // CLI sets it from the data folder (`--data`).
  std::shared_ptr<const Stopwords> stopwords;
};

// *options.stopwords, or Stopwords::Embedded() when it is null.
const Stopwords& StopwordsOf(const LinkOptions& options);

// A digest of what in `options` the features depend on: the stopword list
// (Stopwords::digest()), PassageOptions::seed_words and
// StoryOptions::title_weight. Features stored under another digest are
// stale: a run with another `--data` stopword list computes them again.
uint64_t FeaturesDigest(const LinkOptions& options);

// The features of `article` under `options`, computed_with set to
// FeaturesDigest(options). Pure.
ArticleFeatures ComputeFeatures(const Article& article, const LinkOptions& options = {});

// Features as bytes for storage, and back. The layout (little-endian,
// versioned by its first byte) is private to this module; DecodeFeatures
// returns nullopt for bytes it did not write (or of another version), and
// the caller then computes the features again from the text, as it does
// for features whose computed_with is not FeaturesDigest() of its options.
std::string EncodeFeatures(const ArticleFeatures& features);
std::optional<ArticleFeatures> DecodeFeatures(std::string_view bytes);

// What one link stage found.
struct LinkResult {
  // Every near-duplicate group over all articles, old and new (groups are
  // recomputed whole: a new article can join two old groups).
  std::vector<NearDuplicateGroup> near_duplicates;
  // Passages of the candidate pairs with at least one new article: pairs
  // sharing a seed, and each near-duplicate with its group's label
  // (NearDuplicateIndex::Groups()); in each pair `a` is the article with the
  // smaller id.
  std::vector<Passage> passages;
  // New articles with the story each joined, in the order they were added.
  std::vector<std::pair<std::string, std::string>> joined;  // (article id, story id)
  // The stories that new articles joined or started, as they stand now.
  std::vector<Story> stories;
};

// The order in which Linker::Run() links new articles: publication date,
// unknown last, then origin, then id; stories then do not depend on how the
// input was split into runs or files. A caller preparing what new articles
// bring (their events) in the same order compares these keys.
using LinkOrderKey = std::tuple<bool, std::string_view, std::string_view, std::string_view>;
inline LinkOrderKey LinkOrder(const std::optional<std::string>& published, std::string_view origin,
                              std::string_view id) {
  return {!published.has_value(), published ? std::string_view(*published) : "", origin, id};
}

// Links new articles to each other and to the articles earlier runs linked.
// Feed it the linked articles in the order they joined their stories (their
// stories numbered by first appearance replay in that order), then the new
// ones (any order: Run() sorts them by publication date, unknown last, then
// origin, then id), then call Run() once. Near-duplicates and passage
// candidates come from all articles; stories of linked articles are replayed,
// never changed, and new articles then join them or start new ones. Not
// thread-safe. Memory: a signature, the seeds and the terms of every article
// until Run(), whose indexes are freed before the stories are clustered.
class Linker {
 public:
  explicit Linker(LinkOptions options = {});
  ~Linker();
  Linker(Linker&&) noexcept;
  Linker& operator=(Linker&&) noexcept;

  // An article linked by an earlier run, in story `story_id`.
  void AddLinked(StoryArticle article, const std::string& story_id, ArticleFeatures features);
  // An article to link; `origin` orders articles of the same date.
  void AddNew(StoryArticle article, std::string origin, ArticleFeatures features);
  size_t new_articles() const;

  // Loads an article's text, sentences and publication date for
  // FindSharedPassages; called only for articles of candidate pairs.
  using ArticleLoader = std::function<Result<Article>(const std::string& id)>;
  // Runs the stage. Returns the loader's first error.
  Result<LinkResult> Run(const ArticleLoader& load);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace storyline::link
