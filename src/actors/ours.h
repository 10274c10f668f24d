// ours.h: reading storyline's own actor dictionaries (data/actors/) into
// Entries. Internal to the actors module (the Dictionary in actors.h loads
// them); docs/formats/actors.md documents the formats, and each reader takes
// a user's file of the same format too.
//
//   countries.tsv, countries-extra.tsv, regions.tsv, places.tsv
//       CODE<TAB>KIND<TAB>TEXT          CHN  capital  Beijing
//   organisations.tsv
//       CODE<TAB>KIND<TAB>NAMES<TAB>COUNTRY
//                                       AFGREB  group  Taliban|Taleban  AFG
//   roles.tsv
//       CODE<TAB>KIND<TAB>NOUNS<TAB>ROLE
//                                       GOV  person  foreign minister  foreign minister
//   people.tsv
//       NAMES<TAB>COUNTRY<TAB>CODE<TAB>FROM<TAB>TO<TAB>ROLE
//                                       Wang Yi  CHN  CHNGOV  2013-03-16  2022-12-30  ...
//
// What each row becomes:
// - a place-name row: one NameEntry with the country code as its code and
//   its country (kinds name, adjective, demonym, capital, region, city ->
//   NameKind kCountry, kAdjective, kAdjective, kCapital, kRegion, kPlace);
//   an adjective or demonym also gets its regular plural ("Afghan" ->
//   "afghans"; none for "-ese", "-sh", "-ch", "-s", "-x", "-z", "-y",
//   "-man" and "-men" words: "Chinese", "French", "Swiss", "Frenchman");
// - an organisation row: one NameEntry per name, NameKind kGroup for kind
//   group and kOrganisation otherwise, country = COUNTRY (empty for
//   international ones);
// - a role row: one AgentEntry per noun, code "-" kept as is (the noun
//   inherits its organisation's code); a person noun also gets its regular
//   plural (of the word before "of" when there is one: "chiefs of staff";
//   none for "-man", "-men", "-people" and "-s" words, which the file lists);
// - a people row: one DatedCode and role added to the entry of each name, so
//   a person with several terms is one NameEntry per name with a DatedCode
//   per term, in file order; its country and source come from its first row.
//
// Words are split as text::Segmenter::Words splits a text (with the
// embedded abbreviation list) and lower-cased by NormalizeWord ("People's
// Republic" -> "people", "'s", "republic"; "U.S." stays "u.s.").
// NameEntry::source and AgentEntry::source are "name:line".
//
// Errors are InvalidArgument "name:line: message", and `out` is left as it
// was:
//   actors/people.tsv:12: expected 6 fields, got 5
//   actors/roles.tsv:3: unknown kind 'people' (expected person or body)
//   actors/organisations.tsv:7: bad code 'Igo' (expected 3 to 15 upper-case letters)
//   actors/places.tsv:9: bad country 'CH' (expected 3 upper-case letters)
//   actors/people.tsv:4: bad date '2021-02-30' (expected YYYY-MM-DD)
//   actors/people.tsv:5: TO 2019-01-01 is before FROM 2020-01-01
//   actors/roles.tsv:8: duplicate noun 'minister' (first on line 3)
//
// Pure functions of their arguments; safe to call concurrently.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/entries.h"
#include "core/data_files.h"
#include "core/status.h"

namespace storyline::actors {

// Our files, relative to data/, in the order LoadOurDictionaries reads them.
inline constexpr std::string_view kCountriesFile = "actors/countries.tsv";
inline constexpr std::string_view kCountriesExtraFile = "actors/countries-extra.tsv";
inline constexpr std::string_view kRegionsFile = "actors/regions.tsv";
inline constexpr std::string_view kPlacesFile = "actors/places.tsv";
inline constexpr std::string_view kOrganisationsFile = "actors/organisations.tsv";
inline constexpr std::string_view kPeopleFile = "actors/people.tsv";
inline constexpr std::string_view kRolesFile = "actors/roles.tsv";

// Reads a CODE<TAB>KIND<TAB>TEXT file (countries, country extras, regions,
// places) and appends its names to `out.names`. `name` is used in messages
// and in NameEntry::source. A row repeated in the file is an error.
Status ReadPlaceNames(std::string_view name, std::string_view contents, Entries& out);

// Reads a CODE<TAB>KIND<TAB>NAMES<TAB>COUNTRY file (kinds igo, ngo, group,
// party, body) and appends its names to `out.names`. A name given twice to
// one code is an error.
Status ReadOrganisations(std::string_view name, std::string_view contents, Entries& out);

// Reads a CODE<TAB>KIND<TAB>NOUNS<TAB>ROLE file (kinds person, body) and
// appends its nouns and derived plurals to `out.agents`. A noun listed twice
// is an error; a derived plural that the file lists is not added again.
Status ReadRoles(std::string_view name, std::string_view contents, Entries& out);

// Reads a NAMES<TAB>COUNTRY<TAB>CODE<TAB>FROM<TAB>TO<TAB>ROLE file (TO may be
// "-": still in office) and appends one NameEntry (NameKind::kPerson) per
// distinct name to `out.names`.
Status ReadPeople(std::string_view name, std::string_view contents, Entries& out);

// Reads all our files through `data` (an override folder's copy wins), then
// checks them together: every country code a row uses must be one
// countries.tsv lists ("actors/places.tsv:12: unknown country 'XYZ' (not in
// actors/countries.tsv)"). An adjective entry whose words also name a
// country, capital, region or place is dropped (the plural "laos" derived
// from "Lao"). NotFound when a file is missing.
Result<Entries> LoadOurDictionaries(const DataFiles& data);

// Every name and role noun of `entries` as (category, words), for the entity
// tagger's gazetteer features, in entry order. Categories by NameKind:
// "country", "adjective", "capital", "region", "city", "organisation",
// "group", "person", and "actor" for a user's entry; "role" for every
// AgentEntry.
std::vector<std::pair<std::string, std::vector<std::string>>> GazetteerPhrases(
    const Entries& entries);

}  // namespace storyline::actors
