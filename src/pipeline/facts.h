// facts.h: the facts stage of the pipeline, in one place: entities with
// their CAMEO actor codes (entities::Recognizer over actors::Dictionary),
// then quotes with their speakers (quotes::Finder), then the pronoun
// speakers recorded as entity mentions, then CAMEO events over them
// (events::Coder, on the same actor dictionary). Pipeline runs it after the
// time expressions; `storyline code`, the evaluations, their gates and
// bench/facts_bench load and run the same stage.
//
//   SL_ASSIGN_OR_RETURN(pipeline::FactsStage facts, pipeline::FactsStage::Create({}, data));
//   entities::Workspace workspace;  // per thread, kept from one article to the next
//   facts.Run(article, segmenter.WordsOf(article.text, article.sentences), workspace);
#pragma once

#include <optional>
#include <vector>

#include "actors/actors.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "entities/entities.h"
#include "events/events.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace storyline::pipeline {

struct FactsOptions {
  actors::Options actors;
  entities::Options entities;
  quotes::Options quotes;
  events::Options events;
  // Code CAMEO events (events::Coder) after the quotes. Off, the coder is
  // not loaded and articles carry no events.
  bool code_events = true;
};

class FactsStage {
 public:
  // Loads the actor dictionaries, the entity model and word lists, and the
  // speech cues. Errors of actors::Dictionary::Create,
  // entities::Recognizer::Create and quotes::Finder::Create.
  static Result<FactsStage> Create(const FactsOptions& options, const DataFiles& data);

  // Sets article.entities, article.quotes and article.events, given the
  // words of its sentences (text::Segmenter::WordsOf). Never fails.
  // REQUIRES: `workspace` is not used by another thread meanwhile.
  void Run(Article& article, const std::vector<std::vector<text::Token>>& words,
           entities::Workspace& workspace) const;

  // The parts, for callers that time or score one of them.
  const entities::Recognizer& recognizer() const { return recognizer_; }
  const quotes::Finder& quotes() const { return quotes_; }
  // nullptr when FactsOptions::code_events is off.
  const events::Coder* coder() const { return coder_ ? &*coder_ : nullptr; }

 private:
  FactsStage(entities::Recognizer recognizer, quotes::Finder quotes,
             std::optional<events::Coder> coder)
      : recognizer_(std::move(recognizer)), quotes_(std::move(quotes)), coder_(std::move(coder)) {}

  entities::Recognizer recognizer_;
  quotes::Finder quotes_;
  std::optional<events::Coder> coder_;
};

}  // namespace storyline::pipeline
