// gazetteer_match.h (internal to tagger): matching a Gazetteer against a
// sentence, and the phrases it holds (for the model file).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tagger/tagger.h"
#include "tagger/tags.h"

namespace storyline::tagger {

// A token inside a matched phrase of one category, and its place there
// (kUnit for a one-word phrase).
struct GazetteerHit {
  uint32_t token = 0;
  uint32_t category = 0;  // index into Gazetteer::categories()
  Place place = Place::kUnit;
};

class GazetteerAccess {
 public:
  // Hits of the sentence whose lower-cased words hash to `lower` (HashBytes
  // of LowerCase), ordered by token then category. Within a category the
  // longest phrase at the leftmost start wins and matching resumes after it.
  static void Match(const Gazetteer& gazetteer, const std::vector<uint64_t>& lower,
                    std::vector<GazetteerHit>* hits);

  // Every (category index, words) entry, in the order first added.
  static const std::vector<std::pair<uint32_t, std::vector<std::string>>>& Phrases(
      const Gazetteer& gazetteer);
};

}  // namespace storyline::tagger
