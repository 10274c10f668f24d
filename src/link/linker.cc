// The link stage over a growing collection: per-article features and their
// storage format, and the Linker that joins new articles to old ones.
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "link/link.h"

namespace storyline::link {
namespace {

// First byte of EncodeFeatures' output; bump it when the layout or the way
// a feature is computed changes, so stored features are computed again
// (2: one-permutation MinHash, stopwords from data/link/stopwords.en.txt;
// 3: FeaturesDigest() of the options after the version byte).
constexpr uint8_t kFeaturesVersion = 3;

template <typename T>
void Append(std::string& out, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

// Reads values from the front of a byte string; fails once past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Read(T& value) {
    if (bytes_.size() < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data(), sizeof(T));
    bytes_.remove_prefix(sizeof(T));
    return true;
  }
  size_t left() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

// Pending articles are linked in LinkOrder().
bool CanonicalOrder(const std::tuple<StoryArticle*, const std::string*>& x,
                    const std::tuple<StoryArticle*, const std::string*>& y) {
  const auto key = [](const auto& t) {
    const StoryArticle& a = *std::get<0>(t);
    return LinkOrder(a.published, *std::get<1>(t), a.id);
  };
  return key(x) < key(y);
}

}  // namespace

const Stopwords& StopwordsOf(const LinkOptions& options) {
  return options.stopwords != nullptr ? *options.stopwords : Stopwords::Embedded();
}

uint64_t FeaturesDigest(const LinkOptions& options) {
  const std::array<uint64_t, 3> inputs = {StopwordsOf(options).digest(),
                                          static_cast<uint64_t>(options.passages.seed_words),
                                          static_cast<uint64_t>(options.stories.title_weight)};
  return XXH3_64bits(inputs.data(), sizeof(inputs));
}

ArticleFeatures ComputeFeatures(const Article& article, const LinkOptions& options) {
  return {MinHash(article.text), PassageSeeds(article.text, options.passages),
          ArticleTerms(article, StopwordsOf(options), options.stories), FeaturesDigest(options)};
}

std::string EncodeFeatures(const ArticleFeatures& features) {
  std::string out;
  out.reserve(1 + 16 + sizeof(Signature) + 8 * features.seeds.size() + 12 * features.terms.size());
  Append(out, kFeaturesVersion);
  Append(out, features.computed_with);
  Append(out, static_cast<uint32_t>(features.seeds.size()));
  Append(out, static_cast<uint32_t>(features.terms.size()));
  for (uint32_t value : features.signature) Append(out, value);
  for (uint64_t seed : features.seeds) Append(out, seed);
  for (const auto& [term, count] : features.terms) {
    Append(out, term);
    Append(out, count);
  }
  return out;
}

std::optional<ArticleFeatures> DecodeFeatures(std::string_view bytes) {
  Reader reader(bytes);
  uint8_t version = 0;
  uint64_t computed_with = 0;
  uint32_t seeds = 0, terms = 0;
  if (!reader.Read(version) || version != kFeaturesVersion || !reader.Read(computed_with) ||
      !reader.Read(seeds) || !reader.Read(terms)) {
    return std::nullopt;
  }
  const size_t expected = sizeof(Signature) + 8ull * seeds + 12ull * terms;
  if (reader.left() != expected) return std::nullopt;
  ArticleFeatures features;
  features.computed_with = computed_with;
  for (uint32_t& value : features.signature) reader.Read(value);
  features.seeds.resize(seeds);
  for (uint64_t& seed : features.seeds) reader.Read(seed);
  features.terms.resize(terms);
  for (auto& [term, count] : features.terms) reader.Read(term), reader.Read(count);
  return features;
}

struct Linker::State {
  LinkOptions options;
  NearDuplicateIndex near_duplicates;
  SharedTextIndex shared_text;
  TermStatistics statistics;
  std::vector<bool> is_new;  // by index in the indexes above
  // Linked articles in replay order, with their story's number.
  std::vector<std::pair<StoryArticle, size_t>> linked;
  std::unordered_map<std::string, size_t> story_number;     // stored story id -> number
  std::vector<std::pair<StoryArticle, std::string>> fresh;  // new articles and their origin

  void Index(const std::string& id, const ArticleFeatures& features, bool fresh_article) {
    near_duplicates.Add(id, features.signature);
    shared_text.Add(id, features.seeds);
    statistics.Add(features.terms);
    is_new.push_back(fresh_article);
  }

  // `label_pairs` from NearDuplicateIndex::Groups(): the near-duplicate and
  // seed indexes number articles alike (Index()).
  Result<std::vector<Passage>> Passages(
      const ArticleLoader& load, const std::vector<std::pair<size_t, size_t>>& label_pairs) const {
    std::vector<std::pair<size_t, size_t>> pairs = shared_text.CandidatePairs();
    const size_t seed_pairs = pairs.size();
    pairs.insert(pairs.end(), label_pairs.begin(), label_pairs.end());
    std::inplace_merge(pairs.begin(), pairs.begin() + seed_pairs, pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::erase_if(pairs,
                  [&](const auto& pair) { return !is_new[pair.first] && !is_new[pair.second]; });
    // Pairs are sorted by their first article: it is loaded once for all
    // its pairs; the second is loaded for its pair and dropped after it, so
    // at most two texts are in memory.
    std::vector<Passage> passages;
    std::optional<Article> first;
    for (const auto& [x, y] : pairs) {
      if (!first || first->id != shared_text.id(x)) {
        SL_ASSIGN_OR_RETURN(first, load(shared_text.id(x)));
      }
      SL_ASSIGN_OR_RETURN(const Article second, load(shared_text.id(y)));
      const bool first_is_a = first->id < second.id;
      for (Passage& passage : FindSharedPassages(first_is_a ? *first : second,
                                                 first_is_a ? second : *first, options.passages)) {
        passages.push_back(std::move(passage));
      }
    }
    return passages;
  }
};

Linker::Linker(LinkOptions options)
    : state_(new State{options,
                       NearDuplicateIndex(options.near_duplicates),
                       SharedTextIndex(options.max_articles_per_seed),
                       TermStatistics(StopwordsOf(options)),
                       {},
                       {},
                       {},
                       {}}) {}
Linker::~Linker() = default;
Linker::Linker(Linker&&) noexcept = default;
Linker& Linker::operator=(Linker&&) noexcept = default;

void Linker::AddLinked(StoryArticle article, const std::string& story_id,
                       ArticleFeatures features) {
  State& st = *state_;
  st.Index(article.id, features, false);
  const size_t number = st.story_number.emplace(story_id, st.story_number.size()).first->second;
  article.terms = std::move(features.terms);
  st.linked.emplace_back(std::move(article), number);
}

void Linker::AddNew(StoryArticle article, std::string origin, ArticleFeatures features) {
  State& st = *state_;
  st.Index(article.id, features, true);
  article.terms = std::move(features.terms);
  st.fresh.emplace_back(std::move(article), std::move(origin));
}

size_t Linker::new_articles() const { return state_->fresh.size(); }

Result<LinkResult> Linker::Run(const ArticleLoader& load) {
  State& st = *state_;
  LinkResult result;
  std::vector<std::pair<size_t, size_t>> label_pairs;
  result.near_duplicates = st.near_duplicates.Groups(&label_pairs);
  SL_ASSIGN_OR_RETURN(result.passages, st.Passages(load, label_pairs));
  // Each step's memory goes before the next step takes its own.
  st.near_duplicates = NearDuplicateIndex(st.options.near_duplicates);
  st.shared_text = SharedTextIndex(st.options.max_articles_per_seed);

  StoryClusterer clusterer(st.statistics, st.options.stories);
  for (auto& [article, story] : st.linked) {
    clusterer.Assign(article, story);
    article.terms = {};
  }
  std::vector<std::tuple<StoryArticle*, const std::string*>> order;
  for (auto& [article, origin] : st.fresh) order.emplace_back(&article, &origin);
  std::sort(order.begin(), order.end(), CanonicalOrder);
  std::vector<std::pair<std::string, size_t>> joined;
  for (const auto& [article, origin] : order) {
    joined.emplace_back(article->id, clusterer.Add(*article));
    article->terms = {};
  }
  std::vector<Story> stories = clusterer.Stories();
  std::vector<bool> touched(stories.size(), false);
  for (const auto& [id, story] : joined) {
    result.joined.emplace_back(id, stories[story].id);
    touched[story] = true;
  }
  for (size_t i = 0; i < stories.size(); ++i) {
    if (touched[i]) result.stories.push_back(std::move(stories[i]));
  }
  return result;
}

}  // namespace storyline::link
