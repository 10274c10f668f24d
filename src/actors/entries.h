// entries.h: the in-memory form every actor dictionary is read into, ours
// (data/actors/, docs/formats/actors.md) and users' (TABARI .actors and
// .agents, PETRARCH/Phoenix *.actors.txt and agents files). Internal to the
// actors module: other modules use actors/actors.h.
//
// Each loader turns one file into entries; the resolver (actors.h) indexes
// the entries of all loaded files and looks names and role nouns up in them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/status.h"

namespace storyline::actors {

// A code valid over a span of days; either end may be open. A name with
// several codes (a person who held several offices) takes the one whose span
// holds the article's date; an undated code applies when no dated one does.
struct DatedCode {
  std::string code;              // "CHNGOV", "IGOWSTNAT", "USA"
  std::optional<CivilDay> from;  // first day, inclusive
  std::optional<CivilDay> to;    // last day, inclusive
  bool operator==(const DatedCode&) const = default;
};

// What kind of thing a name entry names. Our files set it; users' actor
// files give kUser (their entries say nothing more).
enum class NameKind {
  kCountry,       // "China", "People's Republic of China"
  kAdjective,     // "Chinese": before a noun ("Chinese officials") or as a people
  kCapital,       // "Beijing": the city, and the government by metonymy
  kRegion,        // a province or state: "Xinjiang", "California"
  kPlace,         // another city or place
  kOrganisation,  // an international or national organisation: "NATO", "United Nations"
  kGroup,         // a non-state armed or political group: "Taliban"
  kPerson,        // a person with dated roles: "Wang Yi"
  kUser,          // an entry of a user's dictionary
};

// A name (one or more words) and the actor code(s) it stands for.
struct NameEntry {
  // The words as text::Segmenter::Words splits them, normalised by
  // NormalizeWord (actors.h): {"people", "'s", "republic", "of", "china"}.
  std::vector<std::string> words;
  // True when the last word matches any word it begins (TABARI's stems:
  // "afghan" matching "afghans"); false when it must match whole.
  bool last_is_stem = false;
  NameKind kind = NameKind::kUser;
  std::vector<DatedCode> codes;
  // For people: the office behind each dated code, in the same order
  // ("foreign minister"); may be empty.
  std::vector<std::string> roles;
  // The ISO 3166 alpha-3 country the name belongs to, when known (a capital's
  // or region's country, a person's, a national organisation's).
  std::string country;
  std::string source;  // "actors/people.tsv:212", "/path/Phoenix.agents.txt:40"
};

// A role or sector noun (one or more words) and the agent code it adds to
// its country or organisation: "foreign minister" -> GOV, "rebels" -> REB.
struct AgentEntry {
  std::vector<std::string> words;  // lower-cased, as NameEntry::words
  bool last_is_stem = false;
  std::string code;  // three letters (or more, "GOVMIL"), without a country
  // True when the code goes before its actor's code instead of after it:
  // TABARI's and PETRARCH's prefix agents ("[NGO~]": NGO + GON -> NGOGON).
  bool prefix = false;
  // The role in plain words, for Entity::role: "foreign minister".
  std::string role;
  // True for nouns that name a person holding the role ("minister",
  // "spokesman"); false for bodies and groups ("ministry", "army", "rebels").
  bool person = false;
  std::string source;
};

struct Entries {
  std::vector<NameEntry> names;
  std::vector<AgentEntry> agents;
};

}  // namespace storyline::actors
