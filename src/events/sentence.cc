// Reading a sentence for the coder: words, classes, actors, groups, places.
#include "events/sentence.h"

#include <algorithm>

#include "core/utf8.h"
#include "events/matcher.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

constexpr uint32_t kNoWord = UINT32_MAX;
// How far before a place name its preposition may stand: "in the northern
// Chinese city of Tianjin".
constexpr uint32_t kMaxPlaceWords = 6;
// How many words may stand between a name and its agent: "Dagolath's first
// Deputy Prime Minister".
constexpr uint32_t kMaxAgentModifiers = 2;
// The most actors one compound joins: a longer list is split, so that the
// events of a sentence grow with its length, not with the square of a list.
constexpr uint32_t kMaxMembers = 8;

// Words that stop a title or possessive from joining the name after it:
// "China criticized NATO" is two actors, "China's foreign minister Wang Yi"
// one.
constexpr uint32_t kClauseWords = kCoordinator | kOblique | kReporting | kBe | kHave | kDo |
                                  kRelative | kSubordinator | kNegation | kFuture | kPossible |
                                  kConditional;

// The word after a dateline's place: "PARIS, ...", "PARIS - ...", "PARIS
// (AP) ...", "PARIS — ...".
bool IsDatelineEnd(std::string_view word) {
  return word == "," || word == "-" || word == "--" || word == "(" || word == "\u2014" ||
         word == "\u2013";
}

bool StartsUpper(std::string_view token) {
  if (token.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(token.front());
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  return false;
}

// The first word whose token starts at or after `begin`, and the first
// word after the last one ending at or before `end`: the words of a span.
std::pair<uint32_t, uint32_t> WordsOfSpan(std::span<const text::Token> tokens, ByteSpan span) {
  uint32_t first = kNoWord;
  uint32_t last = kNoWord;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].span.begin >= span.begin && tokens[i].span.end <= span.end) {
      if (first == kNoWord) first = i;
      last = i + 1;
    }
  }
  return {first, last};
}

// The code an agent adds to an actor's: "GON" + "GOV" -> "GONGOV"; a prefix
// agent goes before ("NGO" + "GON" -> "NGOGON"); a code that already ends
// with the agent keeps it once.
std::string WithAgent(const std::string& code, const actors::AgentEntry& agent) {
  if (code.ends_with(agent.code) || code.starts_with(agent.code)) return code;
  return agent.prefix ? agent.code + code : code + agent.code;
}

class SentenceReader {
 public:
  SentenceReader(const Article& article, const actors::Dictionary& dictionary, const Rules& rules,
                 std::optional<CivilDay> day, ActorReading reading, SentenceView& view)
      : article_(article),
        dictionary_(dictionary),
        rules_(rules),
        day_(day),
        reading_(reading),
        view_(view) {}

  void ReadWords() {
    const uint32_t n = static_cast<uint32_t>(view_.tokens.size());
    view_.words.resize(n);
    view_.classes.resize(n);
    view_.capitalised.resize(n);
    covered_.assign(n, false);
    for (uint32_t i = 0; i < n; ++i) {
      const ByteSpan span = view_.tokens[i].span;
      const std::string_view token(article_.text.data() + span.begin, span.size());
      actors::NormalizeWordInto(token, view_.words[i]);
      view_.classes[i] = rules_.Classes(view_.words[i]);
      view_.word_bits |= WordBit(view_.words[i]);
      view_.capitalised[i] = StartsUpper(token);
    }
  }

  void AddEntityActors(std::span<const std::pair<uint32_t, uint32_t>> mentions) {
    for (const auto& [entity_id, mention_index] : mentions) {
      const Entity& entity = article_.entities[entity_id];
      const EntityMention& mention = entity.mentions[mention_index];
      const auto [begin, end] = WordsOfSpan(view_.tokens, mention.span);
      if (begin == kNoWord) continue;
      // Read after a user's dictionary, mentions only fill the words it left.
      if (reading_.dictionary_first && std::any_of(covered_.begin() + begin, covered_.begin() + end,
                                                   [](bool covered) { return covered; })) {
        continue;
      }
      if (entity.type == "LOC" && AfterPlaceWord(begin)) {
        AddPlace(begin, end,
                 entity.country ? entity.country
                                : CountryOfCode(entity.actor ? entity.actor->code : ""));
        Cover(begin, end);
        continue;
      }
      if (!entity.actor) continue;
      ActorSpan actor{begin, end, entity.actor->code, entity_id, mention.kind == "pronoun"};
      Cover(begin, end);
      ExtendWithAgent(actor);
      view_.actors.push_back(std::move(actor));
    }
  }

  // Names and role nouns of the dictionaries over the words no entity
  // mention covers.
  void AddDictionaryActors() {
    for (uint32_t i = 0; i < view_.size();) {
      if (covered_[i]) {
        ++i;
        continue;
      }
      const uint32_t next = AddDictionaryActorAt(i);
      i = next > i ? next : i + 1;
    }
  }

  // A title or possessive before its head is one actor, the head's.
  void JoinHeads() {
    std::sort(view_.actors.begin(), view_.actors.end(),
              [](const ActorSpan& a, const ActorSpan& b) { return a.begin < b.begin; });
    std::vector<ActorSpan> joined;
    for (ActorSpan& actor : view_.actors) {
      if (!joined.empty() && !joined.back().pronoun && !actor.pronoun &&
          IsTitleGap(joined.back().end, actor.begin)) {
        // The head's code, unless the title's says more of the same actor
        // ("Bree Prime Minister" BREGOV, "Romendacil" BRE).
        const std::string& title = joined.back().code;
        if (title.size() > actor.code.size() && title.starts_with(actor.code)) {
          actor.code = title;
        }
        actor.begin = joined.back().begin;
        joined.back() = std::move(actor);
        continue;
      }
      joined.push_back(std::move(actor));
    }
    view_.actors = std::move(joined);
  }

  // "PHILADELPHIA, July 25 (UPI) -", "NAIROBI - ", "VIENNA (AP) —": a place
  // in capitals before a comma, a dash or the wire's bracket at the start of
  // a sentence is its dateline, where it was filed, not an actor of its
  // events; nor is the wire in brackets.
  void DropDateline() {
    // "(Reuters)", "(UPI)": an actor alone in brackets is an aside (the
    // wire of a dateline), not a subject.
    std::erase_if(view_.actors, [&](const ActorSpan& actor) {
      return actor.begin > 0 && actor.end < view_.size() && view_.words[actor.begin - 1] == "(" &&
             view_.words[actor.end] == ")";
    });
    if (view_.actors.empty() || view_.actors.front().begin != 0) return;
    const ActorSpan& first = view_.actors.front();
    if (first.end >= view_.size() || !IsDatelineEnd(view_.words[first.end])) return;
    const ByteSpan span = view_.Span(first.begin, first.end);
    const std::string_view text(article_.text.data() + span.begin, span.size());
    const bool capitals =
        std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!capitals || text.size() < 3) return;
    AddPlace(first.begin, first.end, CountryOfCode(first.code));
    view_.actors.erase(view_.actors.begin());
  }

  // A pronoun stands for the subject: the sentence's first actor named
  // before it, else the previous sentence's ("Elrond urged Bree and then he
  // asked Gondor": he is Elrond).
  void AddPronouns(Antecedent& antecedent) {
    std::vector<ActorSpan> pronouns;
    const ActorSpan* first = nullptr;
    for (const ActorSpan& actor : view_.actors) {
      if (!actor.pronoun && (!first || actor.begin < first->begin)) first = &actor;
    }
    for (uint32_t i = 0; i < view_.size(); ++i) {
      if (covered_[i] || !view_.Is(i, kPronoun)) continue;
      if (first && first->end <= i) {
        pronouns.push_back({i, i + 1, first->code, first->entity, true});
      } else if (!antecedent.code.empty()) {
        pronouns.push_back({i, i + 1, antecedent.code, antecedent.entity, true});
      }
    }
    if (first) antecedent = {first->code, first->entity};
    for (ActorSpan& pronoun : pronouns) view_.actors.push_back(std::move(pronoun));
    std::sort(view_.actors.begin(), view_.actors.end(),
              [](const ActorSpan& a, const ActorSpan& b) { return a.begin < b.begin; });
  }

 private:
  void Cover(uint32_t begin, uint32_t end) {
    for (uint32_t w = begin; w < end; ++w) covered_[w] = true;
  }

  // True when a place preposition governs the name at `begin`: "in
  // Tianjin", "in the northern Chinese city of Tianjin".
  bool AfterPlaceWord(uint32_t begin) const {
    for (uint32_t j = begin, steps = 0; j > 0 && steps < kMaxPlaceWords; --j, ++steps) {
      const uint32_t w = j - 1;
      if (view_.Is(w, kPlace)) return true;
      if (view_.Is(w, kClauseWords) || view_.tokens[w].kind != text::TokenKind::kWord) return false;
    }
    return false;
  }

  static std::optional<std::string> CountryOfCode(const std::string& code) {
    if (code.size() >= 3 &&
        std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; })) {
      const std::string country = code.substr(0, 3);
      if (country != "IGO" && country != "NGO" && country != "GOV" && country != "MIL") {
        return country;
      }
    }
    return std::nullopt;
  }

  void AddPlace(uint32_t begin, uint32_t end, std::optional<std::string> country) {
    view_.places.push_back({begin, end, std::move(country)});
  }

  std::span<const std::string> WordsFrom(uint32_t i) const {
    return std::span<const std::string>(view_.words).subspan(i);
  }

  // An agent right after an entity that names a bare country: "Chinese"
  // "officials" -> CHNGOV.
  void ExtendWithAgent(ActorSpan& actor) {
    if (actor.code.size() != 3 || actor.end >= view_.size() || covered_[actor.end]) return;
    const actors::Match<actors::AgentEntry> agent = dictionary_.MatchAgent(WordsFrom(actor.end));
    if (!agent) return;
    actor.code = WithAgent(actor.code, *agent.entry);
    actor.end += static_cast<uint32_t>(agent.words);
    Cover(actor.begin, actor.end);
  }

  // The dictionary actor starting at word i, if any; returns the word after
  // what it consumed.
  uint32_t AddDictionaryActorAt(uint32_t i) {
    // A name starts with a capital, or with "the" before one ("the Shire").
    const bool name_start =
        view_.capitalised[i] ||
        (view_.Is(i, kArticle) && i + 1 < view_.size() && view_.capitalised[i + 1]);
    if (name_start) {
      const actors::Match<actors::NameEntry> name = dictionary_.MatchName(WordsFrom(i));
      if (name) {
        return AddNamedActor(i, i, i + static_cast<uint32_t>(name.words), *name.entry, nullptr);
      }
    }
    const actors::Match<actors::AgentEntry> agent = dictionary_.MatchAgent(WordsFrom(i));
    if (!agent) return i + 1;
    uint32_t after = i + static_cast<uint32_t>(agent.words);
    // "MSF Arnor", "Arnor diplomat": an agent right before a name qualifies it.
    if (after < view_.size() && view_.capitalised[after] && !covered_[after]) {
      const actors::Match<actors::NameEntry> name = dictionary_.MatchName(WordsFrom(after));
      if (name && !CodeOf(*name.entry).empty()) {
        return AddNamedActor(i, after, after + static_cast<uint32_t>(name.words), *name.entry,
                             agent.entry);
      }
    }
    // "the ambassadors of Arnor", "soldiers from Gondor": the agent
    // qualifies the name after "of", "from" or "in".
    if (after + 1 < view_.size() && IsAgentLink(view_.words[after]) && !covered_[after + 1]) {
      const actors::Match<actors::NameEntry> name = dictionary_.MatchName(WordsFrom(after + 1));
      if (name) {
        const std::string code = CodeOf(*name.entry);
        if (!code.empty()) {
          const uint32_t end = after + 1 + static_cast<uint32_t>(name.words);
          view_.actors.push_back({i, end, WithAgent(code, *agent.entry), std::nullopt, false});
          Cover(i, end);
          return AddSharedAgent(end, *agent.entry);
        }
      }
    }
    return after;
  }

  // "lawmakers in Fornost and Gondor": the agent before a name also
  // qualifies the names joined to it; returns the word after the last.
  uint32_t AddSharedAgent(uint32_t at, const actors::AgentEntry& agent) {
    while (at + 1 < view_.size() && (view_.words[at] == "and" || view_.words[at] == ",") &&
           !covered_[at + 1] && view_.capitalised[at + 1]) {
      const actors::Match<actors::NameEntry> name = dictionary_.MatchName(WordsFrom(at + 1));
      if (!name) break;
      const std::string code = CodeOf(*name.entry);
      if (code.empty()) break;
      const uint32_t end = at + 1 + static_cast<uint32_t>(name.words);
      view_.actors.push_back({at + 1, end, WithAgent(code, agent), std::nullopt, false});
      Cover(at + 1, end);
      at = end;
    }
    return at;
  }

  // "Danish media and government": a second agent joined to the first
  // makes a second actor of the same name.
  void AddSecondAgent(const ActorSpan& first, const std::string& name_code) {
    const uint32_t at = first.end;
    if (at + 1 >= view_.size() || view_.words[at] != "and" || covered_[at + 1]) return;
    const actors::Match<actors::AgentEntry> agent = dictionary_.MatchAgent(WordsFrom(at + 1));
    if (!agent) return;
    const uint32_t end = at + 1 + static_cast<uint32_t>(agent.words);
    view_.actors.push_back({at + 1, end, WithAgent(name_code, *agent.entry), std::nullopt, false});
    Cover(at + 1, end);
  }

  static bool IsAgentLink(const std::string& word) {
    return word == "of" || word == "from" || word == "in";
  }

  std::string CodeOf(const actors::NameEntry& entry) const {
    if (const actors::DatedCode* code = actors::Dictionary::CodeOn(entry, day_)) return code->code;
    if (entry.kind == actors::NameKind::kCapital) return entry.country;
    return "";
  }

  // The actor named at words [name_begin, end), with the agent before it
  // (`prefix`, from `begin`) and the one after it, if any.
  uint32_t AddNamedActor(uint32_t begin, uint32_t name_begin, uint32_t end,
                         const actors::NameEntry& entry, const actors::AgentEntry* prefix) {
    const bool place_kind =
        entry.kind == actors::NameKind::kPlace || entry.kind == actors::NameKind::kRegion ||
        entry.kind == actors::NameKind::kCapital || entry.kind == actors::NameKind::kCountry;
    std::string code = CodeOf(entry);
    if (place_kind && !prefix && AfterPlaceWord(name_begin)) {
      AddPlace(name_begin, end,
               entry.country.empty() ? CountryOfCode(code) : std::optional(entry.country));
      if (!reading_.dictionary_first) {
        Cover(name_begin, end);
        return end;
      }
    }
    if (code.empty() || entry.kind == actors::NameKind::kPlace ||
        entry.kind == actors::NameKind::kRegion) {
      return end;
    }
    ActorSpan actor{begin, end, prefix ? WithAgent(code, *prefix) : std::move(code), std::nullopt,
                    false};
    // "Gondor's Prime Minister", "Dagolath's first Deputy Prime Minister",
    // "Osgiliath soldiers": the agent joins.
    uint32_t agent_at = end;
    if (agent_at < view_.size() && view_.words[agent_at] == "'s") ++agent_at;
    const std::string name_code = actor.code;
    bool agent_joined = false;
    for (uint32_t modifiers = 0; modifiers <= kMaxAgentModifiers && agent_at < view_.size();
         ++modifiers, ++agent_at) {
      const actors::Match<actors::AgentEntry> agent = dictionary_.MatchAgent(WordsFrom(agent_at));
      if (agent) {
        actor.code = WithAgent(actor.code, *agent.entry);
        actor.end = agent_at + static_cast<uint32_t>(agent.words);
        agent_joined = true;
        break;
      }
      if (view_.classes[agent_at] != 0 || view_.tokens[agent_at].kind != text::TokenKind::kWord) {
        break;
      }
    }
    Cover(actor.begin, actor.end);
    const uint32_t next = actor.end;
    view_.actors.push_back(actor);
    if (agent_joined) AddSecondAgent(actor, name_code);
    return next;
  }

  // True when words [from, to) may stand between a title or possessive and
  // its head: "'s", capitalised words, role nouns; at most five.
  bool IsTitleGap(uint32_t from, uint32_t to) const {
    if (to < from || to - from > 5) return false;
    for (uint32_t w = from; w < to;) {
      if (view_.Is(w, kClauseWords)) return false;
      if (view_.words[w] == "'s" || view_.capitalised[w]) {
        ++w;
        continue;
      }
      const actors::Match<actors::AgentEntry> agent =
          dictionary_.MatchAgent(std::span<const std::string>(view_.words).subspan(w, to - w));
      if (!agent) return false;
      w += static_cast<uint32_t>(agent.words);
    }
    return true;
  }

  const Article& article_;
  const actors::Dictionary& dictionary_;
  const Rules& rules_;
  std::optional<CivilDay> day_;
  ActorReading reading_;
  SentenceView& view_;
  std::vector<bool> covered_;
};

// 1: a comma alone; 2: "and", "or", ", and"; 0: anything else. A
// determiner and up to two modifiers may follow ("and the evil Gondor").
int SeparatorKind(const SentenceView& view, uint32_t from, uint32_t to) {
  uint32_t w = from;
  int kind = 0;
  if (w < to && view.words[w] == ",") {
    kind = 1;
    ++w;
  }
  if (w < to && (view.words[w] == "and" || view.words[w] == "or")) {
    kind = 2;
    ++w;
  }
  if (kind == 0) return 0;
  if (w < to && view.Is(w, kDeterminer) && !view.Is(w, kRelative)) ++w;
  for (int modifiers = 0; w < to && modifiers < 2; ++modifiers, ++w) {
    if (view.classes[w] != 0 || view.tokens[w].kind != text::TokenKind::kWord) return 0;
  }
  return w == to ? kind : 0;
}

// The actor after the last member of the group that starts at actor `a`:
// "A and B", "A, B and C", "A or B"; a list joined by commas alone is an
// apposition ("Wang Yi, China's foreign minister"), not a compound, and an
// actor a verb follows is the subject of a clause of its own ("Russia
// attacked Ukraine and Germany visited France").
// True when a verb stands between the clause's start and word `w`: an actor
// there is an object, so an actor a verb follows starts a clause of its own.
bool AfterVerb(const SentenceView& view, uint32_t w, const std::vector<bool>& verb_starts) {
  for (uint32_t j = std::min<uint32_t>(w, static_cast<uint32_t>(verb_starts.size())); j-- > 0;) {
    if (view.Is(j, kReporting | kSubordinator | kRelative | kCondition) ||
        view.IsPunctuation(j, ";:")) {
      return false;
    }
    if (verb_starts[j]) return true;
  }
  return false;
}

uint32_t GroupEnd(const SentenceView& view, uint32_t a, const std::vector<bool>& verb_starts) {
  const bool object = AfterVerb(view, view.actors[a].begin, verb_starts);
  uint32_t end = a + 1;
  uint32_t first_comma_end = 0;
  bool joined = false;
  while (end < view.actors.size() && end - a < kMaxMembers) {
    const uint32_t from = view.actors[end - 1].end;
    const uint32_t to = view.actors[end].begin;
    const int kind = SeparatorKind(view, from, to);
    if (kind == 0) break;
    const uint32_t after = view.actors[end].end;
    if (object && after < verb_starts.size() && verb_starts[after]) break;
    if (kind == 1 && first_comma_end == 0) first_comma_end = end;
    if (kind == 2) joined = true;
    ++end;
  }
  if (!joined && first_comma_end != 0) return first_comma_end;
  return end;
}

}  // namespace

void FormGroups(SentenceView& view, const std::vector<bool>& verb_starts) {
  const uint32_t n = view.size();
  view.groups.clear();
  view.group_at.assign(n, -1);
  view.group_of.assign(n, -1);
  for (uint32_t a = 0; a < view.actors.size();) {
    const uint32_t end = GroupEnd(view, a, verb_starts);
    ActorGroup group{view.actors[a].begin, view.actors[end - 1].end, {}};
    for (uint32_t m = a; m < end; ++m) group.members.push_back(m);
    const int32_t id = static_cast<int32_t>(view.groups.size());
    view.group_at[group.begin] = id;
    for (uint32_t w = group.begin; w < group.end; ++w) view.group_of[w] = id;
    view.groups.push_back(std::move(group));
    a = end;
  }
}

bool SentenceView::IsPunctuation(uint32_t word, std::string_view marks) const {
  const std::string& w = words[word];
  return w.size() == 1 && marks.find(w[0]) != marks.npos;
}

SentenceView ReadSentence(const Article& article, uint32_t index,
                          std::span<const text::Token> tokens,
                          std::span<const std::pair<uint32_t, uint32_t>> mentions,
                          const actors::Dictionary& dictionary, const Rules& rules,
                          std::optional<CivilDay> day, ActorReading reading,
                          Antecedent& antecedent) {
  SentenceView view;
  view.index = index;
  view.tokens = tokens;
  SentenceReader reader(article, dictionary, rules, day, reading, view);
  reader.ReadWords();
  if (reading.dictionary_first) {
    reader.AddDictionaryActors();
    reader.AddEntityActors(mentions);
  } else {
    reader.AddEntityActors(mentions);
    reader.AddDictionaryActors();
  }
  reader.JoinHeads();
  reader.DropDateline();
  reader.AddPronouns(antecedent);
  FormGroups(view, {});
  return view;
}

}  // namespace storyline::events
