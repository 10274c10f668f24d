// coref_eval.h: scores event coreference (coref/coref.h) on a corpus of
// articles with gold event labels, as examples/event-coref holds one. Used
// by `storyline eval coref` and by the quality floor in a test.
//
// A corpus folder holds
//   - articles.jsonl: one {"id", "outlet", "title", "published", "url",
//     "text"} object a line; "id", "published" and "text" are read;
//   - gold.tsv: the header `article event source root target date`, then
//     one row per article and gold event it reports (`-`: no target).
//
// Every article is coded by a TextCoder at its publication date, and the
// coreferable mentions of all of them go to one coref::EventLinker in the
// canonical order (publication date, article id, event index). Each gold
// row is then looked up among its article's mentions: one with the row's
// root (the code's first two digits), a compatible source and target (one
// code a prefix of the other; a gold target `-` fits any, and for root 04,
// meetings, source and target may be swapped), the one dated to the row's
// day preferred, then the one with the row's codes, then (meetings, often
// coded both ways round) the one whose source sorts first. A row found is
// in the linker's event its mention joined; a row not found is an event of
// its own (it counts against recall). Predicted events are scored against
// the gold labels over the rows: B-cubed and pairwise precision, recall and
// F1.
//
//   SL_ASSIGN_OR_RETURN(pipeline::TextCoder coder, pipeline::TextCoder::Create({}, data));
//   SL_ASSIGN_OR_RETURN(pipeline::CorefScores scores, pipeline::EvaluateCoref(dir, coder));
//   double f1 = scores.bcubed.f1;
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "coref/coref.h"
#include "pipeline/text_coder.h"

namespace storyline::pipeline {

struct ClusterScores {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// One gold row and what it was matched with.
struct CorefRow {
  std::string article;
  std::string event;  // the gold label, "E01"
  std::string source, root, target, date;
  // The mention found for it (nullopt: not found) and the index of the
  // linker's event (coref::EventLinker::events()) that mention joined.
  std::optional<coref::EventMention> mention;
  std::optional<size_t> cluster;
};

// A gold event over several predicted events, or a predicted event over
// several gold events: its parts, each a label (a predicted event's index,
// or "not found"; a gold label) and the articles of its rows.
struct CorefPart {
  std::string label;
  std::vector<std::string> articles;
};
struct CorefError {
  std::string label;  // the gold label of a split, the predicted index of a merge
  std::vector<CorefPart> parts;
};

struct CorefScores {
  std::vector<CorefRow> rows;         // gold.tsv's rows, in order
  size_t found = 0;                   // rows with a mention
  size_t gold_events = 0;             // distinct gold labels
  size_t predicted_clusters = 0;      // distinct predicted events among found rows
  size_t mentions = 0;                // coreferable mentions given to the linker
  std::vector<ReportedEvent> events;  // the linker's events, by index
  ClusterScores bcubed;
  ClusterScores pairwise;
  std::vector<CorefError> splits;  // gold events whose rows are in several predicted events
  std::vector<CorefError> merges;  // predicted events holding rows of several gold events
};

// Codes and links the corpus in `dir` and scores it (see the top of this
// file). Errors: a file that cannot be read, a line of articles.jsonl that
// is not an object with string "id" and "text", a gold row without six
// columns.
Result<CorefScores> EvaluateCoref(const std::string& dir, const TextCoder& coder,
                                  const coref::CorefOptions& options = {});

}  // namespace storyline::pipeline
