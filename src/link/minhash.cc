// MinHash signatures, LSH band keys and the near-duplicate index.
#define XXH_INLINE_ALL  // inlined XXH3: most inputs are a word or a few hashes
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
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

// Per-permutation constants: a seed to xor and an odd multiplier. Fixed, so
// signatures are comparable across runs and machines.
struct Permutations {
  std::array<uint32_t, kSignatureSize> seed{};
  std::array<uint32_t, kSignatureSize> multiplier{};
};

constexpr Permutations MakePermutations() {
  Permutations p;
  uint64_t state = 0x5EED0F11A4ull;
  for (int i = 0; i < kSignatureSize; ++i) {
    const uint64_t r = SplitMix(state);
    p.seed[i] = static_cast<uint32_t>(r);
    p.multiplier[i] = static_cast<uint32_t>(r >> 32) | 1u;
  }
  return p;
}

constexpr Permutations kPermutations = MakePermutations();

// Folds one shingle hash into the signature. Each permutation is a bijection
// of 32-bit values (xor, odd multiply, xorshift, odd multiply); the loop has
// no dependencies between lanes, so it vectorises (AVX2 when available).
__attribute__((target_clones("avx2", "default"))) void Fold(uint32_t value, uint32_t* signature) {
  for (int i = 0; i < kSignatureSize; ++i) {
    uint32_t x = (value ^ kPermutations.seed[i]) * kPermutations.multiplier[i];
    x ^= x >> 15;
    x *= 0x2C1B3C6Du;
    signature[i] = std::min(signature[i], x);
  }
}

uint32_t ShingleHash(const Word* words, size_t count) {
  std::array<uint64_t, kShingleWords> hashes{};
  for (size_t i = 0; i < count; ++i) hashes[i] = words[i].hash;
  const uint64_t h = XXH3_64bits(hashes.data(), count * sizeof(uint64_t));
  return static_cast<uint32_t>(h ^ (h >> 32));
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

Signature MinHash(std::string_view text) {
  Signature signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  const std::vector<Word> words = NormalizedWords(text);
  if (words.empty()) return signature;
  if (words.size() < static_cast<size_t>(kShingleWords)) {
    Fold(ShingleHash(words.data(), words.size()), signature.data());
    return signature;
  }
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    Fold(ShingleHash(&words[i], kShingleWords), signature.data());
  }
  return signature;
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

void NearDuplicateIndex::Add(std::string id, const Signature& signature) {
  const uint32_t index = static_cast<uint32_t>(ids_.size());
  ids_.push_back(std::move(id));
  signatures_.push_back(signature);
  for (uint64_t key : Bands(signature)) {
    if (key != 0) band_entries_.emplace_back(key, index);
  }
}

std::vector<std::pair<size_t, size_t>> NearDuplicateIndex::VerifiedPairs() const {
  // Grouping by band key is a sort; each run of equal keys is a bucket.
  std::vector<std::pair<uint64_t, uint32_t>> entries = band_entries_;
  std::sort(entries.begin(), entries.end());
  std::vector<std::pair<size_t, size_t>> candidates;
  for (size_t begin = 0, end = 0; begin < entries.size(); begin = end) {
    while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = i + 1; j < end; ++j) {
        candidates.emplace_back(entries[i].second, entries[j].second);  // sorted: i < j
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::pair<size_t, size_t>> verified;
  for (const auto& [a, b] : candidates) {
    if (EstimatedJaccard(signatures_[a], signatures_[b]) >= options_.threshold) {
      verified.emplace_back(a, b);
    }
  }
  return verified;
}

std::vector<std::vector<std::string>> NearDuplicateIndex::Groups() const {
  // Rank articles by id so that union-find roots are the smallest ids.
  std::vector<size_t> by_id(ids_.size());
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(),
            [&](size_t x, size_t y) { return std::tie(ids_[x], x) < std::tie(ids_[y], y); });
  std::vector<size_t> rank(ids_.size());
  for (size_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;

  DisjointSets sets(ids_.size());
  for (const auto& [a, b] : VerifiedPairs()) sets.Union(rank[a], rank[b]);

  std::vector<std::vector<std::string>> groups;
  std::vector<size_t> group_of_root(ids_.size(), SIZE_MAX);
  for (size_t r = 0; r < by_id.size(); ++r) {  // ascending ids: labels come first
    const size_t root = sets.Find(r);
    if (group_of_root[root] == SIZE_MAX) {
      group_of_root[root] = groups.size();
      groups.emplace_back();
    }
    groups[group_of_root[root]].push_back(ids_[by_id[r]]);
  }
  std::erase_if(groups, [](const auto& g) { return g.size() < 2; });
  return groups;
}

}  // namespace storyline::link
