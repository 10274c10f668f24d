// Readers of our actor dictionaries (ours.h, docs/formats/actors.md).
#include "actors/ours.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "actors/cameo_syntax.h"
#include "core/calendar.h"
#include "core/tsv.h"

namespace storyline::actors {
namespace {

using cameo::LineError;
using cameo::PhraseSplitter;

std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

std::string Source(std::string_view file, int line) {
  return std::string(file) + ":" + std::to_string(line);
}

std::string Joined(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined.push_back(' ');
    joined += word;
  }
  return joined;
}

bool IsUpperLetters(std::string_view text, size_t min_size, size_t max_size) {
  return text.size() >= min_size && text.size() <= max_size &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool EndsWithAny(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view ending) { return word.ends_with(ending); });
}

Status CheckFields(std::string_view file, const TsvRow& row, size_t expected) {
  if (row.fields.size() == expected) return Status::Ok();
  return LineError(
      file, row.line,
      "expected " + std::to_string(expected) + " fields, got " + std::to_string(row.fields.size()));
}

Status CheckCode(std::string_view file, int line, std::string_view code) {
  if (IsUpperLetters(code, 3, 15)) return Status::Ok();
  return LineError(file, line,
                   "bad code " + Quoted(code) + " (expected 3 to 15 upper-case letters)");
}

Status CheckCountry(std::string_view file, int line, std::string_view country) {
  if (IsUpperLetters(country, 3, 3)) return Status::Ok();
  return LineError(file, line,
                   "bad country " + Quoted(country) + " (expected 3 upper-case letters)");
}

Status CheckNotEmpty(std::string_view file, int line, std::string_view what,
                     std::string_view text) {
  if (!cameo::Trim(text).empty()) return Status::Ok();
  return LineError(file, line, "empty " + std::string(what));
}

// The words of one name or noun; an error when it has none.
Result<std::vector<std::string>> WordsOf(const PhraseSplitter& splitter, std::string_view file,
                                         int line, std::string_view text) {
  std::vector<std::string> words = splitter.Words(text);
  if (words.empty()) return LineError(file, line, "no words in " + Quoted(text));
  return words;
}

// The '|'-separated names or nouns of a field, each with its words.
Result<std::vector<std::vector<std::string>>> WordLists(const PhraseSplitter& splitter,
                                                        std::string_view file, int line,
                                                        std::string_view field) {
  std::vector<std::vector<std::string>> lists;
  for (size_t start = 0;;) {
    const size_t bar = field.find('|', start);
    const std::string_view item = field.substr(start, bar == field.npos ? field.npos : bar - start);
    if (cameo::Trim(item).empty()) return LineError(file, line, "empty name in " + Quoted(field));
    SL_ASSIGN_OR_RETURN(std::vector<std::string> words, WordsOf(splitter, file, line, item));
    lists.push_back(std::move(words));
    if (bar == field.npos) return lists;
    start = bar + 1;
  }
}

// "YYYY-MM-DD" exactly.
Result<CivilDay> ParseDay(std::string_view file, int line, std::string_view text) {
  const std::optional<CivilDay> day =
      text.size() == 10 ? CivilDay::FromIso(text) : std::optional<CivilDay>();
  if (!day) return LineError(file, line, "bad date " + Quoted(text) + " (expected YYYY-MM-DD)");
  return *day;
}

// The people noun of a country adjective or demonym ("afghan" -> "afghans"):
// none for words that are their own plural or whose plural is irregular.
std::optional<std::vector<std::string>> PeoplePlural(std::vector<std::string> words) {
  std::string& last = words.back();
  if (last.empty() || last.back() < 'a' || last.back() > 'z' ||
      EndsWithAny(last, {"ese", "sh", "ch", "s", "x", "z", "y", "man", "men"})) {
    return std::nullopt;
  }
  last.push_back('s');
  return words;
}

// The plural of a person noun: of the word before "of" when there is one
// ("chiefs of staff"), else of the last word; none for the words whose
// plural the file lists.
std::optional<std::vector<std::string>> PersonPlural(std::vector<std::string> words) {
  const auto of = std::find(words.begin() + 1, words.end(), "of");
  std::string& word = of == words.end() ? words.back() : *(of - 1);
  if (EndsWithAny(word, {"man", "men", "people"})) return std::nullopt;
  std::string plural = cameo::RegularPlural(word);
  if (plural.empty()) return std::nullopt;
  word = std::move(plural);
  return words;
}

struct PlaceKind {
  std::string_view name;
  NameKind kind;
  bool people_plural;  // an adjective or demonym: also names the people
};
constexpr std::array<PlaceKind, 6> kPlaceKinds = {{
    {"name", NameKind::kCountry, false},
    {"adjective", NameKind::kAdjective, true},
    {"demonym", NameKind::kAdjective, true},
    {"capital", NameKind::kCapital, false},
    {"region", NameKind::kRegion, false},
    {"city", NameKind::kPlace, false},
}};

NameEntry CodedName(std::vector<std::string> words, NameKind kind, std::string_view code,
                    std::string_view country, std::string source) {
  NameEntry entry;
  entry.words = std::move(words);
  entry.kind = kind;
  entry.codes.push_back(DatedCode{std::string(code), std::nullopt, std::nullopt});
  entry.country = std::string(country);
  entry.source = std::move(source);
  return entry;
}

Status PlaceNames(const PhraseSplitter& splitter, std::string_view file, std::string_view text,
                  Entries& out) {
  std::vector<NameEntry> names;
  std::vector<NameEntry> plurals;
  std::unordered_map<std::string, int> first_line;  // code, kind and words -> line
  for (const TsvRow& row : SplitTsv(text)) {
    SL_RETURN_IF_ERROR(CheckFields(file, row, 3));
    const std::string_view code = row.fields[0];
    const std::string_view kind_name = row.fields[1];
    SL_RETURN_IF_ERROR(CheckCountry(file, row.line, code));
    const auto kind = std::find_if(kPlaceKinds.begin(), kPlaceKinds.end(),
                                   [&](const PlaceKind& k) { return k.name == kind_name; });
    if (kind == kPlaceKinds.end()) {
      return LineError(file, row.line,
                       "unknown kind " + Quoted(kind_name) +
                           " (expected name, adjective, demonym, capital, region or city)");
    }
    SL_RETURN_IF_ERROR(CheckNotEmpty(file, row.line, "name", row.fields[2]));
    SL_ASSIGN_OR_RETURN(std::vector<std::string> words,
                        WordsOf(splitter, file, row.line, row.fields[2]));
    const std::string key =
        std::string(code) + "\t" + std::string(kind_name) + "\t" + Joined(words);
    if (const auto [it, added] = first_line.try_emplace(key, row.line); !added) {
      return LineError(file, row.line,
                       "duplicate row " + Quoted(row.fields[2]) + " (first on line " +
                           std::to_string(it->second) + ")");
    }
    if (kind->people_plural) {
      if (std::optional<std::vector<std::string>> plural = PeoplePlural(words)) {
        plurals.push_back(
            CodedName(std::move(*plural), kind->kind, code, code, Source(file, row.line)));
      }
    }
    names.push_back(CodedName(std::move(words), kind->kind, code, code, Source(file, row.line)));
  }
  // A plural the file lists itself ("Britons" beside "Briton") is not added twice.
  std::unordered_set<std::string> listed;
  for (const NameEntry& entry : names)
    listed.insert(entry.codes[0].code + "\t" + Joined(entry.words));
  for (NameEntry& plural : plurals) {
    if (listed.insert(plural.codes[0].code + "\t" + Joined(plural.words)).second) {
      names.push_back(std::move(plural));
    }
  }
  std::move(names.begin(), names.end(), std::back_inserter(out.names));
  return Status::Ok();
}

Status Organisations(const PhraseSplitter& splitter, std::string_view file, std::string_view text,
                     Entries& out) {
  std::vector<NameEntry> names;
  std::unordered_map<std::string, int> first_line;  // code and words -> line
  for (const TsvRow& row : SplitTsv(text)) {
    SL_RETURN_IF_ERROR(CheckFields(file, row, 4));
    const std::string_view code = row.fields[0];
    const std::string_view kind = row.fields[1];
    const std::string_view country = row.fields[3];
    SL_RETURN_IF_ERROR(CheckCode(file, row.line, code));
    if (kind != "igo" && kind != "ngo" && kind != "group" && kind != "party" && kind != "body") {
      return LineError(
          file, row.line,
          "unknown kind " + Quoted(kind) + " (expected igo, ngo, group, party or body)");
    }
    if (!country.empty()) SL_RETURN_IF_ERROR(CheckCountry(file, row.line, country));
    SL_ASSIGN_OR_RETURN(std::vector<std::vector<std::string>> lists,
                        WordLists(splitter, file, row.line, row.fields[2]));
    for (std::vector<std::string>& words : lists) {
      const std::string key = std::string(code) + "\t" + Joined(words);
      if (const auto [it, added] = first_line.try_emplace(key, row.line); !added) {
        return LineError(file, row.line,
                         "duplicate name " + Quoted(Joined(words)) + " for " + std::string(code) +
                             " (first on line " + std::to_string(it->second) + ")");
      }
      const NameKind name_kind = kind == "group" ? NameKind::kGroup : NameKind::kOrganisation;
      names.push_back(
          CodedName(std::move(words), name_kind, code, country, Source(file, row.line)));
    }
  }
  std::move(names.begin(), names.end(), std::back_inserter(out.names));
  return Status::Ok();
}

AgentEntry Agent(std::vector<std::string> words, std::string_view code, std::string_view role,
                 bool person, std::string source) {
  AgentEntry entry;
  entry.words = std::move(words);
  entry.code = std::string(code);
  entry.role = std::string(role);
  entry.person = person;
  entry.source = std::move(source);
  return entry;
}

Status Roles(const PhraseSplitter& splitter, std::string_view file, std::string_view text,
             Entries& out) {
  std::vector<AgentEntry> agents;
  std::vector<AgentEntry> plurals;
  std::unordered_map<std::string, int> first_line;  // words -> line
  for (const TsvRow& row : SplitTsv(text)) {
    SL_RETURN_IF_ERROR(CheckFields(file, row, 4));
    const std::string_view code = row.fields[0];
    const std::string_view kind = row.fields[1];
    const std::string_view role = row.fields[3];
    if (code != "-") SL_RETURN_IF_ERROR(CheckCode(file, row.line, code));
    if (kind != "person" && kind != "body") {
      return LineError(file, row.line,
                       "unknown kind " + Quoted(kind) + " (expected person or body)");
    }
    SL_RETURN_IF_ERROR(CheckNotEmpty(file, row.line, "role", role));
    SL_ASSIGN_OR_RETURN(std::vector<std::vector<std::string>> nouns,
                        WordLists(splitter, file, row.line, row.fields[2]));
    const bool person = kind == "person";
    for (std::vector<std::string>& words : nouns) {
      if (const auto [it, added] = first_line.try_emplace(Joined(words), row.line); !added) {
        return LineError(file, row.line,
                         "duplicate noun " + Quoted(Joined(words)) + " (first on line " +
                             std::to_string(it->second) + ")");
      }
      if (person) {
        if (std::optional<std::vector<std::string>> plural = PersonPlural(words)) {
          plurals.push_back(Agent(std::move(*plural), code, role, true, Source(file, row.line)));
        }
      }
      agents.push_back(Agent(std::move(words), code, role, person, Source(file, row.line)));
    }
  }
  for (AgentEntry& plural : plurals) {
    if (first_line.try_emplace(Joined(plural.words), 0).second) agents.push_back(std::move(plural));
  }
  std::move(agents.begin(), agents.end(), std::back_inserter(out.agents));
  return Status::Ok();
}

// One term of office: the row's code, its days and its role.
struct Term {
  DatedCode code;
  std::string role;
};

Result<Term> ReadTerm(std::string_view file, const TsvRow& row) {
  const std::string_view code = row.fields[2];
  SL_RETURN_IF_ERROR(CheckCountry(file, row.line, row.fields[1]));
  SL_RETURN_IF_ERROR(CheckCode(file, row.line, code));
  SL_ASSIGN_OR_RETURN(const CivilDay from, ParseDay(file, row.line, row.fields[3]));
  Term term{DatedCode{std::string(code), from, std::nullopt}, std::string(row.fields[5])};
  if (row.fields[4] != "-") {
    SL_ASSIGN_OR_RETURN(const CivilDay to, ParseDay(file, row.line, row.fields[4]));
    if (DaysFromCivil(to) < DaysFromCivil(from)) {
      return LineError(
          file, row.line,
          "TO " + std::string(row.fields[4]) + " is before FROM " + std::string(row.fields[3]));
    }
    term.code.to = to;
  }
  SL_RETURN_IF_ERROR(CheckNotEmpty(file, row.line, "role", term.role));
  return term;
}

Status People(const PhraseSplitter& splitter, std::string_view file, std::string_view text,
              Entries& out) {
  std::vector<NameEntry> people;
  std::unordered_map<std::string, size_t> index;  // words -> position in `people`
  for (const TsvRow& row : SplitTsv(text)) {
    SL_RETURN_IF_ERROR(CheckFields(file, row, 6));
    SL_ASSIGN_OR_RETURN(Term term, ReadTerm(file, row));
    SL_ASSIGN_OR_RETURN(std::vector<std::vector<std::string>> names,
                        WordLists(splitter, file, row.line, row.fields[0]));
    for (std::vector<std::string>& words : names) {
      const auto [it, added] = index.try_emplace(Joined(words), people.size());
      if (added) {
        NameEntry& person = people.emplace_back();
        person.words = std::move(words);
        person.kind = NameKind::kPerson;
        person.country = std::string(row.fields[1]);
        person.source = Source(file, row.line);
      }
      NameEntry& person = people[it->second];
      // A name written twice in one row ("A|A") adds its term once.
      if (!person.codes.empty() && person.codes.back() == term.code &&
          person.roles.back() == term.role) {
        continue;
      }
      person.codes.push_back(term.code);
      person.roles.push_back(term.role);
    }
  }
  std::move(people.begin(), people.end(), std::back_inserter(out.names));
  return Status::Ok();
}

using Reader = Status (*)(const PhraseSplitter&, std::string_view, std::string_view, Entries&);

// Runs `reader` over `contents` made valid UTF-8, with a splitter of its own.
Status ReadOne(Reader reader, std::string_view name, std::string_view contents, Entries& out) {
  SL_ASSIGN_OR_RETURN(const PhraseSplitter splitter, PhraseSplitter::Create());
  std::string storage;
  return reader(splitter, name, cameo::ValidUtf8(contents, storage), out);
}

// Every country code a row names must be one countries.tsv lists.
Status CheckCountriesKnown(const Entries& entries) {
  std::unordered_set<std::string> known;
  const std::string prefix = std::string(kCountriesFile) + ":";
  for (const NameEntry& entry : entries.names) {
    if (entry.source.starts_with(prefix)) known.insert(entry.country);
  }
  for (const NameEntry& entry : entries.names) {
    if (entry.country.empty() || known.contains(entry.country)) continue;
    return Status::InvalidArgument(entry.source + ": unknown country " + Quoted(entry.country) +
                                   " (not in " + std::string(kCountriesFile) + ")");
  }
  return Status::Ok();
}

// An adjective entry whose words also name a country or a place ("laos",
// the plural derived from "Lao") would make the name ambiguous: drop it.
void DropAdjectivesThatNamePlaces(Entries& entries) {
  std::unordered_set<std::string> places;
  for (const NameEntry& entry : entries.names) {
    if (entry.kind == NameKind::kCountry || entry.kind == NameKind::kCapital ||
        entry.kind == NameKind::kRegion || entry.kind == NameKind::kPlace) {
      places.insert(Joined(entry.words));
    }
  }
  std::erase_if(entries.names, [&](const NameEntry& entry) {
    return entry.kind == NameKind::kAdjective && places.contains(Joined(entry.words));
  });
}

std::string_view CategoryOf(NameKind kind) {
  switch (kind) {
    case NameKind::kCountry:
      return "country";
    case NameKind::kAdjective:
      return "adjective";
    case NameKind::kCapital:
      return "capital";
    case NameKind::kRegion:
      return "region";
    case NameKind::kPlace:
      return "city";
    case NameKind::kOrganisation:
      return "organisation";
    case NameKind::kGroup:
      return "group";
    case NameKind::kPerson:
      return "person";
    case NameKind::kUser:
      return "actor";
  }
  return "actor";
}

}  // namespace

Status ReadPlaceNames(std::string_view name, std::string_view contents, Entries& out) {
  return ReadOne(PlaceNames, name, contents, out);
}

Status ReadOrganisations(std::string_view name, std::string_view contents, Entries& out) {
  return ReadOne(Organisations, name, contents, out);
}

Status ReadRoles(std::string_view name, std::string_view contents, Entries& out) {
  return ReadOne(Roles, name, contents, out);
}

Status ReadPeople(std::string_view name, std::string_view contents, Entries& out) {
  return ReadOne(People, name, contents, out);
}

Result<Entries> LoadOurDictionaries(const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(const PhraseSplitter splitter, PhraseSplitter::Create());
  const std::array<std::pair<std::string_view, Reader>, 7> files = {{
      {kCountriesFile, PlaceNames},
      {kCountriesExtraFile, PlaceNames},
      {kRegionsFile, PlaceNames},
      {kPlacesFile, PlaceNames},
      {kOrganisationsFile, Organisations},
      {kPeopleFile, People},
      {kRolesFile, Roles},
  }};
  Entries entries;
  for (const auto& [file, reader] : files) {
    SL_ASSIGN_OR_RETURN(const std::string contents, data.Read(file));
    std::string storage;
    SL_RETURN_IF_ERROR(reader(splitter, file, cameo::ValidUtf8(contents, storage), entries));
  }
  SL_RETURN_IF_ERROR(CheckCountriesKnown(entries));
  DropAdjectivesThatNamePlaces(entries);
  return entries;
}

std::vector<std::pair<std::string, std::vector<std::string>>> GazetteerPhrases(
    const Entries& entries) {
  std::vector<std::pair<std::string, std::vector<std::string>>> phrases;
  phrases.reserve(entries.names.size() + entries.agents.size());
  for (const NameEntry& entry : entries.names) {
    phrases.emplace_back(std::string(CategoryOf(entry.kind)), entry.words);
  }
  for (const AgentEntry& entry : entries.agents) phrases.emplace_back("role", entry.words);
  return phrases;
}

}  // namespace storyline::actors
