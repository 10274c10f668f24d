// cues.h (internal): the class and id cues and the line cues of
// data/html/cues.tsv, compiled (format in docs/formats/html.md). Each kind is one case-insensitive
// RE2::Set, so an element's class and id cost one pass per kind.
#pragma once

#include <memory>
#include <string_view>

#include "core/status.h"

namespace storyline::html {

enum class CueKind {
  kDrop,      // "drop": the element is boilerplate (share bar, comments, cookie notice...)
  kNegative,  // "negative": lowers a content candidate's score
  kPositive,  // "positive": raises it
  kContent,   // "content": the element is likely the article body itself
  kLabel,     // "label": a line of the body that is page furniture ("Photo: ...", "Share")
  kEnd,  // "end": a line that heads the page's end matter ("Related posts", "About the author")
  kCount,
};

class ClassCues {
 public:
  static Result<ClassCues> Parse(std::string_view file_name, std::string_view contents);

  // Whether a pattern of `kind` matches `text`: for the class kinds, the
  // class attribute, a space and the id attribute; for kLabel and kEnd, the
  // whole of one trimmed line. Thread-safe.
  bool Matches(CueKind kind, std::string_view text) const;

  ClassCues(ClassCues&&) noexcept;
  ClassCues& operator=(ClassCues&&) noexcept;
  ~ClassCues();

 private:
  struct Sets;
  explicit ClassCues(std::unique_ptr<const Sets> sets);
  std::unique_ptr<const Sets> sets_;
};

}  // namespace storyline::html
