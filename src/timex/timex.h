// timex.h: finds time expressions in an article's clean text and normalises
// each to a TimeML TIMEX3 type and value.
//
// Consumes the clean text, its sentence spans (text::Segmenter) and the
// publication date when known; produces one storyline::Timex per expression
// (core/article.h), in text order, never overlapping:
//
//   "said on Monday"              DATE      2021-09-27   (last Monday; publication)
//   "will meet on Monday"         DATE      2021-10-04   (next Monday; publication)
//   "27 September 2021"           DATE      2021-09-27   (absolute; none)
//   "the next day"                DATE      2021-09-28   (the day before it; previous)
//   "late 2019"                   DATE      2019  mod END
//   "last week"                   DATE      2021-W38
//   "the third quarter"           DATE      2021-Q3
//   "10:53"                       TIME      2021-09-29T10:53
//   "Monday night"                DATE      2021-09-27TNI
//   "two days", "20-year"         DURATION  P2D, P20Y
//   "every week", "weekly"        SET       P1W
//   "now", "recently"             DATE      PRESENT_REF, PAST_REF
//
// Anchoring. Deictic words (today, yesterday, last year, bare weekdays and
// months) resolve against the publication date. Anaphoric ones ("the
// previous day", "the following month", "that year", "a day later") resolve
// against the last date met earlier in the same article that is precise
// enough for their unit, else against the publication date. A bare weekday
// looks back (the publication day itself counts) unless the nearest tense
// cue before it looks ahead ("will", "planned"), or there is none and it
// names the day after publication or a time limit ("by Friday"). A month
// without a year follows the tense too: seven months back to four ahead
// without a cue, further back in a clause that looks back, further ahead in
// one that looks ahead or sets a limit ("by the end of August"). "The
// quarter" and "a year earlier" follow the quarter the article reports on (the
// latest it named that had ended by publication). Without
// any anchor the value stays underspecified: XXXX-WXX-1, XXXX-07, XXXX.
//
// An article with no stated date can be dated from its own text
// (InferPublication), after which it is tagged again against that date.
//
// Quality on TimeBank + AQUAINT (eval/timex_eval, gate_test.cc): strict F1
// 0.870, relaxed F1 0.942, type accuracy 0.962, value F1 0.8205.
//
// The words come from data files (format: docs/formats/timex.md): month and
// weekday names from lexicon/en/dates.tsv (shared with clean), the rest from
// timex/en.tsv. The grammar is a hand-written scanner over ASCII-lowered
// tokens; one pass over each sentence, no regular expressions.
//
// Deterministic: the output depends only on the text, the sentences, the
// publication date and the data files. A Tagger is immutable once created;
// Tag() may run concurrently on one Tagger.
//
//   Result<timex::Tagger> tagger = timex::Tagger::Create({}, DataFiles{});
//   std::vector<Timex> found = tagger->Tag(article.text, article.sentences,
//                                         CivilDay::FromIso("2021-09-29"));
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/calendar.h"
#include "core/data_files.h"
#include "core/status.h"

namespace storyline::timex {

struct Lexicon;  // the loaded word lists; internal to src/timex (lexicon.h)

struct Options {
  // Month and weekday names, relative to data/ (docs/formats/lexicon.md).
  std::string date_lexicon = "lexicon/en/dates.tsv";
  // Number words, units, shift words, holidays, ... (docs/formats/timex.md).
  std::string timex_lexicon = "timex/en.tsv";
  // Four-digit numbers in [min_year, max_year] alone are read as years;
  // a wider range tags more counts ("2500 people") as dates.
  int min_year = 1800;
  int max_year = 2100;
};

class Tagger {
 public:
  // Loads the lexicons. InvalidArgument "file:line: message" on a bad row,
  // NotFound when a file is missing.
  static Result<Tagger> Create(const Options& options, const DataFiles& data);

  // The time expressions of `text`, in order. Only text inside `sentences`
  // is read and no expression crosses a sentence end; Timex::sentence
  // indexes `sentences` and Timex::span is bytes into `text`. `publication`
  // anchors relative expressions; without it they get XXXX values. Never
  // fails. REQUIRES: the spans lie within `text`, in order.
  std::vector<Timex> Tag(std::string_view text, const std::vector<ByteSpan>& sentences,
                         std::optional<CivilDay> publication) const;

  // Publication-date inference, for an article that states no date: the
  // day the text itself implies, or nullopt when its evidence is weak.
  // `found` is what Tag() returned for the text without a publication date.
  // The result is the latest day given by well-anchored evidence:
  //   - a full date with its weekday named beside it, and agreeing:
  //     "on Tuesday, 28 September 2021";
  //   - a day and month with an agreeing weekday but no year, in a text
  //     that names a year in which that day is that weekday: "on Monday,
  //     27 September" ... "in 2021" (the latest such year);
  //   - a full date in a text that also says "this year".
  // Dates in clauses that look ahead ("will open on ...") and weekdays that
  // contradict their date are not evidence; a year or month alone, or a bare
  // full date (a history piece names old dates), is weak. The result has how
  // = DateHow::kInferred and evidence = the phrases used, in text order; the
  // caller re-tags the text against it.
  std::optional<PublishedDate> InferPublication(std::string_view text,
                                                const std::vector<ByteSpan>& sentences,
                                                const std::vector<Timex>& found) const;

  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

 private:
  explicit Tagger(std::unique_ptr<const Lexicon> lexicon);
  std::unique_ptr<const Lexicon> lexicon_;
};

}  // namespace storyline::timex
