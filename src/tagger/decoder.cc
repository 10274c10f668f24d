#include "tagger/decoder.h"

#include <algorithm>
#include <limits>

namespace storyline::tagger {
namespace {

// The score of a sequence that cannot be: far enough below any real score
// that adding a sentence's worth of int32 scores never brings it near one,
// and far enough above INT64_MIN that doing so never overflows.
constexpr int64_t kImpossible = std::numeric_limits<int64_t>::min() / 4;

}  // namespace

void Decoder::Decode(const SequenceScores& scores, std::vector<Tag>* best) {
  const size_t n = scores.size;
  const int t_count = tags_.size();
  best->assign(n, kOutside);
  if (n == 0) return;
  path_.assign(n * t_count, kImpossible);
  back_.assign(n * t_count, kOutside);
  const int32_t* start = scores.transition + static_cast<size_t>(t_count) * t_count;
  for (int t = 0; t < t_count; ++t) {
    if (tags_.MayStart(static_cast<Tag>(t))) path_[t] = int64_t{start[t]} + scores.emission[t];
  }
  // Only the first token has impossible tags (I- and L- cannot start), and
  // each of their successors also has a possible predecessor, which wins.
  for (size_t i = 1; i < n; ++i) {
    const int64_t* previous = &path_[(i - 1) * t_count];
    int64_t* current = &path_[i * t_count];
    Tag* back = &back_[i * t_count];
    const int32_t* emission = scores.emission + i * t_count;
    for (int t = 0; t < t_count; ++t) {
      const std::vector<Tag>& predecessors = tags_.Predecessors(static_cast<Tag>(t));
      Tag from = predecessors[0];
      int64_t top = previous[from] + scores.transition[from * t_count + t];
      for (size_t k = 1; k < predecessors.size(); ++k) {
        const Tag p = predecessors[k];
        const int64_t score = previous[p] + scores.transition[p * t_count + t];
        // Selects rather than branches: which predecessor wins is data, not
        // a pattern the branch predictor could learn.
        from = score > top ? p : from;
        top = std::max(top, score);
      }
      current[t] = top + emission[t];
      back[t] = from;
    }
  }
  const int64_t* last = &path_[(n - 1) * t_count];
  int64_t top = kImpossible;
  Tag tag = kOutside;
  for (int t = 0; t < t_count; ++t) {
    if (!tags_.MayEnd(static_cast<Tag>(t))) continue;
    const int64_t score = last[t] + scores.final[t];
    if (score > top) {
      top = score;
      tag = static_cast<Tag>(t);
    }
  }
  for (size_t i = n; i-- > 0;) {
    (*best)[i] = tag;
    tag = back_[i * t_count + tag];
  }
}

}  // namespace storyline::tagger
