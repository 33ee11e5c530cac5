// Tests for registry/rules/finding_order: findings in the audit's order.
#include <doctest/doctest.h>

#include "registry/error.hpp"
#include "registry/rules/finding_order.hpp"

using namespace numreg;

namespace {

Finding finding(const char* rule, const char* key, const char* message) {
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
