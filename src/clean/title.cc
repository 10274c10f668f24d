#include "clean/title.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace storyline::clean {
namespace {

// A line that ends a sentence and has this many words is body text; the
// headline is above it. Shorter sentences ("Learn more.") are page furniture.
constexpr int kMinBodyParagraphWords = 6;
// The body words that judge the candidates come from this much body text.
constexpr size_t kBodySampleBytes = 1024;
// Words shorter than this ("the", "of", "US") say little about the topic.
constexpr size_t kMinContentWordBytes = 4;
// With at least this many body words, a candidate sharing none of its content
// words with the body is not the headline but a promotion or a label.
constexpr size_t kMinSampleWordsToReject = 20;

bool IsBodyParagraph(const LineShape& shape) {
  return (shape.ends_sentence && shape.words >= kMinBodyParagraphWords) ||
         shape.words > kMaxHeadlineWords;
}

// Calls `visit(hash)` with a 64-bit hash of each content word of `text`,
// lower-cased (ASCII). Words are runs of letters and digits; spaces, quotes,
// dashes and other general punctuation (U+2000..U+206F, U+00A0..U+00BF) split
// them. Hashes stand in for the words so no word is copied.
template <typename Visit>
void ForEachContentWord(std::string_view text, Visit visit) {
  constexpr uint64_t kOffset = 14695981039346656037ull;  // FNV-1a
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t hash = kOffset;
  size_t length = 0;
  const auto add = [&](unsigned char c) {
    hash = (hash ^ c) * kPrime;
    ++length;
  };
  const auto flush = [&] {
    if (length >= kMinContentWordBytes) visit(hash);
    hash = kOffset;
    length = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((c >= '0' && c <= '9') || static_cast<unsigned>((c | 0x20) - 'a') < 26u) {
      add(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      ++i;
    } else if (c == 0xE2 && (next == 0x80 || next == 0x81)) {
      flush();
      i += 3;
    } else if (c == 0xC2 && next >= 0xA0 && next <= 0xBF) {
      flush();  // no-break space, «, », ·
      i += 2;
    } else if (c >= 0x80) {
      add(c);
      ++i;
    } else {
      flush();
      ++i;
    }
  }
  flush();
}

// The content words of the body, for judging candidates.
class BodyWords {
 public:
  BodyWords(std::span<const Line> lines, size_t from) {
    size_t bytes = 0;
    for (size_t i = from; i < lines.size() && bytes < kBodySampleBytes; ++i) {
      const Line& line = lines[i];
      if (line.cue >= 0 || line.dateline || IsHeadlineLike(line.shape)) continue;
      bytes += line.text.size();
      ForEachContentWord(line.text, [&](uint64_t hash) { hashes_.push_back(hash); });
    }
    std::sort(hashes_.begin(), hashes_.end());
    hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
  }

  size_t size() const { return hashes_.size(); }

  // The share of the content words of `candidate` found in the body, 0..1.
  double Overlap(std::string_view candidate) const {
    int total = 0, found = 0;
    ForEachContentWord(candidate, [&](uint64_t hash) {
      ++total;
      if (std::binary_search(hashes_.begin(), hashes_.end(), hash)) ++found;
    });
    return total == 0 ? 0.0 : static_cast<double>(found) / total;
  }

 private:
  std::vector<uint64_t> hashes_;  // sorted, unique
};

}  // namespace

int FindTitle(std::span<const Line> lines, const CueSet& cues, int search_lines,
              std::optional<std::string_view> metadata_title) {
  const size_t window = std::min(lines.size(), static_cast<size_t>(std::max(search_lines, 0)));
  if (metadata_title) {
    for (size_t i = 0; i < window; ++i) {
      if (lines[i].text == *metadata_title) return static_cast<int>(i);
    }
  }
  std::vector<int> candidates;
  bool after_next_cue = false;
  std::string_view teaser;  // the line after a "next" cue, e.g. a video title
  size_t stop = window;
  for (size_t i = 0; i < window; ++i) {
    const Line& line = lines[i];
    const bool follows_next_cue = after_next_cue;
    after_next_cue = line.cue >= 0 && cues.cue(line.cue).kind == CueKind::kNext;
    if (line.cue >= 0 || line.dateline) continue;
    if (follows_next_cue) {
      teaser = line.text;
      continue;
    }
    if (!teaser.empty() && line.text == teaser) continue;
    if (IsHeadlineLike(line.shape)) {
      candidates.push_back(static_cast<int>(i));
    } else if (IsBodyParagraph(line.shape)) {
      stop = i;
      break;
    }
  }
  if (candidates.empty()) return -1;
  const BodyWords body(lines, stop);
  int best = -1;
  double best_overlap = 0.0;
  for (int candidate : candidates) {
    const double overlap = body.Overlap(lines[candidate].text);
    if (best < 0 || overlap > best_overlap) {
      best = candidate;
      best_overlap = overlap;
    }
  }
  if (best_overlap == 0.0 && body.size() >= kMinSampleWordsToReject) return -1;
  return best;
}

}  // namespace storyline::clean
