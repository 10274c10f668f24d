// polnear.h: reading the PolNeAR attribution corpus (brat standoff) and
// scoring a Finder against it. Internal to the quotes module: used by
// `storyline eval quotes` (src/cli/eval_quotes.cc) and the quality gate
// test. docs/formats/quotes.md states the figures reached.
//
// A split folder holds text/NAME.txt and attributions/NAME_XXXX.ann, one
// .ann per annotator (XXXX); the alphabetically first is the gold standard.
// In an .ann file, `T` lines are spans "Label begin end[;begin end]..." by
// character (code point) offsets, `E` lines tie them into an attribution
// "Attribution:T4 Content:T3 Cue:T2 Source:T1" (a role may repeat with a
// digit: Content2). Other lines (notes, text continued from a span that
// crossed a line end) are ignored.
//
// Measures (word = a word or number of text::Segmenter::Words, so
// punctuation and quote marks never count):
//   Direct quotes: a gold attribution whose content holds a double quote
//   mark is a gold direct quote. A system quote and a gold content match
//   when they share at least 60% of the words of the shorter of the two.
//   found = gold direct quotes matched by a system direct or partial quote;
//   right speaker = found ones whose best-matching system quote has a
//   speaker span overlapping the gold source (the `entity` variant also
//   accepts a mention of the speaker's resolved entity overlapping it);
//   precision = system direct and partial quotes matching some gold content.
//   Spans (source, content): every fragment of a gold span, and every system
//   speaker or content span, counted once per article however many
//   attributions share it. Exact: a system span and a gold span with the
//   same first and last word. Partial: the proportional overlap of
//   Johansson and Moschitti (2013), as in CofeNet's "proportional" scores:
//   precision = mean over system spans s of sum_g |s ∩ g| / |s|, recall =
//   mean over gold spans g of sum_s |s ∩ g| / |g|, each span's sum capped
//   at 1, sizes in words.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "quotes/quotes.h"

namespace storyline::text {
class Segmenter;
struct Token;
}  // namespace storyline::text

namespace storyline::quotes {

// One gold attribution; spans are bytes into the article's text, in the
// order the annotation gives them.
struct GoldAttribution {
  std::vector<ByteSpan> source;
  std::vector<ByteSpan> cue;
  std::vector<ByteSpan> content;
};

struct PolnearArticle {
  std::string name;  // the text file's name without ".txt"
  // The publication day the name carries ("breitbart_2016-09-12_..." ->
  // "2016-09-12"), when it carries one: it dates offices for actor codes.
  std::optional<std::string> published;
  std::string text;
  std::vector<GoldAttribution> attributions;
};

// Parses one .ann file against its text. InvalidArgument "NAME:LINE:
// message" on a span that does not parse or lies beyond the text, or an E
// line naming a T that does not exist.
Result<std::vector<GoldAttribution>> ParseBrat(std::string_view ann, std::string_view text,
                                               std::string_view name);

// Every annotated text of a split folder, sorted by name. NotFound when
// DIR/text is missing; ReadFile's errors for a file that cannot be read;
// errors of ParseBrat otherwise. Texts without an .ann file are skipped.
Result<std::vector<PolnearArticle>> ReadPolnearSplit(const std::string& dir);

struct DirectTally {
  int gold = 0;
  int found = 0;
  int right_speaker = 0;
  int right_speaker_entity = 0;
  int system = 0;  // system direct and partial quotes
  int system_matched = 0;
  void Add(const DirectTally& other);
  double Found() const { return gold ? double(found) / gold : 0; }
  double RightSpeaker() const { return found ? double(right_speaker) / found : 0; }
  double RightSpeakerEntity() const { return found ? double(right_speaker_entity) / found : 0; }
  double Precision() const { return system ? double(system_matched) / system : 0; }
};

struct SpanTally {
  int gold = 0;
  int system = 0;
  int exact_system = 0;       // system spans equal to a gold span
  int exact_gold = 0;         // gold spans equal to a system span
  double covered_system = 0;  // sum over system spans of their covered share
  double covered_gold = 0;    // sum over gold spans of their covered share
  void Add(const SpanTally& other);
  double ExactP() const { return system ? exact_system / double(system) : 0; }
  double ExactR() const { return gold ? exact_gold / double(gold) : 0; }
  double ExactF1() const;
  double PartialP() const { return system ? covered_system / system : 0; }
  double PartialR() const { return gold ? covered_gold / gold : 0; }
  double PartialF1() const;
};

struct Scores {
  DirectTally direct;
  SpanTally source;
  SpanTally content;
  void Add(const Scores& other);
};

// Scores one article's quotes against its gold attributions. `words` are
// text::Segmenter::Words over the whole text; `entities` those the quotes
// were resolved against. When `errors` is given, appends a line per missed
// gold direct quote, wrong speaker, false alarm and missed or spurious
// content.
Scores ScoreArticle(const PolnearArticle& article, const std::vector<Quote>& quotes,
                    const std::vector<text::Token>& words, const std::vector<Entity>& entities,
                    std::string* errors = nullptr);

struct EvalRun {
  Scores scores;
  int articles = 0;
  size_t sentences = 0;
  int repeat = 1;           // passes of Finder::Find over each article
  double find_seconds = 0;  // CPU time of this thread in Finder::Find only
  double SentencesPerSecond() const {
    return find_seconds > 0 ? double(sentences) * repeat / find_seconds : 0;
  }
};

// Runs the stages before the quote finder on an article: segmented, it
// gets its entities here (the entity stage, which this module does not
// depend on, is passed in by the caller). `words` are its sentences' words.
using Annotate =
    std::function<void(Article& article, const std::vector<std::vector<text::Token>>& words)>;

// Segments each article, annotates it (when `annotate` is set), finds its
// quotes (`repeat` times, scoring the first, so the timing means something)
// and scores them.
EvalRun EvaluateArticles(const std::vector<PolnearArticle>& articles, const Finder& finder,
                         text::Segmenter& segmenter, const Annotate& annotate = nullptr,
                         std::string* errors = nullptr, int repeat = 1);

}  // namespace storyline::quotes
