// text.h: sentences and tokens with byte offsets into the clean text.
//
// Consumes an Article's clean text (valid UTF-8, paragraphs separated by '\n')
// and produces half-open byte spans. ICU's sentence break iterator runs
// directly over the UTF-8 bytes; our abbreviation list (data/text/
// abbreviations.en.txt, docs/formats/abbreviations.md) then joins breaks that
// ICU made after abbreviations (Mr., Gen., U.S., Jan., No.) and initials
// ("J. R. Smith"). A line end always ends a sentence, so headline-like lines
// and bullets without a full stop are sentences of their own. Sentence spans
// exclude surrounding whitespace; a closing quote after the full stop belongs
// to the sentence.
//
// Deterministic. A Segmenter holds ICU iterators and is NOT thread-safe:
// give each thread its own copy (copying is cheap).
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
  // Abbreviations that do not end a sentence, a path relative to data/.
  std::string abbreviations = "text/abbreviations.en.txt";
  // ICU locale for the break rules.
  std::string locale = "en";
};

enum class TokenKind { kWord, kNumber, kPunctuation, kSymbol };

struct Token {
  ByteSpan span;  // bytes into the text passed to Tokens()
  TokenKind kind;
  bool operator==(const Token&) const = default;
};

class Segmenter {
 public:
  // InvalidArgument when the locale is unknown to ICU or the abbreviation file
  // does not parse ("file:line: message").
  static Result<Segmenter> Create(const Options& options, const DataFiles& data);

  // Sentences of `text`, in order, non-overlapping, each non-empty and
  // trimmed of whitespace. REQUIRES: `text` is valid UTF-8.
  std::vector<ByteSpan> Sentences(std::string_view text);

  // Tokens of text[range] (words, numbers, punctuation, symbols; whitespace
  // dropped), with offsets into `text`. REQUIRES: range within text.
  std::vector<Token> Tokens(std::string_view text, ByteSpan range);

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
