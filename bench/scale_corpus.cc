#include "scale_corpus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/calendar.h"

namespace storyline::bench {
namespace {

constexpr size_t kArticlesPerDay = 1400;
constexpr uint32_t kStoryActiveDays = 3;
constexpr double kNewStoryShare = 0.35;
constexpr double kNearDuplicateShare = 0.15;  // of articles joining a story
constexpr double kQuoteShare = 0.05;          // likewise
constexpr size_t kLexiconWords = 30000;
constexpr size_t kTargetBytes = 2900;
constexpr double kStoryWordShare = 0.22;  // of the words of a body sentence

// Frequent English words lead the lexicon, so that Zipf sampling makes them
// the commonest, as in real text.
constexpr std::array<std::string_view, 40> kFunctionWords = {
    "the",  "of",    "and",   "to",  "a",     "in",   "that", "is",    "was", "for",
    "on",   "with",  "as",    "by",  "at",    "it",   "from", "he",    "she", "they",
    "said", "has",   "have",  "had", "be",    "were", "are",  "not",   "but", "an",
    "this", "which", "after", "its", "their", "been", "will", "would", "who", "more"};
constexpr std::array<std::string_view, 16> kOnsets = {"b", "d", "f", "g", "k", "l", "m",  "n",
                                                      "p", "r", "s", "t", "v", "z", "br", "st"};
constexpr std::array<std::string_view, 6> kVowels = {"a", "e", "i", "o", "u", "ai"};
constexpr std::array<std::string_view, 5> kCodas = {"", "", "n", "r", "l"};

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// splitmix64, seeded from the corpus seed, an article or story and a purpose.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t item, uint64_t purpose)
      : state_(Mix(seed * 0x9E3779B97F4A7C15ull ^ Mix(item * 4 + purpose))) {}
  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ull); }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

std::string PseudoWord(Rng& rng, int syllables) {
  std::string word;
  for (int s = 0; s < syllables; ++s) {
    word += kOnsets[rng.Below(kOnsets.size())];
    word += kVowels[rng.Below(kVowels.size())];
    word += kCodas[rng.Below(kCodas.size())];
  }
  return word;
}

std::string Capitalised(std::string word) {
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// The names and terms of a story, a pure function of its id.
struct StoryVocabulary {
  std::vector<std::string> words;
  StoryVocabulary(uint64_t seed, uint32_t story) {
    Rng rng(seed, story, 3);
    for (int i = 0; i < 5; ++i) words.push_back(Capitalised(PseudoWord(rng, 2 + i % 2)));
    for (int i = 0; i < 9; ++i) words.push_back(PseudoWord(rng, 3));
  }
};

// ISO 8601 date of day `day` after 2024-01-01.
std::string IsoDate(uint32_t day) { return CivilFromDays(DaysFromCivil({2024, 1, 1}) + day).Iso(); }

}  // namespace

struct ScaleCorpus::Paragraphs {
  std::string title;
  std::vector<std::vector<std::string>> sentences;  // per paragraph
};

ScaleCorpus::ScaleCorpus(size_t articles, uint64_t seed) : seed_(seed) {
  lexicon_.assign(kFunctionWords.begin(), kFunctionWords.end());
  std::unordered_set<std::string> seen(lexicon_.begin(), lexicon_.end());
  Rng words(seed, 0, 0);
  while (lexicon_.size() < kLexiconWords) {
    std::string w = PseudoWord(words, 1 + static_cast<int>(words.Below(3)));
    if (seen.insert(w).second) lexicon_.push_back(std::move(w));
  }
  double total = 0;
  for (size_t rank = 1; rank <= lexicon_.size(); ++rank) {
    total += 1.0 / static_cast<double>(rank);
    zipf_cdf_.push_back(total);
  }
  for (double& c : zipf_cdf_) c /= total;

  // Stories start and gather articles in arrival order; an article joins a
  // story started in the last few days, and may rework or quote one of its
  // earlier articles.
  plans_.resize(articles);
  std::deque<std::pair<uint32_t, uint32_t>> active;  // (story, first day)
  std::unordered_map<uint32_t, std::vector<uint32_t>> members;
  uint32_t stories = 0;
  Rng rng(seed, 0, 1);
  for (size_t i = 0; i < articles; ++i) {
    Plan& plan = plans_[i];
    plan.day = static_cast<uint32_t>(i / kArticlesPerDay);
    while (!active.empty() && active.front().second + kStoryActiveDays < plan.day) {
      members.erase(active.front().first);
      active.pop_front();
    }
    if (active.empty() || rng.Unit() < kNewStoryShare) {
      plan.story = stories++;
      active.emplace_back(plan.story, plan.day);
    } else {
      plan.story = active[rng.Below(active.size())].first;
      const std::vector<uint32_t>& earlier = members[plan.story];
      const uint32_t other = earlier[rng.Below(earlier.size())];
      const double u = rng.Unit();
      if (u < kNearDuplicateShare && plans_[other].near_duplicate_of == kNone) {
        plan.near_duplicate_of = other;
        // Rewriting a share f of the sentences leaves a shingle Jaccard of
        // about (1 - f) / (1 + f); aim at 0.45 to 0.95.
        const double jaccard = 0.45 + 0.5 * rng.Unit();
        plan.rewritten = static_cast<float>((1 - jaccard) / (1 + jaccard));
      } else if (u < kNearDuplicateShare + kQuoteShare) {
        plan.quotes = other;
      }
    }
    members[plan.story].push_back(static_cast<uint32_t>(i));
  }
}

ScaleCorpus::Paragraphs ScaleCorpus::Original(size_t index) const {
  const StoryVocabulary story(seed_, plans_[index].story);
  Rng rng(seed_, index, 2);
  auto general = [&] {
    const auto it = std::lower_bound(zipf_cdf_.begin(), zipf_cdf_.end(), rng.Unit());
    return lexicon_[std::min<size_t>(it - zipf_cdf_.begin(), lexicon_.size() - 1)];
  };
  auto sentence = [&](double story_share, size_t words) {
    std::string s;
    for (size_t w = 0; w < words; ++w) {
      if (w > 0) s += (w % 9 == 0 && rng.Below(3) == 0) ? ", " : " ";
      const bool from_story = rng.Unit() < story_share;
      s += from_story ? story.words[rng.Below(story.words.size())] : general();
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  };
  Paragraphs p;
  p.title = sentence(0.6, 6 + rng.Below(4));
  size_t bytes = p.title.size();
  while (bytes < kTargetBytes) {
    p.sentences.emplace_back();
    const size_t count = 2 + rng.Below(3);
    for (size_t k = 0; k < count; ++k) {
      p.sentences.back().push_back(sentence(kStoryWordShare, 12 + rng.Below(13)) + ".");
      bytes += p.sentences.back().back().size() + 1;
    }
  }
  return p;
}

ScaleCorpus::Paragraphs ScaleCorpus::Body(size_t index) const {
  const Plan& plan = plans_[index];
  if (plan.near_duplicate_of == kNone && plan.quotes == kNone) return Original(index);
  Paragraphs own = Original(index);
  Rng rng(seed_, index, 3);
  if (plan.near_duplicate_of != kNone) {
    Paragraphs copy = Original(plan.near_duplicate_of);
    // Rewritten sentences come from this article's own text, in order.
    std::vector<std::string> fresh;
    for (auto& paragraph : own.sentences) {
      for (auto& s : paragraph) fresh.push_back(std::move(s));
    }
    size_t next = 0;
    for (auto& paragraph : copy.sentences) {
      for (auto& s : paragraph) {
        if (rng.Unit() < plan.rewritten) s = fresh[next++ % fresh.size()];
      }
    }
    if (rng.Below(2) == 0) copy.title = own.title;
    return copy;
  }
  const Paragraphs quoted = Original(plan.quotes);
  own.sentences[rng.Below(own.sentences.size())] =
      quoted.sentences[rng.Below(quoted.sentences.size())];
  return own;
}

Article ScaleCorpus::Generate(size_t index) const {
  const Paragraphs body = Body(index);
  Article article;
  char id[16];
  std::snprintf(id, sizeof(id), "%08zu", index);
  article.id = id;
  article.title = body.title;
  article.published.value = IsoDate(plans_[index].day);
  article.published.how = DateHow::kExplicit;
  for (const auto& paragraph : body.sentences) {
    if (!article.text.empty()) article.text += '\n';
    for (size_t k = 0; k < paragraph.size(); ++k) {
      if (k > 0) article.text += ' ';
      const auto begin = static_cast<uint32_t>(article.text.size());
      article.text += paragraph[k];
      article.sentences.push_back({begin, static_cast<uint32_t>(article.text.size())});
    }
  }
  return article;
}

}  // namespace storyline::bench
