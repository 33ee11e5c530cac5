// Tests for registry/rules/finding_order: findings in the audit's order.
#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/rules/finding_order.hpp"

using namespace numreg;

namespace {

Finding finding(const std::string& rule, const std::string& key, const std::string& message) {
  return make_finding(rule, key, message);
}

std::vector<std::string> texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    out.push_back(f.rule + " " + f.key + " " + f.message);
  return out;
}

}  // namespace

TEST_CASE("FindingOrder: one key at a time for a rule that comes by key") {
  std::vector<Finding> out;
  FindingSink sink = [&](Finding&& f) { out.push_back(std::move(f)); };
  FindingOrder order(sink);
  order.begin_rule(true);
  order.add(finding("R004", "L-1", "permitted caller b"));
  order.add(finding("R004", "L-1", "permitted caller a"));
  CHECK(out.empty());  // L-1 may have more
  order.add(finding("R004", "L-2", "permitted caller c"));
  CHECK(texts(out) ==
        std::vector<std::string>{"R004 L-1 permitted caller a", "R004 L-1 permitted caller b"});
  order.end_rule();
  CHECK(out.size() == 3);

  SUBCASE("a key out of order is a bug in the store") {
    order.begin_rule(true);
    order.add(finding("R006", "L-9", "no region"));
    REQUIRE_THROWS_WITH(order.add(finding("R006", "L-10", "no region")),
                        "R006: the store answered L-10 after L-9");
  }
}

TEST_CASE("FindingOrder: a rule that does not come by key is sorted when it ends") {
  std::vector<Finding> out;
  FindingSink sink = [&](Finding&& f) { out.push_back(std::move(f)); };
  FindingOrder order(sink);
  order.begin_rule(false);
  order.add(finding("R008", "L-4", "x"));
  order.add(finding("R008", "L-1", "z"));
  order.add(finding("R008", "L-1", "y"));
  CHECK(out.empty());
  order.begin_rule(true);  // the next rule ends this one
  CHECK(texts(out) == std::vector<std::string>{"R008 L-1 y", "R008 L-1 z", "R008 L-4 x"});
}

TEST_CASE("FindingOrder: past its memory, a rule's findings go to sorted runs, merged at its end") {
  // Overlapping permits of many leases, in number order as R008's sweep
  // finds them: keys and messages out of key order, with repeats.
  std::mt19937 random(2026);
  std::vector<Finding> given;
  for (int i = 0; i < 5000; ++i) {
    const std::string key = fmt::format("L-DZ-{:05}", random() % 1500);
    given.push_back(finding("R008", key,
                            fmt::format("permitted caller +86898661{:05} overlaps lease L-DF-{:04}",
                                        random() % 100000, random() % 40)));
  }
  given.push_back(given[17]);  // the same finding twice
  std::vector<Finding> expected = given;
  std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.key, a.message) < std::tie(b.key, b.message);
  });

  for (size_t memory : {size_t{1}, size_t{4096}, size_t{100000}, size_t{32} << 20}) {
    CAPTURE(memory);
    std::vector<Finding> out;
    FindingSink sink = [&](Finding&& f) { out.push_back(std::move(f)); };
    FindingOrder order(sink, memory);
    order.begin_rule(false);
    for (const auto& f : given)
      order.add(f);
    CHECK(out.empty());
    order.begin_rule(true);  // the next rule, by key, after the merge
    order.add(finding("R009", "L-1", "marketing lease has no contract"));
    order.end_rule();
    REQUIRE(out.size() == expected.size() + 1);
    CHECK(std::equal(expected.begin(), expected.end(), out.begin()));
    CHECK(texts({out.back()}) ==
          std::vector<std::string>{"R009 L-1 marketing lease has no contract"});
    // A second rule that spills starts from empty runs.
    out.clear();
    order.begin_rule(false);
    for (int i = 3; i > 0; --i)
      order.add(finding("R013", fmt::format("L-{}", i), "x"));
    order.end_rule();
    CHECK(texts(out) == std::vector<std::string>{"R013 L-1 x", "R013 L-2 x", "R013 L-3 x"});
  }
}
