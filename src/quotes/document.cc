#include "quotes/document.h"

#include <array>

#include "text/text.h"

namespace storyline::quotes {
namespace {

// The lexicon id of a word spelled ASCII lower case, ’ read as '. Words
// longer than any cue word are unknown without a look-up.
int32_t LexiconId(std::string_view word, const Lexicon& lexicon) {
  constexpr size_t kLongestKnown = 32;
  std::array<char, kLongestKnown> key;
  size_t size = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (size == key.size()) return kUnknownWord;
    const char c = word[i];
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {
      key[size++] = '\'';
      i += 2;
    } else {
      key[size++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return lexicon.WordId({key.data(), size});
}

uint16_t ShapeOf(std::string_view word, text::TokenKind kind) {
  uint16_t shape = 0;
  const char first = word[0];
  if (first >= 'A' && first <= 'Z') shape |= kCapitalized;
  if (first >= 'a' && first <= 'z') shape |= kLowercase;
  if (kind == text::TokenKind::kNumber) shape |= kNumber;
  if (kind == text::TokenKind::kWord && word.ends_with('s') && !word.ends_with("ss")) {
    shape |= kEndsInS;
  }
  if (kind == text::TokenKind::kWord && word.ends_with("ing")) shape |= kIng;
  if (kind == text::TokenKind::kPunctuation || kind == text::TokenKind::kSymbol) {
    shape |= kPunctuation;
    if (word == ",") shape |= kComma;
    if (word == ":") shape |= kColon;
    if (word == "." || word == "?" || word == "!" || word == "\xE2\x80\xA6") shape |= kSentenceEnd;
    if (word == "(" || word == "[") shape |= kOpenBracket;
    if (word == ")" || word == "]") shape |= kCloseBracket;
    if (word == "\xE2\x80\x94" || word == "\xE2\x80\x93" || word == "\xE2\x80\x95" ||
        word == "--" || word == "-" || word == ";") {
      shape |= kDash;
    }
  }
  return shape;
}

// A word that can stand between the start of a noun phrase and its noun:
// lower case, with no role in the cue file, and not itself in -s ("member",
// "swing"; in "a series of emails shows", "emails" ends the phrase and
// "shows" is its verb).
bool IsModifier(const Word& w) { return w.Is(kLowercase) && w.roles == 0 && !w.Is(kEndsInS); }

// "in states", "several states", "two reports", "from member states", "in
// key swing states": a cue form in -s after a preposition, a quantifier or a
// number, directly or past one or two modifiers, is a plural noun, since no
// subject stands there for a verb in -s.
bool IsPluralNoun(const std::vector<Word>& words, uint32_t first, uint32_t i) {
  constexpr uint32_t kMaxModifiers = 2;
  if (!words[i].Is(kEndsInS)) return false;
  uint32_t k = i;
  while (k > first && i - k < kMaxModifiers && IsModifier(words[k - 1])) --k;
  if (k == first) return false;
  const Word& opener = words[k - 1];
  return opener.Has(kPreposition | kQuantifier) || opener.Is(kNumber);
}

}  // namespace

uint32_t Document::CountWords(WordRange range) const {
  uint32_t count = 0;
  for (uint32_t i = range.begin; i < range.end; ++i) count += words[i].IsWord();
  return count;
}

bool MayBeVerbAt(const std::vector<Word>& words, uint32_t first, uint32_t i) {
  if (i == first) return true;
  const Word& before = words[i - 1];
  if (before.Has(kDeterminer) || IsPluralNoun(words, first, i)) return false;
  if (!words[i].Has(kNounForm)) return true;
  return before.Is(kCapitalized) || before.Is(kPunctuation) ||
         before.Has(kPersonPronoun | kGroupPronoun | kRelative | kLink | kBe);
}

Document ReadDocument(std::string_view text, const std::vector<ByteSpan>& sentences,
                      const std::vector<std::vector<text::Token>>& tokens, const Lexicon& lexicon) {
  Document doc;
  doc.text = text;
  doc.sentences = sentences;
  doc.regions = FindQuotedRegions(text);
  doc.region_words.assign(doc.regions.size(), WordRange{});
  size_t region = 0;  // the first region that does not end before the word
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    const uint32_t first = static_cast<uint32_t>(doc.words.size());
    for (const text::Token& token : tokens[s]) {
      Word& word = doc.words.emplace_back();
      const std::string_view spelling = text.substr(token.span.begin, token.span.size());
      word.span = token.span;
      word.sentence = s;
      if (token.kind == text::TokenKind::kWord) word.id = LexiconId(spelling, lexicon);
      word.roles = lexicon.Roles(word.id);
      word.shape = ShapeOf(spelling, token.kind);
      const bool may_be_verb =
          MayBeVerbAt(doc.words, first, static_cast<uint32_t>(doc.words.size() - 1));
      if ((word.shape & kLowercase) && may_be_verb && !lexicon.CuesStartingWith(word.id).empty()) {
        word.shape |= kCueStart;
      }
      while (region < doc.regions.size() && doc.regions[region].outer.end <= token.span.begin) {
        ++region;
      }
      if (region == doc.regions.size()) continue;
      const QuotedRegion& r = doc.regions[region];
      if (token.span.begin < r.outer.begin || token.span.end > r.outer.end) continue;
      const uint32_t index = static_cast<uint32_t>(doc.words.size() - 1);
      word.region = static_cast<int32_t>(region);
      if (token.span.begin == r.outer.begin) word.shape |= kOpenMark;
      if (r.closed && token.span.end == r.outer.end) word.shape |= kCloseMark;
      WordRange& range = doc.region_words[region];
      if (range.empty()) range.begin = index;
      range.end = index + 1;
    }
    doc.sentence_words.push_back({first, static_cast<uint32_t>(doc.words.size())});
  }
  return doc;
}

}  // namespace storyline::quotes
