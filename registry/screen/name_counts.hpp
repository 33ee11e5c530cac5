// Counts by name (trunk or holder) in a screening summary, in name order.
// A sorted vector: a summary may count a million trunks, and a map's nodes
// cost more to make, walk and free than the counts themselves.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace numreg::screen {

class NameCounts {
 public:
  using Entry = std::pair<std::string, uint64_t>;

  NameCounts() = default;
  /// The counts of `entries`, in any order; a name given twice counts both.
  NameCounts(std::initializer_list<Entry> entries);
  /// As above, taking the vector.
  static NameCounts of(std::vector<Entry> entries);

  /// Add `n` to the count of `name`. Names added in increasing order go in
  /// at the end; any other costs a search and a move of the names after it.
  void add(std::string_view name, uint64_t n);
  /// Add every count of `other`.
  void merge(const NameCounts& other);
  /// The count of `name`, 0 when it has none.
  uint64_t count(std::string_view name) const;

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }
  bool operator==(const NameCounts&) const = default;

 private:
  std::vector<Entry> entries_;  // strictly increasing names
};

}  // namespace numreg::screen
