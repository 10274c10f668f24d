#include "tagger/decoder.h"

#include <algorithm>
#include <limits>

namespace storyline::tagger {
namespace {

using Limits = std::numeric_limits<int32_t>;

// The score of I- and L- at the first token, which they cannot open: far
// below any real path (real paths of a token lie within a few kMaxScore of
// each other, and the best is 0), far enough above INT32_MIN that adding a
// score to it cannot overflow. Only the first token has such tags, and each
// of their successors has a possible predecessor, which wins.
constexpr int32_t kImpossible = Limits::min() / 2;

int32_t Clamp(int32_t score) {
  return std::clamp(score, -SequenceScores::kMaxScore, SequenceScores::kMaxScore);
}

// Shifts a token's paths so that the best is 0.
void Renormalise(int32_t* __restrict path, int tags) {
  int32_t top = Limits::min();
  for (int t = 0; t < tags; ++t) top = std::max(top, path[t]);
  for (int t = 0; t < tags; ++t) path[t] -= top;
}

}  // namespace

Decoder::Decoder(const TagSet& tags)
    : tags_(tags.size()), types_(static_cast<int>(tags.types().size())) {
  for (int t = 0; t < tags_; ++t) {
    if (tags.MayEnd(static_cast<Tag>(t))) closers_.push_back(t);
    if (tags.MayStart(static_cast<Tag>(t))) openers_.push_back(t);
  }
  opener_groups_ = (openers_.size() + kLanes - 1) / kLanes;
  // The padding lanes are never read back.
  opening_.assign(closers_.size() * opener_groups_, Lanes{});
  continuing_.resize(4 * types_);
  start_.resize(tags_);
  final_.resize(tags_);
}

void Decoder::PrepareTransitions(const SequenceScores& scores) {
  for (size_t j = 0; j < closers_.size(); ++j) {
    const int32_t* row = scores.transition + closers_[j] * tags_;
    for (size_t m = 0; m < openers_.size(); ++m) {
      opening_[j * opener_groups_ + m / kLanes][m % kLanes] = Clamp(row[openers_[m]]);
    }
  }
  for (int type = 0; type < types_; ++type) {
    const Tag begin = TagSet::Make(type, Place::kBegin);
    const Tag inside = TagSet::Make(type, Place::kInside);
    const Tag last = TagSet::Make(type, Place::kLast);
    int32_t* to = &continuing_[4 * type];
    to[0] = Clamp(scores.transition[begin * tags_ + inside]);
    to[1] = Clamp(scores.transition[inside * tags_ + inside]);
    to[2] = Clamp(scores.transition[begin * tags_ + last]);
    to[3] = Clamp(scores.transition[inside * tags_ + last]);
  }
  const int32_t* start = scores.transition + static_cast<size_t>(tags_) * tags_;
  for (int t = 0; t < tags_; ++t) {
    start_[t] = Clamp(start[t]);
    final_[t] = Clamp(scores.final[t]);
  }
}

void Decoder::Step(const int32_t* emission, size_t i) {
  const int32_t* __restrict previous = &path_[(i - 1) * tags_];
  int32_t* __restrict current = &path_[i * tags_];
  Tag* back = &back_[i * tags_];
  // Openers four at a time in a vector register, reading the closers in
  // ascending order; a closer takes an opener only when strictly better, so
  // the lowest tag wins a tie.
  for (size_t group = 0; group < opener_groups_; ++group) {
    Lanes best = previous[closers_[0]] + opening_[group];
    Lanes from = Lanes{} + closers_[0];
    for (size_t j = 1; j < closers_.size(); ++j) {
      const Lanes candidate = previous[closers_[j]] + opening_[j * opener_groups_ + group];
      const Lanes better = candidate > best;  // all ones where it is
      best = (candidate & better) | (best & ~better);
      from = (closers_[j] & better) | (from & ~better);
    }
    const size_t first = group * kLanes;
    for (size_t k = 0; k < kLanes && first + k < openers_.size(); ++k) {
      const int32_t tag = openers_[first + k];
      current[tag] = best[k] + Clamp(emission[tag]);
      back[tag] = static_cast<Tag>(from[k]);
    }
  }
  for (int type = 0; type < types_; ++type) {
    const Tag begin = TagSet::Make(type, Place::kBegin);
    const Tag inside = TagSet::Make(type, Place::kInside);
    const Tag last = TagSet::Make(type, Place::kLast);
    const int32_t* to = &continuing_[4 * type];
    const int32_t begin_inside = previous[begin] + to[0];
    const int32_t inside_inside = previous[inside] + to[1];
    current[inside] = std::max(begin_inside, inside_inside) + Clamp(emission[inside]);
    back[inside] = inside_inside > begin_inside ? inside : begin;
    const int32_t begin_last = previous[begin] + to[2];
    const int32_t inside_last = previous[inside] + to[3];
    current[last] = std::max(begin_last, inside_last) + Clamp(emission[last]);
    back[last] = inside_last > begin_last ? inside : begin;
  }
  Renormalise(current, tags_);
}

void Decoder::Decode(const SequenceScores& scores, std::vector<Tag>* best) {
  const size_t n = scores.size;
  best->assign(n, kOutside);
  if (n == 0) return;
  PrepareTransitions(scores);
  path_.resize(n * tags_);
  back_.resize(n * tags_);
  for (int t = 0; t < tags_; ++t) {
    path_[t] = kImpossible;
    back_[t] = kOutside;
  }
  for (const int32_t t : openers_) path_[t] = start_[t] + Clamp(scores.emission[t]);
  Renormalise(&path_[0], tags_);
  for (size_t i = 1; i < n; ++i) Step(scores.emission + i * tags_, i);
  const int32_t* last = &path_[(n - 1) * tags_];
  int32_t top = Limits::min();
  Tag tag = kOutside;
  for (const int32_t t : closers_) {
    const int32_t score = last[t] + final_[t];
    if (score > top) {
      top = score;
      tag = static_cast<Tag>(t);
    }
  }
  for (size_t i = n; i-- > 0;) {
    (*best)[i] = tag;
    tag = back_[i * tags_ + tag];
  }
}

}  // namespace storyline::tagger
