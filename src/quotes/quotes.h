// quotes.h: who said what. Finds, per article, direct quotes, partial quotes
// and reported speech, each with its content, its cue (the speech verb or
// phrase) and its speaker.
//
// Consumes an Article's clean text, its sentences (text::Segmenter) and,
// when the entity stage has run, its entities (which may be empty: speaker
// phrases are found from the words alone). Produces storyline::Quote records
// (core/article.h) in text order (by the start of their content):
//
//   “We will not give in,” he said.           direct    speaker "he"
//   Smith said: “We will not give in.”        direct    speaker "Smith"
//   “We will not give in,” said the minister. direct    speaker "the minister"
//   She called the plan “hasty and reckless”.  partial   speaker "She"
//   Smith said (that) the plan had failed.    indirect  content "(that) the plan had failed"
//   The plan failed, the ministry said.       indirect  content "The plan failed"
//   According to Smith, the plan failed.      indirect  speaker "Smith"
//
// Direct and partial quotes. Text between double quote marks (straight ",
// curly “ ”, guillemets « ») is a quoted region; single quotes never delimit
// one, so 'nested' quotes stay inside. A paragraph that ends inside a quote
// and a next paragraph that opens with a mark of the same style make one
// region (the newspaper convention for long quotes). A region is "direct"
// when it is a whole sentence or more: nothing but punctuation before its
// opening mark in the sentence, or a colon before it, or a comma before a
// capitalised quote, or a capitalised quote ending in . ? ! that ends its
// sentence; otherwise "partial". Its span is the text inside the marks.
//
// Cues. The cue words are data (quotes/cues.en.tsv, docs/formats/quotes.md):
// verbs with their forms ("said", "says", "warned", "believes"; PolNeAR, the
// attribution corpus we measure on, counts beliefs and findings as
// attributions too), verbs with a hearer ("told reporters that ..."), verbs
// that attribute only a quote after them ("called it “reckless”"), and cues
// whose source follows ("according to X"). A cue inside a quote is part of
// the quote, not a cue; a cue form after a determiner is a noun, and so is
// one in -s after a preposition, a quantifier or a number, directly or past
// one or two modifiers ("from member states", "several states"); a form of
// "be" before a cue makes a passive ("it was expected"), which is skipped.
// The speaker is read around the cue:
//   - leftwards ("Smith has also said"): words skipped between speaker and
//     cue are the file's `link` words; the phrase runs back to the sentence
//     start, a `left_boundary` word ("but", "that"; "and" only between two
//     clauses), another cue, a quote or a mark (a bracketed part is kept);
//     it is then cut to its last pronoun and before its first link word,
//     and refused when it ends in a preposition; a relative pronoun right
//     before the cue ("who said") is the speaker; an appositive is kept
//     ("Smith, a spokesman, said", "McConnell, R-Ky., said");
//   - rightwards after a quote or a comma ("“...,” said Smith"), up to a
//     mark or a `right_boundary` word ("in", "on", "who"), or at the start
//     of a sentence ("Said Smith: ...");
//   - a cue in -ing after a comma ("..., saying") or right after its object
//     ("issued a statement saying"), a cue after "and"/"but", and a phrase
//     read leftwards that starts with a preposition ("In one tweet, ...")
//     take the subject the sentence opens with; so does a colon announcing
//     a quote with no cue ("Smith had a message: “...”", cue ":"). That
//     subject is read after opening phrases that end in a comma ("While
//     pledging cooperation, the minister ...", "Despite the delay, ...",
//     "Speaking to reporters, ...", "Meanwhile, ..."); and a participle
//     after a clause that a text reports (a `document` word: "The statement
//     indicates that Wang was critical of ..., saying") is that clause's
//     named subject's, where after a speaker's clause it stays the
//     speaker's ("Carson said he saw no need, telling ...").
// The content is the quoted region beside the cue (before ", he said", after
// "said:"), else reported speech: the clause after the cue (from "that" when
// it comes within a few words: "said on Monday that ..."; after the hearer
// for a verb with one) to the end of the sentence, or, for a trailing cue
// ("..., he said."), the clause before it, up to the comma (not an opening
// phrase: in "While pledging support, Smith criticised the toll, saying
// “...”" the cue before the participle reports "the toll"). A cue with a
// speaker and no content ("Smith said on Monday.", "Smith added:") anchors
// the quoted region that opens the next sentence; a quoted region that opens
// a sentence right after another attributed one takes its speaker ("“A,” he
// said. “B.”": two direct quotes, one speaker).
//
// Scare quotes: a quoted region of one or two words (at most
// Options::scare_quote_max_words) with no cue attached (none beside it and
// no reported speech around it) is not a quote. A longer region with no cue
// is a quote all the same: a direct one without a speaker, a partial one of
// its sentence's subject, without a cue ("Obama made clear his aim to
// “fundamentally transform” the country"), or no quote when the sentence
// has no subject to read.
//
// Speakers and entities. When Article::entities is filled, a speaker phrase
// that overlaps mentions resolves to the entity of the one that names who
// speaks (a person before an organisation before a place or other name, a
// name before a role phrase: "the Chinese Foreign Ministry" is the ministry,
// not "Chinese"); a
// pronoun ("he", "they": the file's `person_pronoun` and `group_pronoun`) to
// the last speaker before it resolved to a compatible entity (PER for a
// person; ORG, LOC or MISC for a group), across paragraphs, else to the last
// compatible named mention before it; a nominal ("the spokesman") to the
// last entity mentioned before it whose role ends the phrase. The speaker's
// code is then the entity's actor code. Without entities, QuoteSpeaker::
// entity and ::code stay empty.
//
// Quality on PolNeAR dev (storyline eval quotes, gate_test.cc): see
// docs/formats/quotes.md for the figures and how they are measured.
//
// Deterministic: the output depends only on the article and the data file.
// A Finder is immutable once created; Find() may run concurrently.
//
//   Result<quotes::Finder> finder = quotes::Finder::Create({}, DataFiles{});
//   article.quotes = finder->Find(article, segmenter.WordsOf(article.text, article.sentences));
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "text/text.h"

namespace storyline::quotes {

class Lexicon;  // the loaded cue file; internal (lexicon.h)

struct Options {
  // Speech cues and the words around them, relative to data/
  // (docs/formats/quotes.md). A DataFiles override folder may replace it.
  std::string cues = "quotes/cues.en.tsv";
  // A quoted region of at most this many words needs a cue to be a quote
  // (scare quotes: the so-called “reset”).
  int scare_quote_max_words = 2;
  // The longest speaker phrase read around a cue, in words; a longer run
  // is not taken as a speaker.
  int max_speaker_words = 12;
};

class Finder {
 public:
  // Loads the cue file. InvalidArgument "file:line: message" on a bad row,
  // NotFound when the file is missing, InvalidArgument when a limit in
  // `options` is below 0.
  static Result<Finder> Create(const Options& options, const DataFiles& data);

  // The quotes of `article`, in text order; offsets are bytes into
  // article.text. `words[s]` are the words of article.sentences[s]
  // (text::Segmenter::WordsOf, the words the entity stage reads too). Never
  // fails; text outside the sentences is not read.
  // REQUIRES: article.sentences set (spans within article.text, in order);
  // entity mentions, when present, within article.text.
  std::vector<Quote> Find(const Article& article,
                          const std::vector<std::vector<text::Token>>& words) const;

  Finder(Finder&&) noexcept;
  Finder& operator=(Finder&&) noexcept;
  ~Finder();

 private:
  Finder(std::unique_ptr<const Lexicon> lexicon, const Options& options);
  std::unique_ptr<const Lexicon> lexicon_;
  Options options_;
};

}  // namespace storyline::quotes
