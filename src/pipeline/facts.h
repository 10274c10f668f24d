// facts.h: the facts stage of the pipeline, in one place: entities with
// their CAMEO actor codes (entities::Recognizer over actors::Dictionary),
// then quotes with their speakers (quotes::Finder), then the pronoun
// speakers recorded as entity mentions. Pipeline runs it after the time
// expressions; the quote evaluation, its gate and bench/facts_bench load
// and run the same stage.
//
//   SL_ASSIGN_OR_RETURN(pipeline::FactsStage facts, pipeline::FactsStage::Create({}, data));
//   entities::Workspace workspace;  // per thread, kept from one article to the next
//   facts.Run(article, segmenter.WordsOf(article.text, article.sentences), workspace);
#pragma once

#include <vector>

#include "actors/actors.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "entities/entities.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace storyline::pipeline {

struct FactsOptions {
  actors::Options actors;
  entities::Options entities;
  quotes::Options quotes;
};

class FactsStage {
 public:
  // Loads the actor dictionaries, the entity model and word lists, and the
  // speech cues. Errors of actors::Dictionary::Create,
  // entities::Recognizer::Create and quotes::Finder::Create.
  static Result<FactsStage> Create(const FactsOptions& options, const DataFiles& data);

  // Sets article.entities and article.quotes, given the words of its
  // sentences (text::Segmenter::WordsOf). Never fails. REQUIRES: `workspace`
  // is not used by another thread meanwhile.
  void Run(Article& article, const std::vector<std::vector<text::Token>>& words,
           entities::Workspace& workspace) const;

  // The parts, for callers that time or score one of them.
  const entities::Recognizer& recognizer() const { return recognizer_; }
  const quotes::Finder& quotes() const { return quotes_; }

 private:
  FactsStage(entities::Recognizer recognizer, quotes::Finder quotes)
      : recognizer_(std::move(recognizer)), quotes_(std::move(quotes)) {}

  entities::Recognizer recognizer_;
  quotes::Finder quotes_;
};

}  // namespace storyline::pipeline
