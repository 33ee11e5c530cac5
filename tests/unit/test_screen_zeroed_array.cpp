// Tests for ZeroedArray (registry/screen/huge_pages.hpp): tables made as
// large as they may need to be, all zero at first, from the heap or mapped.
#include "registry/screen/huge_pages.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <utility>

using numreg::screen::ZeroedArray;

namespace {

struct Entry {
  int64_t caller;
  uint64_t count;
  uint64_t first;
};

}  // namespace

TEST_CASE("ZeroedArray: all zero at first, small (heap) and large (mapped), then as written") {
  // 1,000 entries come from the heap (whose memory is not cleared), 200,000
  // (4.8 MB) from a mapping.
  for (const size_t n : {size_t{1'000}, size_t{200'000}}) {
    CAPTURE(n);
    {
      // Memory given back dirty, which the next array of its size is likely
      // to be given again.
      ZeroedArray<Entry> dirty(n);
      std::fill(&dirty[0], &dirty[0] + n, Entry{-1, ~uint64_t{0}, 1});
    }
    ZeroedArray<Entry> a(n);
    REQUIRE(a.size() == n);
    CHECK(std::all_of(a.begin(), a.end(), [](const Entry& e) {
      return e.caller == 0 && e.count == 0 && e.first == 0;
    }));
    a[0] = Entry{8613800138000, 2, 7};
    a[n - 1] = Entry{8613900000001, 1, 9};
    ZeroedArray<Entry> moved(std::move(a));
    CHECK(a.size() == 0);  // NOLINT(bugprone-use-after-move): a moved-from array is empty
    CHECK(moved[0].count == 2);
    CHECK(moved[n - 1].first == 9);
    ZeroedArray<Entry> other(1);
    other = std::move(moved);
    CHECK(other.size() == n);
    CHECK(other[0].caller == 8613800138000);
  }
}
