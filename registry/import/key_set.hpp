// A set of record keys packed into two allocations: their bytes one after
// another, and an open-addressing table of where each starts. An import
// remembers every key it adds of a kind that other rows refer to (863,000 at
// a province's size); a std::unordered_set<std::string> spends a node, often
// a heap string, and later a free on each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace numreg::import {

class KeySet {
 public:
  /// Whether `key` was inserted.
  bool contains(std::string_view key) const;
  /// Add `key` (once: a key inserted again is kept once).
  void insert(std::string_view key);
  /// How many keys there are.
  size_t size() const { return size_; }

 private:
  size_t find(std::string_view key, uint64_t hash) const;
  std::string_view key_at(uint64_t slot) const;
  void grow();

  std::string bytes_;            // each key: its length (4 bytes), then its bytes
  std::vector<uint64_t> slots_;  // 0, or the key's hash bits above 40 | its offset + 1
  size_t size_ = 0;
};

}  // namespace numreg::import
