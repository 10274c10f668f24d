// timeml.h: reading TimeML (.tml) files and scoring a Tagger against them
// with the TempEval-3 task A timex measures. Internal to the timex module:
// used by eval/timex_eval.cc (which also scores chrono-node's output with
// Score) and the quality gate test.
//
// Scoring follows the TempEval-3 scorer: a system timex matches a gold one
// strictly when the spans are equal, relaxed when they overlap. Pairs are
// one-to-one (each gold timex takes the first unpaired overlapping system
// timex, in text order). Precision = matched / system, recall = matched /
// gold. Type and value accuracy are over the relaxed pairs; value F1 is
// value accuracy x relaxed F1, which equals the F1 of value precision
// (correct values / system) and value recall (correct values / gold).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "timex/timex.h"

namespace storyline::text {
class Segmenter;
}

namespace storyline::timex {

struct GoldTimex {
  ByteSpan span;  // bytes into TimeMlDocument::text
  std::string type;
  std::string value;
};

struct TimeMlDocument {
  std::string text;                  // the <TEXT> element with tags stripped, entities decoded
  std::optional<CivilDay> creation;  // the DCT (functionInDocument="CREATION_TIME")
  std::vector<GoldTimex> timexes;    // inside <TEXT>, the DCT excluded
};

// InvalidArgument when there is no <TEXT> element or a TIMEX3 is not closed.
Result<TimeMlDocument> ParseTimeMl(std::string_view contents);

struct Tally {
  int gold = 0;
  int system = 0;
  int strict = 0;    // pairs with equal spans
  int relaxed = 0;   // pairs with overlapping spans
  int type_ok = 0;   // relaxed pairs with the gold type
  int value_ok = 0;  // relaxed pairs with the gold value

  void Add(const Tally& other);
  double StrictP() const { return system ? double(strict) / system : 0; }
  double StrictR() const { return gold ? double(strict) / gold : 0; }
  double StrictF1() const;
  double RelaxedP() const { return system ? double(relaxed) / system : 0; }
  double RelaxedR() const { return gold ? double(relaxed) / gold : 0; }
  double RelaxedF1() const;
  double TypeAccuracy() const { return relaxed ? double(type_ok) / relaxed : 0; }
  double ValueAccuracy() const { return relaxed ? double(value_ok) / relaxed : 0; }
  double ValueF1() const { return ValueAccuracy() * RelaxedF1(); }
};

// Scores one document's system timexes against its gold ones. When
// `errors` is given, appends a line per miss, spurious timex or wrong value.
Tally Score(const TimeMlDocument& doc, const std::vector<Timex>& system,
            std::string* errors = nullptr);

struct TimeMlFile {
  std::string name;  // the path relative to the folder read
  TimeMlDocument document;
};

// Every *.tml file under `dir` (recursively), parsed, in sorted order.
// NotFound when the folder does not exist; InvalidArgument naming the file
// when one is malformed.
Result<std::vector<TimeMlFile>> ReadTimeMlDirectory(const std::string& dir);

struct EvalRun {
  Tally tally;
  int documents = 0;
  size_t bytes = 0;        // text bytes tagged
  double tag_seconds = 0;  // CPU time of this thread in Tagger::Tag only
};

// Segments each file's text, tags it with the DCT as publication date and
// scores it. `repeat` > 1 tags each text that many times (scoring the
// first), so that the timing is long enough to mean something; bytes count
// every pass.
EvalRun EvaluateFiles(const std::vector<TimeMlFile>& files, const Tagger& tagger,
                      text::Segmenter& segmenter, std::string* errors = nullptr, int repeat = 1);

// ReadTimeMlDirectory, then EvaluateFiles.
Result<EvalRun> EvaluateDirectory(const std::string& dir, const Tagger& tagger,
                                  text::Segmenter& segmenter, std::string* errors = nullptr,
                                  int repeat = 1);

}  // namespace storyline::timex
