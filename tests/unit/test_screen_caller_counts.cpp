// Tests for registry/screen/caller_counts: violations per caller, bounded.
#include "registry/screen/caller_counts.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace numreg::screen;

namespace {

std::map<int64_t, uint64_t> held(const CallerCounts& counts) {
  std::map<int64_t, uint64_t> out;
  counts.each([&](int64_t caller, uint64_t n) { out[caller] = n; });
  return out;
}

}  // namespace

TEST_CASE("CallerCounts: counts each caller, 5,000 in a table made for 100,000") {
  CallerCounts counts(100'000);
  const int64_t base = 25'000'008'613'800'000;  // keys of +86 numbers look like this
  for (int64_t i = 0; i < 5000; ++i) {
    for (int64_t k = 0; k <= i % 3; ++k)
      counts.add(base + i);
  }
  const auto got = held(counts);
  CHECK(counts.size() == 5000);
  REQUIRE(got.size() == 5000);
  CHECK(got.at(base) == 1);
  CHECK(got.at(base + 1) == 2);
  CHECK(got.at(base + 4999) == 2);
}

TEST_CASE("CallerCounts: new callers beyond the limit are not counted, held ones are") {
  CallerCounts counts(2);
  counts.add(7);
  counts.add(9);
  counts.add(11);
  counts.add(7);
  CHECK(held(counts) == std::map<int64_t, uint64_t>{{7, 2}, {9, 1}});
}
