#include "brief/brief.h"

namespace storyline::brief {

Digest Summarize(const StoryInput& input, const Options& options) {
  Digest digest;
  digest.brief = MakeSummary(input, options);
  digest.timeline = MakeTimeline(input, options);
  digest.sources = MakeSources(input);
  digest.differences = FindDifferences(input, options);
  return digest;
}

}  // namespace storyline::brief
