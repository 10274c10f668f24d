// MinHash signatures, LSH band keys and the near-duplicate index.
#define XXH_INLINE_ALL  // inlined XXH3: most inputs are a word or a few hashes
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

constexpr uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// One-permutation hashing: a shingle's 64-bit hash picks one of the
// kSignatureSize bins (its top bits) and competes for that bin's minimum
// with its low 32 bits, so a shingle costs one hash and one comparison
// instead of one per signature value.
struct Bins {
  Signature minima;
  std::bitset<kSignatureSize> occupied;

  Bins() { minima.fill(std::numeric_limits<uint32_t>::max()); }
  void Add(uint64_t shingle_hash) {
    constexpr int kBinBits = std::bit_width(static_cast<unsigned>(kSignatureSize)) - 1;
    const size_t bin = shingle_hash >> (64 - kBinBits);
    minima[bin] = std::min(minima[bin], static_cast<uint32_t>(shingle_hash));
    occupied.set(bin);
  }
};
static_assert(std::has_single_bit(static_cast<unsigned>(kSignatureSize)));

// The attempt-th bin that empty bin `bin` borrows from: a fixed pseudo-random
// sequence per bin, the same for every text.
size_t ProbeBin(size_t bin, uint64_t attempt) {
  uint64_t state = (static_cast<uint64_t>(bin) << 32 | attempt) ^ 0xD1B54A32D192ED03ull;
  return SplitMix(state) % kSignatureSize;
}

// Optimal densification (Shrivastava, ICML 2017): every empty bin takes the
// value of the first occupied bin in its probe sequence. Two texts probe the
// same sequence, so an empty bin agrees exactly when the first bin occupied
// in either text holds the same minimum in both, which happens with
// probability equal to the Jaccard similarity: the estimator stays unbiased.
Signature Densify(const Bins& bins) {
  Signature signature = bins.minima;
  if (bins.occupied.none()) return signature;
  for (size_t bin = 0; bin < kSignatureSize; ++bin) {
    if (bins.occupied[bin]) continue;
    size_t source = ProbeBin(bin, 0);
    for (uint64_t attempt = 1; !bins.occupied[source]; ++attempt) source = ProbeBin(bin, attempt);
    signature[bin] = bins.minima[source];
  }
  return signature;
}

// Word hashes are already XXH3 outputs, so a shingle's hash only needs to
// combine them by position (a distinct odd multiplier each) and mix the sum
// so that its top bits (the bin) and low bits (the value) both depend on
// every word. The multipliers are fixed: signatures compare across runs.
uint64_t ShingleHash(const Word* words, size_t count) {
  static constexpr std::array<uint64_t, kShingleWords> kMultipliers = {
      0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull, 0xD6E8FEB86659FD93ull,
      0xFF51AFD7ED558CCDull};
  uint64_t h = count;
  for (size_t i = 0; i < count; ++i) h += words[i].hash * kMultipliers[i];
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;  // MurmurHash3's 64-bit finaliser
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// Union-find with path halving; a root is always the smallest index of its
// set, and indices follow sorted ids, so a root is its set's smallest id.
class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

Signature MinHash(std::string_view text) { return MinHash(NormalizedWords(text)); }

Signature MinHash(std::span<const Word> words) {
  Bins bins;
  if (words.size() < static_cast<size_t>(kShingleWords)) {
    if (!words.empty()) bins.Add(ShingleHash(words.data(), words.size()));
  } else {
    for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      bins.Add(ShingleHash(&words[i], kShingleWords));
    }
  }
  return Densify(bins);
}

BandKeys Bands(const Signature& signature) {
  BandKeys keys{};
  const bool empty = std::all_of(signature.begin(), signature.end(), [](uint32_t v) {
    return v == std::numeric_limits<uint32_t>::max();
  });
  if (empty) return keys;
  for (int band = 0; band < kBands; ++band) {
    std::array<uint32_t, kRowsPerBand + 1> rows{};
    std::copy_n(signature.begin() + band * kRowsPerBand, kRowsPerBand, rows.begin());
    rows[kRowsPerBand] = static_cast<uint32_t>(band);
    const uint64_t key = XXH3_64bits(rows.data(), sizeof(rows));
    keys[band] = key == 0 ? 1 : key;  // 0 is reserved for "no key"
  }
  return keys;
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  int same = 0;
  for (int i = 0; i < kSignatureSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kSignatureSize;
}

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options) : options_(options) {}

void NearDuplicateIndex::Add(std::string id, const Signature& signature) {
  const uint32_t index = static_cast<uint32_t>(ids_.size());
  ids_.push_back(std::move(id));
  signatures_.push_back(signature);
  signature_hashes_.push_back(XXH3_64bits(signature.data(), sizeof(Signature)));
  for (uint64_t key : Bands(signature)) {
    if (key != 0) band_entries_.Add(key, index);
  }
}

namespace {

// Verifies the members of band buckets as NearDuplicateIndex documents:
// exact copies collapsed, then pair by pair or against representatives.
class BucketVerifier {
 public:
  BucketVerifier(std::span<const Signature> signatures, std::span<const uint64_t> hashes,
                 std::span<const size_t> rank, const NearDuplicateOptions& options)
      : signatures_(signatures), hashes_(hashes), rank_(rank), options_(options) {}

  void Verify(std::span<const uint32_t> bucket) {
    if (bucket.size() <= options_.max_pairwise_bucket) return CompareAllPairs(bucket);
    CollapseCopies(bucket);
    if (distinct_.size() <= options_.max_pairwise_bucket) return CompareAllPairs(distinct_);
    representatives_.clear();
    for (uint32_t member : distinct_) {
      bool matched = false;
      for (size_t r = 0; r < representatives_.size() && !matched; ++r) {
        matched = Compare(representatives_[r], member);
      }
      if (!matched && representatives_.size() < options_.max_pairwise_bucket) {
        representatives_.push_back(member);
      }
    }
  }

  std::vector<std::pair<size_t, size_t>> TakePairs() {
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
    return std::move(pairs_);
  }
  uint64_t comparisons() const { return comparisons_; }

 private:
  // Pairs every member with the smallest-id member of the same signature;
  // leaves one member per distinct signature in distinct_, in id order.
  void CollapseCopies(std::span<const uint32_t> bucket) {
    members_.assign(bucket.begin(), bucket.end());
    const auto by_hash_then_id = [&](uint32_t x, uint32_t y) {
      return std::tie(hashes_[x], rank_[x]) < std::tie(hashes_[y], rank_[y]);
    };
    std::sort(members_.begin(), members_.end(), by_hash_then_id);
    distinct_.clear();
    for (size_t k = 0, first = 0; k < members_.size(); ++k) {
      if (k > 0 && hashes_[members_[k]] == hashes_[members_[first]]) {
        ++comparisons_;
        if (signatures_[members_[k]] == signatures_[members_[first]]) {
          AddPair(members_[first], members_[k]);
          continue;
        }
      } else {
        first = k;
      }
      distinct_.push_back(members_[k]);
    }
    std::sort(distinct_.begin(), distinct_.end(),
              [&](uint32_t x, uint32_t y) { return rank_[x] < rank_[y]; });
  }

  void CompareAllPairs(std::span<const uint32_t> members) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) Compare(members[i], members[j]);
    }
  }

  bool Compare(uint32_t a, uint32_t b) {
    ++comparisons_;
    if (EstimatedJaccard(signatures_[a], signatures_[b]) < options_.threshold) return false;
    AddPair(a, b);
    return true;
  }

  void AddPair(uint32_t a, uint32_t b) {
    // An article is in a bucket twice only if two of its bands' keys collide.
    if (a != b) pairs_.emplace_back(std::min(a, b), std::max(a, b));
  }

  std::span<const Signature> signatures_;
  std::span<const uint64_t> hashes_;
  std::span<const size_t> rank_;
  const NearDuplicateOptions& options_;
  std::vector<uint32_t> members_, distinct_, representatives_;  // scratch, per bucket
  std::vector<std::pair<size_t, size_t>> pairs_;
  uint64_t comparisons_ = 0;
};

}  // namespace

std::vector<size_t> NearDuplicateIndex::RankById() const {
  std::vector<size_t> by_id(ids_.size());
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(),
            [&](size_t x, size_t y) { return std::tie(ids_[x], x) < std::tie(ids_[y], y); });
  std::vector<size_t> rank(ids_.size());
  for (size_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;
  return rank;
}

std::vector<std::pair<size_t, size_t>> NearDuplicateIndex::VerifiedPairs(
    uint64_t* comparisons) const {
  return VerifiedPairs(RankById(), comparisons);
}

std::vector<std::pair<size_t, size_t>> NearDuplicateIndex::VerifiedPairs(
    const std::vector<size_t>& rank, uint64_t* comparisons) const {
  BucketVerifier verifier(signatures_, signature_hashes_, rank, options_);
  band_entries_.ForEachSharedKey(
      [&](std::span<const uint32_t> bucket) { verifier.Verify(bucket); });
  if (comparisons != nullptr) *comparisons = verifier.comparisons();
  return verifier.TakePairs();
}

std::vector<NearDuplicateGroup> NearDuplicateIndex::Groups(
    std::vector<std::pair<size_t, size_t>>* label_pairs) const {
  // Union-find over ranks, so that roots are the smallest ids.
  const std::vector<size_t> rank = RankById();
  std::vector<size_t> by_id(ids_.size());
  for (size_t i = 0; i < rank.size(); ++i) by_id[rank[i]] = i;

  const std::vector<std::pair<size_t, size_t>> pairs = VerifiedPairs(rank, nullptr);
  DisjointSets sets(ids_.size());
  for (const auto& [a, b] : pairs) sets.Union(rank[a], rank[b]);
  std::vector<double> weakest(ids_.size(), 1.0);  // by root
  for (const auto& [a, b] : pairs) {
    double& similarity = weakest[sets.Find(rank[a])];
    similarity = std::min(similarity, EstimatedJaccard(signatures_[a], signatures_[b]));
  }

  std::vector<NearDuplicateGroup> groups;
  std::vector<size_t> group_of_root(ids_.size(), SIZE_MAX);
  for (size_t r = 0; r < by_id.size(); ++r) {  // ascending ids: labels come first
    const size_t root = sets.Find(r);
    if (group_of_root[root] == SIZE_MAX) {
      group_of_root[root] = groups.size();
      groups.push_back({{}, weakest[root]});
    }
    groups[group_of_root[root]].articles.push_back(ids_[by_id[r]]);
  }
  std::erase_if(groups, [](const auto& g) { return g.articles.size() < 2; });
  if (label_pairs != nullptr) {
    label_pairs->clear();
    for (size_t r = 0; r < by_id.size(); ++r) {
      const size_t label = by_id[sets.Find(r)];
      if (label != by_id[r]) {
        label_pairs->emplace_back(std::min(label, by_id[r]), std::max(label, by_id[r]));
      }
    }
    std::sort(label_pairs->begin(), label_pairs->end());
  }
  return groups;
}

}  // namespace storyline::link
