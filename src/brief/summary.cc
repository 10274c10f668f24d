// The brief: centrality to the story's TF-IDF centroid, weighted by position,
// picked greedily without repeating itself (see brief.h).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "brief/brief.h"
#include "brief/copies.h"
#include "brief/words.h"

namespace storyline::brief {
namespace {

using TermVector = std::unordered_map<uint64_t, double>;

// Inverse sentence frequency over the story's sentence groups, smoothed so a
// word every group has still weighs a little: log(1 + groups / frequency).
std::unordered_map<uint64_t, double> InverseFrequencies(const StorySentences& story) {
  std::unordered_map<uint64_t, uint32_t> frequency;
  for (const std::vector<uint32_t>& group : story.groups()) {
    for (uint64_t word : story.sentences()[group.front()].set) ++frequency[word];
  }
  std::unordered_map<uint64_t, double> idf;
  const double groups = static_cast<double>(story.groups().size());
  for (const auto& [word, count] : frequency) idf[word] = std::log1p(groups / count);
  return idf;
}

TermVector Weights(const std::vector<uint64_t>& words,
                   const std::unordered_map<uint64_t, double>& idf) {
  TermVector vector;
  for (uint64_t word : words) vector[word] += idf.at(word);
  return vector;
}

double Norm(const TermVector& vector) {
  double sum = 0;
  for (const auto& [word, weight] : vector) sum += weight * weight;
  return std::sqrt(sum);
}

double Cosine(const TermVector& a, const TermVector& b) {
  const TermVector& small = a.size() <= b.size() ? a : b;
  const TermVector& large = a.size() <= b.size() ? b : a;
  double dot = 0;
  for (const auto& [word, weight] : small) {
    if (auto it = large.find(word); it != large.end()) dot += weight * it->second;
  }
  const double norms = Norm(a) * Norm(b);
  return norms == 0 ? 0.0 : dot / norms;
}

bool BriefMaterial(const StoryInput& input, const StorySentence& sentence, const Options& options) {
  if (sentence.word_count < options.min_sentence_words ||
      sentence.word_count > options.max_sentence_words || sentence.set.empty()) {
    return false;
  }
  // A question asks; the brief says what is known.
  const std::string_view text = SentenceText(*input.articles[sentence.article], sentence.sentence);
  const size_t last = text.find_last_not_of(" \"'\n\xe2\x80\x9d");
  return last == std::string_view::npos || text[last] != '?';
}

struct Candidate {
  uint32_t group = 0;
  double score = 0;
  TermVector vector;
};

std::vector<Candidate> ScoreGroups(const StoryInput& input, const StorySentences& story,
                                   const Options& options) {
  const std::unordered_map<uint64_t, double> idf = InverseFrequencies(story);
  TermVector centroid;
  for (const std::vector<uint32_t>& group : story.groups()) {
    for (uint64_t word : story.sentences()[group.front()].words) centroid[word] += idf.at(word);
  }
  std::vector<Candidate> candidates;
  for (uint32_t g = 0; g < story.groups().size(); ++g) {
    const std::vector<uint32_t>& members = story.groups()[g];
    const StorySentence& first = story.sentences()[members.front()];
    if (!BriefMaterial(input, first, options)) continue;
    uint32_t position = first.sentence;
    for (uint32_t m : members) position = std::min(position, story.sentences()[m].sentence);
    const double lead = 1.0 / std::sqrt(1.0 + position);
    Candidate& candidate = candidates.emplace_back();
    candidate.group = g;
    candidate.vector = Weights(first.words, idf);
    candidate.score = Cosine(candidate.vector, centroid) *
                      (1.0 - options.position_weight + options.position_weight * lead);
  }
  // Best first; ties to the earlier sentence, for determinism.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  return candidates;
}

SummarySentence SentenceOf(const StoryInput& input, const StorySentences& story,
                           const std::vector<uint32_t>& members) {
  const StorySentence& first = story.sentences()[members.front()];
  SummarySentence sentence;
  sentence.text = std::string(SentenceText(*input.articles[first.article], first.sentence));
  sentence.source = SourceOf(input, first);
  for (size_t m = 1; m < members.size(); ++m) {
    const StorySentence& copy = story.sentences()[members[m]];
    const bool article_listed =
        copy.article == first.article ||
        std::any_of(sentence.also_in.begin(), sentence.also_in.end(), [&](const SourceRef& ref) {
          return ref.article == input.articles[copy.article]->id;
        });
    if (!article_listed) sentence.also_in.push_back(SourceOf(input, copy));
  }
  return sentence;
}

}  // namespace

Summary MakeSummary(const StoryInput& input, const Options& options) {
  return MakeSummary(input, StorySentences(input, StopwordsOf(options)), options);
}

Summary MakeSummary(const StoryInput& input, const StorySentences& story, const Options& options) {
  std::vector<const Candidate*> chosen;
  uint32_t words = 0;
  const std::vector<Candidate> candidates = ScoreGroups(input, story, options);
  for (const Candidate& candidate : candidates) {
    if (words >= options.brief_words) break;
    const bool repeats = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate* picked) {
      return Cosine(candidate.vector, picked->vector) >= options.redundancy;
    });
    if (repeats) continue;
    chosen.push_back(&candidate);
    words += story.sentences()[story.groups()[candidate.group].front()].word_count;
  }
  // Groups are numbered in reading order, so this is article order, then position.
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate* a, const Candidate* b) { return a->group < b->group; });
  Summary summary;
  for (const Candidate* candidate : chosen) {
    SummarySentence sentence = SentenceOf(input, story, story.groups()[candidate->group]);
    if (!summary.text.empty()) summary.text += ' ';
    for (char c : sentence.text) summary.text += c == '\n' ? ' ' : c;
    summary.sentences.push_back(std::move(sentence));
  }
  return summary;
}

}  // namespace storyline::brief
