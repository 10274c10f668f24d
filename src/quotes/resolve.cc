#include "quotes/resolve.h"

#include <algorithm>
#include <optional>
#include <string>

namespace storyline::quotes {
namespace {

std::string Lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

struct MentionRef {
  ByteSpan span;
  uint32_t entity = 0;
  bool name = false;
};

class Resolver {
 public:
  Resolver(const std::vector<Entity>& entities, const Lexicon& lexicon)
      : entities_(entities), lexicon_(lexicon) {
    for (uint32_t e = 0; e < entities.size(); ++e) {
      for (const EntityMention& m : entities[e].mentions) {
        mentions_.push_back({m.span, e, m.kind == "name"});
      }
    }
    std::stable_sort(
        mentions_.begin(), mentions_.end(),
        [](const MentionRef& a, const MentionRef& b) { return a.span.begin < b.span.begin; });
  }

  // The entity of quotes[i]'s speaker; the quotes before it are resolved.
  std::optional<uint32_t> Resolve(const std::vector<Quote>& quotes, size_t i) const {
    const QuoteSpeaker& speaker = *quotes[i].speaker;
    if (const std::optional<uint32_t> e = Overlapping(speaker.span)) return e;
    const std::string lower = Lower(speaker.text);
    const uint16_t roles = lexicon_.Roles(lexicon_.WordId(lower));
    if (roles & (kPersonPronoun | kGroupPronoun)) {
      const bool person = roles & kPersonPronoun;
      return PronounReferent(speaker.span, person, quotes, i);
    }
    return RoleReferent(speaker.span, lower);
  }

 private:
  bool Compatible(uint32_t entity, bool person) const {
    const std::string& type = entities_[entity].type;
    return person ? type == "PER" : type == "ORG" || type == "LOC" || type == "MISC";
  }

  // The mention overlapping `span` that names who speaks: a person before
  // an organisation before a place or other name ("Wang Yi, China's foreign
  // minister", "the Chinese Foreign Ministry", "a Taliban spokesman"), a name
  // before a role phrase, then the first.
  std::optional<uint32_t> Overlapping(ByteSpan span) const {
    std::optional<uint32_t> best;
    int best_rank = 0;
    for (const MentionRef& m : mentions_) {
      if (m.span.begin >= span.end) break;
      if (!m.span.Overlaps(span)) continue;
      const int rank = SpeakerRank(m);
      if (!best || rank > best_rank) {
        best = m.entity;
        best_rank = rank;
      }
    }
    return best;
  }

  int SpeakerRank(const MentionRef& m) const {
    const std::string& type = entities_[m.entity].type;
    const int type_rank = type == "PER" ? 2 : type == "ORG" ? 1 : 0;
    return type_rank * 2 + (m.name ? 1 : 0);
  }

  std::optional<uint32_t> PronounReferent(ByteSpan span, bool person,
                                          const std::vector<Quote>& quotes, size_t i) const {
    for (size_t k = i; k > 0; --k) {
      const std::optional<QuoteSpeaker>& earlier = quotes[k - 1].speaker;
      if (!earlier || !earlier->entity || earlier->span.begin >= span.begin) continue;
      if (Compatible(*earlier->entity, person)) return earlier->entity;
    }
    std::optional<uint32_t> last;
    for (const MentionRef& m : mentions_) {
      if (m.span.begin >= span.begin) break;
      if (m.name && Compatible(m.entity, person)) last = m.entity;
    }
    return last;
  }

  // "the spokesman": the entity with that role mentioned last before it.
  std::optional<uint32_t> RoleReferent(ByteSpan span, std::string_view lower) const {
    std::optional<uint32_t> last;
    for (const MentionRef& m : mentions_) {
      if (m.span.begin >= span.begin) break;
      const std::optional<std::string>& role = entities_[m.entity].role;
      if (role && !role->empty() && lower.ends_with(Lower(*role))) last = m.entity;
    }
    return last;
  }

  const std::vector<Entity>& entities_;
  const Lexicon& lexicon_;
  std::vector<MentionRef> mentions_;
};

}  // namespace

void ResolveSpeakers(const std::vector<Entity>& entities, const Lexicon& lexicon,
                     std::vector<Quote>& quotes) {
  if (entities.empty()) return;
  const Resolver resolver(entities, lexicon);
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (!quotes[i].speaker) continue;
    const std::optional<uint32_t> entity = resolver.Resolve(quotes, i);
    QuoteSpeaker& speaker = *quotes[i].speaker;
    if (!entity) continue;
    speaker.entity = entities[*entity].id;
    if (entities[*entity].actor) speaker.code = entities[*entity].actor->code;
  }
}

}  // namespace storyline::quotes
