// verb_syntax.h: what the readers of users' verb dictionaries and discard
// lists share (verbs_tabari.cc, verbs_phoenix.cc, discards.cc): bracketed
// codes, words split as the tokenizer splits text, and the phrase syntax of
// synonym sets and patterns. Internal to the events module;
// docs/formats/user-dictionaries.md documents the formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/status.h"
#include "events/verbs.h"

namespace storyline::events::verb_syntax {

// Where a line stands, for errors and provenance.
struct LineRef {
  std::string_view file;
  int line = 0;
  std::string Source() const;                    // "file:line"
  Status Error(std::string_view message) const;  // InvalidArgument "file:line: message"
};

// A line that holds an entry: trimmed, without its comment.
struct EntryLine {
  LineRef where;
  std::string_view text;
};

std::string_view Trim(std::string_view text);
std::string Quoted(std::string_view text);

// `text`, or a copy in `storage` with each ill-formed UTF-8 sequence
// replaced by U+FFFD: the word tokenizer reads valid UTF-8 only.
std::string_view ValidUtf8(std::string_view text, std::string& storage);

// `line` without its comment: from the first `marker` that starts the line
// or follows a blank (so "[###]" is a code, not a comment).
std::string_view WithoutComment(std::string_view line, char marker);

// A bracketed code: "[064]", "[042:043]" (and its pair), "[:173]" (the pair
// only), "[---]" and "[+++]" (none), "[###]" (TABARI's discard marker).
struct Code {
  std::string code;
  std::string paired_code;
  bool discard = false;
};

// Splits "PHRASE [CODE] rest" at its first '['. `phrase` is what precedes
// it, trimmed; `rest` what follows the ']', trimmed. Errors: no '[', no ']',
// an empty or blank-holding code.
Status SplitCode(const LineRef& where, std::string_view text, std::string_view& phrase, Code& code,
                 std::string_view& rest);

// The words our tokenizer (text::Segmenter::Words) makes of one dictionary
// word ("DIDN'T" -> "did" "n't"), normalised by actors::NormalizeWord.
// Internal when the tokenizer cannot be built.
Result<std::vector<std::string>> TextWords(std::string_view word);

// The two phrase dialects.
enum class Dialect {
  // `_` joins, a space allows a gap; a word is a stem unless `_` or `=`
  // follows it (`~_` joins and keeps the stem); `{ a | b }` alternatives.
  kTabari,
  // Words are whole; `(...)` and `{...}` groups are plain words, adjacent
  // inside the group; `A/B` is a choice of words; a stray closer is dropped.
  kPetrarch,
};

// Synonym set names (without '&' or a trailing '_', upper case) -> index.
using SynsetIndex = absl::flat_hash_map<std::string, uint32_t>;

// The synsets a phrase may name. With `undefined` set (PETRARCH), a name
// the file never defines becomes a synset without phrases, which matches
// nothing, as it does in PETRARCH (CAMEO.2.0.txt names a few); without it
// (TABARI), it is an error.
struct Synsets {
  SynsetIndex index;
  std::vector<Synset>* undefined = nullptr;
};

// The synset name a definition line "&NAME_ ..." defines, as SynsetIndex
// keys it; empty when there is none.
std::string SynsetName(std::string_view line);

// Indexes every synset `lines` define, in the order of definition, and adds
// each to `out.synsets` without phrases or source (its definition line
// fills them): a pattern may name a synset defined further down.
SynsetIndex IndexSynsets(const std::vector<EntryLine>& lines, VerbDictionary& out);

// Reads one phrase into elements: words, `&SYNSET`, `$` (source), `+`
// (target), `%` (compound actor), `*` (the verb, when `verb_allowed`) and the
// dialect's groups. `^` (TABARI's skipped actor) is read as a gap. With
// `contiguous`, the phrase is read as one PETRARCH group: its words adjacent.
Result<std::vector<Element>> ParsePhrase(const LineRef& where, std::string_view phrase,
                                         Dialect dialect, Synsets& synsets, bool verb_allowed,
                                         bool contiguous = false);

// A pattern from a phrase with exactly one top-level `*`.
Result<Pattern> ParsePattern(const LineRef& where, std::string_view phrase, Dialect dialect,
                             Synsets& synsets);

// The forms of a verb as one choice element (or the single form's words),
// for a discard phrase built from a verb.
std::vector<Element> FormsElements(const std::vector<std::vector<Word>>& forms);

// Adds `verb` to `out`: its forms become sentence discards when its code is
// TABARI's discard marker, its patterns with that marker become discards
// of their own (the verb with the pattern's words around it), the rest stay.
void StoreVerb(Verb verb, bool discard, std::vector<Pattern> discard_patterns, VerbDictionary& out);

// Checks that no synset contains itself (directly or through others), which
// would send a matcher round in circles.
Status CheckSynsetCycles(const VerbDictionary& dictionary);

}  // namespace storyline::events::verb_syntax
