// MakeSources (brief.h): the story's outlets in the order they reported it,
// and which articles copy which, from the shared passages.
#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "brief/brief.h"
#include "brief/story.h"

namespace storyline::brief {
namespace {

ArticleSource SourceOf(const Article& article) {
  return {article.id, article.title, article.published.value,
          std::string(DateHowName(article.published.how))};
}

// The earliest "YYYY-MM-DD" of an outlet's articles (ISO dates sort as
// strings); nullopt when none is dated.
std::optional<std::string> EarliestDate(const Source& outlet) {
  std::optional<std::string> earliest;
  for (const ArticleSource& article : outlet.articles) {
    if (article.published && (!earliest || *article.published < *earliest)) {
      earliest = article.published;
    }
  }
  return earliest;
}

// Outlets with their articles, in order of first appearance.
std::vector<Source> GroupByOutlet(const std::vector<const Article*>& articles) {
  std::vector<Source> outlets;
  for (const Article* article : articles) {
    const std::string name = OutletName(*article);
    auto outlet = std::find_if(outlets.begin(), outlets.end(),
                               [&](const Source& source) { return source.outlet == name; });
    if (outlet == outlets.end()) {
      outlet = outlets.insert(outlets.end(), Source());
      outlet->outlet = name;
    }
    outlet->articles.push_back(SourceOf(*article));
  }
  return outlets;
}

// By earliest date, undated last; a stable sort keeps first appearance
// between equals. The outlets sharing the earliest date reported first.
std::vector<Source> OutletsByFirstDate(const std::vector<const Article*>& articles) {
  std::vector<std::pair<std::optional<std::string>, Source>> dated;
  for (Source& outlet : GroupByOutlet(articles)) {
    std::optional<std::string> earliest = EarliestDate(outlet);
    dated.emplace_back(std::move(earliest), std::move(outlet));
  }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
    return a.first.has_value() && (!b.first.has_value() || *a.first < *b.first);
  });
  std::vector<Source> outlets;
  for (auto& [earliest, outlet] : dated) {
    outlet.first = earliest.has_value() && earliest == dated.front().first;
    outlets.push_back(std::move(outlet));
  }
  return outlets;
}

// Bytes of the union of `spans` within a text of `size` bytes: overlapping
// passages count once.
uint32_t MergedBytes(std::vector<ByteSpan> spans, uint32_t size) {
  std::sort(spans.begin(), spans.end(), [](ByteSpan a, ByteSpan b) { return a.begin < b.begin; });
  uint32_t bytes = 0;
  uint32_t covered = 0;  // end of the bytes counted so far
  for (const ByteSpan span : spans) {
    const uint32_t begin = std::max(span.begin, covered);
    const uint32_t end = std::min(span.end, size);
    if (end > begin) {
      bytes += end - begin;
      covered = end;
    }
  }
  return bytes;
}

// The passages of one ordered pair of articles: the copying side's spans.
struct CopiedSpans {
  std::vector<ByteSpan> spans;
  bool direction_known = false;
};

// (from, to) article indexes into the input -> what `to` copies of `from`.
using CopiesByPair = std::map<std::pair<size_t, size_t>, CopiedSpans>;

CopiesByPair CollectCopies(const StoryInput& input) {
  CopiesByPair copies;
  for (const auto& [a, b, passage] : StoryPassages(input)) {
    // The earlier article is the one copied; undated or dated alike, the
    // first in the input stands in for it.
    const bool known = passage->earlier == "a" || passage->earlier == "b";
    const bool a_first = known ? passage->earlier == "a" : a < b;
    CopiedSpans& copied = copies[a_first ? std::pair(a, b) : std::pair(b, a)];
    copied.spans.push_back(a_first ? passage->b.span : passage->a.span);
    copied.direction_known = copied.direction_known || known;
  }
  return copies;
}

std::vector<Copy> Copies(const StoryInput& input) {
  std::vector<Copy> copies;
  for (auto& [pair, copied] : CollectCopies(input)) {
    const Article& to = *input.articles[pair.second];
    const uint32_t size = static_cast<uint32_t>(to.text.size());
    const uint32_t bytes = MergedBytes(std::move(copied.spans), size);
    copies.push_back({input.articles[pair.first]->id, to.id, bytes,
                      size == 0 ? 0.0 : static_cast<double>(bytes) / size, copied.direction_known});
  }
  std::sort(copies.begin(), copies.end(), [](const Copy& a, const Copy& b) {
    return std::tie(b.bytes, a.from, a.to) < std::tie(a.bytes, b.from, b.to);
  });
  return copies;
}

}  // namespace

Sources MakeSources(const StoryInput& input) {
  return {OutletsByFirstDate(input.articles), Copies(input)};
}

}  // namespace storyline::brief
