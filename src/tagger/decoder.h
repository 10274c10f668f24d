// decoder.h (internal to tagger): Viterbi decoding over the BILOU tag set.
#pragma once

#include <cstdint>
#include <vector>

#include "tagger/tags.h"

namespace storyline::tagger {

// Scores of a sentence's tag sequences, all in the same integer units:
// emission[i * T + t] for tag t at token i; transition[from * T + to], where
// from == T stands for the sentence start; final[t] for t ending the sentence.
struct SequenceScores {
  const int32_t* emission = nullptr;
  const int32_t* transition = nullptr;
  const int32_t* final = nullptr;
  size_t size = 0;  // tokens
};

// Finds the best legal tag sequence: never an I- or L- after anything but a
// B- or I- of its type, never a B- or I- left open at the end. On equal
// scores the lower tag id wins, so the result is deterministic. Holds
// scratch buffers: one Decoder per thread.
class Decoder {
 public:
  explicit Decoder(const TagSet& tags) : tags_(tags) {}
  void Decode(const SequenceScores& scores, std::vector<Tag>* best);

 private:
  const TagSet& tags_;
  std::vector<int64_t> path_;  // best score of a sequence ending in (token, tag)
  std::vector<Tag> back_;      // its previous tag
};

}  // namespace storyline::tagger
