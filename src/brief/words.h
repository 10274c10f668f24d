// words.h (internal to brief): sentences as bags of content words, and how
// alike two of them are. Words are link::NormalizedWords (so spelling
// variants, quote styles and case match), stopwords left out.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "brief/brief.h"
#include "core/article.h"
#include "link/link.h"

namespace storyline::brief {

// *options.stopwords, or the list compiled in when it is null.
const link::Stopwords& StopwordsOf(const Options& options);

// The content words of text[span] in text order: normalised word hashes
// without stopwords. Numbers are kept (they tell sentences apart).
std::vector<uint64_t> ContentWords(std::string_view text, ByteSpan span,
                                   const link::Stopwords& stopwords);

// The same, sorted and without repeats: the set form the measures below take.
std::vector<uint64_t> WordSet(std::string_view text, ByteSpan span,
                              const link::Stopwords& stopwords);

// |a ∩ b| of two sorted unique sets.
size_t CommonWords(std::span<const uint64_t> a, std::span<const uint64_t> b);
// |a ∩ b| / |a ∪ b|; 0 when both are empty.
double Jaccard(std::span<const uint64_t> a, std::span<const uint64_t> b);
// |a ∩ b| / min(|a|, |b|): how much of the shorter one the longer one holds;
// 0 when either is empty.
double Containment(std::span<const uint64_t> a, std::span<const uint64_t> b);

// The text of an article's sentence, and its word count (spaces between).
std::string_view SentenceText(const Article& article, uint32_t sentence);
uint32_t CountWords(std::string_view text);

}  // namespace storyline::brief
