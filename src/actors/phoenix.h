// phoenix.h: reading a user's PETRARCH/Phoenix actor and agent dictionaries
// (Phoenix.*.actors.txt, Phoenix.agents.txt) into Entries, and picking the
// reader, this one or TABARI's (tabari.h), for a file given to --actors or
// --agents. Internal to the actors module (the Dictionary in actors.h calls
// it); docs/formats/user-dictionaries.md documents what is read of the
// format and how each construct maps to an entry.
//
//   ZELARIA_  [ZEL]                     # a name; '#' comments
//   +ZELARIAN_                          # a synonym: same codes
//   OTTO_KRANZ_                         # a name, its synonyms, then its codes
//   +PRESIDENT_KRANZ_
//   	[ZELGOV 19950601-19990815]      # from 1995-06-01 to 1999-08-15
//   	[ZELELI >990816]                # from 1999-08-16 on
//   <!-- a comment, possibly over several lines -->
//
//   !PERSON! = MAN, WOMAN               # agents: a synonym set
//   CONGRESS!PERSON! [~LEG]             # congressman, congresswoman
//   MINISTER [~GOV]                     # and its regular plural, "ministers"
//   POLICE {} [~COP]                    # no plural
//   THIEF {THIEVES} [~CRM]              # an irregular plural
//
// Words match whole (PETRARCH has no stems). Otherwise as TABARI: names become
// NameEntry with NameKind::kUser and source "name:line", words split and
// lower-cased as text::Segmenter::Words and NormalizeWord would make them of
// a text, two-digit years 00-30 are 2000-2030 and 31-99 are 1931-1999.
//
// Pure functions of their arguments; safe to call concurrently.
#pragma once

#include <string_view>

#include "actors/entries.h"
#include "core/status.h"

namespace storyline::actors {

// Reads a PETRARCH/Phoenix actors file and appends its names to
// `out.names`. `name` (a path) is used in messages and in
// NameEntry::source. On a malformed line, InvalidArgument
// "name:line: message" and `out` is left unchanged.
Status ReadPhoenixActors(std::string_view name, std::string_view contents, Entries& out);

// Reads a PETRARCH/Phoenix agents file and appends its nouns, with their
// plurals, to `out.agents`; errors as ReadPhoenixActors.
Status ReadPhoenixAgents(std::string_view name, std::string_view contents, Entries& out);

// Read a user's file with the TABARI or the PETRARCH reader, whichever its
// content shows: ';' comments, <NOUN> sections and "~~" ends are TABARI's;
// '#' after an entry, <!-- comments -->, {plurals} and !SETS! = are
// PETRARCH's. When the content shows neither (or as much of both), a name
// ending in ".txt" is read as PETRARCH's, any other as TABARI's.
Status ReadUserActors(std::string_view name, std::string_view contents, Entries& out);
Status ReadUserAgents(std::string_view name, std::string_view contents, Entries& out);

}  // namespace storyline::actors
