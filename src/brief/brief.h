// brief.h: what a person reads about one story. From the story's analysed
// articles (sentences, time expressions, entities, quotes, events), the
// passages they share and the reported events their mentions joined, it makes
//   - a brief: an extractive multi-document summary of about
//     Options::brief_words words, each sentence tied to its article and bytes;
//   - a timeline: the story's events and dated statements in date order, each
//     with its sources and how its date was found; undated ones kept apart;
//   - sources: the outlets, who reported first, which articles copy which
//     and how much (from the shared passages);
//   - differences: quotes only some outlets carry, one quote worded
//     differently by different outlets, numbers that disagree.
//
// The brief scores each sentence by how central it is to the story (cosine
// with the story's TF-IDF centroid, where syndicated copies count once) and
// how early it stands in its article, then picks sentences greedily, skipping any too close to one
// already picked (maximal marginal relevance). Sentences a shared passage copies from another
// article are one sentence with several sources: copies never count twice. The chosen sentences are
// shown in reading order (article order, then position).
//
// Pure and deterministic: the same StoryInput gives the same Digest. The
// articles' order is the reading order and breaks ties (the earlier article
// is the source a copy is quoted from): pass them by publication date, then
// id, for results that do not depend on arrival. Thread-safe.
//
//   brief::StoryInput input;
//   input.articles = {&a, &b};                 // analysed, in canonical order
//   input.passages = links.passages;           // between any two of them
//   input.event_links = ...;                   // (article, event) -> reported event
//   brief::Digest digest = brief::Summarize(input, {});
//   for (const brief::SummarySentence& s : digest.brief.sentences) ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "link/link.h"

namespace storyline::brief {

struct Options {
  // Length of the brief in words: sentences are added while the brief is
  // shorter, so it ends at the first sentence that reaches it.
  uint32_t brief_words = 120;
  // Sentences shorter or longer than this (in words) are not brief material:
  // captions, labels, run-on lists.
  uint32_t min_sentence_words = 6;
  uint32_t max_sentence_words = 60;
  // A candidate whose word cosine with a sentence already in the brief
  // reaches this says the same thing and is skipped.
  // Tuned on the even rows of the Multi-News sample (eval/README.md).
  double redundancy = 0.2;
  // Weight of a sentence's place in its article against its centrality:
  // score = centrality * (1 - position_weight + position_weight * lead),
  // lead = 1 for an article's first sentence, falling as 1/sqrt(1 + i).
  // News puts what matters first: 0.9 tuned as `redundancy` was.
  double position_weight = 0.9;
  // Words that carry no content (link's story stopwords); null: the list
  // compiled in (link::Stopwords::Embedded()).
  const link::Stopwords* stopwords = nullptr;
};

// The reported event (ReportedEvent::id) an article's event mention joined.
struct EventLink {
  std::string article;  // Article::id
  uint32_t event = 0;   // Event::id in it
  std::string reported;
};

struct StoryInput {
  std::vector<const Article*> articles;  // analysed; the order is the reading order
  std::vector<Passage> passages;         // shared between two of `articles`; others ignored
  std::vector<EventLink> event_links;    // optional; mentions without one stand alone
};

// Where a fact stands: an article, the index of a sentence in it and bytes
// into its clean text (the sentence, or the quote).
struct SourceRef {
  std::string article;                // Article::id
  std::optional<std::string> outlet;  // Article::outlet
  uint32_t sentence = 0;
  ByteSpan span;
  bool operator==(const SourceRef&) const = default;
};

struct SummarySentence {
  std::string text;  // the sentence as the article has it
  SourceRef source;  // the article it is quoted from
  // Other articles carrying the same sentence (copies through shared
  // passages, or the same words), which the brief did not count again.
  std::vector<SourceRef> also_in;
};

struct Summary {
  std::string text;  // the sentences joined by spaces
  std::vector<SummarySentence> sentences;
};

// One row of the timeline: an event (who did what to whom) or a dated
// statement (a sentence whose time expression names a day or month).
struct TimelineItem {
  std::string kind;  // "event" or "statement"
  // As precise as known: ISO 8601 ("2021-09-27", "2021-09") or a TimeML
  // week ("2021-W39", its weekend "2021-W39-WE", ordered from the week's
  // first day); nullopt: undated.
  std::optional<std::string> date;
  // How the date was found, as EventDate::how: "timex" (a time expression
  // of the sentence), "publication", "inferred", "unknown".
  std::string date_how = "unknown";
  std::string text;  // the sentence of its first source
  // For events: CAMEO code and actor codes; the reported event when known.
  std::string code;
  std::string source_actor;
  std::string target_actor;
  std::optional<std::string> reported_event;
  std::vector<SourceRef> sources;  // every article that reports it, first first
};

// A copy of one article's text in another, summed over their passages.
struct Copy {
  std::string from;              // the article copied (the earlier one when known)
  std::string to;                // the article that carries the copy
  uint32_t bytes = 0;            // bytes of `to` inside the shared passages
  double share = 0;              // bytes / size of `to`'s text
  bool direction_known = false;  // false: the two are undated or dated alike
};

struct ArticleSource {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> published;  // "YYYY-MM-DD"
  std::string published_how;             // DateHowName
};

struct Source {
  std::string outlet;  // Article::outlet, else the article's origin
  std::vector<ArticleSource> articles;
  // True for the outlet(s) whose article is dated earliest, when any is.
  bool first = false;
};

struct Sources {
  std::vector<Source> outlets;  // by first publication date, undated last
  std::vector<Copy> copies;     // largest first
};

// One way a statement is given by one article.
struct Variant {
  std::string text;  // the quote or sentence
  SourceRef source;
  std::optional<std::string> speaker;  // for quotes: who it is attributed to
};

struct Difference {
  // "quote_wording": one remark worded differently by different outlets;
  // "numbers": sentences on the same thing giving different numbers;
  // "only_some": a quote only some of the story's outlets carry.
  std::string kind;
  // For people: "Wang Yi's remark"; for numbers what they count and the
  // amounts that differ, "people: 12 vs 15", "$2 billion vs $3 billion".
  std::string what;
  // "quote_wording": one per wording, as the first article to give it whole
  // has it; "numbers": one sentence per set of numbers given;
  // "only_some": the quote, then where each other outlet that carries it
  // does (its quote, else its sentence).
  std::vector<Variant> variants;
  // For "only_some": the outlets that carry it and those that do not.
  std::vector<std::string> carried_by;
  std::vector<std::string> missing_from;
};

struct Digest {
  Summary brief;
  std::vector<TimelineItem> timeline;  // dated items by date, then undated ones
  Sources sources;
  std::vector<Difference> differences;
};

// The digest of one story. Never fails: a story with no article gives an
// empty digest; articles without sentences give no brief material.
Digest Summarize(const StoryInput& input, const Options& options);

// The parts, for callers that need one (each is what Summarize puts in
// its Digest).
Summary MakeSummary(const StoryInput& input, const Options& options);
std::vector<TimelineItem> MakeTimeline(const StoryInput& input, const Options& options);
Sources MakeSources(const StoryInput& input);
std::vector<Difference> FindDifferences(const StoryInput& input, const Options& options);

}  // namespace storyline::brief
