// actors.h: CAMEO actor codes for the things articles name.
//
// Consumes what the entity stage (entities/entities.h) learns about an entity
// (its names, the role noun and the country or organisation that qualify it)
// and the article's date; produces an ActorCode (core/article.h) with how it
// was found:
//
//   "Wang Yi", article of 2021-09-28            CHNGOV     person  (dated office)
//   "Wang Yi", article of 2005-01-01            none: no office of his holds that day
//   "Chinese Foreign Ministry"                   CHNGOV     role    (adjective + body)
//   "Taliban spokesman Mohammed Naeem"           AFGREB     role    (group + inheriting role)
//   "Foreign Minister Wang Yi", no date          CHNGOV     role    (his country + the role)
//   "NATO"                                       IGOWSTNAT  dictionary
//   "Beijing" (said, met, ...)                   CHN        capital
//   "Chinese" (a MISC adjective)                 CHN        demonym
//
// The dictionaries are ours (data/actors/, docs/formats/actors.md): countries
// and regions generated from ISO 3166, country adjectives and capitals,
// cities, organisations and non-state groups, people with dated offices and
// role nouns with their agent codes. Users' TABARI and PETRARCH/Phoenix
// dictionaries (docs/formats/user-dictionaries.md) load through
// Options::actor_files and Options::agent_files: named actor files replace
// our name dictionaries and named agent files our role nouns, so that a
// researcher's coding is reproduced with their dictionaries alone.
//
// Matching is on words as text::Segmenter::Words splits them, normalised
// by NormalizeWord (lower case, typographic apostrophes as ASCII); the
// longest entry wins. An entry whose last word is a stem (TABARI's words
// without a trailing underscore) matches any word it begins.
//
// Deterministic. A Dictionary is immutable once created; every method may
// run concurrently.
//
//   SL_ASSIGN_OR_RETURN(actors::Dictionary dictionary, actors::Dictionary::Create({}, data));
//   actors::Description entity{.type = "PER", .names = {{"wang", "yi"}}};
//   std::optional<ActorCode> code = dictionary.Resolve(entity, CivilDay::FromIso("2021-09-28"));
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/entries.h"
#include "core/article.h"
#include "core/calendar.h"
#include "core/data_files.h"
#include "core/status.h"

namespace storyline::actors {

struct Options {
  // Users' actor dictionaries (TABARI .actors, PETRARCH/Phoenix *.actors.txt),
  // read in order; an earlier file's entry wins a tie. Non-empty: they
  // replace our name dictionaries for coding.
  std::vector<std::string> actor_files;
  // Users' agent dictionaries (TABARI .agents, Phoenix agents); non-empty:
  // they replace our role nouns.
  std::vector<std::string> agent_files;
};

// The word as dictionaries store it: lower case (full Unicode), ’ and ‘ as
// ASCII apostrophes.
std::string NormalizeWord(std::string_view word);
// The same into `out`, whose capacity is reused (for a loop over many words).
void NormalizeWordInto(std::string_view word, std::string& out);

// A name or role entry matched at the start of some words.
template <typename Entry>
struct Match {
  const Entry* entry = nullptr;  // nullptr: no entry matches
  size_t words = 0;              // how many words it covers
  explicit operator bool() const { return entry != nullptr; }
};

// What the entity stage knows about one entity, for coding.
struct Description {
  std::string type;  // "PER", "ORG", "LOC", "MISC"
  // The normalised words of its name mentions, the fullest first.
  std::vector<std::vector<std::string>> names;
  // A role noun that describes it ("foreign minister", "spokesman",
  // "foreign ministry"), and the phrase it was read from, for evidence.
  const AgentEntry* role = nullptr;
  std::string role_phrase;
  // The country or organisation the role or the name is qualified by
  // ("China's", "Chinese", "NATO", "Taliban"), when one is.
  const NameEntry* affiliation = nullptr;
  // The country the entity belongs to when nothing qualifies its role but
  // it is known otherwise (a person of the dictionary in an article without
  // a date: "Foreign Minister Wang Yi" is still CHNGOV); empty when unknown.
  std::string country;
};

class Dictionary {
 public:
  // Loads our dictionaries from `data` and the users' files named in
  // `options`. Errors: InvalidArgument "file:line: message" for a malformed
  // line; NotFound or IoError for a user file that cannot be read.
  static Result<Dictionary> Create(const Options& options, const DataFiles& data);

  // The longest name entry that matches a prefix of `words` (normalised
  // with NormalizeWord).
  Match<NameEntry> MatchName(std::span<const std::string> words) const;
  // The longest role noun that matches a prefix of `words`; regular plurals
  // of our nouns are entries too.
  Match<AgentEntry> MatchAgent(std::span<const std::string> words) const;

  // The code `entry` has on `day`: the dated code whose days hold it, else
  // its undated code; nullptr when neither applies (every code is dated and
  // none holds the day, or the day is unknown).
  static const DatedCode* CodeOn(const NameEntry& entry, std::optional<CivilDay> day);

  // The actor code of an entity, per the rules at the top of this file;
  // nullopt when nothing about it is known to the dictionaries.
  std::optional<ActorCode> Resolve(const Description& entity, std::optional<CivilDay> day) const;

  // The usual name of a country code ("United States" for "USA"): the first
  // name our country list gives it; empty when unknown.
  std::string_view CountryName(std::string_view code) const;

  // Every name and role of the dictionaries as (category, normalised
  // words), for the entity tagger's gazetteer features. Categories:
  // "country", "adjective", "capital", "region", "city", "organisation",
  // "group", "person", "role", "actor" (users' entries).
  std::vector<std::pair<std::string, std::vector<std::string>>> GazetteerPhrases() const;

  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;
  ~Dictionary();

 private:
  struct Index;
  explicit Dictionary(std::unique_ptr<const Index> index);
  std::unique_ptr<const Index> index_;
};

}  // namespace storyline::actors
