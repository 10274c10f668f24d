// decoder.h (internal to tagger): Viterbi decoding over the BILOU tag set.
#pragma once

#include <cstdint>
#include <vector>

#include "tagger/tags.h"

namespace storyline::tagger {

// Scores of a sentence's tag sequences, all in the same integer units:
// emission[i * T + t] for tag t at token i; transition[from * T + to], where
// from == T stands for the sentence start; final[t] for t ending the sentence.
// A score beyond ±kMaxScore counts as ±kMaxScore (the tagger's scores, sums
// of at most a few hundred int16 weights, never come near it).
struct SequenceScores {
  static constexpr int32_t kMaxScore = 1 << 24;
  const int32_t* emission = nullptr;
  const int32_t* transition = nullptr;
  const int32_t* final = nullptr;
  size_t size = 0;  // tokens
};

// Finds the best legal tag sequence: never an I- or L- after anything but a
// B- or I- of its type, never a B- or I- left open at the end. On equal
// scores the lower tag id wins, so the result is deterministic. Holds
// scratch buffers: one Decoder per thread.
//
// The BILOU structure keeps it cheap: an O, B- or U- follows any of the
// closing tags (O, L-, U-), an I- or L- one of two tags. Paths are int32,
// shifted after each token so that the best is 0 (which changes no
// comparison), so a sentence of any length cannot overflow them.
class Decoder {
 public:
  explicit Decoder(const TagSet& tags);
  void Decode(const SequenceScores& scores, std::vector<Tag>* best);

 private:
  // The transitions of `scores`, clamped, in the layouts the steps read.
  void PrepareTransitions(const SequenceScores& scores);
  // Fills path_ and back_ for token `i` > 0 from token i - 1.
  void Step(const int32_t* emission, size_t i);

  // Four int32 scores in a vector register (GCC and Clang vector
  // extensions: SSE2 on x86-64, NEON on ARM), for the openers scored
  // together.
  static constexpr size_t kLanes = 4;
  using Lanes = int32_t __attribute__((vector_size(kLanes * sizeof(int32_t))));

  int tags_;
  int types_;
  std::vector<int32_t> closers_;  // O, L-X, U-X: what an opener may follow
  std::vector<int32_t> openers_;  // O, B-X, U-X
  size_t opener_groups_ = 0;      // of kLanes openers, the last one padded
  // opening_[j * opener_groups_ + m / kLanes][m % kLanes]: the transition
  // closers_[j] -> openers_[m].
  std::vector<Lanes> opening_;
  // Per type: B->I, I->I, B->L, I->L.
  std::vector<int32_t> continuing_;
  std::vector<int32_t> start_;
  std::vector<int32_t> final_;
  std::vector<int32_t> path_;  // best score of a sequence ending in (token, tag)
  std::vector<Tag> back_;      // its previous tag
};

}  // namespace storyline::tagger
