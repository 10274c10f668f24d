#include "tagger/decoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

namespace storyline::tagger {
namespace {

// Two types: 0 LOC, 1 PER; tags O, B/I/L/U-LOC, B/I/L/U-PER.
const TagSet& TwoTypes() {
  static const TagSet* tags = new TagSet({"LOC", "PER"});
  return *tags;
}

bool Legal(const TagSet& tags, const std::vector<Tag>& sequence) {
  for (size_t i = 0; i < sequence.size(); ++i) {
    if (i == 0 ? !tags.MayStart(sequence[0])
               : std::find(tags.Predecessors(sequence[i]).begin(),
                           tags.Predecessors(sequence[i]).end(),
                           sequence[i - 1]) == tags.Predecessors(sequence[i]).end()) {
      return false;
    }
  }
  return sequence.empty() || tags.MayEnd(sequence.back());
}

struct Scores {
  std::vector<int32_t> emission;
  std::vector<int32_t> transition;
  std::vector<int32_t> final;
  SequenceScores View(size_t size) const {
    return {emission.data(), transition.data(), final.data(), size};
  }
};

Scores Zeros(const TagSet& tags, size_t size) {
  const int t = tags.size();
  return {std::vector<int32_t>(size * t, 0), std::vector<int32_t>((t + 1) * t, 0),
          std::vector<int32_t>(t, 0)};
}

int64_t Total(const Scores& scores, int t_count, const std::vector<Tag>& sequence) {
  int64_t total = 0;
  for (size_t i = 0; i < sequence.size(); ++i) {
    const int from = i == 0 ? t_count : sequence[i - 1];
    total += scores.transition[from * t_count + sequence[i]];
    total += scores.emission[i * t_count + sequence[i]];
  }
  return total + scores.final[sequence.back()];
}

TEST(TagSet, AllowsOnlyWellFormedSequences) {
  const TagSet& tags = TwoTypes();
  EXPECT_EQ(tags.size(), 9);
  const Tag b_loc = TagSet::Make(0, Place::kBegin);
  const Tag i_loc = TagSet::Make(0, Place::kInside);
  const Tag l_loc = TagSet::Make(0, Place::kLast);
  const Tag u_per = TagSet::Make(1, Place::kUnit);
  const Tag i_per = TagSet::Make(1, Place::kInside);
  EXPECT_TRUE(Legal(tags, {b_loc, i_loc, l_loc, kOutside, u_per}));
  EXPECT_FALSE(Legal(tags, {kOutside, i_per}));
  EXPECT_FALSE(Legal(tags, {b_loc, i_per}));
  EXPECT_FALSE(Legal(tags, {b_loc}));
  EXPECT_FALSE(Legal(tags, {l_loc}));
  EXPECT_EQ(tags.Predecessors(i_loc), (std::vector<Tag>{b_loc, i_loc}));
}

TEST(TagSet, EncodesAndDecodesSpans) {
  const TagSet& tags = TwoTypes();
  const std::vector<EntitySpan> spans = {{0, 3, "PER"}, {4, 5, "LOC"}};
  const std::vector<Tag> encoded = tags.Encode(spans, 6);
  EXPECT_EQ(encoded,
            (std::vector<Tag>{TagSet::Make(1, Place::kBegin), TagSet::Make(1, Place::kInside),
                              TagSet::Make(1, Place::kLast), kOutside,
                              TagSet::Make(0, Place::kUnit), kOutside}));
  std::vector<EntitySpan> decoded = {{9, 10, "LOC"}};
  tags.Decode(encoded, &decoded);
  EXPECT_EQ(decoded, spans);
}

TEST(Decoder, NeverEmitsInsideAfterOutside) {
  const TagSet& tags = TwoTypes();
  const int t = tags.size();
  Scores scores = Zeros(tags, 3);
  // Token 0 wants O most, tokens 1 and 2 want I-PER: an I- cannot follow O
  // nor end a sentence, so the person opens and closes on tokens 1 and 2.
  scores.emission[0 * t + kOutside] = 5000;
  scores.emission[1 * t + TagSet::Make(1, Place::kInside)] = 1000;
  scores.emission[2 * t + TagSet::Make(1, Place::kInside)] = 1000;
  scores.emission[1 * t + TagSet::Make(1, Place::kBegin)] = 10;
  scores.emission[2 * t + TagSet::Make(1, Place::kLast)] = 10;
  Decoder decoder(tags);
  std::vector<Tag> best;
  decoder.Decode(scores.View(3), &best);
  EXPECT_TRUE(Legal(tags, best));
  EXPECT_EQ(best, (std::vector<Tag>{kOutside, TagSet::Make(1, Place::kBegin),
                                    TagSet::Make(1, Place::kLast)}));
}

TEST(Decoder, NeverLeavesAnEntityOpen) {
  const TagSet& tags = TwoTypes();
  Scores scores = Zeros(tags, 1);
  scores.emission[TagSet::Make(0, Place::kBegin)] = 1000;
  scores.emission[TagSet::Make(0, Place::kUnit)] = 1;
  Decoder decoder(tags);
  std::vector<Tag> best;
  decoder.Decode(scores.View(1), &best);
  EXPECT_EQ(best, (std::vector<Tag>{TagSet::Make(0, Place::kUnit)}));
}

TEST(Decoder, EmptySentenceHasNoTags) {
  const Scores scores = Zeros(TwoTypes(), 0);
  Decoder decoder(TwoTypes());
  std::vector<Tag> best = {kOutside};
  decoder.Decode(scores.View(0), &best);
  EXPECT_TRUE(best.empty());
}

// Viterbi against every legal sequence of random scores.
TEST(Decoder, AgreesWithExhaustiveSearch) {
  const TagSet& tags = TwoTypes();
  const int t = tags.size();
  std::mt19937 random(7);
  std::uniform_int_distribution<int32_t> score(-50, 50);
  Decoder decoder(tags);
  for (size_t size = 1; size <= 4; ++size) {
    for (int round = 0; round < 20; ++round) {
      Scores scores = Zeros(tags, size);
      for (int32_t& s : scores.emission) s = score(random);
      for (int32_t& s : scores.transition) s = score(random);
      for (int32_t& s : scores.final) s = score(random);
      std::vector<Tag> best;
      decoder.Decode(scores.View(size), &best);
      ASSERT_TRUE(Legal(tags, best));
      int64_t top = std::numeric_limits<int64_t>::min();
      int combinations = 1;
      for (size_t i = 0; i < size; ++i) combinations *= t;
      for (int combination = 0; combination < combinations; ++combination) {
        std::vector<Tag> sequence;
        for (int rest = combination; sequence.size() < size; rest /= t) {
          sequence.push_back(static_cast<Tag>(rest % t));
        }
        if (Legal(tags, sequence)) top = std::max(top, Total(scores, t, sequence));
      }
      EXPECT_EQ(Total(scores, t, best), top) << "size " << size << ", round " << round;
    }
  }
}

// The plain Viterbi over TagSet::Predecessors in int64, lowest tag first
// on ties: what Decoder must give on any scores within kMaxScore.
std::vector<Tag> ReferenceDecode(const TagSet& tags, const Scores& scores, size_t size) {
  const int t_count = tags.size();
  std::vector<int64_t> path(size * t_count, std::numeric_limits<int64_t>::min() / 4);
  std::vector<Tag> back(size * t_count, kOutside);
  for (int t = 0; t < t_count; ++t) {
    if (tags.MayStart(static_cast<Tag>(t))) {
      path[t] = int64_t{scores.transition[t_count * t_count + t]} + scores.emission[t];
    }
  }
  for (size_t i = 1; i < size; ++i) {
    for (int t = 0; t < t_count; ++t) {
      int64_t top = std::numeric_limits<int64_t>::min();
      for (const Tag from : tags.Predecessors(static_cast<Tag>(t))) {
        const int64_t score =
            path[(i - 1) * t_count + from] + scores.transition[from * t_count + t];
        if (score > top) {
          top = score;
          back[i * t_count + t] = from;
        }
      }
      path[i * t_count + t] = top + scores.emission[i * t_count + t];
    }
  }
  int64_t top = std::numeric_limits<int64_t>::min();
  Tag tag = kOutside;
  for (int t = 0; t < t_count; ++t) {
    const int64_t score = path[(size - 1) * t_count + t] + scores.final[t];
    if (tags.MayEnd(static_cast<Tag>(t)) && score > top) {
      top = score;
      tag = static_cast<Tag>(t);
    }
  }
  std::vector<Tag> best(size);
  for (size_t i = size; i-- > 0;) {
    best[i] = tag;
    tag = back[i * t_count + tag];
  }
  return best;
}

// Narrow scores make many ties, wide ones (up to kMaxScore) on long
// sentences would overflow int32 paths that were never shifted back.
TEST(Decoder, AgreesWithPlainViterbiOnTiesAndLongSentences) {
  const TagSet tags({"LOC", "MISC", "ORG", "PER"});
  std::mt19937 random(11);
  Decoder decoder(tags);
  for (const int32_t range : {2, 1000, SequenceScores::kMaxScore}) {
    std::uniform_int_distribution<int32_t> score(-range, range);
    for (const size_t size : {1, 2, 7, 60, 2000}) {
      Scores scores = Zeros(tags, size);
      for (int32_t& s : scores.emission) s = score(random);
      for (int32_t& s : scores.transition) s = score(random);
      for (int32_t& s : scores.final) s = score(random);
      std::vector<Tag> best;
      decoder.Decode(scores.View(size), &best);
      EXPECT_EQ(best, ReferenceDecode(tags, scores, size))
          << "range " << range << ", size " << size;
    }
  }
}

TEST(Decoder, ScoresBeyondTheLimitCountAsTheLimit) {
  const TagSet& tags = TwoTypes();
  const int t = tags.size();
  Scores beyond = Zeros(tags, 2);
  Scores at_limit = Zeros(tags, 2);
  beyond.emission[0 * t + TagSet::Make(1, Place::kBegin)] = std::numeric_limits<int32_t>::max();
  at_limit.emission[0 * t + TagSet::Make(1, Place::kBegin)] = SequenceScores::kMaxScore;
  beyond.emission[1 * t + kOutside] = std::numeric_limits<int32_t>::min();
  at_limit.emission[1 * t + kOutside] = -SequenceScores::kMaxScore;
  Decoder decoder(tags);
  std::vector<Tag> from_beyond;
  std::vector<Tag> from_limit;
  decoder.Decode(beyond.View(2), &from_beyond);
  decoder.Decode(at_limit.View(2), &from_limit);
  EXPECT_EQ(from_beyond, from_limit);
  EXPECT_EQ(from_beyond,
            (std::vector<Tag>{TagSet::Make(1, Place::kBegin), TagSet::Make(1, Place::kLast)}));
}

}  // namespace
}  // namespace storyline::tagger
