// lexicon.h: the speech cues and the words around them, loaded from
// data/quotes/cues.en.tsv (docs/formats/quotes.md). Internal to the quotes
// module; quotes/quotes.h documents the contract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace storyline::quotes {

// What a cue phrase asks of the words around it.
enum class CueKind : uint8_t {
  kVerb,         // "X said (that) ...", "..., X said.", "“...,” said X."
  kObjectVerb,   // "X told reporters (that) ...": a hearer before the content
  kSourceAfter,  // "according to X, ...": the source follows the cue
  kQuoteVerb,    // "called the plan “reckless”": a cue only before a quote
};

// Roles a single word can play; a word may have several.
enum WordRole : uint16_t {
  kLink = 1 << 0,           // may stand between a speaker and its cue
  kLeftBoundary = 1 << 1,   // ends a speaker phrase read leftwards
  kRightBoundary = 1 << 2,  // ends a speaker phrase read rightwards
  kRelative = 1 << 3,       // "who": the speaker when right before the cue
  kPersonPronoun = 1 << 4,  // "he", "she"
  kGroupPronoun = 1 << 5,   // "they", "it"
  kDeterminer = 1 << 6,     // "the": the next word is a noun, not a cue
  kBe = 1 << 7,             // "was": before a cue, a passive ("was expected")
  kPreposition = 1 << 8,    // "in", "despite": no speaker phrase starts with one
  kNounForm = 1 << 9,       // "report", "question": a cue form that is mostly a noun
  kQuantifier = 1 << 10,    // "several", "two": a cue form in -s after one is a plural noun
  kDocument = 1 << 11,      // "statement": a text that reports what someone said
};

inline constexpr int32_t kUnknownWord = -1;

struct CuePhrase {
  std::vector<int32_t> words;  // word ids, in order; at least one
  CueKind kind = CueKind::kVerb;
};

// A link phrase of several words ("has been") is a sequence the speaker
// search skips as a whole.
struct LinkPhrase {
  std::vector<int32_t> words;
};

class Lexicon {
 public:
  // Parses the file's contents; `name` prefixes error messages
  // ("quotes/cues.en.tsv:7: unknown kind 'verbb'").
  static Result<Lexicon> Parse(std::string_view contents, std::string_view name);

  // The id of a lower-case word, or kUnknownWord.
  int32_t WordId(std::string_view lower) const;
  uint16_t Roles(int32_t word) const { return word < 0 ? 0 : roles_[word]; }
  // The cue phrases that start with `word`, longest first.
  const std::vector<CuePhrase>& CuesStartingWith(int32_t word) const;
  // The multi-word link phrases that end with `word`, longest first.
  const std::vector<LinkPhrase>& LinksEndingWith(int32_t word) const;

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  int32_t Intern(std::string_view lower);

  std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> ids_;
  std::vector<uint16_t> roles_;                      // by word id
  std::vector<std::vector<CuePhrase>> cues_;         // by first word id
  std::vector<std::vector<LinkPhrase>> long_links_;  // by last word id
};

}  // namespace storyline::quotes
