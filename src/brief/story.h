// story.h (internal to brief): what sources and differences both read of a
// story: the outlet an article stands for, and the passages between its
// articles.
#pragma once

#include <string>
#include <vector>

#include "brief/brief.h"
#include "core/article.h"

namespace storyline::brief {

// Article::outlet, else the article's origin: a file or feed with no outlet
// named stands for one of its own.
std::string OutletName(const Article& article);

// A passage shared by two different articles of the story, with their
// indexes into StoryInput::articles.
struct StoryPassage {
  size_t a = 0;  // the article of passage->a
  size_t b = 0;  // the article of passage->b
  const Passage* passage = nullptr;
};

// The passages of `input` between two of its different articles, in input
// order; the others are ignored.
std::vector<StoryPassage> StoryPassages(const StoryInput& input);

}  // namespace storyline::brief
