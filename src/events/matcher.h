// matcher.h: matching a verb's patterns, synonym sets and discard phrases
// against the words of a sentence. Internal to the events module.
//
// Elements match in text order. An element marked adjacent must start where
// the previous one ended; any other may start further on, skipping words,
// but never beyond the limit the coder gives (the end of the verb's reach).
// A match tries at most kMaxSteps placements, so that no pattern and no
// sentence, however long, takes more than a bounded time.
// Slots ($ + %) match an actor group (sentence.h) starting there. The first
// alternative that lets the rest match wins, so a pattern's slots take the
// nearest actors that fit.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "events/sentence.h"
#include "events/verbs.h"

namespace storyline::events {

// The groups a pattern's slots took; -1 when the pattern has no such slot.
struct Slots {
  int32_t source = -1;
  int32_t target = -1;
  int32_t both = -1;  // `%`: a compound actor that is source and target
};

class Matcher {
 public:
  Matcher(const SentenceView& sentence, const std::vector<Synset>& synsets)
      : sentence_(sentence), synsets_(synsets) {}

  // Matches pattern.before within words [begin, verb_begin) (ending at
  // verb_begin when the pattern says the verb is adjacent) and
  // pattern.after from verb_end on, within words [verb_end, limit).
  bool Match(const Pattern& pattern, uint32_t begin, uint32_t verb_begin, uint32_t verb_end,
             uint32_t limit, Slots& slots) const;

  // True when `phrase` matches somewhere in words [0, size).
  bool Contains(std::span<const Element> phrase) const;

 private:
  enum class Start { kExact, kAnywhere, kOwn };
  template <typename Continue>
  bool Sequence(std::span<const Element> elements, uint32_t pos, uint32_t limit, Start start,
                Slots& slots, const Continue& then) const;
  template <typename Continue>
  bool One(const Element& element, uint32_t pos, uint32_t limit, Slots& slots,
           const Continue& then) const;

  const SentenceView& sentence_;
  const std::vector<Synset>& synsets_;
  // Elements tried so far in the current Match or Contains: a pattern with
  // many gaps on a long sentence backtracks over n^k placements, so past
  // kMaxSteps it counts as not matching.
  mutable uint32_t steps_ = 0;
};

// How many element placements one match may try.
inline constexpr uint32_t kMaxSteps = 20000;

// One of 64 bits standing for a word: a sentence's bits (SentenceView::
// word_bits) are those of its words, a pattern's those of the words it
// cannot match without, so a pattern whose bits the sentence lacks is not
// tried (most patterns of a large dictionary, for most sentences).
inline uint64_t WordBit(std::string_view word) {
  return uint64_t{1} << (std::hash<std::string_view>{}(word)&63);
}

// The bits of the words `pattern` needs: its whole words that are neither
// optional nor inside a choice.
uint64_t RequiredBits(const Pattern& pattern);

// True when `word` (normalised) matches the dictionary word.
inline bool WordMatches(const Word& word, const std::string& token) {
  return word.stem ? token.starts_with(word.text) : token == word.text;
}

}  // namespace storyline::events
