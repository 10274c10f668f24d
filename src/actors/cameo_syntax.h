// cameo_syntax.h: what TABARI and PETRARCH/Phoenix dictionaries share, for
// the two readers (tabari.cc, phoenix.cc): bracketed codes and their dates,
// name phrases split into words, names that share the codes below them, and
// agent lines with their synonym sets and plurals. Internal to the actors
// module; docs/formats/user-dictionaries.md documents the formats.
//
// A reader removes its format's comments and sections and hands each
// remaining line, trimmed, to an ActorLines or AgentLines. Errors are
// InvalidArgument "file:line: message".
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/entries.h"
#include "core/status.h"
#include "text/text.h"

namespace storyline::actors::cameo {

// Where the two formats differ in what they accept.
struct Dialect {
  // TABARI: a phrase whose last word has no trailing '_' (or '=') matches
  // any word that word begins. PETRARCH matches whole words only.
  bool stems = false;
  // Tolerance of what the Phoenix and PETRARCH files do: lower-case codes are
  // upper-cased, text after the codes is ignored, a code may be closed by
  // '}', a stray ']' in a name is dropped, and an agent line without a code
  // is skipped. TABARI reports each as an error.
  bool lenient = false;
};

std::string_view Trim(std::string_view text);

// `contents`, or a copy in `storage` with each ill-formed UTF-8 sequence
// replaced by U+FFFD: the word tokenizer reads valid UTF-8 only.
std::string_view ValidUtf8(std::string_view contents, std::string& storage);

// "file:line: message" as InvalidArgument.
Status LineError(std::string_view file, int line, std::string_view message);

// A dictionary date: YYMMDD, or YYYYMMDD. Two-digit years 00-30 are
// 2000-2030 and 31-99 are 1931-1999 (the window of KEDS, TABARI and
// PETRARCH). As PETRARCH does, 7 digits are read as their first 6 and more
// than 8 as their first 8. On error, `error` says why and nullopt returns.
std::optional<CivilDay> ParseDate(std::string_view digits, std::string& error);

// Splits a dictionary phrase ("PEOPLE'S_REPUBLIC_OF_CHINA_") into the words
// our tokenizer makes of the same words in a text ({"people", "'s",
// "republic", "of", "china"}): '_' and spaces separate words; each word is
// split by text::Segmenter::Words and normalised by NormalizeWord.
class PhraseSplitter {
 public:
  // Uses the word tokenizer with our embedded abbreviation list.
  static Result<PhraseSplitter> Create();
  // REQUIRES: `phrase` is valid UTF-8.
  std::vector<std::string> Words(std::string_view phrase) const;
  // Whether the phrase's last word is a stem under TABARI's rule: it ends
  // in a letter or digit, not in '_' or '='.
  static bool EndsInStem(std::string_view phrase);

 private:
  explicit PhraseSplitter(text::Segmenter segmenter) : segmenter_(std::move(segmenter)) {}
  text::Segmenter segmenter_;
};

// Reads actor lines: a name line ("NAME [CODE] [CODE date]" or "NAME"),
// synonym lines ("+NAME", codes allowed) and code lines ("[CODE date]").
// Names are grouped: every name of a group takes every code of the group.
// A name line starts a new group when the current one has codes; a name
// line that follows names with no code yet joins their group, as a
// synonym written without '+' (Phoenix.Countries has such runs).
class ActorLines {
 public:
  ActorLines(std::string_view file, const Dialect& dialect, const PhraseSplitter& splitter,
             std::vector<NameEntry>& out)
      : file_(file), dialect_(dialect), splitter_(splitter), out_(out) {}

  // `text` is trimmed, without comments, not empty.
  Status Read(int line, std::string_view text);
  // Call at the end of the file: stores the last group.
  Status Finish();

 private:
  Status AddName(int line, std::string_view text);
  Status AddCodes(int line, std::string_view text);
  void StoreGroup();

  std::string_view file_;
  const Dialect& dialect_;
  const PhraseSplitter& splitter_;
  std::vector<NameEntry>& out_;
  std::vector<NameEntry> names_;  // the current group
  std::vector<DatedCode> codes_;
  int first_line_ = 0;  // the group's first name, for an error
  std::string first_phrase_;
};

// Reads agent lines: "NOUN [~CODE]" (the code follows its actor's) or
// "NOUN [CODE~]" (it goes before), optionally with an explicit plural
// "NOUN {PLURAL} [~CODE]" ("{}": none), and synonym set definitions
// "!SET! = A, B, C" whose members replace "!SET!" in later nouns.
class AgentLines {
 public:
  AgentLines(std::string_view file, const Dialect& dialect, const PhraseSplitter& splitter,
             std::vector<AgentEntry>& out)
      : file_(file), dialect_(dialect), splitter_(splitter), out_(out) {}

  // `text` is trimmed, without comments, not empty.
  Status Read(int line, std::string_view text);

 private:
  struct SynonymSet {
    int line = 0;
    std::vector<std::string> members;
  };
  Status DefineSet(int line, std::string_view text);
  Status ExpandSets(int line, std::string_view phrase, std::vector<std::string>& phrases) const;
  Status AddEntry(int line, std::string_view phrase, std::string_view role, bool plural,
                  const AgentEntry& code);

  std::string_view file_;
  const Dialect& dialect_;
  const PhraseSplitter& splitter_;
  std::vector<AgentEntry>& out_;
  std::map<std::string, SynonymSet, std::less<>> sets_;  // by name, with its '!'s
};

// Walks the lines of one dictionary file that hold entries, calling `read`
// with each (trimmed, without comments); the format decides which lines
// those are (tabari.cc, phoenix.cc).
using EntryLineReader = std::function<Status(int line, std::string_view text)>;
using EntryLineWalker = Status (*)(std::string_view file, std::string_view contents,
                                   const EntryLineReader& read);

// The actor (agent) entries of a whole file, appended to `out` only when the
// file reads without error. Ill-formed UTF-8 is repaired first.
Status ReadActorFile(std::string_view name, std::string_view contents, const Dialect& dialect,
                     EntryLineWalker walk, Entries& out);
Status ReadAgentFile(std::string_view name, std::string_view contents, const Dialect& dialect,
                     EntryLineWalker walk, Entries& out);

// The regular English plural of a phrase's last word, derived as
// docs/formats/user-dictionaries.md says ("minister" -> "ministers",
// "ministry" -> "ministries", "congress" -> "congresses"); empty when the
// word takes none we can derive (it ends in a single 's', or not in a
// letter).
std::string RegularPlural(std::string_view phrase);

}  // namespace storyline::actors::cameo
