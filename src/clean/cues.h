// cues.h: the boilerplate cues, compiled. Internal to the clean module; the
// file format is documented in docs/formats/boilerplate.md.
//
// A cue is an RE2 pattern matched against one trimmed line, a reason code
// recorded for the lines it removes, and a kind saying how far the removal
// reaches. All patterns run at once through one RE2::Set, so a line costs
// one DFA pass however many cues there are.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace storyline::clean {

enum class CueKind {
  kLine,   // "line": removes the matching line only
  kNext,   // "next": the line, the next non-blank line and that line's repeats right after it
  kBlock,  // "block": the line and every line after it to the end of the text
};

struct Cue {
  CueKind kind = CueKind::kLine;
  std::string reason;   // snake_case reason code, e.g. "related"
  std::string pattern;  // as written in the file
  int line = 0;         // line of the file it came from
};

// Immutable once parsed; Match() is thread-safe.
class CueSet {
 public:
  // Parses and compiles a cue file. InvalidArgument "file:line: message" for
  // the first bad row.
  static Result<CueSet> Parse(std::string_view file_name, std::string_view contents);

  CueSet(CueSet&&) noexcept;
  CueSet& operator=(CueSet&&) noexcept;
  ~CueSet();

  // The index of the first cue (in file order) whose pattern matches `line`,
  // or -1. `scratch` is working memory the caller reuses across calls so a
  // match does not allocate.
  int Match(std::string_view line, std::vector<int>& scratch) const;

  const Cue& cue(int index) const { return cues_[index]; }
  int size() const { return static_cast<int>(cues_.size()); }

 private:
  struct Compiled;
  CueSet();
  std::vector<Cue> cues_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace storyline::clean
