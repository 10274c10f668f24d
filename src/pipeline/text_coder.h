// text_coder.h: event coding of texts that need no cleaning: the
// researchers' records of `storyline code` ({"id", "date", "text"} lines)
// and the records of the validation suites (TABARI, PETRARCH).
//
// A record's text (one or more sentences) is segmented, its time
// expressions are tagged against its date, then the facts stage runs on it
// (entities, quotes, events), as the pipeline does for an article after
// cleaning. The date, when given, is the article's publication date (how =
// "metadata"); without one, events are dated by their own time expressions
// or not at all.
//
// Deterministic. Code() may run concurrently, each thread with its own
// Workspace.
//
//   SL_ASSIGN_OR_RETURN(pipeline::TextCoder coder, pipeline::TextCoder::Create({}, data));
//   pipeline::TextCoder::Workspace workspace = coder.NewWorkspace();
//   Article article = coder.Code("r1", "2021-09-27", "China and NATO held talks.", workspace);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "entities/entities.h"
#include "pipeline/facts.h"
#include "text/text.h"
#include "timex/timex.h"

namespace storyline::pipeline {

struct TextCoderOptions {
  text::Options text;
  timex::Options timex;
  FactsOptions facts;  // actors, entities, quotes and events
};

class TextCoder {
 public:
  // Per-thread scratch space: a segmenter and the entity stage's workspace.
  struct Workspace {
    text::Segmenter segmenter;
    entities::Workspace entities;
  };

  // Errors of the stages' Create().
  static Result<TextCoder> Create(const TextCoderOptions& options, const DataFiles& data);

  Workspace NewWorkspace() const;

  // The article `text` makes: id, text, sentences, timexes, entities,
  // quotes, events. `date` is ISO 8601 ("2021-09-27", or a longer
  // timestamp whose first ten characters are the day); an empty or
  // unreadable date leaves the publication date unknown. Never fails.
  // REQUIRES: `text` is valid UTF-8.
  Article Code(std::string id, std::string_view date, std::string text, Workspace& workspace) const;

  const FactsStage& facts() const { return *facts_; }

  TextCoder(TextCoder&&) noexcept;
  TextCoder& operator=(TextCoder&&) noexcept;
  ~TextCoder();

 private:
  TextCoder(text::Segmenter segmenter, timex::Tagger timex, std::unique_ptr<FactsStage> facts);
  text::Segmenter segmenter_;  // copied into each Workspace
  timex::Tagger timex_;
  std::unique_ptr<FactsStage> facts_;
};

}  // namespace storyline::pipeline
