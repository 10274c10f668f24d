#include "brief/copies.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_map>

#include "brief/story.h"
#include "brief/union_find.h"
#include "brief/words.h"

namespace storyline::brief {
namespace {

// Two sentences a passage holds are the same sentence when they share this
// share of their words: a passage can start or end inside a sentence, and
// copies are often lightly edited.
constexpr double kCopyJaccard = 0.5;
// A sentence takes part in a passage when this share of its bytes is in it.
constexpr double kInPassage = 0.5;
// Sentences with fewer content words are not grouped by their words alone
// ("He said." would join everything).
constexpr size_t kMinWordsForSameWords = 3;

bool MostlyInside(ByteSpan sentence, ByteSpan passage) {
  const uint32_t begin = std::max(sentence.begin, passage.begin);
  const uint32_t end = std::min(sentence.end, passage.end);
  return end > begin && (end - begin) >= kInPassage * sentence.size();
}

}  // namespace

StorySentences::StorySentences(const StoryInput& input, const link::Stopwords& stopwords) {
  for (uint32_t a = 0; a < input.articles.size(); ++a) {
    const Article& article = *input.articles[a];
    first_of_article_.push_back(static_cast<uint32_t>(sentences_.size()));
    for (uint32_t s = 0; s < article.sentences.size(); ++s) {
      StorySentence& sentence = sentences_.emplace_back();
      sentence.article = a;
      sentence.sentence = s;
      sentence.span = article.sentences[s];
      sentence.words = ContentWords(article.text, sentence.span, stopwords);
      sentence.set = sentence.words;
      std::sort(sentence.set.begin(), sentence.set.end());
      sentence.set.erase(std::unique(sentence.set.begin(), sentence.set.end()), sentence.set.end());
      sentence.word_count = CountWords(SentenceText(article, s));
    }
  }
  GroupCopies(input);
}

void StorySentences::GroupCopies(const StoryInput& input) {
  UnionFind copies(sentences_.size());
  auto sentences_in = [&](size_t article, ByteSpan passage) {
    std::vector<uint32_t> inside;
    const std::vector<ByteSpan>& spans = input.articles[article]->sentences;
    for (uint32_t s = 0; s < spans.size(); ++s) {
      if (MostlyInside(spans[s], passage)) inside.push_back(IndexOf(article, s));
    }
    return inside;
  };
  for (const StoryPassage& shared : StoryPassages(input)) {
    const std::vector<uint32_t> in_a = sentences_in(shared.a, shared.passage->a.span);
    for (uint32_t s : sentences_in(shared.b, shared.passage->b.span)) {
      uint32_t best = 0;
      double best_jaccard = 0;
      for (uint32_t t : in_a) {
        const double jaccard = Jaccard(sentences_[s].set, sentences_[t].set);
        if (jaccard > best_jaccard) best = t, best_jaccard = jaccard;
      }
      if (best_jaccard >= kCopyJaccard) copies.Join(s, best);
    }
  }
  std::unordered_map<uint64_t, uint32_t> first_with_words;
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    const std::vector<uint64_t>& set = sentences_[s].set;
    if (set.size() < kMinWordsForSameWords) continue;
    const uint64_t key = XXH3_64bits(set.data(), set.size() * sizeof(uint64_t));
    const auto [it, inserted] = first_with_words.emplace(key, s);
    if (!inserted) copies.Join(s, it->second);
  }
  for (const std::vector<size_t>& members : copies.Groups()) {
    std::vector<uint32_t>& group = groups_.emplace_back();
    for (size_t s : members) {
      sentences_[s].group = static_cast<uint32_t>(groups_.size() - 1);
      group.push_back(static_cast<uint32_t>(s));
    }
  }
}

SourceRef SourceOf(const StoryInput& input, const StorySentence& sentence) {
  const Article& article = *input.articles[sentence.article];
  return {article.id, article.outlet, sentence.sentence, sentence.span};
}

}  // namespace storyline::brief
