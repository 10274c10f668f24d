#include "timex/lexicon.h"

#include <charconv>

#include "core/tsv.h"

namespace storyline::timex {

namespace internal {

std::optional<int> ParseInt(std::string_view s) {
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace internal

namespace {

using enum internal::Kind;
using internal::Kind;
using internal::ParseInt;
using internal::Senses;

constexpr std::array<std::string_view, kKindCount> kKindNames = {
    "month",   "weekday",  "number", "ordinal",   "unit",  "deictic", "shift", "anaphoric",
    "ago",     "ref",      "season", "partofday", "set",   "every",   "mod",   "tense",
    "holiday", "meridiem", "zone",   "filler",    "clock", "decade",  "limit", "passive"};

// "12-25" (a fixed day) or "11-4-4" (the 4th Thursday of November).
bool ValidHoliday(std::string_view v) {
  const std::optional<int> month = v.size() >= 2 ? ParseInt(v.substr(0, 2)) : std::nullopt;
  if (!month || *month < 1 || *month > 12 || v.size() < 5 || v[2] != '-') return false;
  if (v.size() == 5) {
    const std::optional<int> day = ParseInt(v.substr(3, 2));
    return day && *day >= 1 && *day <= 31;
  }
  return v.size() == 6 && v[3] >= '1' && v[3] <= '5' && v[4] == '-' && v[5] >= '1' && v[5] <= '7';
}

}  // namespace

Status Lexicon::Load(std::string_view file, std::string_view contents, bool shared) {
  for (const auto& [line, fields] : SplitTsv(contents)) {
    auto error = [&, line = line](const std::string& message) {
      return Status::InvalidArgument(std::string(file) + ":" + std::to_string(line) + ": " +
                                     message);
    };
    if (fields.size() != 3) return error("expected 3 tab-separated fields");
    int kind = 0;
    while (kind < kKindCount && kKindNames[kind] != fields[0]) ++kind;
    if (kind == kKindCount) {
      if (shared) continue;
      return error("unknown kind '" + std::string(fields[0]) + "'");
    }
    const std::string_view name = fields[1];
    if (name.empty() || name.find_first_of(" .ABCDEFGHIJKLMNOPQRSTUVWXYZ") != name.npos) {
      return error("name must be one lower-case word without dots, got '" + std::string(name) +
                   "'");
    }
    const bool numeric = kind == kMonth || kind == kWeekday || kind == kOrdinal ||
                         kind == kDeictic || kind == kShift || kind == kAgo || kind == kMeridiem ||
                         kind == kClock || kind == kDecade || (kind == kNumber && fields[2] != "X");
    if (numeric && !ParseInt(fields[2])) {
      return error(std::string(kKindNames[kind]) + " value must be a number, got '" +
                   std::string(fields[2]) + "'");
    }
    if (kind == kTense && fields[2] != "future" && fields[2] != "past") {
      return error("tense value must be future or past, got '" + std::string(fields[2]) + "'");
    }
    if (kind == kHoliday && !ValidHoliday(fields[2])) {
      return error("holiday value must be MM-DD or MM-N-W, got '" + std::string(fields[2]) + "'");
    }
    Senses& senses = words[std::string(name)];
    if (senses.Has(static_cast<Kind>(kind))) {
      return error("duplicate " + std::string(kKindNames[kind]) + " '" + std::string(name) + "'");
    }
    senses.kinds |= 1u << kind;
    senses.values[kind] = std::string(fields[2]);
  }
  return Status::Ok();
}

}  // namespace storyline::timex
