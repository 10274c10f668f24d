// clauses.h: the shallow syntax the coder needs around a verb: where its
// clause begins, its subject, how far its objects reach, and its verb group
// (negation, modality, passive voice, infinitive). Read from the words'
// classes (rules.h) and the actor groups (sentence.h); no parse tree.
// Internal to the events module.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "events/sentence.h"

namespace storyline::events {

// Where a verb or event-noun form stands: words [begin, end).
struct VerbAt {
  uint32_t verb = 0;  // index into VerbDictionary::verbs
  uint32_t begin = 0;
  uint32_t end = 0;
};

// What opens the clause a verb stands in.
enum class Opening {
  kSentence,     // the sentence's start, ";" or ":"
  kReporting,    // "said (that)": a reported clause
  kRelative,     // "who", "which", "that": its subject is the word before
  kSubordinate,  // "after", "while", "because": a clause of its own
  kCondition,    // "if", "unless"
  kCoordinate,   // "and", "but": may share the previous clause's subject
};

struct VerbGroup {
  bool negated = false;
  bool passive = false;     // "was received (by)"
  bool infinitive = false;  // "to meet"
  int32_t governor = -1;    // the word before "to": "agreed" of "agreed to meet"
  std::string modality = "asserted";
};

class Clauses {
 public:
  // `verb_starts[i]`: a dictionary verb form begins at word i.
  Clauses(const SentenceView& sentence, std::vector<bool> verb_starts)
      : sentence_(sentence), verb_starts_(std::move(verb_starts)) {}

  // The first word of the clause of the word at `verb`, and what opens it.
  uint32_t Begin(uint32_t verb, Opening& opening) const;
  // The actor group that is the subject of the clause of `verb`, else -1:
  // the first group of the clause before the verb that no preposition
  // governs; a relative clause's antecedent; the previous clause's subject
  // for a coordinate or subordinate clause without its own.
  int32_t Subject(uint32_t verb) const;
  // The word after the last one a verb ending at `verb_end`, in a clause
  // opened by `opening`, may take as an object or pattern word: the
  // sentence's end, ";", a clause coordinated with its own verb or subject,
  // a contrastive subordinate clause, or the comma that closes the verb's
  // own relative or subordinate clause.
  uint32_t Reach(uint32_t verb_end, Opening opening) const;
  // The first actor group starting in [from, limit) other than `skip`, else -1.
  int32_t GroupAfter(uint32_t from, uint32_t limit, int32_t skip) const;
  // The group after "by" in [from, limit) (a passive's agent), else -1.
  int32_t ByAgent(uint32_t from, uint32_t limit) const;
  // The verb group of the form that starts at word `begin`.
  VerbGroup Group(uint32_t begin, uint32_t clause_begin, Opening opening) const;

 private:
  const SentenceView& sentence_;
  std::vector<bool> verb_starts_;
};

}  // namespace storyline::events
