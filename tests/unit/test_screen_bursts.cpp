// Tests for registry/screen/bursts: runs of K calls within a window, in and
// out of time order, with bounded memory.
#include "registry/screen/bursts.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

using namespace numreg::screen;

namespace {

// Feed calls (time, line) of one key; return the flagged lines, sorted.
std::vector<uint64_t> flagged(Bursts& bursts,
                              const std::vector<std::pair<int64_t, uint64_t>>& calls,
                              int64_t key = 1) {
  std::vector<uint64_t> lines;
  for (const auto& [time, line] : calls) {
    BurstCall call;
    call.time = time;
    call.line = line;
    bursts.advance(call.time);
    bursts.add(BurstKey{key, 0}, call,
               [&](const BurstKey&, const BurstCall& c) { lines.push_back(c.line); });
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::pair<int64_t, uint64_t>> every(int n, int64_t start, int64_t step) {
  std::vector<std::pair<int64_t, uint64_t>> calls;
  for (int i = 0; i < n; ++i)
    calls.emplace_back(start + i * step, static_cast<uint64_t>(i + 1));
  return calls;
}

}  // namespace

TEST_CASE("Bursts: K calls within the window are all flagged") {
  Bursts bursts(10, 3600, 600);
  CHECK(flagged(bursts, every(10, 1000, 300)) ==
        std::vector<uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("Bursts: K - 1 calls are not") {
  Bursts bursts(10, 3600, 600);
  CHECK(flagged(bursts, every(9, 1000, 300)).empty());
}

TEST_CASE("Bursts: the window is latest - earliest < M minutes") {
  SUBCASE("ten calls spanning exactly 60 minutes are not a run") {
    Bursts bursts(10, 3600, 600);
    CHECK(flagged(bursts, every(10, 0, 400)).empty());  // 9 * 400 = 3600
  }
  SUBCASE("spanning 59 minutes 59 seconds they are") {
    Bursts bursts(10, 3600, 600);
    auto calls = every(10, 0, 400);
    calls.back().first -= 1;
    CHECK(flagged(bursts, calls).size() == 10);
  }
}

TEST_CASE("Bursts: calls beyond a run are flagged only when a run holds them") {
  Bursts bursts(3, 100, 0);
  // 0, 10, 20 make a run; 200 is alone; 300, 350, 399 make a run.
  CHECK(flagged(bursts, {{0, 1}, {10, 2}, {20, 3}, {200, 4}, {300, 5}, {350, 6}, {399, 7}}) ==
        std::vector<uint64_t>{1, 2, 3, 5, 6, 7});
}

TEST_CASE("Bursts: keys are apart") {
  Bursts bursts(2, 100, 0);
  std::vector<uint64_t> lines;
  auto add = [&](int64_t key, int64_t time, uint64_t line) {
    BurstCall c;
    c.time = time;
    c.line = line;
    bursts.advance(c.time);
    bursts.add(BurstKey{key, 7}, c,
               [&](const BurstKey&, const BurstCall& f) { lines.push_back(f.line); });
  };
  add(1, 0, 1);
  add(2, 10, 2);
  CHECK(lines.empty());
  add(2, 50, 4);
  CHECK(lines == std::vector<uint64_t>{2, 4});
  add(1, 200, 3);  // 200 s after key 1's first call: no run
  CHECK(lines == std::vector<uint64_t>{2, 4});
}

TEST_CASE("Bursts: records out of order within the tolerance flag the same calls") {
  // One call every 100 s (6 a window: no run), and every fourth block of 20
  // calls squeezed into 400 s (a run, with some neighbours).
  std::vector<std::pair<int64_t, uint64_t>> calls;
  for (uint64_t i = 0; i < 2000; ++i) {
    const int64_t block = static_cast<int64_t>(i / 20);
    const int64_t t = block % 4 == 0 ? block * 2000 + static_cast<int64_t>(i % 20) * 20
                                     : static_cast<int64_t>(i) * 100;
    calls.emplace_back(t, i);
  }
  Bursts sorted(10, 600, 600);
  const auto expected = flagged(sorted, calls);
  REQUIRE(expected.size() > 400);
  REQUIRE(expected.size() < 1500);
  // Shuffle inside blocks of 5 consecutive records (at most 400 s apart).
  std::mt19937 rng(7);
  auto shuffled = calls;
  for (size_t i = 0; i + 5 <= shuffled.size(); i += 5) {
    std::shuffle(shuffled.begin() + static_cast<long>(i),
                 shuffled.begin() + static_cast<long>(i + 5), rng);
  }
  REQUIRE(shuffled != calls);
  Bursts unsorted(10, 600, 600);
  CHECK(flagged(unsorted, shuffled) == expected);
}

TEST_CASE("Bursts: memory stays bounded on a long stream") {
  Bursts bursts(10, 600, 60);
  size_t most = 0;
  for (int64_t t = 0; t < 200'000; ++t) {
    BurstCall c;
    c.time = t;
    bursts.advance(c.time);
    bursts.add(BurstKey{t % 1000, 0}, c, [](const BurstKey&, const BurstCall&) {});
    most = std::max(most, bursts.held());
  }
  // One call a second: a window and the tolerance hold 660 calls; expiry
  // runs every few minutes of call time, so a few hundred more at most.
  CHECK(most < 2000);
}

TEST_CASE("Bursts: a record later than the tolerance is reported late") {
  Bursts bursts(2, 100, 10);
  BurstCall c;
  c.time = 1000;
  bursts.advance(c.time);
  CHECK(bursts.add(BurstKey{1, 0}, c, [](const BurstKey&, const BurstCall&) {}));
  c.time = 995;
  bursts.advance(c.time);
  CHECK(bursts.add(BurstKey{2, 0}, c, [](const BurstKey&, const BurstCall&) {}));
  c.time = 980;
  bursts.advance(c.time);
  CHECK_FALSE(bursts.add(BurstKey{3, 0}, c, [](const BurstKey&, const BurstCall&) {}));
}
