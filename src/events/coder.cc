// The Coder: loads the dictionaries, finds the verbs of each sentence and
// turns each into events (events.h has the rules in short, docs/events.md
// in full).
#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "core/calendar.h"
#include "events/clauses.h"
#include "events/events.h"
#include "events/matcher.h"
#include "events/rules.h"
#include "events/sentence.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

// Added to the distance of a time expression outside the verb's clause, so
// that one inside it dates the event when there is one.
constexpr uint32_t kOtherClauseDistance = 1u << 20;

// Stems shorter than this are not looked up by prefix.
constexpr size_t kMinStemBytes = 3;

// Entries (verb forms, discard phrases) by their first word; stems by their
// letters, found through the prefixes of the word looked up.
class FirstWordIndex {
 public:
  void Add(const Word& word, uint32_t value) {
    if (word.stem && word.text.size() >= kMinStemBytes) {
      by_stem_[word.text].push_back(value);
      max_stem_ = std::max(max_stem_, word.text.size());
    } else {
      by_word_[word.text].push_back(value);
    }
  }

  template <typename Visit>
  void ForEach(const std::string& word, const Visit& visit) const {
    if (const auto it = by_word_.find(word); it != by_word_.end()) {
      for (const uint32_t value : it->second) visit(value);
    }
    if (by_stem_.empty()) return;
    std::string prefix;
    for (size_t length = std::min(word.size(), max_stem_); length >= kMinStemBytes; --length) {
      prefix.assign(word, 0, length);
      if (const auto it = by_stem_.find(prefix); it != by_stem_.end()) {
        for (const uint32_t value : it->second) visit(value);
      }
    }
  }

 private:
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_word_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_stem_;
  size_t max_stem_ = 0;
};

// How many elements of a pattern are words to match (slots excluded): the
// more, the more specific, and the earlier it is tried.
size_t WordsOf(const std::vector<Element>& elements) {
  size_t count = 0;
  for (const Element& element : elements) {
    if (element.kind == Element::Kind::kWord || element.kind == Element::Kind::kSynset) ++count;
    if (element.kind == Element::Kind::kChoice) {
      size_t longest = 0;
      for (const std::vector<Element>& choice : element.choices) {
        longest = std::max(longest, WordsOf(choice));
      }
      count += longest;
    }
  }
  return count;
}

size_t Specificity(const Pattern& pattern) {
  return WordsOf(pattern.before) + WordsOf(pattern.after);
}

void ShiftSynsets(std::vector<Element>& elements, uint32_t offset) {
  for (Element& element : elements) {
    if (element.kind == Element::Kind::kSynset) element.synset += offset;
    for (std::vector<Element>& choice : element.choices) ShiftSynsets(choice, offset);
  }
}

// Appends `more` to `into`, renumbering its synonym-set references.
void Append(VerbDictionary& into, VerbDictionary more) {
  const uint32_t offset = static_cast<uint32_t>(into.synsets.size());
  for (Synset& synset : more.synsets) {
    for (std::vector<Element>& phrase : synset.phrases) ShiftSynsets(phrase, offset);
    into.synsets.push_back(std::move(synset));
  }
  for (Verb& verb : more.verbs) {
    for (Pattern& pattern : verb.patterns) {
      ShiftSynsets(pattern.before, offset);
      ShiftSynsets(pattern.after, offset);
    }
    into.verbs.push_back(std::move(verb));
  }
  for (Discard& discard : more.discards) {
    ShiftSynsets(discard.phrase, offset);
    into.discards.push_back(std::move(discard));
  }
  into.written_for_parser = into.written_for_parser || more.written_for_parser;
}

// One code is the other with agents added ("CHN", "CHNGOV"): the same
// country's actor on both sides is a possessive or apposition read twice,
// not an event between two actors.
bool SameActor(const std::string& a, const std::string& b) {
  return a.starts_with(b) || b.starts_with(a);
}

// "FRO/BIL/SAM" -> {"FRO", "BIL", "SAM"}
std::vector<std::string> SplitCodes(const std::string& codes) {
  std::vector<std::string> split;
  for (size_t start = 0; start <= codes.size();) {
    const size_t slash = std::min(codes.find('/', start), codes.size());
    if (slash > start) split.push_back(codes.substr(start, slash - start));
    start = slash + 1;
  }
  return split;
}

std::optional<CivilDay> PublicationDay(const Article& article) {
  if (!article.published.value) return std::nullopt;
  return CivilDay::FromIso(std::string_view(*article.published.value).substr(0, 10));
}

// A TimeML DATE value that names a day, month, week or year: "2021-09-27",
// "2021-09", "2021-W39", "2021"; the day part of a longer one.
std::optional<std::string> DateOfTimex(const Timex& timex) {
  if (timex.type != "DATE" && timex.type != "TIME") return std::nullopt;
  const std::string& value = timex.value;
  if (value.size() < 4 || !std::all_of(value.begin(), value.begin() + 4,
                                       [](unsigned char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  if (value.size() > 10 && value[4] == '-' && value[7] == '-') return value.substr(0, 10);
  return value;
}

}  // namespace

struct Coder::State {
  std::vector<CodeInfo> codes;
  absl::flat_hash_map<std::string, uint32_t> code_index;
  Rules rules;
  VerbDictionary dictionary;
  FirstWordIndex verb_forms;  // -> index into `forms`
  // RequiredBits of each pattern, by verb, in the verbs' pattern order.
  std::vector<std::vector<uint64_t>> pattern_bits;
  std::vector<std::pair<uint32_t, uint32_t>> forms;  // (verb, form)
  FirstWordIndex discards;                           // -> index into dictionary.discards
  // Discards that begin with a choice, a set or a slot: tried on every sentence.
  std::vector<uint32_t> unindexed_discards;
  std::shared_ptr<const actors::Dictionary> actors;
  // True with our verb dictionary: future and possible acts take their
  // intent codes, and reporting verbs code only through their patterns. A
  // user's dictionary codes as its own patterns say (that is how TABARI and
  // PETRARCH dictionaries code "will visit" and "said"); the modality is
  // recorded either way.
  bool our_dictionary = false;
  ActorReading reading;

  void Index() {
    for (uint32_t v = 0; v < dictionary.verbs.size(); ++v) {
      Verb& verb = dictionary.verbs[v];
      std::stable_sort(
          verb.patterns.begin(), verb.patterns.end(),
          [](const Pattern& a, const Pattern& b) { return Specificity(a) > Specificity(b); });
      std::vector<uint64_t>& bits = pattern_bits.emplace_back();
      for (const Pattern& pattern : verb.patterns) bits.push_back(RequiredBits(pattern));
      for (uint32_t f = 0; f < verb.forms.size(); ++f) {
        if (verb.forms[f].empty()) continue;
        verb_forms.Add(verb.forms[f].front(), static_cast<uint32_t>(forms.size()));
        forms.emplace_back(v, f);
      }
    }
    for (uint32_t d = 0; d < dictionary.discards.size(); ++d) {
      const std::vector<Element>& phrase = dictionary.discards[d].phrase;
      if (!phrase.empty() && phrase.front().kind == Element::Kind::kWord) {
        discards.Add(phrase.front().word, d);
      } else {
        unindexed_discards.push_back(d);
      }
    }
  }
};

Coder::Coder(std::unique_ptr<const State> state) : state_(std::move(state)) {}
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;
Coder::~Coder() = default;

Result<Coder> Coder::Create(const Options& options, const DataFiles& data,
                            std::shared_ptr<const actors::Dictionary> dictionary) {
  auto state = std::make_unique<State>();
  state->actors = std::move(dictionary);
  SL_ASSIGN_OR_RETURN(const std::string codes, data.Read(options.codes));
  SL_ASSIGN_OR_RETURN(state->codes, ParseCodes(codes, options.codes));
  for (uint32_t i = 0; i < state->codes.size(); ++i) state->code_index[state->codes[i].code] = i;
  SL_ASSIGN_OR_RETURN(const std::string rules, data.Read(options.rules));
  SL_ASSIGN_OR_RETURN(state->rules, Rules::Parse(rules, options.rules, state->codes));
  state->our_dictionary = options.verb_files.empty();
  state->reading.dictionary_first = options.user_actors;
  if (state->our_dictionary) {
    SL_ASSIGN_OR_RETURN(const std::string ours, data.Read(options.verbs));
    SL_ASSIGN_OR_RETURN(VerbDictionary verbs, ReadOurVerbs(options.verbs, ours));
    Append(state->dictionary, std::move(verbs));
  }
  for (const std::string& path : options.verb_files) {
    SL_ASSIGN_OR_RETURN(VerbDictionary verbs, ReadVerbFile(path));
    Append(state->dictionary, std::move(verbs));
  }
  for (const std::string& path : options.discard_files) {
    SL_ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
    SL_ASSIGN_OR_RETURN(std::vector<Discard> discards, ReadDiscards(path, text));
    Append(state->dictionary, VerbDictionary{{}, {}, std::move(discards)});
  }
  state->Index();
  return Coder(std::move(state));
}

const CodeInfo* Coder::Info(std::string_view code) const {
  const auto it = state_->code_index.find(std::string(code));
  return it == state_->code_index.end() ? nullptr : &state_->codes[it->second];
}

namespace {

// Codes one article: the state, the article and the events so far.
class ArticleCoder {
 public:
  ArticleCoder(const Coder& coder, const Coder::State& state, const Article& article)
      : coder_(coder), state_(state), article_(article), day_(PublicationDay(article)) {}

  std::vector<Event> Run(const std::vector<std::vector<text::Token>>& words);

 private:
  bool Discarded(const SentenceView& sentence, bool story_level) const;
  std::vector<VerbAt> FindVerbs(const SentenceView& sentence) const;
  void DropWeakEvents(size_t first);
  void CodeVerb(const SentenceView& sentence, const Clauses& clauses, const VerbAt& at,
                std::vector<bool>& coded);
  void Emit(const SentenceView& sentence, const VerbAt& at, const ActorSpan& source,
            const ActorSpan* target, const std::string& code, const std::string& pattern,
            const VerbGroup& group, double confidence);
  EventActor ActorOf(const SentenceView& sentence, const ActorSpan& actor) const;
  EventDate DateOf(const SentenceView& sentence, const VerbAt& at) const;
  std::optional<EventPlace> PlaceOf(const SentenceView& sentence) const;
  std::optional<uint32_t> QuoteOf(ByteSpan verb) const;
  bool NamesNegation(const std::vector<Element>& elements) const;
  int32_t FindTarget(const SentenceView& sentence, const Clauses& clauses, const VerbAt& at,
                     uint32_t reach, int32_t source, bool noun) const;

  const Coder& coder_;
  const Coder::State& state_;
  const Article& article_;
  std::optional<CivilDay> day_;
  std::vector<Event> events_;
  // Parallel to events_: coded with a weak code (TABARI's "[023?]").
  std::vector<bool> weak_events_;
  bool weak_ = false;  // the verb being coded has a weak code
  // Where the clause of the verb being coded starts, in bytes: a time
  // expression before it dates another clause (or the dateline).
  uint32_t clause_start_byte_ = 0;
  // Sentence, source word and code, target word and code, event code.
  std::set<std::tuple<uint32_t, uint32_t, std::string, uint32_t, std::string, std::string>> seen_;
};

bool ArticleCoder::Discarded(const SentenceView& sentence, bool story_level) const {
  const Matcher matcher(sentence, state_.dictionary.synsets);
  bool found = false;
  const auto check = [&](uint32_t d) {
    const Discard& discard = state_.dictionary.discards[d];
    if (!found && discard.story == story_level && matcher.Contains(discard.phrase)) found = true;
  };
  for (uint32_t i = 0; i < sentence.size() && !found; ++i) {
    state_.discards.ForEach(sentence.words[i], check);
  }
  for (const uint32_t d : state_.unindexed_discards) check(d);
  return found;
}

// True when most words of the sentence start with a capital: a headline in
// title case or a sentence in capitals, where capitals tell nothing.
bool TitleCase(const SentenceView& sentence) {
  uint32_t words = 0;
  uint32_t capitalised = 0;
  for (uint32_t i = 0; i < sentence.size(); ++i) {
    if (sentence.tokens[i].kind != text::TokenKind::kWord || sentence.Is(i, kArticle)) continue;
    ++words;
    if (sentence.capitalised[i]) ++capitalised;
  }
  return words > 0 && capitalised * 5 >= words * 4;
}

std::vector<VerbAt> ArticleCoder::FindVerbs(const SentenceView& sentence) const {
  std::vector<VerbAt> found;
  const bool title_case = TitleCase(sentence);
  for (uint32_t i = 0; i < sentence.size();) {
    if (sentence.group_of[i] >= 0) {
      ++i;
      continue;
    }
    // A verb form after a determiner or a possessive is a noun ("its
    // visit", "Britain's vote"), and with a dictionary written for a parser
    // after a preposition too ("under fire"); a TABARI dictionary shifts a
    // form only after an article ("the restore"), as TABARI does.
    const bool full_rule = state_.our_dictionary || state_.dictionary.written_for_parser;
    const bool after_determiner =
        i > 0 && (sentence.Is(i - 1, full_rule ? kDeterminer : kArticle) ||
                  (full_rule && sentence.words[i - 1] == "'s") ||
                  (state_.dictionary.written_for_parser && sentence.Is(i - 1, kOblique) &&
                   sentence.words[i - 1] != "to"));
    std::optional<VerbAt> best;
    bool best_fits = false;
    state_.verb_forms.ForEach(sentence.words[i], [&](uint32_t f) {
      const auto [v, form_index] = state_.forms[f];
      const Verb& verb = state_.dictionary.verbs[v];
      const std::vector<Word>& form = verb.forms[form_index];
      if (i + form.size() > sentence.size()) return;
      for (size_t k = 0; k < form.size(); ++k) {
        if (!WordMatches(form[k], sentence.words[i + k])) return;
      }
      // A verb form after a determiner is a noun ("the restore"); an event
      // noun is read anywhere.
      const bool fits = verb.noun || !after_determiner;
      const uint32_t end = i + static_cast<uint32_t>(form.size());
      if (!best || (fits && !best_fits) ||
          (fits == best_fits && end - i > best->end - best->begin)) {
        best = VerbAt{v, i, end};
        best_fits = fits;
      }
    });
    // A capitalised verb form inside a sentence is a name ("Restore"),
    // unless the sentence is in capitals or title case throughout.
    const bool name_like = i > 0 && sentence.capitalised[i] && !title_case;
    if (best && best_fits && !name_like) {
      found.push_back(*best);
      i = best->end;
    } else {
      ++i;
    }
  }
  return found;
}

std::vector<Event> ArticleCoder::Run(const std::vector<std::vector<text::Token>>& words) {
  const uint32_t sentences =
      static_cast<uint32_t>(std::min(article_.sentences.size(), words.size()));
  // The (entity, mention) pairs of each sentence.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> mentions(sentences);
  for (const Entity& entity : article_.entities) {
    for (uint32_t m = 0; m < entity.mentions.size(); ++m) {
      const uint32_t sentence = entity.mentions[m].sentence;
      if (sentence < sentences) mentions[sentence].emplace_back(entity.id, m);
    }
  }
  std::vector<SentenceView> views;
  views.reserve(sentences);
  Antecedent antecedent;
  for (uint32_t s = 0; s < sentences; ++s) {
    views.push_back(ReadSentence(article_, s, words[s], mentions[s], *state_.actors, state_.rules,
                                 day_, state_.reading, antecedent));
    if (Discarded(views.back(), /*story_level=*/true)) return {};
  }
  for (SentenceView& sentence : views) {
    if (sentence.groups.empty() || Discarded(sentence, /*story_level=*/false)) continue;
    const std::vector<VerbAt> verbs = FindVerbs(sentence);
    std::vector<bool> starts(sentence.size() + 1, false);
    for (const VerbAt& at : verbs) starts[at.begin] = true;
    FormGroups(sentence, starts);
    const Clauses clauses(sentence, std::move(starts));
    std::vector<bool> coded(sentence.size(), false);
    const size_t first = events_.size();
    for (const VerbAt& at : verbs) CodeVerb(sentence, clauses, at, coded);
    DropWeakEvents(first);
  }
  for (uint32_t i = 0; i < events_.size(); ++i) events_[i].id = i;
  return std::move(events_);
}

// Weak events stand only in a sentence that codes nothing else.
void ArticleCoder::DropWeakEvents(size_t first) {
  const bool strong =
      std::find(weak_events_.begin() + first, weak_events_.end(), false) != weak_events_.end();
  if (!strong) return;
  size_t kept = first;
  for (size_t i = first; i < events_.size(); ++i) {
    if (weak_events_[i]) continue;
    if (kept != i) events_[kept] = std::move(events_[i]);
    weak_events_[kept++] = false;
  }
  events_.resize(kept);
  weak_events_.resize(kept);
}

void ArticleCoder::CodeVerb(const SentenceView& sentence, const Clauses& clauses, const VerbAt& at,
                            std::vector<bool>& coded) {
  const Verb& verb = state_.dictionary.verbs[at.verb];
  Opening opening;
  const uint32_t clause_begin = clauses.Begin(at.begin, opening);
  const VerbGroup group = clauses.Group(at.begin, clause_begin, opening);
  // "agreed to meet", "threatened to impose", "held talks to discuss": the
  // act is the one already coded in the clause; "agreed to hold talks"
  // likewise for an event noun in its object.
  // A user's dictionary codes one act a clause, as TABARI and PETRARCH do.
  if ((group.infinitive || verb.noun || !state_.our_dictionary) &&
      std::find(coded.begin() + clause_begin, coded.begin() + at.begin, true) !=
          coded.begin() + at.begin) {
    return;
  }
  const uint32_t reach = clauses.Reach(at.end, opening);
  clause_start_byte_ =
      sentence.tokens[clause_begin < sentence.size() ? clause_begin : 0].span.begin;
  const Matcher matcher(sentence, state_.dictionary.synsets);
  Slots slots;
  const Pattern* fired = nullptr;
  const std::vector<uint64_t>& bits = state_.pattern_bits[at.verb];
  for (size_t p = 0; p < verb.patterns.size(); ++p) {
    if ((bits[p] & ~sentence.word_bits) != 0) continue;
    if (matcher.Match(verb.patterns[p], clause_begin, at.begin, at.end, reach, slots)) {
      fired = &verb.patterns[p];
      break;
    }
  }
  std::string code = fired ? fired->code : verb.code;
  // TABARI's "[023?]": a code used only when nothing else in the sentence is.
  const bool weak = code.ends_with('?');
  if (weak) code.pop_back();
  // Reporting verbs ("said", "told") code only through their patterns; a
  // negative pattern codes nothing.
  const std::string& paired = fired ? fired->paired_code : verb.paired_code;
  // PETRARCH's "[:173]" codes the reverse event alone: "appeared before the
  // court" is the court's act.
  if ((code.empty() && paired.empty()) ||
      (!fired && state_.our_dictionary && sentence.Is(at.begin, kReporting))) {
    return;
  }
  const std::string& pattern_source = fired ? fired->source : verb.source;

  int32_t source = slots.source >= 0 ? slots.source : slots.both;
  int32_t target = slots.target >= 0 ? slots.target : slots.both;
  if (source < 0) {
    if (group.passive && !verb.noun) {
      source = clauses.ByAgent(at.end, reach);
      if (target < 0) target = clauses.Subject(at.begin);
    } else {
      source = clauses.Subject(at.begin);
    }
  }
  if (source < 0) return;
  if (!weak) coded[at.begin] = true;
  weak_ = weak;
  VerbGroup told = group;
  // A pattern that spells the negation out ("NOT *") codes the negated act
  // itself.
  if (fired && (NamesNegation(fired->before) || NamesNegation(fired->after))) {
    told.negated = false;
  }
  if (target < 0) {
    const bool symmetric_act = !paired.empty() && paired == (fired ? fired->code : verb.code);
    target = FindTarget(sentence, clauses, at, reach, source, verb.noun || symmetric_act);
  }
  // "talks between Moscow and Beijing": the compound is both sides.
  if (target >= 0 && target != source && sentence.groups[target].members.size() >= 2 &&
      sentence.groups[target].begin == at.end + 1 && sentence.words[at.end] == "between") {
    source = target;
  }
  double confidence = 0.5;
  if (fired) confidence += 0.25;
  if (target >= 0 && sentence.groups[target].begin < at.end + 8) confidence += 0.1;
  const ActorGroup& from = sentence.groups[source];
  const auto emit = [&](uint32_t a, uint32_t b, const std::string& event_code) {
    Emit(sentence, at, sentence.actors[a], &sentence.actors[b], event_code, pattern_source, told,
         confidence);
  };
  if (target >= 0 && target != source) {
    for (const uint32_t a : from.members) {
      for (const uint32_t b : sentence.groups[target].members) {
        if (!code.empty()) emit(a, b, code);
        if (!paired.empty()) emit(b, a, paired);
      }
    }
    return;
  }
  // "China and NATO held talks": a symmetric act among a compound's members;
  // with a user's dictionary any act, as TABARI codes "Gondor and Osgiliath
  // postponed their meeting".
  const bool symmetric = !paired.empty() && paired == code;
  if (code.empty()) return;
  if (from.members.size() >= 2 && (symmetric || !state_.our_dictionary)) {
    for (const uint32_t a : from.members) {
      for (const uint32_t b : from.members) {
        if (a != b) emit(a, b, code);
      }
    }
    return;
  }
  // An act with no target stands only on a verb whose subject is named:
  // "the attacks", "a convention fight" or "he fought" alone say too little.
  if (target < 0 && state_.our_dictionary && state_.rules.Untargeted(code) && !verb.noun &&
      !sentence.actors[from.members.front()].pronoun) {
    Emit(sentence, at, sentence.actors[from.members.front()], nullptr, code, pattern_source, told,
         confidence - 0.2);
  }
}

// True when one of the elements' words is a negation ("NOT *", "{ NOT | DECLINED } *").
bool ArticleCoder::NamesNegation(const std::vector<Element>& elements) const {
  for (const Element& element : elements) {
    if (element.kind == Element::Kind::kWord &&
        (state_.rules.Classes(element.word.text) & kNegation)) {
      return true;
    }
    for (const std::vector<Element>& choice : element.choices) {
      if (NamesNegation(choice)) return true;
    }
  }
  return false;
}

void ArticleCoder::Emit(const SentenceView& sentence, const VerbAt& at, const ActorSpan& source,
                        const ActorSpan* target, const std::string& code,
                        const std::string& pattern, const VerbGroup& group, double confidence) {
  // A TABARI actor of several codes ("The Shire" [FRO/BIL/SAM]) is each of them.
  if (source.code.find('/') != std::string::npos ||
      (target && target->code.find('/') != std::string::npos)) {
    for (const std::string& source_code : SplitCodes(source.code)) {
      ActorSpan one_source = source;
      one_source.code = source_code;
      if (!target) {
        Emit(sentence, at, one_source, nullptr, code, pattern, group, confidence);
        continue;
      }
      for (const std::string& target_code : SplitCodes(target->code)) {
        ActorSpan one_target = *target;
        one_target.code = target_code;
        Emit(sentence, at, one_source, &one_target, code, pattern, group, confidence);
      }
    }
    return;
  }
  if (target && SameActor(target->code, source.code)) return;
  // Future and possible acts are coded as the intent or threat CAMEO has for them.
  const bool undone =
      state_.our_dictionary && (group.modality == "future" || group.modality == "possible");
  const std::string final_code(undone ? state_.rules.Intent(code) : std::string_view(code));
  // One event per actors and act: the same pair coded twice in a sentence
  // (two verbs, two patterns) is one event; an actor of several codes is
  // one event per code.
  const auto key = std::make_tuple(sentence.index, source.begin, source.code,
                                   target ? target->begin : UINT32_MAX,
                                   target ? target->code : std::string(), final_code);
  if (!seen_.insert(key).second) return;
  weak_events_.push_back(weak_);
  Event& event = events_.emplace_back();
  event.sentence = sentence.index;
  event.code = final_code;
  if (const CodeInfo* info = coder_.Info(final_code)) {
    event.root = info->root;
    event.quad_class = info->quad_class;
    event.goldstein = info->goldstein;
  } else {
    event.root = final_code.substr(0, 2);
  }
  event.source = ActorOf(sentence, source);
  if (target) event.target = ActorOf(sentence, *target);
  event.verb = sentence.Span(at.begin, at.end);
  event.date = DateOf(sentence, at);
  event.place = PlaceOf(sentence);
  event.pattern = pattern;
  if (source.pronoun || (target && target->pronoun)) confidence -= 0.1;
  // Two decimals: the steps of the score are tenths and twentieths.
  event.confidence = std::round(std::clamp(confidence, 0.05, 0.95) * 100) / 100;
  event.negated = group.negated;
  event.modality = group.modality;
  event.quote = QuoteOf(event.verb);
}

EventActor ArticleCoder::ActorOf(const SentenceView& sentence, const ActorSpan& actor) const {
  EventActor out;
  out.span = sentence.Span(actor.begin, actor.end);
  out.text = article_.text.substr(out.span.begin, out.span.size());
  out.code = actor.code;
  out.entity = actor.entity;
  return out;
}

EventDate ArticleCoder::DateOf(const SentenceView& sentence, const VerbAt& at) const {
  const ByteSpan verb = sentence.Span(at.begin, at.end);
  const Timex* nearest = nullptr;
  uint32_t nearest_distance = UINT32_MAX;
  for (const Timex& timex : article_.timexes) {
    if (timex.sentence != sentence.index || !DateOfTimex(timex)) continue;
    uint32_t distance = timex.span.begin >= verb.end   ? timex.span.begin - verb.end
                        : timex.span.end <= verb.begin ? verb.begin - timex.span.end
                                                       : 0;  // they overlap
    // One in the verb's clause first: "BEIJING, Sept 28 - ... met on Monday".
    if (timex.span.end <= clause_start_byte_) distance += kOtherClauseDistance;
    if (distance < nearest_distance) {
      nearest = &timex;
      nearest_distance = distance;
    }
  }
  EventDate date;
  if (nearest) {
    date.value = DateOfTimex(*nearest);
    date.how = "timex";
    date.span = nearest->span;
  } else if (article_.published.value) {
    date.value = article_.published.value->substr(0, 10);
    date.how = article_.published.how == DateHow::kInferred ? "inferred" : "publication";
  }
  return date;
}

std::optional<EventPlace> ArticleCoder::PlaceOf(const SentenceView& sentence) const {
  if (sentence.places.empty()) return std::nullopt;
  const PlaceSpan& place = sentence.places.front();
  EventPlace out;
  out.span = sentence.Span(place.begin, place.end);
  out.text = article_.text.substr(out.span.begin, out.span.size());
  out.country = place.country;
  return out;
}

int32_t ArticleCoder::FindTarget(const SentenceView& sentence, const Clauses& clauses,
                                 const VerbAt& at, uint32_t reach, int32_t source,
                                 bool noun) const {
  const std::string& from = sentence.actors[sentence.groups[source].members.front()].code;
  const auto acceptable = [&](int32_t group) {
    for (const uint32_t member : sentence.groups[group].members) {
      if (!SameActor(sentence.actors[member].code, from)) return true;
    }
    return false;
  };
  for (uint32_t j = at.end; j < reach;) {
    const int32_t group = clauses.GroupAfter(j, reach, source);
    if (group < 0) break;
    if (acceptable(group)) return group;
    j = sentence.groups[group].end;
  }
  if (!noun) return -1;
  // "X picked up the phone to Y for a discussion": an event noun's other
  // side may stand between its subject and it.
  for (uint32_t g = static_cast<uint32_t>(sentence.groups.size()); g-- > 0;) {
    const ActorGroup& group = sentence.groups[g];
    if (group.end <= at.begin && group.begin > sentence.groups[source].begin &&
        static_cast<int32_t>(g) != source && acceptable(static_cast<int32_t>(g))) {
      return static_cast<int32_t>(g);
    }
  }
  return -1;
}

std::optional<uint32_t> ArticleCoder::QuoteOf(ByteSpan verb) const {
  for (uint32_t q = 0; q < article_.quotes.size(); ++q) {
    const ByteSpan span = article_.quotes[q].span;
    if (span.begin <= verb.begin && verb.end <= span.end) return q;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Event> Coder::Code(const Article& article,
                               const std::vector<std::vector<text::Token>>& words) const {
  return ArticleCoder(*this, *state_, article).Run(words);
}

}  // namespace storyline::events
