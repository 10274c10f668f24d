#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cassert>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

#include "text/abbreviations.h"
#include "text/text.h"
#include "text/words.h"

namespace storyline::text {
namespace {

bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Unicode line ends after which ICU always breaks (sentence break ParaSep).
bool IsLineEnd(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// The first byte of text[begin, end) that is not White_Space.
size_t SkipSpace(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    const unsigned char c = text[begin];
    if (c < 0x80) {
      if (!IsAsciiSpace(c)) break;
      ++begin;
      continue;
    }
    int32_t i = static_cast<int32_t>(begin);
    UChar32 cp;
    U8_NEXT(text.data(), i, static_cast<int32_t>(end), cp);
    if (cp < 0 || !u_isUWhiteSpace(cp)) break;
    begin = static_cast<size_t>(i);
  }
  return begin;
}

// The end of text[begin, end) without trailing White_Space; sets
// `*line_end` when that space holds a line end.
size_t TrimSpaceEnd(std::string_view text, size_t begin, size_t end, bool* line_end) {
  *line_end = false;
  while (end > begin) {
    const unsigned char c = text[end - 1];
    if (c < 0x80) {
      if (!IsAsciiSpace(c)) break;
      *line_end |= IsLineEnd(c);
      --end;
      continue;
    }
    int32_t i = static_cast<int32_t>(end);
    UChar32 cp;
    U8_PREV(text.data(), static_cast<int32_t>(begin), i, cp);
    if (cp < 0 || !u_isUWhiteSpace(cp)) break;
    *line_end |= IsLineEnd(cp);
    end = static_cast<size_t>(i);
  }
  return end;
}

// Words, numbers and CJK/kana runs are words to us; the rest ICU reports with
// status "none" and we classify by their first code point.
std::optional<TokenKind> ClassifyToken(std::string_view piece, int32_t begin, int32_t end,
                                       int32_t rule_status) {
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  if (rule_status >= UBRK_WORD_NUMBER) return TokenKind::kNumber;
  if (piece[begin] == ' ') return std::nullopt;  // a third of all segments: skip the lookups
  UChar32 c;
  U8_NEXT(piece.data(), begin, end, c);
  if (c < 0) return TokenKind::kSymbol;  // ill-formed UTF-8 despite the contract
  if (u_isUWhiteSpace(c)) return std::nullopt;
  const uint32_t category = U_GET_GC_MASK(c);
  if (category & (U_GC_CC_MASK | U_GC_CF_MASK)) return std::nullopt;
  return (category & U_GC_P_MASK) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

Status IcuError(std::string_view what, UErrorCode code) {
  return Status::Internal(std::string(what) + ": " + u_errorName(code));
}

}  // namespace

struct Segmenter::State {
  State(std::shared_ptr<const Abbreviations> abbreviations,
        std::unique_ptr<icu::BreakIterator> sentences, std::unique_ptr<icu::BreakIterator> words)
      : abbreviations(std::move(abbreviations)),
        sentences(std::move(sentences)),
        words(std::move(words)) {}
  // Clones the iterators: ICU iterators hold per-text state.
  State(const State& other)
      : abbreviations(other.abbreviations),
        sentences(other.sentences->clone()),
        words(other.words->clone()) {}
  State& operator=(const State&) = delete;
  ~State() { utext_close(&text); }

  // Points `text` at `bytes` and `iterator` at `text`, reusing both. False
  // when ICU refuses, or when the bytes are too many for its int32 offsets.
  bool SetText(icu::BreakIterator& iterator, std::string_view bytes) {
    if (bytes.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) return false;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, bytes.data(), static_cast<int64_t>(bytes.size()), &status);
    iterator.setText(&text, status);
    return U_SUCCESS(status);
  }

  std::shared_ptr<const Abbreviations> abbreviations;  // immutable, shared by copies
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
  UText text = UTEXT_INITIALIZER;  // re-pointed at each input: no allocation per call
};

Result<Segmenter> Segmenter::Create(const Options& options, const DataFiles& data) {
  const icu::Locale locale(options.locale.c_str());
  // ICU falls back to the root rules for any name, so check it names a language.
  if (locale.isBogus() || *locale.getISO3Language() == '\0') {
    return Status::InvalidArgument("unknown locale '" + options.locale + "'");
  }
  SL_ASSIGN_OR_RETURN(const std::string contents, data.Read(options.abbreviations));
  SL_ASSIGN_OR_RETURN(Abbreviations abbreviations,
                      Abbreviations::Parse(options.abbreviations, contents));

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return IcuError("cannot create the sentence iterator", status);
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) return IcuError("cannot create the word iterator", status);

  return Segmenter(
      std::make_unique<State>(std::make_shared<const Abbreviations>(std::move(abbreviations)),
                              std::move(sentences), std::move(words)));
}

std::vector<ByteSpan> Segmenter::Sentences(std::string_view text) {
  std::vector<ByteSpan> sentences;
  if (text.empty()) return sentences;
  State& state = *state_;
  if (!state.SetText(*state.sentences, text)) {
    // Only for 2 GiB and more: keep the text as one sentence rather than lose it.
    const size_t begin = SkipSpace(text, 0, text.size());
    bool line_end;
    const size_t end = TrimSpaceEnd(text, begin, text.size(), &line_end);
    if (begin < end) sentences.push_back({uint32_t(begin), uint32_t(end)});
    return sentences;
  }
  sentences.reserve(text.size() / 128 + 1);  // news sentences run 100-200 bytes

  size_t begin = 0;  // of the sentence being built, ICU's breaks joined
  for (int32_t next = state.sentences->next(); next != icu::BreakIterator::DONE;
       next = state.sentences->next()) {
    const size_t boundary = static_cast<size_t>(next);
    bool line_end;
    const size_t end = TrimSpaceEnd(text, begin, boundary, &line_end);
    // Quick check first: only a full stop before the space can be an abbreviation.
    if (boundary < text.size() && end > begin && text[end - 1] == '.' && !line_end &&
        state.abbreviations->JoinsAcross(text, begin, end - 1, boundary)) {
      continue;
    }
    const size_t start = SkipSpace(text, begin, end);
    if (start < end) sentences.push_back({uint32_t(start), uint32_t(end)});
    begin = boundary;
  }
  return sentences;
}

std::vector<Token> Segmenter::Tokens(std::string_view text, ByteSpan range) {
  assert(range.begin <= range.end && range.end <= text.size());
  std::vector<Token> tokens;
  if (range.size() == 0) return tokens;
  State& state = *state_;
  const std::string_view piece = text.substr(range.begin, range.size());
  if (!state.SetText(*state.words, piece)) return tokens;  // only for 2 GiB and more
  tokens.reserve(piece.size() / 4 + 1);

  int32_t begin = state.words->first();
  for (int32_t end = state.words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = state.words->next()) {
    const std::optional<TokenKind> kind =
        ClassifyToken(piece, begin, end, state.words->getRuleStatus());
    if (!kind) continue;
    tokens.push_back({{range.begin + uint32_t(begin), range.begin + uint32_t(end)}, *kind});
  }
  return tokens;
}

std::vector<Token> Segmenter::Words(std::string_view text, ByteSpan range) const {
  return SplitWords(text, range, *state_->abbreviations);
}

std::vector<std::vector<Token>> Segmenter::WordsOf(std::string_view text,
                                                   const std::vector<ByteSpan>& sentences) const {
  std::vector<std::vector<Token>> words;
  words.reserve(sentences.size());
  for (const ByteSpan& sentence : sentences) words.push_back(Words(text, sentence));
  return words;
}

Segmenter::Segmenter(std::unique_ptr<State> state) : state_(std::move(state)) {}
Segmenter::Segmenter(const Segmenter& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}
Segmenter& Segmenter::operator=(const Segmenter& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

}  // namespace storyline::text
