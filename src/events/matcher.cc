#include "events/matcher.h"

#include "absl/functional/function_ref.h"

namespace storyline::events {
namespace {

using Then = absl::FunctionRef<bool(uint32_t)>;

}  // namespace

template <typename Continue>
bool Matcher::Sequence(std::span<const Element> elements, uint32_t pos, uint32_t limit, Start start,
                       Slots& slots, const Continue& then) const {
  if (elements.empty()) return then(pos);
  const Element& element = elements.front();
  const std::span<const Element> rest = elements.subspan(1);
  const auto next = [&](uint32_t end) -> bool {
    return Sequence(rest, end, limit, Start::kOwn, slots, then);
  };
  const bool exact = start == Start::kExact || (start == Start::kOwn && element.adjacent);
  const uint32_t last = exact ? pos : limit;
  for (uint32_t q = pos; q <= last && q <= limit; ++q) {
    if (++steps_ > kMaxSteps) return false;
    if (One(element, q, limit, slots, Then(next))) return true;
  }
  // An optional element may be missing; the next one keeps this one's start.
  return element.optional && Sequence(rest, pos, limit, start, slots, then);
}

template <typename Continue>
bool Matcher::One(const Element& element, uint32_t pos, uint32_t limit, Slots& slots,
                  const Continue& then) const {
  switch (element.kind) {
    case Element::Kind::kWord:
      return pos < limit && WordMatches(element.word, sentence_.words[pos]) && then(pos + 1);
    case Element::Kind::kSource:
    case Element::Kind::kTarget:
    case Element::Kind::kAny: {
      if (pos >= limit || sentence_.group_at[pos] < 0) return false;
      const int32_t group = sentence_.group_at[pos];
      int32_t& slot = element.kind == Element::Kind::kSource   ? slots.source
                      : element.kind == Element::Kind::kTarget ? slots.target
                                                               : slots.both;
      const int32_t saved = slot;
      slot = group;
      if (then(sentence_.groups[group].end)) return true;
      slot = saved;
      return false;
    }
    case Element::Kind::kSynset: {
      if (element.synset >= synsets_.size()) return false;
      for (const std::vector<Element>& phrase : synsets_[element.synset].phrases) {
        if (Sequence(std::span<const Element>(phrase), pos, limit, Start::kExact, slots, then)) {
          return true;
        }
      }
      return false;
    }
    case Element::Kind::kChoice:
      for (const std::vector<Element>& choice : element.choices) {
        if (Sequence(std::span<const Element>(choice), pos, limit, Start::kExact, slots, then)) {
          return true;
        }
      }
      return false;
    case Element::Kind::kVerb:
      return false;
  }
  return false;
}

bool Matcher::Match(const Pattern& pattern, uint32_t begin, uint32_t verb_begin, uint32_t verb_end,
                    uint32_t limit, Slots& slots) const {
  slots = {};
  steps_ = 0;
  const auto after = [&](uint32_t) -> bool {
    return Sequence(std::span<const Element>(pattern.after), verb_end, limit, Start::kOwn, slots,
                    [](uint32_t) { return true; });
  };
  if (pattern.before.empty()) return after(verb_begin);
  const auto before_ends = [&](uint32_t end) -> bool {
    if (pattern.verb_adjacent ? end != verb_begin : end > verb_begin) return false;
    return after(end);
  };
  return Sequence(std::span<const Element>(pattern.before), begin, verb_begin, Start::kAnywhere,
                  slots, before_ends);
}

uint64_t RequiredBits(const Pattern& pattern) {
  uint64_t bits = 0;
  for (const auto* part : {&pattern.before, &pattern.after}) {
    for (const Element& element : *part) {
      if (element.kind == Element::Kind::kWord && !element.optional && !element.word.stem) {
        bits |= WordBit(element.word.text);
      }
    }
  }
  return bits;
}

bool Matcher::Contains(std::span<const Element> phrase) const {
  Slots slots;
  steps_ = 0;
  return Sequence(phrase, 0, sentence_.size(), Start::kAnywhere, slots,
                  [](uint32_t) { return true; });
}

}  // namespace storyline::events
