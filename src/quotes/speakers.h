// speakers.h: reading a speaker phrase around a cue. Internal to the quotes
// module; quotes/quotes.h documents the rules.
#pragma once

#include <cstdint>

#include "quotes/document.h"
#include "quotes/lexicon.h"

namespace storyline::quotes {

// Where a speaker phrase may end when the cue starts at word `cue`: before
// the link words ("has also") and forms of "be" between them. Never leaves
// the sentence.
uint32_t SkipLinksLeft(const Document& doc, const Lexicon& lexicon, uint32_t cue);

// The speaker phrase that ends right before word `end`, read leftwards:
// a relative pronoun alone, else words back to the sentence start, a left
// boundary word, a quote or a mark (a bracketed part is kept). Empty when
// there is none or it is longer than `max_words`. A phrase that starts with
// a preposition ("In one tweet") is returned: it names no speaker, and the
// caller looks elsewhere.
WordRange SpeakerBefore(const Document& doc, uint32_t end, int max_words);

// "Smith, a spokesman for the ministry, said": when word `comma` is the
// comma before the cue, the name and its appositive (a lower-case phrase
// between two commas after a capitalised name). Empty when the words
// before `comma` do not read that way.
WordRange AppositiveBefore(const Document& doc, uint32_t comma, int max_words);

// The speaker phrase that starts at word `begin`, read rightwards up to a
// mark, a right boundary word or the sentence end (a bracketed part is
// kept). Empty when there is none or it is longer than `max_words`.
WordRange SpeakerAfter(const Document& doc, uint32_t begin, int max_words);

// The first word of a sentence's main clause: after leading marks and up to
// three opening phrases that each end with a comma and start with a
// boundary word, a preposition or a participle, or hold a link word ("When
// the vote ended, ...", "Despite the delay, ...", "Speaking to reporters,
// ...", "Meanwhile, ..."); the sentence end when an opening holds a quote.
uint32_t MainClauseBegin(const Document& doc, uint32_t sentence);

// The subject a sentence opens with, for a cue whose own subject lies
// further back ("He praised them but said ...") or a quote announced by a
// colon ("Senator Smith sent a message: “...”"): the ClauseSubject at its
// MainClauseBegin ("Despite the delay, the minister ..."). Empty when there
// is none.
WordRange SentenceSubject(const Document& doc, uint32_t sentence, int max_words);

// The subject that `clause` opens with: a pronoun, a run of capitalised
// words, or a determiner or quantifier with the words after it up to what
// looks like its verb: a link word, a form of "be", a mark, a cue, a word
// in -ed or the word before a second determiner ("the minister said",
// "several groups granted", "The authority issued a statement"). Empty when
// there is none or it is longer than `max_words`.
WordRange ClauseSubject(const Document& doc, WordRange clause, int max_words);

}  // namespace storyline::quotes
