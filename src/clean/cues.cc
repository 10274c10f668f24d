#include "clean/cues.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <optional>

#include "core/tsv.h"

namespace storyline::clean {
namespace {

// The DFA caches states as lines are matched; a generous budget keeps a
// large cue file from falling back to "no match" under memory pressure.
constexpr int64_t kMaxRegexMemory = 64 << 20;

std::optional<CueKind> ParseKind(std::string_view name) {
  if (name == "line") return CueKind::kLine;
  if (name == "next") return CueKind::kNext;
  if (name == "block") return CueKind::kBlock;
  return std::nullopt;
}

bool IsReasonCode(std::string_view reason) {
  if (reason.empty() || reason[0] < 'a' || reason[0] > 'z') return false;
  return std::all_of(reason.begin(), reason.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

RE2::Options CueOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);  // a pattern opts back in with (?-i)
  options.set_log_errors(false);      // errors go into the Status instead
  options.set_max_mem(kMaxRegexMemory);
  return options;
}

}  // namespace

struct CueSet::Compiled {
  Compiled() : set(CueOptions(), RE2::UNANCHORED) {}
  RE2::Set set;
};

CueSet::CueSet() : compiled_(std::make_unique<Compiled>()) {}
CueSet::CueSet(CueSet&&) noexcept = default;
CueSet& CueSet::operator=(CueSet&&) noexcept = default;
CueSet::~CueSet() = default;

Result<CueSet> CueSet::Parse(std::string_view file_name, std::string_view contents) {
  CueSet cues;
  for (const TsvRow& row : SplitTsv(contents)) {
    const auto error = [&](const std::string& message) {
      return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(row.line) +
                                     ": " + message);
    };
    if (row.fields.size() != 3) {
      return error("expected 3 tab-separated fields (kind, reason, pattern), got " +
                   std::to_string(row.fields.size()));
    }
    const std::optional<CueKind> kind = ParseKind(row.fields[0]);
    if (!kind) {
      return error("unknown kind '" + std::string(row.fields[0]) +
                   "' (expected line, next or block)");
    }
    if (!IsReasonCode(row.fields[1])) {
      return error("reason must be a snake_case code, got '" + std::string(row.fields[1]) + "'");
    }
    if (row.fields[2].empty()) return error("empty pattern");
    // Parse alone first: RE2::Set reports errors without saying which
    // pattern, and an empty-matching pattern would remove every line.
    const RE2 alone(row.fields[2], CueOptions());
    if (!alone.ok()) return error("bad pattern: " + alone.error());
    if (RE2::PartialMatch("", alone)) return error("pattern matches an empty line");
    std::string add_error;
    if (cues.compiled_->set.Add(row.fields[2], &add_error) < 0) {
      return error("bad pattern: " + add_error);
    }
    cues.cues_.push_back({*kind, std::string(row.fields[1]), std::string(row.fields[2]), row.line});
  }
  if (!cues.compiled_->set.Compile()) {
    return Status::InvalidArgument(std::string(file_name) + ": cues too large to compile");
  }
  return cues;
}

int CueSet::Match(std::string_view line, std::vector<int>& scratch) const {
  if (cues_.empty()) return -1;
  const RE2::Set& set = compiled_->set;
  // Most lines match nothing; asking only "any match?" lets the DFA stop early.
  if (!set.Match(line, nullptr)) return -1;
  scratch.clear();
  set.Match(line, &scratch);
  if (scratch.empty()) return -1;
  return *std::min_element(scratch.begin(), scratch.end());
}

}  // namespace storyline::clean
