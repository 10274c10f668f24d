// sentence.h: one sentence as the coder reads it: its words normalised and
// classed (rules.h), and the actors it names, single or compound. Internal
// to the events module.
//
// Actors come from two places: the mentions of the article's entities that
// have an actor code (the entity stage resolved them, pronoun speakers
// included), then, over the words no mention covers, the names and role
// nouns of the actor dictionaries ("Gondor's Prime Minister" -> GON + GOV),
// which is how a user's TABARI or Phoenix dictionary reaches names the
// entity tagger does not know. A possessive or title before its head
// ("China's foreign minister Wang Yi", "NATO Secretary General Jens
// Stoltenberg") is one actor, the head's. Actors joined by "and", "or" or a
// list "A, B and C" form one group: a compound actor.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "core/article.h"
#include "core/calendar.h"
#include "events/rules.h"
#include "text/text.h"

namespace storyline::events {

// One actor named in the sentence: words [begin, end).
struct ActorSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string code;
  std::optional<uint32_t> entity;  // Entity::id, when an entity's mention
  bool pronoun = false;
};

// Actors joined into one phrase: words [begin, end), members in order.
struct ActorGroup {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<uint32_t> members;  // indices into SentenceView::actors
};

// A place named after "in", "at", "near": words [begin, end).
struct PlaceSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::optional<std::string> country;
};

struct SentenceView {
  uint32_t index = 0;  // into Article::sentences
  std::span<const text::Token> tokens;
  std::vector<std::string> words;  // NormalizeWord of each token
  std::vector<uint32_t> classes;   // Rules::Classes of each word
  std::vector<bool> capitalised;   // first letter upper case
  uint64_t word_bits = 0;          // WordBit (matcher.h) of every word
  std::vector<ActorSpan> actors;   // by position
  std::vector<ActorGroup> groups;  // by position
  std::vector<int32_t> group_at;   // group starting at word i, else -1
  std::vector<int32_t> group_of;   // group covering word i, else -1
  std::vector<PlaceSpan> places;

  uint32_t size() const { return static_cast<uint32_t>(words.size()); }
  bool Is(uint32_t word, uint32_t word_class) const { return (classes[word] & word_class) != 0; }
  bool IsPunctuation(uint32_t word, std::string_view marks) const;
  ByteSpan Span(uint32_t begin, uint32_t end) const {
    return {tokens[begin].span.begin, tokens[end - 1].span.end};
  }
};

// The actor a pronoun at the start of a sentence stands for: the previous
// sentence's subject (its first actor), carried from one sentence to the
// next within an article.
struct Antecedent {
  std::string code;
  std::optional<uint32_t> entity;
};

// How actors are read.
struct ActorReading {
  // True when the actor dictionaries are a user's (TABARI, Phoenix): their
  // names and agents are read before the entity mentions, which then only
  // fill the words they left, and a name after "in" is an actor as well as
  // a place, as those coders read it.
  bool dictionary_first = false;
};

// Reads sentence `index` of `article`: words, classes, actors, places, and
// groups as FormGroups(view, {}) makes them. `mentions` are the (entity, mention) pairs of that
// sentence. `antecedent` resolves pronouns and is updated to the sentence's last actor.
SentenceView ReadSentence(const Article& article, uint32_t index,
                          std::span<const text::Token> tokens,
                          std::span<const std::pair<uint32_t, uint32_t>> mentions,
                          const actors::Dictionary& dictionary, const Rules& rules,
                          std::optional<CivilDay> day, ActorReading reading,
                          Antecedent& antecedent);

// Joins the actors of `view` into groups (compound actors), replacing any;
// `verb_starts[i]`: a verb form begins at word i, so the actor before it is
// a subject, not the next member of a compound.
void FormGroups(SentenceView& view, const std::vector<bool>& verb_starts);

}  // namespace storyline::events
