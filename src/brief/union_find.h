// union_find.h (internal to brief): groups of 0..n-1 joined pair by pair,
// for sentences that are copies of each other and quotes that are one remark.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace storyline::brief {

class UnionFind {
 public:
  explicit UnionFind(size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), size_t{0});
  }

  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  // The smaller root stays, so a group's root is its smallest member.
  void Join(size_t a, size_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

  // The groups of at least `min_members` members, each in increasing order,
  // ordered by their smallest member.
  std::vector<std::vector<size_t>> Groups(size_t min_members = 1) {
    std::vector<std::vector<size_t>> by_root(parent_.size());
    for (size_t i = 0; i < parent_.size(); ++i) by_root[Find(i)].push_back(i);
    std::vector<std::vector<size_t>> groups;
    for (std::vector<size_t>& members : by_root) {
      if (!members.empty() && members.size() >= min_members) groups.push_back(std::move(members));
    }
    return groups;  // by root, which is each group's smallest member
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace storyline::brief
