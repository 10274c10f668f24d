// tabari.h: reading a user's TABARI actor (.actors) and agent (.agents)
// dictionaries into Entries. Internal to the actors module (the Dictionary in
// actors.h calls it); docs/formats/user-dictionaries.md documents what is
// read of the format and how each construct maps to an entry.
//
//   ZELARIA_  [ZEL]                     ; a name, whole words; ';' comments
//   ZELAR  [ZEL]                        ; no trailing '_': "zelar" is a stem
//   OTTO_KRANZ_ [ZELGOV 950601-990815] [ZELELI >990816]
//   VARNA                               ; a name, then its synonyms and codes
//   +VARNA_CITY_
//   	[ZEL <790606]                   ; dated: up to 1979-06-05
//   	[VAR]                           ; undated: any other day
//   <NOUN> ... </NOUN>                  ; parser word lists: skipped
//   ~~FINISH                            ; the end of the dictionary
//
//   MINISTER_  [~GOV]                   ; .agents: the code follows the actor's
//   RIGHTS_GROUP_  [NGO~]               ; the code goes before it
//
// Names become NameEntry with NameKind::kUser and source "name:line"; the
// words are split and lower-cased as text::Segmenter::Words and
// NormalizeWord would make them of a text. Two-digit years 00-30 are
// 2000-2030, 31-99 are 1931-1999. Agents become AgentEntry, and a noun
// with a trailing '_' also gets its regular plural ("ministers").
//
// Pure functions of their arguments; safe to call concurrently.
#pragma once

#include <string_view>

#include "actors/entries.h"
#include "core/status.h"

namespace storyline::actors {

// Reads a TABARI .actors file and appends its names to `out.names`. `name`
// (a path) is used in messages and in NameEntry::source. On a malformed
// line, InvalidArgument "name:line: message" and `out` is left unchanged.
Status ReadTabariActors(std::string_view name, std::string_view contents, Entries& out);

// Reads a TABARI .agents file and appends its nouns to `out.agents`; errors
// as ReadTabariActors.
Status ReadTabariAgents(std::string_view name, std::string_view contents, Entries& out);

}  // namespace storyline::actors
