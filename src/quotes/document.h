// document.h: an article seen as the quote finder reads it: its words, each
// with its sentence, its lexicon id and roles, its shape and the quoted
// region it lies in. Internal to the quotes module.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "text/text.h"

namespace storyline::quotes {

// What a word looks like; several may hold.
enum Shape : uint16_t {
  kCapitalized = 1 << 0,  // starts with an ASCII capital: "Smith", "The"
  kPunctuation = 1 << 1,  // a mark or a symbol rather than a word or number
  kComma = 1 << 2,
  kColon = 1 << 3,
  kSentenceEnd = 1 << 4,  // "." "?" "!" "…"
  kOpenMark = 1 << 5,     // the mark that opens its region
  kCloseMark = 1 << 6,    // the mark that closes its region
  kOpenBracket = 1 << 7,  // "(" "["
  kCloseBracket = 1 << 8,
  kDash = 1 << 9,        // "—" "–" "―" "--" "-" ";"
  kLowercase = 1 << 10,  // starts with an ASCII lower-case letter
  kCueStart = 1 << 11,   // a lower-case cue form where a verb may stand: "said"
  kNumber = 1 << 12,     // "50", "1,200"
  kEndsInS = 1 << 13,    // ends in a single s: "states", "says"; not "press"
  kIng = 1 << 14,        // ends in -ing: "saying", "Speaking"
};

struct Word {
  ByteSpan span;
  uint32_t sentence = 0;
  int32_t id = kUnknownWord;  // lexicon id of its lower-case form
  int32_t region = -1;        // index of the region it lies in, marks included
  uint16_t shape = 0;
  uint16_t roles = 0;  // Lexicon::Roles(id)
  bool Is(uint16_t s) const { return shape & s; }
  bool Has(uint16_t role) const { return roles & role; }
  bool IsWord() const { return !Is(kPunctuation); }
};

// A half-open range of word indices.
struct WordRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
  uint32_t size() const { return end - begin; }
};

struct Document {
  std::string_view text;
  std::vector<ByteSpan> sentences;  // as given
  std::vector<Word> words;
  // sentence_words[s] is the range of sentence s's words.
  std::vector<WordRange> sentence_words;
  std::vector<QuotedRegion> regions;
  // region_words[r] is the range of region r's words, marks included.
  std::vector<WordRange> region_words;

  // Bytes from the first word of `range` to the end of its last.
  ByteSpan Bytes(WordRange range) const {
    return {words[range.begin].span.begin, words[range.end - 1].span.end};
  }
  std::string_view TextOf(WordRange range) const {
    const ByteSpan b = Bytes(range);
    return text.substr(b.begin, b.size());
  }
  // Words that are not punctuation in `range`.
  uint32_t CountWords(WordRange range) const;
};

// Whether the cue form `words[i]`, in a sentence whose first word is
// `words[first]`, may be a verb: not after a determiner ("the report"); a
// form that is mostly a noun only after a name, a pronoun, a link word, a
// form of "be" or a mark ("Smith reports", "he has noted"; not "An
// engineering report delivered ..."); and not a plural noun in -s ("from
// member states", "several states": IsPluralNoun in document.cc).
bool MayBeVerbAt(const std::vector<Word>& words, uint32_t first, uint32_t i);

// Reads the words of `sentences` of `text` (`tokens[s]`: text::Segmenter::
// WordsOf) and finds its quoted regions. REQUIRES: the spans lie within
// `text`, in order.
Document ReadDocument(std::string_view text, const std::vector<ByteSpan>& sentences,
                      const std::vector<std::vector<text::Token>>& tokens, const Lexicon& lexicon);

}  // namespace storyline::quotes
