// Tests for registry/rules/permit_rules: R004, R005, R008.
#include <doctest/doctest.h>

#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

TEST_CASE("R004: permitted callers must be held by the same holder on the date") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.holder(kOther);
  reg.block("B-1", "0898-66120000", "0898-66120099");
  reg.trunk("TR-1");
  reg.lease("L-B", "B-1", kGood, {{"end", "2026-12-31"}});
  reg.lease("L-1", "TR-1", kGood, {{"permitted_callers", "0898-66120000..0898-66120099"}});
  CHECK(reg.findings("R004").empty());
  SUBCASE("a range only partly covered is not held") {
    reg.add("permits", {{"lease", "L-1"}, {"first", "0898-66120090"}, {"last", "0898-66120100"}});
    auto f = reg.findings("R004");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message ==
          "permitted caller +8689866120090..+8689866120100 is not held by holder "
          "91460400MA5TDR015T on 2026-11-29");
  }
  SUBCASE("held only while the number lease is active") {
    CHECK(reg.findings("R004", Date{2027, 1, 1}).size() == 1);
  }
  SUBCASE("another holder's block does not count") {
    reg.trunk("TR-2");
    reg.lease("L-2", "TR-2", kOther, {{"permitted_callers", "0898-66120005"}});
    auto f = reg.findings("R004");
    REQUIRE(f.size() == 1);
    CHECK(f[0].key == "L-2");
  }
  SUBCASE("a 400 number leased as a resource is held") {
    reg.add("resources", {{"id", "400-810-8888"}, {"kind", "n400"}});
    reg.lease("L-400", "4008108888", kGood);
    reg.trunk("TR-3");
    reg.lease("L-3", "TR-3", kGood, {{"permitted_callers", "4008108888"}});
    CHECK(reg.findings("R004").empty());
  }
}

TEST_CASE("R005: call centres present business numbers only") {
  TempRegistry reg;
  reg.holder(kCentre, "call_centre");
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kCentre, {{"permitted_callers", "95105;4008108888"}});
  CHECK(reg.findings("R005").empty());
  reg.trunk("TR-2");
  reg.lease("L-2", "TR-2", kCentre, {{"permitted_callers", "138 0013 8000;0898-66120000"}});
  auto f = reg.findings("R005");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message ==
        "permitted caller +8613800138000 is a mobile subscriber number on a call centre's lease");
  CHECK(f[1].message ==
        "permitted caller +8689866120000 is a fixed-line subscriber number on a "
        "call centre's lease");
  SUBCASE("an enterprise may present its fixed lines") {
    reg.holder(kGood);
    reg.trunk("TR-3");
    reg.lease("L-3", "TR-3", kGood, {{"permitted_callers", "0898-66120000"}});
    CHECK(reg.findings("R005").size() == 2);
  }
}

TEST_CASE("R008: one caller number permitted to two holders") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.holder(kOther);
  reg.trunk("TR-1");
  reg.trunk("TR-2");
  reg.trunk("TR-3");
  reg.lease("L-1", "TR-1", kGood, {{"permitted_callers", "0898-66120000..0898-66120099"}});
  reg.lease("L-2", "TR-2", kOther, {{"permitted_callers", "0898-66120100..0898-66120199"}});
  reg.lease("L-3", "TR-3", kGood, {{"permitted_callers", "0898-66120050"}});
  CHECK(reg.findings("R008").empty());  // touching ranges, and one holder twice
  reg.trunk("TR-4");
  reg.lease("L-4", "TR-4", kOther,
            {{"permitted_callers", "0898-66120099..0898-66120100"}, {"start", "2026-01-01"}});
  auto f = reg.findings("R008");
  REQUIRE(f.size() == 2);
  CHECK(f[0].key == "L-1");
  CHECK(f[0].message ==
        "permitted caller +8689866120000..+8689866120099 overlaps "
        "+8689866120099..+8689866120100 permitted to holder 91460100MA5T0002XD "
        "by lease L-4");
  CHECK(f[1].key == "L-4");
  CHECK(f[1].message ==
        "permitted caller +8689866120099..+8689866120100 overlaps "
        "+8689866120000..+8689866120099 permitted to holder 91460400MA5TDR015T "
        "by lease L-1");
  SUBCASE("not before the second lease starts") {
    CHECK(reg.findings("R008", Date{2025, 12, 31}).empty());
  }
  SUBCASE("only leases in scope are named") {
    AuditScope scope;
    scope.holder = kOther;
    auto mine = reg.findings("R008", kToday, scope);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].key == "L-4");
  }
}
