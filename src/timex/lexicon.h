// lexicon.h: internal to src/timex; the public header is timex/timex.h.
// May change at any time.
//
// The words the tagger knows and their senses, read from the shared date
// lexicon and timex/en.tsv (docs/formats/timex.md).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace storyline::timex {

namespace internal {

// The kinds of words the tagger knows (docs/formats/timex.md). Month and
// weekday come from the shared date lexicon, the rest from timex/en.tsv.
enum Kind {
  kMonth,
  kWeekday,
  kNumber,
  kOrdinal,
  kUnit,
  kDeictic,
  kShift,
  kAnaphoric,
  kAgo,
  kRef,
  kSeason,
  kPartOfDay,
  kSet,
  kEvery,
  kMod,
  kTense,
  kHoliday,
  kMeridiem,
  kZone,
  kFiller,
  kClock,
  kDecade,
  kLimit,
  kPassive,
  kKindCount,
};

struct Senses {
  std::array<std::string, kKindCount> values;
  unsigned kinds = 0;
  bool Has(Kind kind) const { return kinds & (1u << kind); }
  const std::string& Get(Kind kind) const { return values[kind]; }
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::optional<int> ParseInt(std::string_view s);

}  // namespace internal

struct Lexicon {
  std::unordered_map<std::string, internal::Senses, internal::StringHash, std::equal_to<>> words;
  int min_year = 1800;
  int max_year = 2100;

  const internal::Senses* Find(std::string_view word) const {
    auto it = words.find(word);
    return it == words.end() ? nullptr : &it->second;
  }

  // Reads one file. From the date lexicon only months, weekdays and meridiem
  // are taken (`shared`); its other kinds belong to the cleaner.
  Status Load(std::string_view file, std::string_view contents, bool shared);
};

}  // namespace storyline::timex
