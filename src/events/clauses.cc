#include "events/clauses.h"

#include <optional>

namespace storyline::events {
namespace {

// How many words before a verb its group may hold: "will not have been".
constexpr uint32_t kMaxGroupWords = 5;

bool IsAdverb(const std::string& word) { return word.size() > 4 && word.ends_with("ly"); }

// "received", "taken", "shown", "met", "held", "done": the endings of
// regular and most irregular English past participles.
bool LooksLikeParticiple(const std::string& word) {
  if (word.ends_with("ing")) return false;
  for (const char* ending : {"ed", "en", "wn", "ne", "t", "d", "ung", "uck"}) {
    if (word.ends_with(ending)) return true;
  }
  return false;
}

}  // namespace

uint32_t Clauses::Begin(uint32_t verb, Opening& opening) const {
  const SentenceView& s = sentence_;
  // The comma nearest before the verb: a relative or subordinate clause
  // that opened before it has closed there ("X, who arrived on Monday, met
  // Y"; "If X attacks, Y would respond").
  std::optional<uint32_t> comma;
  for (uint32_t j = verb; j-- > 0;) {
    if (s.group_of[j] >= 0) continue;
    if (s.IsPunctuation(j, ";:")) {
      opening = Opening::kSentence;
      return j + 1;
    }
    if (s.IsPunctuation(j, ",") && !comma) comma = j;
    if (s.Is(j, kReporting) && j + 1 < verb) {
      opening = Opening::kReporting;
      return s.words[j + 1] == "that" ? j + 2 : j + 1;
    }
    if (s.Is(j, kRelative)) {
      if (comma) continue;  // closed: the verb is the main clause's
      opening = Opening::kRelative;
      return j + 1;
    }
    if (s.Is(j, kCondition | kSubordinator)) {
      if (comma) {
        opening = Opening::kSentence;
        return *comma + 1;
      }
      opening = s.Is(j, kCondition) ? Opening::kCondition : Opening::kSubordinate;
      return j + 1;
    }
    if (s.Is(j, kCoordinator) && j + 1 < verb) {
      opening = Opening::kCoordinate;
      return j + 1;
    }
  }
  opening = Opening::kSentence;
  return 0;
}

int32_t Clauses::Subject(uint32_t verb) const {
  const SentenceView& s = sentence_;
  Opening opening;
  const uint32_t begin = Begin(verb, opening);
  for (const ActorGroup& group : s.groups) {
    if (group.begin < begin) continue;
    if (group.end > verb) break;
    const bool governed =
        group.begin > 0 &&
        (s.Is(group.begin - 1, kOblique) ||
         (s.words[group.begin - 1] == "the" && group.begin > 1 && s.Is(group.begin - 2, kOblique)));
    if (!governed && group.begin != verb) return s.group_of[group.begin];
  }
  if (begin == 0) return -1;
  // "after a rift, the news agency said": the clause has a subject of its
  // own, though not an actor; it shares none.
  for (uint32_t w = begin; w < verb; ++w) {
    if (s.Is(w, kDeterminer)) return -1;
  }
  switch (opening) {
    case Opening::kRelative: {
      // "Stoltenberg, who met Wang": the word before "who", or before its comma.
      uint32_t before = begin - 1;
      if (before > 0 && s.IsPunctuation(before - 1, ",")) --before;
      return before > 0 ? s.group_of[before - 1] : -1;
    }
    case Opening::kCoordinate:
    case Opening::kSubordinate:
    case Opening::kCondition:
      return Subject(begin - 1);
    default:
      return -1;
  }
}

uint32_t Clauses::Reach(uint32_t verb_end, Opening opening) const {
  const SentenceView& s = sentence_;
  // A relative or subordinate clause ends at its comma.
  const bool closes_at_comma = opening == Opening::kRelative || opening == Opening::kCondition ||
                               opening == Opening::kSubordinate;
  for (uint32_t j = verb_end; j < s.size(); ++j) {
    if (s.group_of[j] >= 0) continue;
    if (s.IsPunctuation(j, ";") || (closes_at_comma && s.IsPunctuation(j, ","))) return j;
    // ", according to ...", ", while ...": a clause of its own; without
    // the comma only the contrastive ones, as "met after talks" is one act.
    if (s.Is(j, kSubordinator) &&
        ((j > 0 && s.IsPunctuation(j - 1, ",")) || s.words[j] == "while" ||
         s.words[j] == "whereas" || s.words[j] == "although" || s.words[j] == "because")) {
      return j;
    }
    if (!s.Is(j, kCoordinator) || j + 1 >= s.size()) continue;
    // "..., and promised", "and he said": a clause of its own follows.
    const uint32_t next = j + 1;
    if (verb_starts_[next] || s.Is(next, kPronoun) || s.Is(next, kFuture | kPossible) ||
        (j > 0 && s.IsPunctuation(j - 1, ","))) {
      return j;
    }
  }
  return s.size();
}

int32_t Clauses::GroupAfter(uint32_t from, uint32_t limit, int32_t skip) const {
  for (uint32_t j = from; j < limit; ++j) {
    const int32_t group = sentence_.group_at[j];
    if (group < 0 || group == skip) continue;
    // "..., AP reported": the subject of a reporting verb is its reporter.
    const uint32_t end = sentence_.groups[group].end;
    if (end < sentence_.size() && sentence_.Is(end, kReporting)) continue;
    return group;
  }
  return -1;
}

int32_t Clauses::ByAgent(uint32_t from, uint32_t limit) const {
  for (uint32_t j = from; j + 1 < limit; ++j) {
    if (sentence_.words[j] == "by") return GroupAfter(j + 1, std::min(limit, j + 4), -1);
  }
  return -1;
}

VerbGroup Clauses::Group(uint32_t begin, uint32_t clause_begin, Opening opening) const {
  const SentenceView& s = sentence_;
  VerbGroup group;
  bool be = false;
  bool future = false, possible = false, conditional = false;
  uint32_t j = begin;
  for (uint32_t seen = 0; j > clause_begin && seen < kMaxGroupWords; ++seen) {
    const uint32_t w = j - 1;
    if (s.words[w] == "to") {
      group.infinitive = true;
      uint32_t governor = w;
      while (governor > clause_begin &&
             (s.Is(governor - 1, kNegation) || IsAdverb(s.words[governor - 1]))) {
        if (s.Is(governor - 1, kNegation)) group.negated = true;
        --governor;
      }
      if (governor > clause_begin) {
        group.governor = static_cast<int32_t>(governor - 1);
        if (s.Is(governor - 1, kFuture)) future = true;
      }
      break;
    }
    const uint32_t classes = s.classes[w];
    if (!(classes & (kNegation | kFuture | kPossible | kConditional | kBe | kHave | kDo)) &&
        !IsAdverb(s.words[w])) {
      break;
    }
    if (classes & kNegation) group.negated = true;
    if (classes & kBe) be = true;
    if (classes & kFuture) future = true;
    if (classes & kPossible) possible = true;
    if (classes & kConditional) conditional = true;
    j = w;
  }
  // "was received" is passive, "was meeting" and "was critical of" are not:
  // a participle ends as English participles do.
  group.passive = be && LooksLikeParticiple(s.words[begin]);
  if (opening == Opening::kCondition) conditional = true;
  const bool question = s.size() > 0 && s.words.back() == "?";
  if (question) {
    group.modality = "question";
  } else if (conditional) {
    group.modality = "conditional";
  } else if (possible) {
    group.modality = "possible";
  } else if (future || group.infinitive) {
    group.modality = "future";
  }
  return group;
}

}  // namespace storyline::events
