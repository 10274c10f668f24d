// verbs.h: the in-memory form every verb dictionary is read into, ours
// (data/events/verbs.en.txt, docs/formats/verbs.md) and users' (TABARI
// .verbs, PETRARCH/Phoenix CAMEO.2.0.txt), and the discard lists (TABARI,
// Phoenix). Internal to the events module: other modules use events/events.h.
//
// Each loader turns one file into a VerbDictionary; the coder (coder.cc)
// indexes it and matches its patterns against the words of a sentence.
//
// Words are stored as NormalizeWord (actors/actors.h) gives them: lower
// case, typographic apostrophes as ASCII, one word per element (TABARI's
// "DIPLOMATIC_TIES" is two words that must be adjacent).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::events {

// One word of a phrase.
struct Word {
  std::string text;  // normalised: "ties", "n't", "'s"
  // True when it matches any word it begins ("negotiat" matching
  // "negotiations"): TABARI's words without a trailing underscore. False
  // when the word must match whole.
  bool stem = false;
  bool operator==(const Word&) const = default;
};

// One element of a pattern, matched against the words of a sentence.
struct Element {
  enum class Kind {
    kWord,    // `word`: one word
    kSynset,  // `&NAME`: any phrase of the synonym set `synset`
    kSource,  // `$`: the source actor stands here
    kTarget,  // `+`: the target actor stands here
    kVerb,    // `*`: the verb itself (only in VerbDictionary phrases that
              // are split into Pattern::before and Pattern::after)
    kChoice,  // `{ a b | c }` (TABARI) or a Phoenix `{...}`/`(...)` group:
              // one of `choices`, each a sequence of elements
    kAny,     // `%` (TABARI): a compound actor stands here, source and target at once
  };
  Kind kind = Kind::kWord;
  Word word;                                  // kWord
  uint32_t synset = 0;                        // kSynset: index into VerbDictionary::synsets
  std::vector<std::vector<Element>> choices;  // kChoice
  // True when it must directly follow the previous element (TABARI's `_`
  // between words); false when other words may stand between (TABARI's
  // space), up to the clause's end.
  bool adjacent = false;
  // True when the sentence may lack it (our `word?`).
  bool optional = false;
  bool operator==(const Element&) const = default;
};

// A synonym set: `&CURRENCY` -> "dollar", "euros", "swiss franc".
struct Synset {
  std::string name;  // with its '&': "&CURRENCY"
  std::vector<std::vector<Element>> phrases;
  std::string source;  // "file:line" of its name
};

// A pattern of a verb: the words around the verb that select a code.
struct Pattern {
  std::vector<Element> before;  // elements before the verb, in text order
  std::vector<Element> after;   // elements after the verb, in text order
  // True when the verb must directly follow the last element of `before`
  // (TABARI's "IN_*"); the adjacency of the first element of `after` to the
  // verb is that element's own `adjacent`.
  bool verb_adjacent = false;
  // The CAMEO code ("064", "1041"); empty for a null code (TABARI `[---]`,
  // our `-`): a sentence matching the pattern yields no event from this
  // verb (a negative pattern).
  std::string code;
  // The code of the paired event, target to source, when the pattern codes
  // one (PETRARCH `[042:043]`, TABARI's paired codes, our `042:043`):
  // "visited" gives the visitor's 042 and the host's 043. Empty: none.
  std::string paired_code;
  std::string source;  // "file:line"
};

// A verb, or an event noun: its forms, its own code and its patterns.
struct Verb {
  // Every form that stands for it in a sentence, each one or more words:
  // {"meet"}, {"met"}, {"meeting"}, {"set", "up"}. A form may be a stem.
  std::vector<std::vector<Word>> forms;
  // The code when no pattern matches (empty: none, the verb codes only
  // through its patterns), and its pair (see Pattern::paired_code).
  std::string code;
  std::string paired_code;
  // True for event nouns ("talks", "visit"): they code nominal events
  // ("talks between X and Y") and are not read as verbs of a clause.
  bool noun = false;
  // Patterns, most specific first: the first that matches wins.
  std::vector<Pattern> patterns;
  std::string source;  // "file:line" of its first form
};

// A discard phrase: a sentence (or, with `story`, a whole article) that
// contains it codes no event ("world cup", "box office").
struct Discard {
  std::vector<Element> phrase;
  bool story = false;
  std::string source;
};

struct VerbDictionary {
  std::vector<Synset> synsets;
  std::vector<Verb> verbs;
  std::vector<Discard> discards;
  // True for PETRARCH/Phoenix dictionaries: written for a coder that reads
  // a parse, where a verb form used as a noun never reaches the patterns;
  // the coder then reads a form after any determiner or a preposition as a
  // noun, as it does with ours (TABARI's only after an article).
  bool written_for_parser = false;
};

// Readers, one per format. `name` is how provenance names the file
// ("events/verbs.en.txt" for ours, the path as given for a user's).
// Errors: InvalidArgument "name:line: message" for a malformed line.
Result<VerbDictionary> ReadOurVerbs(std::string_view name, std::string_view text);
Result<VerbDictionary> ReadTabariVerbs(std::string_view name, std::string_view text);
Result<VerbDictionary> ReadPhoenixVerbs(std::string_view name, std::string_view text);
// TABARI and Phoenix discard lists (one phrase a line, '+' for story level).
Result<std::vector<Discard>> ReadDiscards(std::string_view name, std::string_view text);
// Reads `path` in whichever verb format its content shows (a Phoenix file
// has "---  VERB   [---]" block headers, a TABARI file "<SYNSETS>" or
// "VERB [code]" lines at the left margin).
Result<VerbDictionary> ReadVerbFile(const std::string& path);

}  // namespace storyline::events
