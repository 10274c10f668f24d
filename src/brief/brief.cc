#include "brief/brief.h"

#include "brief/copies.h"
#include "brief/words.h"

namespace storyline::brief {

Digest Summarize(const StoryInput& input, const Options& options) {
  const StorySentences story(input, StopwordsOf(options));
  Digest digest;
  digest.brief = MakeSummary(input, story, options);
  digest.timeline = MakeTimeline(input, story);
  digest.sources = MakeSources(input);
  digest.differences = FindDifferences(input, options);
  return digest;
}

}  // namespace storyline::brief
