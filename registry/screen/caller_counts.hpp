// Violations per caller for the worst offenders: a flat open-addressing
// table of at most a fixed number of callers, so that counting costs one
// memory access and memory stays bounded whatever the file's size. The
// table is made for the most it holds, at most half full, and its pages are
// taken as callers come (see ZeroedArray): it never grows.
#pragma once

#include <cstddef>
#include <cstdint>

#include "registry/screen/huge_pages.hpp"

namespace numreg::screen {

class CallerCounts {
 public:
  /// Count the first `most` distinct callers met; later new callers are not
  /// counted, callers already held go on counting.
  explicit CallerCounts(size_t most);

  /// Add one violation of `caller` (a Number::key()), found at `order` (the
  /// place of its record among all records; never decreasing).
  void add(int64_t caller, uint64_t order = 0);
  /// Start loading the slot of `caller`.
  void prefetch(int64_t caller) const { __builtin_prefetch(&slots_[home(caller)], 1); }
  /// The callers held.
  size_t size() const { return size_; }
  /// Call `f(caller, count)` for each caller held, in no particular order.
  template <class F>
  void each(F&& f) const {
    for (const Entry& e : slots_) {
      if (e.count)
        f(e.caller, e.count);
    }
  }
  /// Call `f(caller, count, first)` for each caller held, in no particular
  /// order; `first`: the order of its first violation.
  template <class F>
  void each_first(F&& f) const {
    for (const Entry& e : slots_) {
      if (e.count)
        f(e.caller, e.count, e.first);
    }
  }

 private:
  struct Entry {
    int64_t caller = 0;
    uint64_t count = 0;  // 0: an empty slot
    uint64_t first = 0;  // the order of the first violation
  };
  size_t home(int64_t caller) const;

  size_t most_;
  size_t size_ = 0;
  ZeroedArray<Entry> slots_;  // a power of 2, at least twice most_
};

}  // namespace numreg::screen
