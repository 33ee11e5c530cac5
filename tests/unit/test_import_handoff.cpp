#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "registry/import/handoff.hpp"

using namespace numreg::import;

namespace {
struct Numbers {
  std::vector<int> items;
};
}  // namespace

TEST_CASE("Handoff passes every batch, in order, through a small pool") {
  Handoff<Numbers> handoff(2);
  std::thread producer([&] {
    for (int b = 0; b < 50; ++b) {
      auto batch = handoff.empty();
      REQUIRE(batch);
      batch->items.assign({3 * b, 3 * b + 1, 3 * b + 2});
      handoff.put(std::move(batch));
    }
    handoff.finish();
  });
  std::vector<int> seen;
  while (auto batch = handoff.take()) {
    seen.insert(seen.end(), batch->items.begin(), batch->items.end());
    handoff.recycle(std::move(batch));
  }
  producer.join();
  REQUIRE(seen.size() == 150);
  for (int i = 0; i < 150; ++i) {
    CHECK(seen[static_cast<size_t>(i)] == i);
  }
}

TEST_CASE("Handoff: a consumer that stops releases a producer waiting for a batch") {
  Handoff<Numbers> handoff(1);
  int filled = 0;
  std::thread producer([&] {
    while (auto batch = handoff.empty()) {
      ++filled;
      handoff.put(std::move(batch));  // never recycled: the next empty() waits
    }
    handoff.finish();
  });
  auto first = handoff.take();
  CHECK(first);
  handoff.stop();
  producer.join();
  CHECK(filled == 1);
  CHECK_FALSE(handoff.take());  // finished, and nothing more was put
}
