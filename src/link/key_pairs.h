// key_pairs.h: articles grouped by the keys they share, the grouping step of
// NearDuplicateIndex (LSH band keys) and SharedTextIndex (passage seeds).
// Internal to the link module.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace storyline::link {

// (key, article index) entries, spread over partitions by key (the shuffle
// of a scaled-out run), so that equal keys share a partition and grouping
// sorts one partition at a time: only one is ever decoded, and each sort
// fits in cache better.
//
// Memory: 8 bytes an entry (a million articles' passage seeds are about
// 200 million entries), plus 16 bytes per partition and 256 articles. A
// partition is picked by the key's low 8 bits, so an entry keeps the other
// 56 and, in the low byte, the article's offset from the base of its
// segment: articles are added in increasing order, and a partition starts a
// segment (position, base) when an article is 256 or more past the base.
// Entries sit in fixed-size blocks, so the index never holds a vector's
// spare capacity or copies itself to grow.
class KeyedArticles {
 public:
  // REQUIRES: `article` is not below the article of any earlier Add().
  void Add(uint64_t key, uint32_t article) {
    Partition& p = partitions_[key & kPartitionMask];
    if (p.segments.empty() || article - p.segments.back().base > kOffsetMask) {
      p.segments.push_back({p.size, article});
    }
    if (p.size % kBlockEntries == 0)
      p.blocks.push_back(std::make_unique_for_overwrite<uint64_t[]>(kBlockEntries));
    p.blocks.back()[p.size % kBlockEntries] =
        (key & ~kPartitionMask) | (article - p.segments.back().base);
    ++p.size;
  }

  // Calls visit(articles) once for every key held by two or more entries,
  // with the articles of its entries (ascending, a repeated Add() repeated).
  // The span is valid during the call only.
  template <typename Visit>
  void ForEachSharedKey(Visit&& visit) const {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    std::vector<uint32_t> articles;
    for (const Partition& partition : partitions_) {
      partition.Decode(entries);
      std::sort(entries.begin(), entries.end());
      for (size_t begin = 0, end = 0; begin < entries.size(); begin = end) {
        while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
        if (end - begin < 2) continue;
        articles.clear();
        for (size_t k = begin; k < end; ++k) articles.push_back(entries[k].second);
        visit(std::span<const uint32_t>(articles));
      }
    }
  }

  // Pairs of distinct articles (first < second) that share a key, sorted
  // and unique. Keys held by more than `max_articles_per_key` entries are
  // skipped: a bucket of k articles costs k^2/2 pairs.
  std::vector<std::pair<size_t, size_t>> PairsSharingAKey(size_t max_articles_per_key) const;

 private:
  static constexpr uint64_t kPartitionMask = 0xff;  // 256 partitions
  static constexpr uint64_t kOffsetMask = 0xff;     // an article's offset from its segment's base
  // 64 KB: at most 16 MB of blocks are partly empty.
  static constexpr size_t kBlockEntries = 8192;

  struct Segment {
    size_t begin;   // position of the segment's first entry in the partition
    uint32_t base;  // the article its entries' offsets count from
  };
  struct Partition {
    std::vector<std::unique_ptr<uint64_t[]>> blocks;
    std::vector<Segment> segments;
    size_t size = 0;

    // The partition's entries as (key without the partition bits, article).
    // Equal keys share a partition, so the partition bits need not come back.
    void Decode(std::vector<std::pair<uint64_t, uint32_t>>& entries) const {
      entries.resize(size);
      for (size_t s = 0; s < segments.size(); ++s) {
        const size_t end = s + 1 < segments.size() ? segments[s + 1].begin : size;
        for (size_t i = segments[s].begin; i < end; ++i) {
          const uint64_t entry = blocks[i / kBlockEntries][i % kBlockEntries];
          entries[i] = {entry & ~kOffsetMask,
                        segments[s].base + static_cast<uint32_t>(entry & kOffsetMask)};
        }
      }
    }
  };
  std::vector<Partition> partitions_ = std::vector<Partition>(kPartitionMask + 1);
};

}  // namespace storyline::link
