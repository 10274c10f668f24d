// cues.h (internal): the class and id cues of data/html/cues.tsv, compiled
// (format in docs/formats/html.md). Each kind is one case-insensitive
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
  kCount,
};

class ClassCues {
 public:
  static Result<ClassCues> Parse(std::string_view file_name, std::string_view contents);

  // Whether a pattern of `kind` matches `class_and_id` (the class attribute,
  // a space, the id attribute). Thread-safe.
  bool Matches(CueKind kind, std::string_view class_and_id) const;

  ClassCues(ClassCues&&) noexcept;
  ClassCues& operator=(ClassCues&&) noexcept;
  ~ClassCues();

 private:
  struct Sets;
  explicit ClassCues(std::unique_ptr<const Sets> sets);
  std::unique_ptr<const Sets> sets_;
};

}  // namespace storyline::html
