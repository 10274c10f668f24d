// progress.h: a progress bar on stderr for long runs.
#pragma once

#include <chrono>

#include "pipeline/pipeline.h"

namespace storyline::cli {

// Draws nothing unless stderr is a terminal and the run has lasted a second:
// short runs and logs stay clean. Redraws at most ten times a second.
class ProgressBar {
 public:
  ProgressBar();
  void Update(const pipeline::Progress& progress);
  // Clears the bar's line if it was drawn.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace storyline::cli
