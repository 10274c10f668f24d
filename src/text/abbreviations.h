// abbreviations.h: the abbreviation and sentence-starter list that decides
// whether a sentence break ICU proposed after a full stop stands. Internal to
// the text module; the format is docs/formats/abbreviations.md.
//
// Immutable once parsed, so Segmenter copies share one instance across
// threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/status.h"

namespace storyline::text {

// Longest abbreviation and starter we look up: the scan around a full stop
// never goes further, so a break costs O(1) however long the words are.
inline constexpr size_t kMaxEntryBytes = 16;
static_assert(kMaxEntryBytes < 32, "lengths_by_first_ holds one bit per length");

class Abbreviations {
 public:
  // Parses the data file `contents`; `name` is used in error messages.
  // InvalidArgument "name:line:col: message" followed by the offending line
  // and a caret under the column.
  static Result<Abbreviations> Parse(std::string_view name, std::string_view contents);

  // Whether the break ICU proposed at text[next] should be removed, given
  // that the sentence began at text[begin] and its last non-space byte is the
  // full stop text[period]. REQUIRES: begin <= period < next <= text.size()
  // and no line end between period and next.
  //   prefix word ("Mr.")                      -> join
  //   abbrev word ("U.S.") or single letters
  //   with full stops ("J.", "a.m.")           -> join unless a starter follows
  //   anything else                            -> keep the break
  bool JoinsAcross(std::string_view text, size_t begin, size_t period, size_t next) const;

  bool IsPrefix(std::string_view entry) const;
  bool IsAbbrev(std::string_view entry) const;
  bool IsStarter(std::string_view word) const;

 private:
  enum class Kind { kPrefix, kAbbrev };
  // Heterogeneous lookup: the hot path looks up string_views into the text.
  // FNV-1a: keys are at most kMaxEntryBytes, where it beats the library hash.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      uint64_t h = 0xcbf29ce484222325ULL;
      for (const unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
      return static_cast<size_t>(h);
    }
  };

  bool StarterAt(std::string_view text, size_t next) const;
  // A filter in front of the hash lookup: bit n of lengths_by_first_[c] is
  // set when some abbreviation starts with byte c and has n bytes. Most words
  // before a full stop ("budget.") fail it, which keeps the common sentence
  // end cheap.
  bool MayBeAbbreviation(std::string_view word) const {
    return (lengths_by_first_[static_cast<unsigned char>(word.front()) & 0x7F] >> word.size()) & 1;
  }

  std::array<uint32_t, 128> lengths_by_first_{};

  std::unordered_map<std::string, Kind, Hash, std::equal_to<>> abbreviations_;
  std::unordered_set<std::string, Hash, std::equal_to<>> starters_;
};

}  // namespace storyline::text
