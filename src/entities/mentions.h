// mentions.h: the records the entity stage passes between its steps.
// Internal to the entities module; entities/entities.h is the contract.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "actors/actors.h"
#include "core/article.h"
#include "core/status.h"
#include "text/text.h"

namespace storyline::entities {

// The words of one sentence and their normalised forms (actors::NormalizeWord).
struct SentenceWords {
  std::span<const text::Token> tokens;  // byte spans into the article's text
  std::vector<std::string> normalized;
};

// The article's words, sentence by sentence; the tokens are the caller's.
struct Document {
  std::string_view text;
  std::vector<SentenceWords> sentences;
};

// Words [begin, end) of one sentence.
struct TokenRange {
  uint32_t sentence = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
};

ByteSpan SpanOf(const Document& document, const TokenRange& range);
std::string_view TextOf(const Document& document, const TokenRange& range);
std::span<const std::string> NormalizedOf(const Document& document, const TokenRange& range);

enum class MentionKind { kName, kNominal, kPronoun };
std::string_view MentionKindName(MentionKind kind);  // "name", "nominal", "pronoun"

struct Mention {
  TokenRange range;
  std::string type;  // "PER", "ORG", "LOC", "MISC"
  MentionKind kind = MentionKind::kName;
  // The dictionary entry the whole name is, when it is one ("Wang Yi", "NATO").
  const actors::NameEntry* entry = nullptr;
  // A role read from a title, an apposition, or the nominal's own noun.
  const actors::AgentEntry* role = nullptr;
  TokenRange role_range;
  // The country or organisation that qualifies the role or the name.
  const actors::NameEntry* affiliation = nullptr;
  // "a Taliban spokesman": a new referent, never an earlier entity's.
  bool indefinite = false;
};

// The closed-class words the entity rules read (data/entities/en.tsv,
// docs/formats/entities.md).
class WordLists {
 public:
  static Result<WordLists> Parse(std::string_view name, std::string_view contents);

  bool IsDeterminer(std::string_view word) const { return Has(determiners_, word); }
  bool IsIndefinite(std::string_view word) const { return Has(indefinites_, word); }
  // Words that may stand between an affiliation and a role noun without
  // changing the role: "top", "senior", "acting".
  bool IsRoleModifier(std::string_view word) const { return Has(role_modifiers_, word); }
  // Words that make a role a past one: "former", "ex".
  bool IsFormer(std::string_view word) const { return Has(former_, word); }
  bool IsPossessive(std::string_view word) const { return Has(possessives_, word); }
  // Words that are not part of an organisation's name when they open it.
  bool IsNameConnector(std::string_view word) const { return Has(connectors_, word); }
  bool IsPronoun(std::string_view word) const { return Has(pronouns_, word); }

 private:
  using Set = absl::flat_hash_set<std::string>;
  // Debian's Abseil has its own string_view type, not std::string_view.
  static bool Has(const Set& set, std::string_view word) {
    return set.contains(absl::string_view(word.data(), word.size()));
  }
  Set determiners_, indefinites_, role_modifiers_, former_, possessives_, connectors_, pronouns_;
};

// Step 1: the tagger's names as mentions, with their dictionary entries.
struct TaggedSpan {
  uint32_t sentence = 0;
  uint32_t begin = 0;  // word indexes
  uint32_t end = 0;
  std::string type;
};
std::vector<Mention> NameMentions(const Document& document, const std::vector<TaggedSpan>& spans,
                                  const actors::Dictionary& dictionary);

// Step 2: titles and appositions of people, affiliations of organisations.
void AttachRoles(const Document& document, const WordLists& words,
                 const actors::Dictionary& dictionary, std::vector<Mention>& names);

// Step 3: role phrases without a name, in text order.
std::vector<Mention> NominalMentions(const Document& document, const WordLists& words,
                                     const actors::Dictionary& dictionary,
                                     const std::vector<Mention>& names);

// Steps 4 and 5: mentions joined into entities, each with its attributes,
// key and actor code.
std::vector<Entity> JoinMentions(const Document& document, const WordLists& lists,
                                 const std::vector<Mention>& names,
                                 const std::vector<Mention>& nominals,
                                 const actors::Dictionary& dictionary, std::optional<CivilDay> day);

}  // namespace storyline::entities
