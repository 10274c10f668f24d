// Steps 2 and 3: roles and the countries or organisations that qualify them,
// read from titles ("NATO Secretary General Jens Stoltenberg"), appositions
// ("Wang Yi, China's foreign minister,"), organisation names ("Chinese
// Foreign Ministry") and role phrases without a name ("a Taliban spokesman").
#include <algorithm>
#include <optional>

#include "entities/mentions.h"

namespace storyline::entities {
namespace {

// The longest role noun we look for before a name ("secretary of state for
// foreign affairs" is five words).
constexpr uint32_t kMaxRoleWords = 6;
// The longest country or organisation name we look for before a role.
constexpr uint32_t kMaxAffiliationWords = 5;

bool CanQualify(const actors::NameEntry& entry) {
  switch (entry.kind) {
    case actors::NameKind::kCountry:
    case actors::NameKind::kAdjective:
    case actors::NameKind::kCapital:
    case actors::NameKind::kOrganisation:
    case actors::NameKind::kGroup:
    case actors::NameKind::kUser:
      return true;
    default:
      return false;
  }
}

struct Affiliation {
  const actors::NameEntry* entry = nullptr;
  uint32_t begin = 0;  // its first word (with a possessive, the range ends after it)
  uint32_t end = 0;
};

struct Role {
  const actors::AgentEntry* entry = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Reads roles around the mentions of one document.
class RoleReader {
 public:
  RoleReader(const Document& document, const WordLists& words, const actors::Dictionary& dictionary,
             const std::vector<Mention>& names)
      : document_(document), words_(words), dictionary_(dictionary), names_(names) {
    by_sentence_.resize(document.sentences.size());
    for (uint32_t i = 0; i < names.size(); ++i) by_sentence_[names[i].range.sentence].push_back(i);
  }

  const std::string& Word(uint32_t sentence, uint32_t i) const {
    return document_.sentences[sentence].normalized[i];
  }
  uint32_t Size(uint32_t sentence) const {
    return static_cast<uint32_t>(document_.sentences[sentence].normalized.size());
  }
  bool IsPunctuation(uint32_t sentence, uint32_t i) const {
    return document_.sentences[sentence].tokens[i].kind == text::TokenKind::kPunctuation;
  }

  // A country or organisation whose words end at `end` (before an optional
  // possessive): a name mention the dictionary knows, or dictionary words.
  std::optional<Affiliation> EndingAt(uint32_t sentence, uint32_t end) const {
    uint32_t name_end = end;
    if (name_end > 0 && words_.IsPossessive(Word(sentence, name_end - 1))) --name_end;
    for (const uint32_t i : by_sentence_[sentence]) {
      const Mention& mention = names_[i];
      if (mention.range.end == name_end && mention.entry != nullptr && CanQualify(*mention.entry)) {
        return Affiliation{mention.entry, mention.range.begin, end};
      }
    }
    const uint32_t first = name_end > kMaxAffiliationWords ? name_end - kMaxAffiliationWords : 0;
    for (uint32_t begin = first; begin < name_end; ++begin) {
      const std::span<const std::string> words =
          NormalizedOf(document_, {sentence, begin, name_end});
      const actors::Match<actors::NameEntry> match = dictionary_.MatchName(words);
      if (match && match.words == words.size() && CanQualify(*match.entry)) {
        return Affiliation{match.entry, begin, end};
      }
    }
    return std::nullopt;
  }

  // "the foreign minister of China": the country or organisation after "of"
  // right after a role ending at `role_end`; nullptr when there is none.
  const actors::NameEntry* AffiliationAfterOf(uint32_t sentence, uint32_t role_end) const {
    if (role_end + 1 >= Size(sentence) || Word(sentence, role_end) != "of") return nullptr;
    const std::optional<Affiliation> of = StartingAt(sentence, role_end + 1);
    return of ? of->entry : nullptr;
  }

  // A country or organisation whose words start at `begin`, with a
  // possessive after it when there is one.
  std::optional<Affiliation> StartingAt(uint32_t sentence, uint32_t begin) const {
    if (begin >= Size(sentence)) return std::nullopt;
    const actors::Match<actors::NameEntry> match =
        dictionary_.MatchName(NormalizedOf(document_, {sentence, begin, Size(sentence)}));
    if (!match || !CanQualify(*match.entry)) return std::nullopt;
    uint32_t end = begin + static_cast<uint32_t>(match.words);
    if (end < Size(sentence) && words_.IsPossessive(Word(sentence, end))) ++end;
    return Affiliation{match.entry, begin, end};
  }

  // The longest role noun whose words end exactly at `end`.
  std::optional<Role> RoleEndingAt(uint32_t sentence, uint32_t end, bool person) const {
    const uint32_t first = end > kMaxRoleWords ? end - kMaxRoleWords : 0;
    for (uint32_t begin = first; begin < end; ++begin) {
      const std::span<const std::string> words = NormalizedOf(document_, {sentence, begin, end});
      const actors::Match<actors::AgentEntry> match = dictionary_.MatchAgent(words);
      if (match && match.words == words.size() && (!person || match.entry->person)) {
        return Role{match.entry, begin, end};
      }
    }
    return std::nullopt;
  }

  std::optional<Role> RoleStartingAt(uint32_t sentence, uint32_t begin) const {
    if (begin >= Size(sentence)) return std::nullopt;
    const actors::Match<actors::AgentEntry> match =
        dictionary_.MatchAgent(NormalizedOf(document_, {sentence, begin, Size(sentence)}));
    if (!match) return std::nullopt;
    return Role{match.entry, begin, begin + static_cast<uint32_t>(match.words)};
  }

  // Role modifiers before `begin` ("top", "senior"): the first word before
  // them.
  uint32_t SkipModifiersBack(uint32_t sentence, uint32_t begin) const {
    while (begin > 0 && words_.IsRoleModifier(Word(sentence, begin - 1))) --begin;
    return begin;
  }
  uint32_t SkipModifiers(uint32_t sentence, uint32_t begin) const {
    while (begin < Size(sentence) && words_.IsRoleModifier(Word(sentence, begin))) ++begin;
    return begin;
  }
  bool FormerBefore(uint32_t sentence, uint32_t begin) const {
    return begin > 0 && words_.IsFormer(Word(sentence, begin - 1));
  }

  // "Foreign Minister Wang Yi", "China's top diplomat Wang Yi".
  bool ReadTitle(Mention& person) const {
    const uint32_t sentence = person.range.sentence;
    const std::optional<Role> role = RoleEndingAt(sentence, person.range.begin, true);
    if (!role) return false;
    const uint32_t before = SkipModifiersBack(sentence, role->begin);
    if (FormerBefore(sentence, before)) return true;  // a past role: not the person's now
    person.role = role->entry;
    person.role_range = {sentence, role->begin, role->end};
    if (const std::optional<Affiliation> affiliation = EndingAt(sentence, before)) {
      person.affiliation = affiliation->entry;
    }
    return true;
  }

  // "Wang Yi, China's foreign minister," / "Naeem, a Taliban spokesman,".
  bool ReadApposition(Mention& person) const {
    const uint32_t sentence = person.range.sentence;
    uint32_t at = person.range.end;
    if (at + 1 >= Size(sentence) || Word(sentence, at) != ",") return false;
    ++at;
    if (words_.IsDeterminer(Word(sentence, at))) ++at;
    if (at < Size(sentence) && words_.IsFormer(Word(sentence, at))) return false;
    const std::optional<Affiliation> affiliation = StartingAt(sentence, at);
    if (affiliation) at = affiliation->end;
    const std::optional<Role> role = RoleStartingAt(sentence, SkipModifiers(sentence, at));
    if (!role || !role->entry->person) return false;
    // The phrase must end there: "Wang Yi, China's foreign minister, said".
    if (role->end < Size(sentence) && !IsPunctuation(sentence, role->end) &&
        Word(sentence, role->end) != "of") {
      return false;
    }
    person.role = role->entry;
    person.role_range = {sentence, role->begin, role->end};
    if (affiliation) {
      person.affiliation = affiliation->entry;
    } else if (const actors::NameEntry* of = AffiliationAfterOf(sentence, role->end)) {
      person.affiliation = of;  // "the foreign minister of China"
    }
    return true;
  }

  // "Chinese Foreign Ministry" as one name, "Foreign Ministry" after
  // "the Chinese", "the Taliban's political office".
  void ReadOrganisation(Mention& organisation) const {
    const std::span<const std::string> words = NormalizedOf(document_, organisation.range);
    const uint32_t sentence = organisation.range.sentence;
    const uint32_t size = static_cast<uint32_t>(words.size());
    for (uint32_t split = 0; split < size; ++split) {
      const actors::Match<actors::AgentEntry> role = dictionary_.MatchAgent(words.subspan(split));
      if (!role || role.words != size - split) continue;
      const actors::NameEntry* affiliation = nullptr;
      if (split > 0) {
        const actors::Match<actors::NameEntry> name = dictionary_.MatchName(words.first(split));
        const bool possessive =
            name && name.words + 1 == split && words_.IsPossessive(words[name.words]);
        if (!name || !CanQualify(*name.entry) || (name.words != split && !possessive)) continue;
        affiliation = name.entry;
      } else if (const std::optional<Affiliation> before =
                     EndingAt(sentence, SkipModifiersBack(sentence, organisation.range.begin))) {
        affiliation = before->entry;
      }
      organisation.role = role.entry;
      organisation.role_range = {sentence, organisation.range.begin + split,
                                 organisation.range.end};
      organisation.affiliation = affiliation;
      return;
    }
  }

  // "China's Wang Yi": a country or organisation right before a name.
  void ReadQualifier(Mention& name) const {
    const uint32_t sentence = name.range.sentence;
    const uint32_t begin = name.range.begin;
    const bool possessive = begin > 0 && words_.IsPossessive(Word(sentence, begin - 1));
    const std::optional<Affiliation> affiliation = EndingAt(sentence, begin);
    if (!affiliation) return;
    if (possessive || affiliation->entry->kind == actors::NameKind::kAdjective) {
      name.affiliation = affiliation->entry;
    }
  }

 private:
  const Document& document_;
  const WordLists& words_;
  const actors::Dictionary& dictionary_;
  const std::vector<Mention>& names_;
  std::vector<std::vector<uint32_t>> by_sentence_;  // indexes into names_
};

// Marks the words of a range as taken.
void Cover(std::vector<std::vector<bool>>& covered, const TokenRange& range) {
  if (range.size() == 0) return;
  std::fill(covered[range.sentence].begin() + range.begin,
            covered[range.sentence].begin() + range.end, true);
}

bool AnyCovered(const std::vector<bool>& covered, uint32_t begin, uint32_t end) {
  return std::any_of(covered.begin() + begin, covered.begin() + end, [](bool b) { return b; });
}

}  // namespace

void AttachRoles(const Document& document, const WordLists& words,
                 const actors::Dictionary& dictionary, std::vector<Mention>& names) {
  const RoleReader reader(document, words, dictionary, names);
  for (Mention& mention : names) {
    if (mention.type == "PER") {
      if (mention.entry != nullptr && mention.entry->kind != actors::NameKind::kPerson &&
          mention.entry->kind != actors::NameKind::kUser) {
        continue;  // a country or organisation the tagger took for a person
      }
      if (!reader.ReadTitle(mention) && !reader.ReadApposition(mention)) {
        reader.ReadQualifier(mention);
      }
    } else if (mention.type == "ORG" && mention.entry == nullptr) {
      reader.ReadOrganisation(mention);
    }
  }
}

std::vector<Mention> NominalMentions(const Document& document, const WordLists& words,
                                     const actors::Dictionary& dictionary,
                                     const std::vector<Mention>& names) {
  std::vector<std::vector<bool>> covered(document.sentences.size());
  for (size_t s = 0; s < document.sentences.size(); ++s) {
    covered[s].assign(document.sentences[s].tokens.size(), false);
  }
  for (const Mention& name : names) {
    Cover(covered, name.range);
    Cover(covered, name.role_range);
  }
  const RoleReader reader(document, words, dictionary, names);
  std::vector<Mention> nominals;
  for (uint32_t s = 0; s < document.sentences.size(); ++s) {
    for (uint32_t i = 0; i < reader.Size(s);) {
      const bool word = document.sentences[s].tokens[i].kind == text::TokenKind::kWord;
      const std::optional<Role> role =
          covered[s][i] || !word ? std::nullopt : reader.RoleStartingAt(s, i);
      if (!role || AnyCovered(covered[s], role->begin, role->end)) {
        ++i;
        continue;
      }
      i = role->end;
      const uint32_t before = reader.SkipModifiersBack(s, role->begin);
      if (reader.FormerBefore(s, before)) continue;
      Mention nominal;
      nominal.kind = MentionKind::kNominal;
      nominal.type = role->entry->person ? "PER" : "ORG";
      nominal.role = role->entry;
      nominal.role_range = {s, role->begin, role->end};
      uint32_t begin = before;
      if (const std::optional<Affiliation> affiliation = reader.EndingAt(s, before)) {
        nominal.affiliation = affiliation->entry;
        begin = affiliation->begin;
      }
      bool determined = false;
      if (begin > 0 && words.IsDeterminer(reader.Word(s, begin - 1))) {
        --begin;
        determined = true;
        nominal.indefinite = words.IsIndefinite(reader.Word(s, begin));
      }
      if (!determined && nominal.affiliation == nullptr) continue;  // "officials said"
      if (nominal.affiliation == nullptr) {
        nominal.affiliation = reader.AffiliationAfterOf(s, role->end);
      }
      nominal.range = {s, begin, role->end};
      nominals.push_back(std::move(nominal));
    }
  }
  return nominals;
}

}  // namespace storyline::entities
