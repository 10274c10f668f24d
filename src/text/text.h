// text.h: sentences and tokens with byte offsets into the clean text.
//
// Consumes an Article's clean text (valid UTF-8, paragraphs separated by '\n')
// and produces half-open byte spans. ICU's sentence break iterator runs
// directly over the UTF-8 bytes; our abbreviation list (data/text/
// abbreviations.en.txt, docs/formats/abbreviations.md) then joins breaks that
// ICU made after abbreviations (Mr., Gen., U.S., Jan., No.) and initials
// ("J. R. Smith"). The rule, in short: a "prefix" abbreviation (titles, vs.,
// e.g.) never ends a sentence; an "abbrev" (U.S., Inc., Jan., etc.) or a run
// of single letters with full stops ("J.", "U.N.", "a.m.") ends one only when
// the next word is a listed sentence starter ("...moved to the U.S. The next
// day..."). We only ever remove ICU's breaks, never add any.
//
// A line end always ends a sentence, so headline-like lines and bullets
// without a full stop are sentences of their own. Sentence spans exclude
// surrounding whitespace (Unicode White_Space) and are never empty; a closing
// quote after the full stop belongs to the sentence.
//
// Deterministic. A Segmenter holds ICU iterators and is NOT thread-safe:
// give each thread its own copy (copying clones the iterators and shares the
// immutable abbreviation list; no file is read again). Several threads may
// copy one Segmenter at once as long as none of them uses it.
//
//   Result<text::Segmenter> segmenter = text::Segmenter::Create({}, data);
//   article.sentences = segmenter->Sentences(article.text);
//   for (const text::Token& token : segmenter->Tokens(article.text, article.sentences[0])) ...
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"

namespace storyline::text {

struct Options {
  // Abbreviations and sentence starters, a path relative to data/ (format:
  // docs/formats/abbreviations.md). A DataFiles override folder may replace it.
  std::string abbreviations = "text/abbreviations.en.txt";
  // ICU locale for the break rules. "en@ss=standard" selects ICU's filtered
  // iterator with its own abbreviation suppressions; our list still applies on
  // top. On the microbenchmark it changes no sentence once our list is applied
  // and makes Sentences() about a third slower (bench/text_microbench.cc),
  // hence not the default.
  std::string locale = "en";
};

// kWord: letters, kana or ideographs (ICU's word rules: "Zürich’s", "don't",
//   "U.S" of "U.S.", dictionary-split CJK words).
// kNumber: "42", "31.5", "3,000".
// kPunctuation: Unicode P* ("." "," "“" "—" "%"); kSymbol: the rest that is
// visible ("$" "→" "©", emoji). Whitespace and control characters are dropped.
enum class TokenKind { kWord, kNumber, kPunctuation, kSymbol };

struct Token {
  ByteSpan span;  // bytes into the text passed to Tokens()
  TokenKind kind;
  bool operator==(const Token&) const = default;
};

class Segmenter {
 public:
  // InvalidArgument when the locale names no language ICU knows ("xx"), or
  // when the abbreviation file does not parse: "file:line:col: message", then
  // the line and a caret under the column. NotFound when the file is missing.
  // Internal when ICU cannot build its iterators (missing ICU data).
  static Result<Segmenter> Create(const Options& options, const DataFiles& data);

  // Sentences of `text`, in order, non-overlapping, each non-empty and
  // trimmed of whitespace; offsets are bytes into `text`. Never fails.
  // Linear in the size of the text; allocates only the returned vector.
  // A text of 2 GiB or more (beyond ICU's offsets) is one sentence, trimmed.
  // REQUIRES: `text` is valid UTF-8.
  std::vector<ByteSpan> Sentences(std::string_view text);

  // Tokens of text[range] (words, numbers, punctuation, symbols; whitespace
  // dropped), with offsets into `text`. Only text[range] is looked at, so a
  // token never crosses the range's ends.
  // A range of 2 GiB or more has no tokens (beyond ICU's offsets).
  // REQUIRES: range within text; text[range] valid UTF-8.
  std::vector<Token> Tokens(std::string_view text, ByteSpan range);

  // Words of text[range] as the Penn Treebank and CoNLL-2003 split them, the
  // tokens the entity tagger was trained on: whitespace separates; quotes,
  // brackets, dashes and other marks are tokens of their own; a full stop is
  // split off unless the word is a listed abbreviation ("Mr.", "Inc."), has
  // full stops inside ("U.S.", "p.m.") or is a single letter ("J.");
  // clitics are split off ("China's" -> "China" "'s", "don't" -> "do"
  // "n't"); hyphens, apostrophes and the full stops, commas and colons inside
  // a word stay ("COVID-19", "O'Brien", "31.5", "3,000", "10:53"). Offsets
  // are bytes into `text`. Pure: uses neither ICU iterator, so it runs at
  // about ten times the speed of Tokens().
  // REQUIRES: range within text; text[range] valid UTF-8.
  std::vector<Token> Words(std::string_view text, ByteSpan range) const;

  // Words() of each of `sentences`: what the stages that read words (the
  // entity tagger, the quote finder) share, computed once per article.
  // REQUIRES: the spans lie within text.
  std::vector<std::vector<Token>> WordsOf(std::string_view text,
                                          const std::vector<ByteSpan>& sentences) const;

  // Copies clone the ICU iterators. A moved-from Segmenter may only be
  // assigned to or destroyed.
  Segmenter(const Segmenter&);
  Segmenter& operator=(const Segmenter&);
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

 private:
  struct State;
  explicit Segmenter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace storyline::text
