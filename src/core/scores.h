// scores.h: the measures the evaluations share.
#pragma once

namespace storyline {

// The harmonic mean of precision and recall; 0 when both are 0.
inline double F1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

}  // namespace storyline
