// copies.h (internal to brief): every sentence of a story with its content
// words, grouped with its copies in other articles, so that a syndicated
// sentence counts once. Two sentences are copies when a shared passage holds
// both and they share most of their words, or when their content words are
// the same.
#pragma once

#include <cstdint>
#include <vector>

#include "brief/brief.h"

namespace storyline::brief {

struct StorySentence {
  uint32_t article = 0;   // index into StoryInput::articles
  uint32_t sentence = 0;  // index into that article's sentences
  ByteSpan span;
  std::vector<uint64_t> words;  // content words in text order (ContentWords)
  std::vector<uint64_t> set;    // the same, sorted, unique
  uint32_t word_count = 0;      // all words, stopwords included
  uint32_t group = 0;           // index into StorySentences::groups()
};

class StorySentences {
 public:
  StorySentences(const StoryInput& input, const link::Stopwords& stopwords);

  // By article (input order), then position.
  const std::vector<StorySentence>& sentences() const { return sentences_; }
  // Each group's members (indices into sentences()), in reading order: the
  // first member is the sentence as first given.
  const std::vector<std::vector<uint32_t>>& groups() const { return groups_; }
  // The index in sentences() of an article's sentence.
  uint32_t IndexOf(size_t article, uint32_t sentence) const {
    return first_of_article_[article] + sentence;
  }

 private:
  void GroupCopies(const StoryInput& input);
  std::vector<StorySentence> sentences_;
  std::vector<uint32_t> first_of_article_;
  std::vector<std::vector<uint32_t>> groups_;
};

// MakeSummary and MakeTimeline over sentences already grouped, so that a
// digest groups them once.
Summary MakeSummary(const StoryInput& input, const StorySentences& story, const Options& options);
std::vector<TimelineItem> MakeTimeline(const StoryInput& input, const StorySentences& story);

// A SourceRef for a story sentence.
SourceRef SourceOf(const StoryInput& input, const StorySentence& sentence);

}  // namespace storyline::brief
