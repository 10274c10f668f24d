// The Gazetteer: a trie over lower-cased word hashes whose nodes record the
// categories of the phrases ending there.
#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <array>
#include <bit>

#include "core/tsv.h"
#include "tagger/gazetteer_match.h"
#include "tagger/tagger.h"
#include "tagger/words.h"

namespace storyline::tagger {
namespace {

constexpr size_t kMaxCategories = 63;
constexpr int kFilterBits = 17;  // 16 KB
constexpr uint64_t kNoCategory = 0;

bool HasWhitespace(std::string_view text) {
  return text.find_first_of(" \t\r\n\v\f") != std::string_view::npos;
}

// Splits a phrase at spaces; runs of spaces count as one.
std::vector<std::string_view> SplitAtSpaces(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < phrase.size()) {
    const size_t start = phrase.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(phrase.find(' ', start), phrase.size());
    words.push_back(phrase.substr(start, end - start));
    at = end;
  }
  return words;
}

}  // namespace

struct Gazetteer::Index {
  std::vector<std::string> categories;
  std::vector<std::pair<uint32_t, std::vector<std::string>>> phrases;
  // Mix(node, lower-cased word hash) -> child node; node 0 is the root.
  absl::flat_hash_map<uint64_t, uint32_t> children;
  // Per node: bit c is set when a phrase of category c ends there.
  std::vector<uint64_t> endings = {kNoCategory};
  // Bit b is set when a word of a phrase has b as the top kFilterBits bits
  // of its hash: most words of a sentence are in no phrase, and this filter,
  // small enough to stay in cache, spares them a lookup in `children`.
  std::array<uint64_t, (size_t{1} << kFilterBits) / 64> word_filter{};

  void AddToFilter(uint64_t word) {
    const uint64_t bit = word >> (64 - kFilterBits);
    word_filter[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  uint32_t Child(uint32_t node, uint64_t word) const {
    const uint64_t bit = word >> (64 - kFilterBits);
    if ((word_filter[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return 0;
    const auto found = children.find(Mix(node, word));
    return found == children.end() ? 0 : found->second;
  }
};

Gazetteer::Gazetteer() : index_(std::make_unique<Index>()) {}
Gazetteer::Gazetteer(const Gazetteer& other) : index_(std::make_unique<Index>(*other.index_)) {}
Gazetteer& Gazetteer::operator=(const Gazetteer& other) {
  if (this != &other) index_ = std::make_unique<Index>(*other.index_);
  return *this;
}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

const std::vector<std::string>& Gazetteer::categories() const { return index_->categories; }
size_t Gazetteer::size() const { return index_->phrases.size(); }

Status Gazetteer::Add(std::string_view category, const std::vector<std::string_view>& words) {
  if (category.empty() || HasWhitespace(category)) {
    return Status::InvalidArgument("bad category '" + std::string(category) + "'");
  }
  if (words.empty()) return Status::InvalidArgument("a phrase needs at least one word");
  for (std::string_view word : words) {
    if (word.empty() || HasWhitespace(word)) {
      return Status::InvalidArgument("bad word '" + std::string(word) + "'");
    }
  }
  Index& index = *index_;
  const auto known = std::find(index.categories.begin(), index.categories.end(), category);
  const uint32_t id = static_cast<uint32_t>(known - index.categories.begin());
  if (known == index.categories.end()) {
    if (index.categories.size() == kMaxCategories) {
      return Status::InvalidArgument("more than 63 categories");
    }
    index.categories.emplace_back(category);
  }
  uint32_t node = 0;
  std::string lower;
  for (std::string_view word : words) {
    LowerCase(word, &lower);
    index.AddToFilter(HashBytes(lower));
    const auto [child, added] =
        index.children.try_emplace(Mix(node, HashBytes(lower)), index.endings.size());
    if (added) index.endings.push_back(kNoCategory);
    node = child->second;
  }
  const uint64_t bit = uint64_t{1} << id;
  if ((index.endings[node] & bit) != 0) return Status::Ok();
  index.endings[node] |= bit;
  index.phrases.emplace_back(id, std::vector<std::string>(words.begin(), words.end()));
  return Status::Ok();
}

Status Gazetteer::AddList(std::string_view name, std::string_view contents) {
  for (const TsvRow& row : SplitTsv(contents)) {
    const std::string where = std::string(name) + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 2 || row.fields[0].empty() || SplitAtSpaces(row.fields[1]).empty()) {
      return Status::InvalidArgument(where + "expected category<TAB>phrase");
    }
    const Status added = Add(row.fields[0], SplitAtSpaces(row.fields[1]));
    if (!added.ok()) return Status::InvalidArgument(where + added.message());
  }
  return Status::Ok();
}

Result<Gazetteer> Gazetteer::FromLists(const DataFiles& data) {
  Gazetteer gazetteer;
  for (const std::string& name : DataFiles::EmbeddedNames()) {
    if (!name.starts_with(kGazetteerFolder) || !name.ends_with(".tsv")) continue;
    SL_ASSIGN_OR_RETURN(const std::string contents, data.Read(name));
    SL_RETURN_IF_ERROR(gazetteer.AddList(name, contents));
  }
  return gazetteer;
}

void GazetteerAccess::Match(const Gazetteer& gazetteer, const std::vector<uint64_t>& lower,
                            std::vector<GazetteerHit>* hits) {
  hits->clear();
  const Gazetteer::Index& index = *gazetteer.index_;
  if (index.phrases.empty()) return;
  // Per category: where its last match ended (matches do not overlap).
  std::array<size_t, kMaxCategories> covered_until{};
  std::array<size_t, kMaxCategories> longest_end{};
  for (size_t start = 0; start < lower.size(); ++start) {
    uint64_t seen = kNoCategory;
    uint32_t node = 0;
    for (size_t end = start; end < lower.size(); ++end) {
      node = index.Child(node, lower[end]);
      if (node == 0) break;
      for (uint64_t bits = index.endings[node]; bits != 0; bits &= bits - 1) {
        longest_end[std::countr_zero(bits)] = end + 1;
      }
      seen |= index.endings[node];
    }
    for (; seen != 0; seen &= seen - 1) {
      const uint32_t category = static_cast<uint32_t>(std::countr_zero(seen));
      const size_t end = longest_end[category];
      if (start < covered_until[category]) continue;
      covered_until[category] = end;
      for (size_t token = start; token < end; ++token) {
        const Place place = end - start == 1   ? Place::kUnit
                            : token == start   ? Place::kBegin
                            : token + 1 == end ? Place::kLast
                                               : Place::kInside;
        hits->push_back({static_cast<uint32_t>(token), category, place});
      }
    }
  }
  std::sort(hits->begin(), hits->end(), [](const GazetteerHit& a, const GazetteerHit& b) {
    return a.token != b.token ? a.token < b.token : a.category < b.category;
  });
}

const std::vector<std::pair<uint32_t, std::vector<std::string>>>& GazetteerAccess::Phrases(
    const Gazetteer& gazetteer) {
  return gazetteer.index_->phrases;
}

}  // namespace storyline::tagger
