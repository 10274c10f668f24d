// events.h: CAMEO events, who did what to whom, when and where, each read
// from one sentence with the spans and the dictionary pattern behind it.
//
// Consumes an article's sentences and their words (text::Segmenter::WordsOf),
// its entities with their actor codes, its quotes and its time expressions;
// produces Article::events (core/article.h):
//
//   "China's foreign minister Wang Yi held a video call with NATO Secretary
//    General Jens Stoltenberg on Monday."           (published 2021-09-28)
//   -> CHNGOV  040 (consult)  IGOWSTNAT  2021-09-27 (timex)
//
// How a sentence is coded, in short (docs/events.md has the whole of it):
//   1. actors: the mentions of entities with an actor code, and the names of
//      the actor dictionaries the entity stage did not tag, with the role
//      nouns that qualify them ("Gondor's Prime Minister" -> GONGOV, "the
//      ambassadors of Arnor" -> ARNGOV); "X and Y" is a compound actor;
//   2. verbs: every form of a dictionary verb or event noun, with the words of
//      its verb group (auxiliaries, negation, passive "was received by");
//   3. patterns: the verb's patterns, most specific first, are matched against
//      the words around it within its clause; the first that matches gives
//      the code and may place the source (`$`) and target (`+`); otherwise
//      the source is the clause's subject actor and the target the first
//      actor after the verb (swapped in the passive);
//   4. the verb group's negation, modality (future, possible, conditional,
//      question) and the quote it stands in are recorded; a future or
//      possible act is coded as CAMEO codes intents and threats
//      (data/events/rules.en.tsv), never as the act done;
//   5. the date is the sentence's own time expression when one dates it,
//      else the article's publication date (how = "publication" or
//      "inferred"), else unknown; the place is "in <place>" of the sentence.
//
// The verb dictionary is ours (data/events/verbs.en.txt, docs/formats/verbs.md)
// or a user's TABARI .verbs or PETRARCH/Phoenix CAMEO.2.0.txt file
// (Options::verb_files), which replaces ours; discard lists (TABARI,
// Phoenix) drop sentences or articles about sport and the like.
//
// Deterministic. A Coder is immutable once created; Code() may run
// concurrently.
//
//   SL_ASSIGN_OR_RETURN(events::Coder coder, events::Coder::Create({}, data, dictionary));
//   article.events = coder.Code(article, segmenter.WordsOf(article.text, article.sentences));
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "text/text.h"

namespace storyline::events {

struct Options {
  // Our verb dictionary, relative to data/ (docs/formats/verbs.md).
  std::string verbs = "events/verbs.en.txt";
  // Verb-group words, clause boundaries and the intent codes of future acts,
  // relative to data/ (docs/formats/event-rules.md).
  std::string rules = "events/rules.en.tsv";
  // The CAMEO event codes with their root, QuadClass and Goldstein value.
  std::string codes = "events/cameo-codes.tsv";
  // Users' verb dictionaries (TABARI .verbs, PETRARCH/Phoenix
  // CAMEO.2.0.txt), read in order. Non-empty: they replace ours.
  std::vector<std::string> verb_files;
  // Users' discard lists (TABARI, Phoenix), read in order; with our
  // dictionary, only the discards its own file lists apply otherwise.
  std::vector<std::string> discard_files;
  // True when the actor dictionaries are a user's (pipeline::FactsStage sets
  // it from actors::Options::actor_files): their names are read in the
  // sentence before the entity mentions, as TABARI and PETRARCH read them.
  bool user_actors = false;
};

// What the CAMEO codebook says of one event code.
struct CodeInfo {
  std::string code;  // "036"
  std::string root;  // "03"
  int quad_class = 0;
  double goldstein = 0;
  std::string name;  // "Express intent to meet or negotiate"
};

class Coder {
 public:
  // Loads the verb dictionaries, discard lists, rules and codes.
  // InvalidArgument "file:line: message" for a malformed line; NotFound or
  // IoError for a user file that cannot be read.
  static Result<Coder> Create(const Options& options, const DataFiles& data,
                              std::shared_ptr<const actors::Dictionary> dictionary);

  // The events of `article` (Event::id is the index), by sentence, then by
  // the position of the verb. Reads article.sentences, entities, quotes,
  // timexes and published. Never fails.
  // REQUIRES: words[s] are the words of article.sentences[s].
  std::vector<Event> Code(const Article& article,
                          const std::vector<std::vector<text::Token>>& words) const;

  // The codebook entry of `code`; nullptr for a code it does not list (a
  // user dictionary's private code such as TABARI's "174K").
  const CodeInfo* Info(std::string_view code) const;

  Coder(Coder&&) noexcept;
  Coder& operator=(Coder&&) noexcept;
  ~Coder();

  struct State;  // opaque: the loaded dictionaries and their indexes

 private:
  explicit Coder(std::unique_ptr<const State> state);
  std::unique_ptr<const State> state_;
};

}  // namespace storyline::events
