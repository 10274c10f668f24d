#include "html/cues.h"

#include <re2/set.h>

#include <array>
#include <string>
#include <vector>

namespace storyline::html {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(CueKind::kCount)> kKindNames = {
    "drop", "negative", "positive", "content", "label", "end"};

RE2::Options CueOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

// Drop and content words stand at the start or the end of a token (see the
// header of data/html/cues.tsv); tokens are separated by white space.
std::string AtTokenEdge(std::string_view words) {
  const std::string group = "(?:" + std::string(words) + ")";
  return "(?:^|\\s)" + group + "(?:[-_]\\S*)?(?:\\s|$)|(?:^|\\s)\\S*[-_]" + group + "(?:\\s|$)";
}

// Line cues match a whole line, ignoring punctuation and spaces after it
// ("Related posts:", "Mehr zum Thema »").
std::string WholeLine(std::string_view words) {
  return "^(?:" + std::string(words) + ")[\\s\\p{P}\\p{S}]*$";
}

// Line cues match from the start of the line: anchored, the DFA need not
// try every position (RE2 still checks the "^" each pattern keeps).
RE2::Anchor AnchorOf(size_t kind) {
  const auto cue = static_cast<CueKind>(kind);
  return cue == CueKind::kLabel || cue == CueKind::kEnd ? RE2::ANCHOR_START : RE2::UNANCHORED;
}

std::string Compiled(size_t kind, std::string_view pattern) {
  switch (static_cast<CueKind>(kind)) {
    case CueKind::kDrop:
    case CueKind::kContent:
      return AtTokenEdge(pattern);
    case CueKind::kLabel:
    case CueKind::kEnd:
      return WholeLine(pattern);
    default:
      return std::string(pattern);
  }
}

}  // namespace

struct ClassCues::Sets {
  std::vector<std::unique_ptr<RE2::Set>> by_kind;
};

Result<ClassCues> ClassCues::Parse(std::string_view file_name, std::string_view contents) {
  auto sets = std::make_unique<Sets>();
  for (size_t kind = 0; kind < kKindNames.size(); ++kind) {
    sets->by_kind.push_back(std::make_unique<RE2::Set>(CueOptions(), AnchorOf(kind)));
  }
  std::vector<int> count(kKindNames.size(), 0);
  int line_number = 0;
  size_t start = 0;
  while (start <= contents.size()) {
    size_t end = contents.find('\n', start);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view line = contents.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') {
      if (end == contents.size()) break;
      continue;
    }
    const std::string where = std::string(file_name) + ":" + std::to_string(line_number) + ": ";
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidArgument(where + "expected KIND<TAB>PATTERN");
    }
    const std::string_view kind_name = line.substr(0, tab);
    size_t kind = 0;
    while (kind < kKindNames.size() && kKindNames[kind] != kind_name) ++kind;
    if (kind == kKindNames.size()) {
      return Status::InvalidArgument(where + "unknown kind '" + std::string(kind_name) +
                                     "' (drop, negative, positive, content, label or end)");
    }
    const std::string_view pattern = line.substr(tab + 1);
    std::string error;
    if (sets->by_kind[kind]->Add(Compiled(kind, pattern), &error) < 0) {
      return Status::InvalidArgument(where + "bad pattern: " + error);
    }
    ++count[kind];
    if (end == contents.size()) break;
  }
  for (size_t kind = 0; kind < kKindNames.size(); ++kind) {
    // An empty set cannot compile; it matches nothing, as no pattern would.
    if (count[kind] == 0) {
      sets->by_kind[kind].reset();
    } else if (!sets->by_kind[kind]->Compile()) {
      return Status::InvalidArgument(std::string(file_name) + ": cannot compile the " +
                                     std::string(kKindNames[kind]) + " patterns");
    }
  }
  return ClassCues(std::move(sets));
}

bool ClassCues::Matches(CueKind kind, std::string_view text) const {
  const auto& set = sets_->by_kind[static_cast<size_t>(kind)];
  return set && set->Match(text, nullptr);
}

ClassCues::ClassCues(std::unique_ptr<const Sets> sets) : sets_(std::move(sets)) {}
ClassCues::ClassCues(ClassCues&&) noexcept = default;
ClassCues& ClassCues::operator=(ClassCues&&) noexcept = default;
ClassCues::~ClassCues() = default;

}  // namespace storyline::html
