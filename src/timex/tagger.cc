#include <utility>

#include "timex/grammar.h"
#include "timex/lexicon.h"
#include "timex/scanner.h"
#include "timex/timex.h"

namespace storyline::timex {

using internal::Discourse;
using internal::Match;
using internal::Scan;
using internal::SentenceTagger;
using internal::Token;

Tagger::Tagger(std::unique_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Create(const Options& options, const DataFiles& data) {
  auto lexicon = std::make_unique<Lexicon>();
  lexicon->min_year = options.min_year;
  lexicon->max_year = options.max_year;
  SL_ASSIGN_OR_RETURN(std::string dates, data.Read(options.date_lexicon));
  SL_RETURN_IF_ERROR(lexicon->Load(options.date_lexicon, dates, /*shared=*/true));
  SL_ASSIGN_OR_RETURN(std::string words, data.Read(options.timex_lexicon));
  SL_RETURN_IF_ERROR(lexicon->Load(options.timex_lexicon, words, /*shared=*/false));
  return Tagger(std::move(lexicon));
}

std::vector<Timex> Tagger::Tag(std::string_view text, const std::vector<ByteSpan>& sentences,
                               std::optional<CivilDay> publication) const {
  std::vector<Timex> out;
  Discourse seen;
  seen.publication = publication;
  std::string lowered;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    seen.day_in_sentence = false;
    seen.months_in_sentence = false;
    const std::vector<Token> tokens = Scan(text, sentences[s], lowered, lexicon_.get());
    size_t i = 0;
    while (i < tokens.size()) {
      const SentenceTagger tagger(tokens, i, publication, seen, *lexicon_);
      std::optional<Match> match = tagger.At(i);
      if (!match || match->end <= i) {
        ++i;
        continue;
      }
      seen.Note(*match);
      Timex& timex = out.emplace_back();
      timex.sentence = s;
      timex.span = {tokens[i].begin, tokens[match->end - 1].end};
      timex.text = std::string(text.substr(timex.span.begin, timex.span.size()));
      timex.type = std::move(match->type);
      timex.value = std::move(match->value);
      timex.mod = std::move(match->mod);
      timex.anchor = std::move(match->anchor);
      i = match->end;
    }
  }
  return out;
}

}  // namespace storyline::timex
