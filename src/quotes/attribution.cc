#include "quotes/attribution.h"

#include <optional>
#include <string_view>
#include <utility>

#include "quotes/speakers.h"

namespace storyline::quotes {
namespace {

// "said on Monday that ...": how far after the cue a "that" still opens its
// content.
constexpr uint32_t kThatWindow = 5;
// "told reporters on Monday that ...": how far the hearer may run.
constexpr uint32_t kHearerWindow = 6;
// "..., he said on Monday in Paris.": at most this many words after a
// trailing cue.
constexpr uint32_t kTrailingRestWords = 4;

class Reader {
 public:
  Reader(const Document& doc, const Lexicon& lexicon, int max_speaker_words)
      : doc_(doc),
        lexicon_(lexicon),
        max_speaker_words_(max_speaker_words),
        that_(lexicon.WordId("that")) {}

  // The cue phrase starting at word `i`, or an empty range.
  std::optional<std::pair<WordRange, CueKind>> CueAt(uint32_t i) const {
    for (const CuePhrase& phrase : lexicon_.CuesStartingWith(doc_.words[i].id)) {
      const uint32_t n = static_cast<uint32_t>(phrase.words.size());
      if (i + n > doc_.words.size()) continue;
      bool match = true;
      for (uint32_t k = 0; k < n && match; ++k) {
        const Word& w = doc_.words[i + k];
        match = w.id == phrase.words[k] && w.region < 0 && w.sentence == doc_.words[i].sentence;
      }
      if (match && PlausibleCue(i)) return std::pair{WordRange{i, i + n}, phrase.kind};
    }
    return std::nullopt;
  }

  std::optional<Attribution> Read(WordRange cue, CueKind kind) const {
    if (kind == CueKind::kSourceAfter) return ReadSourceAfter(cue);
    const WordRange sentence = SentenceOf(cue.begin);
    const uint32_t left_end = SkipLinksLeft(doc_, lexicon_, cue.begin);
    if (left_end == sentence.begin) return ReadInverted(cue);
    if (IsPassive({left_end, cue.begin}, cue.begin)) return std::nullopt;
    const Word& before = doc_.words[left_end - 1];
    if (before.Is(kComma) && IsParticiple(cue.begin)) {
      // The main clause's subject before an appositive: "In a statement on
      // Monday, the board thanked the divers, saying" is no name and
      // appositive.
      WordRange speaker = ParticipleSubject(before.sentence, left_end);
      if (speaker.empty()) speaker = AppositiveBefore(doc_, left_end - 1, max_speaker_words_);
      if (speaker.empty()) return std::nullopt;
      return WithSpeakerBefore(cue, kind, speaker);
    }
    if (before.Is(kComma)) {
      const WordRange appositive = AppositiveBefore(doc_, left_end - 1, max_speaker_words_);
      if (!appositive.empty()) return WithSpeakerBefore(cue, kind, appositive);
    }
    if (before.Is(kComma) || before.Is(kCloseMark)) return WithSpeakerAfter(cue, left_end - 1);
    if (left_end == cue.begin && IsParticiple(cue.begin) && !before.Is(kPunctuation)) {
      // "The ministry issued a statement saying ...": what stands before
      // the participle is its object; the sentence's subject speaks.
      const WordRange subject = SentenceSubject(doc_, before.sentence, max_speaker_words_);
      if (!subject.empty() && subject.end < left_end) return WithSpeakerBefore(cue, kind, subject);
    }
    WordRange speaker = SpeakerBefore(doc_, left_end, max_speaker_words_);
    const bool prepositional = !speaker.empty() && doc_.words[speaker.begin].Has(kPreposition);
    if (prepositional || (speaker.empty() && IsCoordinator(left_end - 1))) {
      // "He praised them but said ...", "In one tweet Friday, Trump wrote
      // ...": what stands before the cue names no speaker; the sentence's
      // subject does.
      speaker = SentenceSubject(doc_, before.sentence, max_speaker_words_);
      if (speaker.end >= left_end) return std::nullopt;
    }
    if (speaker.empty()) return std::nullopt;
    return WithSpeakerBefore(cue, kind, speaker);
  }

  // "Stated Stone:" or "Said Smith, “...”": a cue that opens its sentence,
  // its speaker after it, announcing the quote that follows.
  std::optional<Attribution> ReadInverted(WordRange cue) const {
    const WordRange speaker = SpeakerAfter(doc_, cue.end, max_speaker_words_);
    if (speaker.empty() || speaker.end >= SentenceOf(cue.begin).end) return std::nullopt;
    const Word& next = doc_.words[speaker.end];
    if (!next.Is(kColon) && !next.Is(kComma)) return std::nullopt;
    Attribution a;
    a.cue = cue;
    a.speaker = speaker;
    return a;
  }

  // "Senator Smith sent a message: “...”": the colon before a quoted region
  // that no cue claims stands for the cue, the sentence's subject for the
  // speaker.
  std::optional<Attribution> ReadColon(uint32_t colon) const {
    const uint32_t open = colon + 1;
    if (open >= doc_.words.size() || !doc_.words[open].Is(kOpenMark)) return std::nullopt;
    const WordRange speaker = SentenceSubject(doc_, doc_.words[colon].sentence, max_speaker_words_);
    if (speaker.empty() || speaker.end > colon) return std::nullopt;
    Attribution a;
    a.cue = {colon, colon + 1};
    a.speaker = speaker;
    a.region = doc_.words[open].region;
    return a;
  }

 private:
  WordRange SentenceOf(uint32_t word) const {
    return doc_.sentence_words[doc_.words[word].sentence];
  }

  // A capitalised cue inside a sentence is part of a name ("Secretary of
  // State"); one where no verb may stand is a noun ("the report", "member
  // states": MayBeVerbAt).
  bool PlausibleCue(uint32_t i) const {
    const WordRange sentence = SentenceOf(i);
    if (i == sentence.begin) return true;
    const Word& before = doc_.words[i - 1];
    if (!MayBeVerbAt(doc_.words, sentence.begin, i)) return false;
    return !doc_.words[i].Is(kCapitalized) || before.Is(kOpenMark) || before.Is(kPunctuation);
  }

  // The end of the sentence's words without its final full stop.
  uint32_t ContentEnd(WordRange sentence) const {
    uint32_t end = sentence.end;
    while (end > sentence.begin && doc_.words[end - 1].Is(kSentenceEnd)) --end;
    return end;
  }

  // The first word of the sentence after leading dashes and brackets.
  uint32_t ClauseBegin(WordRange sentence) const {
    uint32_t begin = sentence.begin;
    while (begin < sentence.end && (doc_.words[begin].Is(kDash) || doc_.words[begin].Is(kComma))) {
      ++begin;
    }
    return begin;
  }

  // The region whose closing mark is word `w`, or that ends right before
  // the comma `w`; -1 when none.
  int32_t RegionClosingAt(uint32_t w) const {
    if (doc_.words[w].Is(kCloseMark)) return doc_.words[w].region;
    if (doc_.words[w].Is(kComma) && w > 0 && doc_.words[w - 1].Is(kCloseMark)) {
      return doc_.words[w - 1].region;
    }
    return -1;
  }

  // The region whose words, marks included, are exactly `range`; -1 when none.
  int32_t RegionSpanning(WordRange range) const {
    const int32_t r = doc_.words[range.begin].region;
    if (r < 0 || !doc_.words[range.begin].Is(kOpenMark)) return -1;
    const WordRange words = doc_.region_words[r];
    return words.end == range.end ? r : -1;
  }

  // Content `range` as an attribution's content: its region when it is one.
  void SetContent(Attribution& a, WordRange range) const {
    const int32_t r = RegionSpanning(range);
    if (r >= 0) {
      a.region = r;
    } else {
      a.content = range;
    }
  }

  // "it was expected", "he is said": a form of "be" before a cue that is
  // not in -ing ("was saying").
  bool IsPassive(WordRange links, uint32_t cue) const {
    for (uint32_t w = links.begin; w < links.end; ++w) {
      if (doc_.words[w].Has(kBe)) return !IsParticiple(cue);
    }
    return false;
  }

  // Who speaks in "..., saying" when the participle's comma ends before
  // `limit`: the subject of the main clause ("Trump praised them, saying"),
  // past an opening phrase ("While pledging cooperation, the minister
  // criticised ..., saying"), even after a clause it reports ("Carson said
  // he saw no need, telling ..."); but a text reports on someone, who speaks:
  // "The statement indicates that Wang was critical of ..., saying".
  WordRange ParticipleSubject(uint32_t sentence, uint32_t limit) const {
    const WordRange subject = SentenceSubject(doc_, sentence, max_speaker_words_);
    if (subject.empty() || subject.end >= limit) return {};
    if (!doc_.words[subject.end - 1].Has(kDocument)) return subject;
    const WordRange reported = ReportedPerson(subject.end, limit);
    return reported.empty() ? subject : reported;
  }

  // "indicates that Wang was ...": the name or person pronoun that opens the
  // clause reported by a cue verb at word `w` (past link words), ending
  // before `limit`; empty when there is none.
  WordRange ReportedPerson(uint32_t w, uint32_t limit) const {
    while (w < limit && doc_.words[w].Has(kLink) && !doc_.words[w].Is(kCapitalized)) ++w;
    const auto cue = w < limit ? CueAt(w) : std::nullopt;
    if (!cue || cue->second != CueKind::kVerb) return {};
    uint32_t begin = cue->first.end;
    if (begin < limit && IsThat(begin)) ++begin;
    const WordRange subject = ClauseSubject(doc_, {begin, limit}, max_speaker_words_);
    if (subject.empty() || subject.end >= limit) return {};
    const Word& first = doc_.words[subject.begin];
    const bool name = first.Is(kCapitalized) && !first.Has(kDeterminer);
    return name || first.Has(kPersonPronoun) ? subject : WordRange{};
  }

  // "saying", "adding": a cue in -ing after a comma has no subject of its own.
  bool IsParticiple(uint32_t w) const { return doc_.words[w].Is(kIng); }

  // "and" or "but" before a cue: "He praised them but said ..."
  bool IsCoordinator(uint32_t w) const {
    const std::string_view spelling = doc_.TextOf({w, w + 1});
    return spelling == "and" || spelling == "but";
  }

  bool IsThat(uint32_t w) const { return doc_.words[w].id == that_ && that_ != kUnknownWord; }

  // "“...,” said Smith." or "..., said Smith.": `mark` is the word before
  // the cue.
  std::optional<Attribution> WithSpeakerAfter(WordRange cue, uint32_t mark) const {
    const WordRange speaker = SpeakerAfter(doc_, cue.end, max_speaker_words_);
    if (speaker.empty() || !EndsPhrase(speaker.end)) return std::nullopt;
    Attribution a;
    a.cue = cue;
    a.speaker = speaker;
    a.region = RegionClosingAt(mark);
    if (a.region >= 0 || !doc_.words[mark].Is(kComma)) return a;
    const uint32_t begin = ClauseBegin(SentenceOf(mark));
    if (begin >= mark) return std::nullopt;
    SetContent(a, {begin, mark});
    return a;
  }

  std::optional<Attribution> WithSpeakerBefore(WordRange cue, CueKind kind,
                                               WordRange speaker) const {
    const WordRange sentence = SentenceOf(cue.begin);
    const uint32_t end = ContentEnd(sentence);
    Attribution a;
    a.cue = cue;
    a.speaker = speaker;
    const uint32_t leading = LeadingContentBegin(cue, kind, end);
    // What follows the cue (and its hearer) is an aside, not what was said:
    // nothing, a comma, a few words or a phrase of time, place or manner.
    const uint32_t after = kind == CueKind::kObjectVerb ? AfterHearer(cue.end, end) : cue.end;
    const bool quote_follows = RegionOpeningNear(leading, end) >= 0;
    const bool aside =
        !quote_follows && (after >= end || doc_.words[after].Is(kComma) ||
                           doc_.CountWords({after, end}) <= kTrailingRestWords ||
                           (doc_.words[after].Has(kRightBoundary) && !IsThat(after)));
    if (speaker.begin > 0 && StandsBeforeCue(speaker, cue)) {
      // "“...,” Smith said (on Monday ...)." or, the mark ending the
      // sentence before, "“...” Smith said."; "..., Smith said."
      const uint32_t prior = speaker.begin - 1;
      const bool same_sentence = prior >= sentence.begin;
      const bool that_follows = leading < end && IsThat(leading);
      const int32_t r = RegionClosingAt(prior);
      if (r >= 0 && !that_follows && (same_sentence || aside)) {
        a.region = r;
        return a;
      }
      // "While pledging support, Smith praised them, saying ...": an opening
      // phrase is no content.
      const uint32_t begin = ClauseBegin(sentence);
      const bool only_opening = MainClauseBegin(doc_, doc_.words[prior].sentence) == prior + 1;
      if (aside && same_sentence && doc_.words[prior].Is(kComma) && prior > begin &&
          !only_opening) {
        SetContent(a, {begin, prior});
        return a;
      }
    }
    if (kind == CueKind::kQuoteVerb) {
      a.region = FirstRegionAfter(cue.end, end);
      if (a.region < 0) return std::nullopt;
      return a;
    }
    if (leading < end && OpensAnotherCue(leading)) {
      // "Smith criticised the toll, saying ...": whom the cue addresses is
      // what an object verb reports; another cue's content follows.
      if (kind == CueKind::kObjectVerb && cue.end + 1 < leading) {
        SetContent(a, {cue.end, leading - 1});
      }
      return a;
    }
    if (leading >= end || AnnouncesNextSentence(leading, end)) return a;
    if (const int32_t r = RegionOpeningNear(leading, end); r >= 0) {
      a.region = r;
    } else {
      SetContent(a, {leading, CutAtNextCue(leading, end)});
    }
    return a;
  }

  // "Smith (has) said", "Smith, a spokesman, said": the speaker right before
  // the cue, not a subject read further back ("Instead, he was back to
  // boasting": what precedes him is no content of his).
  bool StandsBeforeCue(WordRange speaker, WordRange cue) const {
    const uint32_t left_end = SkipLinksLeft(doc_, lexicon_, cue.begin);
    return speaker.end == left_end ||
           (speaker.end + 1 == left_end && doc_.words[speaker.end].Is(kComma));
  }

  // Where reported speech after the cue starts: after the hearer of an
  // object verb, at a "that" a few words on, past a comma or colon.
  uint32_t LeadingContentBegin(WordRange cue, CueKind kind, uint32_t end) const {
    uint32_t begin = cue.end;
    if (kind == CueKind::kObjectVerb) begin = AfterHearer(begin, end);
    begin = AtThat(begin, end);
    if (begin < end && (doc_.words[begin].Is(kComma) || doc_.words[begin].Is(kColon))) ++begin;
    return begin;
  }

  // "called the plan “reckless”": the region opening within a few words
  // after `begin`; -1 when none.
  int32_t FirstRegionAfter(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin; k < end && k < begin + kHearerWindow; ++k) {
      if (doc_.words[k].Is(kOpenMark)) return doc_.words[k].region;
    }
    return -1;
  }

  // "said “...”" or "stated of politicians, “...”": a quoted region that
  // opens the content, or opens a few words on after a comma or colon, and
  // runs to the sentence end or beyond; -1 when none.
  int32_t RegionOpeningNear(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin; k < end && k < begin + kHearerWindow; ++k) {
      const Word& w = doc_.words[k];
      if (w.region >= 0 && !w.Is(kOpenMark)) return -1;
      if (!w.Is(kOpenMark)) continue;
      const bool introduced =
          k == begin || doc_.words[k - 1].Is(kComma) || doc_.words[k - 1].Is(kColon);
      return introduced && doc_.region_words[w.region].end >= end ? w.region : -1;
    }
    return -1;
  }

  // After "said Smith": the sentence ends, a mark other than a quote's, or
  // a boundary word ("said Smith in a statement"); not more words ("says
  // Cruz will ...").
  bool EndsPhrase(uint32_t w) const {
    const WordRange sentence = SentenceOf(w - 1);
    if (w >= sentence.end) return true;
    const Word& next = doc_.words[w];
    return (next.Is(kPunctuation) && !next.Is(kOpenMark)) || next.Has(kRightBoundary);
  }

  // "Smith said on Monday." before a quote: a few words of time or place.
  bool AnnouncesNextSentence(uint32_t begin, uint32_t end) const {
    return doc_.words[begin].Has(kRightBoundary) && !IsThat(begin) &&
           doc_.CountWords({begin, end}) <= kTrailingRestWords;
  }

  // Where the content starts after an object verb's hearer.
  uint32_t AfterHearer(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin; k < end && k < begin + kHearerWindow; ++k) {
      const Word& w = doc_.words[k];
      if (IsThat(k) || w.Is(kComma) || w.Is(kColon) || w.Is(kOpenMark)) return k;
    }
    if (begin >= end) return begin;
    uint32_t k = begin;
    if (doc_.words[k].Is(kCapitalized)) {
      while (k < end && (doc_.words[k].Is(kCapitalized) || doc_.words[k].Is(kOpenBracket))) ++k;
      return k;
    }
    if (doc_.words[k].Has(kDeterminer)) ++k;
    return k < end ? k + 1 : k;
  }

  // A "that" a few words on ("said on Monday that") opens the content.
  uint32_t AtThat(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin; k < end && k < begin + kThatWindow; ++k) {
      if (IsThat(k)) return k;
      if (doc_.words[k].Is(kPunctuation)) break;
    }
    return begin;
  }

  // "..., adding that ...": the content stops before another cue.
  uint32_t CutAtNextCue(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin + 1; k + 1 < end; ++k) {
      if (OpensAnotherCue(k + 1)) return k;
    }
    return end;
  }

  // A cue after a comma at word `w`: "praised the pilots, saying ..." has
  // no content of its own before it.
  bool OpensAnotherCue(uint32_t w) const {
    return doc_.words[w - 1].Is(kComma) && doc_.words[w].region < 0 && CueAt(w);
  }

  // "According to Smith, ..." or "..., according to Smith."
  std::optional<Attribution> ReadSourceAfter(WordRange cue) const {
    const WordRange speaker = SpeakerAfter(doc_, cue.end, max_speaker_words_);
    if (speaker.empty()) return std::nullopt;
    const WordRange sentence = SentenceOf(cue.begin);
    const uint32_t end = ContentEnd(sentence);
    const uint32_t begin = ClauseBegin(sentence);
    Attribution a;
    a.cue = cue;
    a.speaker = speaker;
    if (cue.begin <= begin) {
      uint32_t after = speaker.end;
      if (after < end && doc_.words[after].Is(kComma)) ++after;
      if (after < end) SetContent(a, {after, end});
      return a;
    }
    uint32_t before = cue.begin;
    if (doc_.words[before - 1].Is(kComma)) --before;
    if (before <= begin) return std::nullopt;
    SetContent(a, {begin, before});
    return a;
  }

  const Document& doc_;
  const Lexicon& lexicon_;
  const int max_speaker_words_;
  const int32_t that_;
};

}  // namespace

std::vector<Attribution> FindAttributions(const Document& doc, const Lexicon& lexicon,
                                          int max_speaker_words) {
  const Reader reader(doc, lexicon, max_speaker_words);
  std::vector<Attribution> found;
  // The sentence of the last cue read, so that a colon after it is not
  // taken for a cue of its own.
  int64_t cue_sentence = -1;
  for (uint32_t i = 0; i < doc.words.size();) {
    const Word& word = doc.words[i];
    const std::optional<std::pair<WordRange, CueKind>> cue =
        word.region < 0 ? reader.CueAt(i) : std::nullopt;
    if (cue) {
      cue_sentence = word.sentence;
      if (std::optional<Attribution> a = reader.Read(cue->first, cue->second)) {
        found.push_back(*a);
      }
      i = cue->first.end;
      continue;
    }
    if (word.Is(kColon) && word.region < 0 && cue_sentence != word.sentence) {
      if (std::optional<Attribution> a = reader.ReadColon(i)) found.push_back(*a);
    }
    ++i;
  }
  return found;
}

}  // namespace storyline::quotes
