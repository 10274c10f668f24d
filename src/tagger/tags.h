// tags.h (internal to tagger): the BILOU tag set over entity types, the
// transitions it allows, and conversions between tags and entity spans.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tagger/tagger.h"

namespace storyline::tagger {

// Tag ids: 0 is O; type k (in sorted order) has B = 1 + 4k, I = 2 + 4k,
// L = 3 + 4k, U = 4 + 4k. Written in model files: never reorder.
using Tag = uint8_t;
inline constexpr Tag kOutside = 0;
enum class Place : uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

class TagSet {
 public:
  // REQUIRES: `types` sorted, distinct, at most 63 of them.
  explicit TagSet(std::vector<std::string> types);

  int size() const { return static_cast<int>(1 + 4 * types_.size()); }
  const std::vector<std::string>& types() const { return types_; }

  static Tag Make(int type, Place place) { return static_cast<Tag>(1 + 4 * type + int(place)); }
  static int TypeOf(Tag tag) { return (tag - 1) / 4; }  // REQUIRES: tag != kOutside
  static Place PlaceOf(Tag tag) { return static_cast<Place>((tag - 1) % 4); }

  // The tags that may precede `tag`; `may_start` says whether it may open a
  // sentence and `may_end` whether it may close one.
  const std::vector<Tag>& Predecessors(Tag tag) const { return predecessors_[tag]; }
  bool MayStart(Tag tag) const;
  bool MayEnd(Tag tag) const;

  // Index of `type` in types(), or -1.
  int TypeIndex(const std::string& type) const;

  // The tags of `size` tokens holding `spans` (of known types, in order,
  // within the sentence, not overlapping).
  std::vector<Tag> Encode(const std::vector<EntitySpan>& spans, size_t size) const;
  // The spans of a legal tag sequence, into `spans` (cleared first).
  void Decode(const std::vector<Tag>& tags, std::vector<EntitySpan>* spans) const;

 private:
  std::vector<std::string> types_;
  std::vector<std::vector<Tag>> predecessors_;
};

}  // namespace storyline::tagger
