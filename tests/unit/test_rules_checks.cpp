// Tests for registry/rules/checks: the progress check_rules reports.
#include <doctest/doctest.h>

#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

TEST_CASE("check_rules: progress after each rule asked, rules run of rules asked") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kGood, {{"end", "2026-01-31"}});
  std::vector<WorkProgress> heard;
  AuditScope scope;
  scope.rules = {"R003", "R011"};
  auto findings = check_rules(reg.ledger().store(), kToday, scope, RuleSettings{},
                              [&](const WorkProgress& p) { heard.push_back(p); });
  REQUIRE(findings.size() == 1);  // R011: status active, ended on 2026-01-31
  REQUIRE(heard.size() == 3);
  CHECK(heard[0].done == 0);
  CHECK(heard[1].done == 1);
  CHECK(heard[2].done == 2);
  for (const auto& p : heard)
    CHECK(p.total == 2);
  CHECK(heard[2].records == 1);  // the one row R011 read
}

TEST_CASE("check_rules: all thirteen rules without a scope, and no callback is fine") {
  TempRegistry reg;
  std::vector<WorkProgress> heard;
  check_rules(reg.ledger().store(), kToday, {}, RuleSettings{},
              [&](const WorkProgress& p) { heard.push_back(p); });
  REQUIRE(heard.size() == 14);
  CHECK(heard.back().done == 13);
  CHECK(heard.back().total == 13);
  CHECK(check_rules(reg.ledger().store(), kToday, {}, RuleSettings{}).empty());
}
