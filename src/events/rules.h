// rules.h: the words of verb groups and clause boundaries, and the intent
// codes of acts not done, loaded from data/events/rules.en.tsv
// (docs/formats/event-rules.md); and the CAMEO code table
// (data/events/cameo-codes.tsv). Internal to the events module.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/status.h"
#include "events/events.h"

namespace storyline::events {

// The classes a word belongs to; a word may have several.
enum WordClass : uint32_t {
  kNegation = 1u << 0,
  kFuture = 1u << 1,
  kPossible = 1u << 2,
  kConditional = 1u << 3,
  kCondition = 1u << 4,
  kSubordinator = 1u << 5,
  kRelative = 1u << 6,
  kCoordinator = 1u << 7,
  kBe = 1u << 8,
  kHave = 1u << 9,
  kDo = 1u << 10,
  kDeterminer = 1u << 11,
  kReporting = 1u << 12,
  kPlace = 1u << 13,
  kOblique = 1u << 14,
  kPronoun = 1u << 15,
  kArticle = 1u << 16,
};

class Rules {
 public:
  // InvalidArgument "name:line: message" for an unknown class, a bad intent
  // row or an intent code the table does not list.
  static Result<Rules> Parse(std::string_view contents, std::string_view name,
                             const std::vector<CodeInfo>& codes);

  // The classes of a normalised word; 0 when it has none.
  uint32_t Classes(const std::string& word) const {
    const auto it = classes_.find(word);
    return it == classes_.end() ? 0 : it->second;
  }
  // The code a future or possible act of `code` is coded as; `code` itself
  // when no intent row covers it.
  std::string_view Intent(std::string_view code) const;
  // True when an act of `code` is coded without a target when its sentence
  // names none ("protesters rallied", "troops shelled the town").
  bool Untargeted(std::string_view code) const;

 private:
  absl::flat_hash_map<std::string, uint32_t> classes_;
  absl::flat_hash_map<std::string, std::string> intents_;  // code prefix -> intent code
  std::vector<std::string> untargeted_;                    // code prefixes
};

// The rows of data/events/cameo-codes.tsv. InvalidArgument "name:line:
// message" for a malformed row.
Result<std::vector<CodeInfo>> ParseCodes(std::string_view contents, std::string_view name);

}  // namespace storyline::events
