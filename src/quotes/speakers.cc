#include "quotes/speakers.h"

#include <algorithm>

namespace storyline::quotes {
namespace {

// An appositive is longer than a name but still one phrase.
constexpr uint32_t kMaxAppositiveWords = 25;
// An age or a party and state after a name: "Khan, 66, said", "McConnell, R-Ky., said".
constexpr uint32_t kMaxTagWords = 2;
// Comma-separated parts after a name: "Garin, a pollster, of Ohio, said".
constexpr int kMaxAppositiveParts = 3;

uint32_t SentenceBegin(const Document& doc, uint32_t word) {
  return doc.sentence_words[doc.words[word].sentence].begin;
}

uint32_t SentenceEnd(const Document& doc, uint32_t word) {
  return doc.sentence_words[doc.words[word].sentence].end;
}

// The open bracket matching the close bracket at `close`, searching back to
// `floor`; `close` itself when there is none.
uint32_t MatchingOpen(const Document& doc, uint32_t close, uint32_t floor) {
  for (uint32_t k = close; k > floor; --k) {
    if (doc.words[k - 1].Is(kOpenBracket)) return k - 1;
  }
  return close;
}

uint32_t MatchingClose(const Document& doc, uint32_t open, uint32_t ceiling) {
  for (uint32_t k = open + 1; k < ceiling; ++k) {
    if (doc.words[k].Is(kCloseBracket)) return k;
  }
  return open;
}

// "and" between two capitalised words or two lower-case ones, neither a
// pronoun, joins two speakers ("Smith and Jones", "the delegate and
// activist") rather than two clauses ("a photo and Clinton said").
bool JoinsNames(const Document& doc, uint32_t w, uint32_t floor) {
  if (w == floor || w + 1 >= doc.words.size() || doc.TextOf({w, w + 1}) != "and") return false;
  const Word& before = doc.words[w - 1];
  const Word& after = doc.words[w + 1];
  const uint16_t pronoun = kPersonPronoun | kGroupPronoun;
  if ((before.roles & pronoun) || (after.roles & pronoun)) return false;
  return (before.Is(kCapitalized) && after.Is(kCapitalized)) ||
         (before.Is(kLowercase) && after.Is(kLowercase));
}

// A speaker phrase read leftwards, cut down to what can name a speaker:
// from the last pronoun in it ("every time he" -> "he"), up to the first
// link word ("Trump has long" -> "Trump"); none when it ends in a
// preposition ("expected me to", "refrain in") or is too long.
WordRange Plausible(const Document& doc, WordRange range, int max_words) {
  for (uint32_t k = range.end; k > range.begin + 1; --k) {
    const Word& w = doc.words[k - 1];
    if (w.Has(kPersonPronoun) || w.Has(kGroupPronoun)) {
      range.begin = k - 1;
      break;
    }
  }
  for (uint32_t k = range.begin + 1; k < range.end; ++k) {
    // Capitalised inside the phrase, a link form is a name or a month ("in May").
    if (doc.words[k].Has(kLink) && !doc.words[k].Is(kCapitalized)) {
      range.end = k;
      break;
    }
  }
  if (range.empty() || doc.words[range.end - 1].Has(kRightBoundary)) return {};
  if (doc.CountWords(range) > static_cast<uint32_t>(max_words)) return {};
  return range;
}

// "When the vote ended, ...", "Despite the delay, ...", "Speaking to
// reporters, ...", "Meanwhile, ...", "Hours later, ...": the sentence opens
// with a phrase up to a comma that is not its subject: it starts with a
// boundary word, a preposition or a participle, or holds a link word
// ("later", "earlier") followed by a comma within its first words.
bool OpensWithAPhrase(const Document& doc, uint32_t begin, uint32_t end) {
  constexpr uint32_t kOpeningWords = 4;
  const Word& first = doc.words[begin];
  if (first.Has(kLeftBoundary | kRightBoundary | kPreposition)) return true;
  // A participle goes on in lower case; "Sterling said" is a name and its cue.
  const Word* second = begin + 1 < end ? &doc.words[begin + 1] : nullptr;
  if (first.Is(kIng) && second && second->Is(kLowercase) && !second->Is(kCueStart)) return true;
  for (uint32_t k = begin; k < end && k <= begin + kOpeningWords; ++k) {
    if (doc.words[k].Is(kComma)) return false;
    // Capitalised, a first word before a capitalised one names: "Will Smith".
    const bool name = k == begin && second && second->Is(kCapitalized);
    if (doc.words[k].Has(kLink) && !name) {
      while (++k < end && k <= begin + kOpeningWords) {
        if (doc.words[k].Is(kComma)) return true;
      }
      return false;
    }
  }
  return false;
}

// The end of the phrase that the determiner at `begin` opens: up to a link
// word, a form of "be", a mark, a quote, a cue ("the minister said", "the
// senator was rallying") or a lower-case word in -ed after its first word,
// most likely a verb in the past ("the summit in June addressed"; "the
// embattled senator" keeps its adjective); or, when a second determiner
// starts an object, up to the verb before it ("The authority issued a
// statement").
uint32_t DeterminerPhraseEnd(const Document& doc, uint32_t begin, uint32_t limit) {
  uint32_t end = begin + 1;
  while (end < limit) {
    const Word& w = doc.words[end];
    if (!w.IsWord() || w.Has(kLink | kBe) || w.region >= 0 || w.Is(kCueStart)) break;
    if (w.Has(kDeterminer) && end > begin + 2) return end - 1;
    if (end > begin + 1 && w.Is(kLowercase) && doc.TextOf({end, end + 1}).ends_with("ed")) break;
    ++end;
  }
  return end;
}

}  // namespace

uint32_t SkipLinksLeft(const Document& doc, const Lexicon& lexicon, uint32_t cue) {
  const uint32_t floor = SentenceBegin(doc, cue);
  uint32_t end = cue;
  while (end > floor) {
    const Word& before = doc.words[end - 1];
    if (before.region >= 0) break;
    uint32_t skipped = 0;
    for (const LinkPhrase& link : lexicon.LinksEndingWith(before.id)) {
      const uint32_t n = static_cast<uint32_t>(link.words.size());
      if (end - floor < n) continue;
      bool match = true;
      for (uint32_t k = 0; k < n && match; ++k) {
        const Word& w = doc.words[end - n + k];
        match = w.id == link.words[k] && w.region < 0;
      }
      if (match) {
        skipped = n;
        break;
      }
    }
    const bool link = before.Has(kLink) && !before.Is(kCapitalized);  // not "in May"
    if (skipped == 0 && (link || before.Has(kBe))) skipped = 1;
    if (skipped == 0) break;
    end -= skipped;
  }
  return end;
}

WordRange SpeakerBefore(const Document& doc, uint32_t end, int max_words) {
  const uint32_t floor = SentenceBegin(doc, end - 1);
  const Word& last = doc.words[end - 1];
  if (last.region >= 0 || (last.Is(kPunctuation) && !last.Is(kCloseBracket))) return {};
  if (last.Has(kRelative)) return {end - 1, end};
  uint32_t begin = end;
  while (begin > floor) {
    const Word& w = doc.words[begin - 1];
    if (w.region >= 0 || w.Is(kCueStart)) break;
    if (w.Has(kLeftBoundary) && !JoinsNames(doc, begin - 1, floor)) break;
    if (w.Is(kCloseBracket)) {
      const uint32_t open = MatchingOpen(doc, begin - 1, floor);
      if (open == begin - 1) break;
      begin = open;
      continue;
    }
    if (w.Is(kPunctuation)) break;
    --begin;
  }
  return Plausible(doc, {begin, end}, max_words);
}

WordRange AppositiveBefore(const Document& doc, uint32_t comma, int max_words) {
  const uint32_t floor = SentenceBegin(doc, comma);
  // Each pass reads one comma-separated part leftwards: "Garin, a pollster
  // with Priorities USA, a pro-Clinton group, said" has two.
  uint32_t close = comma;
  for (int part = 0; part < kMaxAppositiveParts; ++part) {
    uint32_t open = close;  // just after the comma that opens this part
    while (open > floor) {
      const Word& w = doc.words[open - 1];
      if (w.region >= 0 || w.Is(kSentenceEnd) || w.Is(kDash) || w.Is(kColon)) return {};
      if (w.Is(kComma)) break;
      --open;
    }
    if (open == floor || open + 1 >= close || open - 1 == floor) return {};
    // "a spokesman for ...", "who ...", or a short tag: "66", "R-Ky."
    const uint32_t words = doc.CountWords({open, close});
    const bool lower_case = doc.words[open].Is(kLowercase);
    if (words > kMaxAppositiveWords || (!lower_case && words > kMaxTagWords)) return {};
    const WordRange head = SpeakerBefore(doc, open - 1, max_words);
    if (!head.empty() && doc.words[head.begin].Is(kCapitalized) &&
        (head.begin == floor || !doc.words[head.begin - 1].IsWord())) {
      return {head.begin, comma};
    }
    close = open - 1;
  }
  return {};
}

WordRange SpeakerAfter(const Document& doc, uint32_t begin, int max_words) {
  if (begin >= doc.words.size()) return {};
  const uint32_t ceiling = SentenceEnd(doc, begin);
  uint32_t end = begin;
  while (end < ceiling) {
    const Word& w = doc.words[end];
    if (w.region >= 0 || w.Has(kRightBoundary)) break;
    if (w.Is(kOpenBracket)) {
      const uint32_t close = MatchingClose(doc, end, ceiling);
      if (close == end) break;
      end = close + 1;
      continue;
    }
    if (w.Is(kPunctuation)) break;
    ++end;
  }
  if (end == begin || doc.CountWords({begin, end}) > static_cast<uint32_t>(max_words)) return {};
  return {begin, end};
}

uint32_t MainClauseBegin(const Document& doc, uint32_t sentence) {
  const WordRange words = doc.sentence_words[sentence];
  uint32_t begin = words.begin;
  while (begin < words.end && doc.words[begin].Is(kPunctuation) && doc.words[begin].region < 0) {
    ++begin;
  }
  // "Moreover, as part of the exchange, Gowdy ...": openings may follow
  // each other.
  constexpr int kMaxOpenings = 3;
  for (int opening = 0; opening < kMaxOpenings && begin < words.end &&
                        doc.words[begin].region < 0 && OpensWithAPhrase(doc, begin, words.end);
       ++opening) {
    while (begin < words.end && !doc.words[begin].Is(kComma)) {
      if (doc.words[begin].region >= 0) return words.end;
      ++begin;
    }
    begin = std::min(begin + 1, words.end);
  }
  return begin;
}

WordRange SentenceSubject(const Document& doc, uint32_t sentence, int max_words) {
  const WordRange words = doc.sentence_words[sentence];
  const uint32_t begin = MainClauseBegin(doc, sentence);
  if (begin >= words.end || doc.words[begin].region >= 0) return {};
  return ClauseSubject(doc, {begin, words.end}, max_words);
}

WordRange ClauseSubject(const Document& doc, WordRange clause, int max_words) {
  const uint32_t begin = clause.begin;
  if (begin >= clause.end) return {};
  const Word& first = doc.words[begin];
  if (first.Has(kPersonPronoun) || first.Has(kGroupPronoun)) return {begin, begin + 1};
  uint32_t end = begin;
  while (end < clause.end && doc.words[end].Is(kCapitalized) && doc.words[end].region < 0) ++end;
  // "The authority ...", "several groups ...", or after an opening phrase
  // "the minister ...".
  if (end <= begin + 1 && first.Has(kDeterminer | kQuantifier)) {
    end = DeterminerPhraseEnd(doc, begin, clause.end);
  }
  if (end == begin || doc.CountWords({begin, end}) > static_cast<uint32_t>(max_words)) return {};
  return {begin, end};
}

}  // namespace storyline::quotes
