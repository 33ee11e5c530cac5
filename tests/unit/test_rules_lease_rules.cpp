// Tests for registry/rules/lease_rules: R002, R003, R006, R007, R009, R010, R011.
#include <doctest/doctest.h>

#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

TEST_CASE("R002: a call centre needs a call_centre_licence valid on the date") {
  TempRegistry reg;
  reg.holder(kCentre, "call_centre");
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kCentre);
  auto f = reg.findings("R002");
  REQUIRE(f.size() == 1);
  CHECK(f[0].key == "L-1");
  CHECK(f[0].message ==
        "holder kind call_centre needs a call_centre_licence valid on "
        "2026-11-29; holder 91469007MA5TDF0204 has none");
  reg.add("credentials", {{"holder", kCentre},
                          {"kind", "呼叫中心业务许可证"},
                          {"number", "琼B2-20170044"},
                          {"valid_from", "2022-01-01"},
                          {"valid_to", "2026-12-31"}});
  CHECK(reg.findings("R002").empty());
  SUBCASE("an expired licence does not count") {
    CHECK(reg.findings("R002", Date{2027, 1, 1}).size() == 1);
  }
}

TEST_CASE("R002: a marketing lease and a 95 number") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.add("resources", {{"id", "95105"}, {"kind", "n95"}});
  reg.lease("L-95", "95105", kGood, {{"purpose", "营销"}});
  auto f = reg.findings("R002");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message ==
        "purpose marketing needs a call_centre_licence valid on 2026-11-29; "
        "holder 91460400MA5TDR015T has none");
  CHECK(f[1].message ==
        "resource 95105 (n95) needs a number_certificate valid on 2026-11-29; "
        "holder 91460400MA5TDR015T has none");
  reg.add("credentials", {{"holder", kGood}, {"kind", "number_certificate"}, {"number", "X-1"}});
  CHECK(reg.findings("R002").size() == 1);
}

TEST_CASE("R003: a blacklisted holder's active lease") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kGood);
  CHECK(reg.findings("R003").empty());
  Change why = reg.change();
  why.reason = "骚扰电话投诉";
  reg.ledger().blacklist(kGood, why);
  auto f = reg.findings("R003");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "holder 91460400MA5TDR015T is blacklisted (骚扰电话投诉)");
  SUBCASE("not before the lease starts") {
    CHECK(reg.findings("R003", Date{2023, 12, 31}).empty());
  }
}

TEST_CASE("R006: access location and region") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.trunk("TR-2");
  reg.trunk("TR-3");
  reg.lease("L-1", "TR-1", kGood);
  reg.lease("L-2", "TR-2", kGood, {{"location", ""}});
  reg.lease("L-3", "TR-3", kGood, {{"location", ""}, {"region", ""}});
  auto f = reg.findings("R006");
  REQUIRE(f.size() == 2);
  CHECK(f[0].key == "L-2");
  CHECK(f[0].message == "no access location");
  CHECK(f[1].message == "no access location or region");
}

TEST_CASE("R007: one resource, two holders, both active") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.holder(kOther);
  reg.trunk("TR-1");
  reg.lease("L-A", "TR-1", kGood, {{"end", "2025-06-30"}, {"status", "ended"}});
  reg.lease("L-B", "TR-1", kOther, {{"start", "2025-07-01"}});
  CHECK(reg.findings("R007").empty());
  reg.lease("L-C", "TR-1", kGood, {{"start", "2026-01-01"}});
  auto f = reg.findings("R007");
  REQUIRE(f.size() == 2);
  CHECK(f[0].key == "L-B");
  CHECK(f[0].message ==
        "resource TR-1 is also leased on 2026-11-29 by L-C (holder 91460400MA5TDR015T)");
  CHECK(f[1].key == "L-C");
}

TEST_CASE("R009: a marketing lease's contract") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kGood, {{"purpose", "marketing"}});
  auto f = reg.findings("R009");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "marketing lease has no contract");
  reg.add("contracts", {{"lease", "L-1"}, {"freq_cap", "3"}, {"penalty", "否"}});
  CHECK(reg.findings("R009")[0].message == "contract lacks time windows, targets, penalty");
  reg.ledger().update(kind("contracts"), "L-1",
                      {{"time_windows", "09:00-12:00"}, {"targets", "老用户"}, {"penalty", "是"}},
                      reg.change());
  CHECK(reg.findings("R009").empty());
}

TEST_CASE("R010: key regions verified on site within N days") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.trunk("TR-2");
  reg.trunk("TR-3");
  reg.lease("L-DZ", "TR-1", kGood, {{"region", "儋州"}, {"verified_on", "2026-06-02"}});
  reg.lease("L-DF", "TR-2", kGood, {{"region", "469007"}});
  reg.lease("L-HK", "TR-3", kGood);
  auto f = reg.findings("R010");
  REQUIRE(f.size() == 1);
  CHECK(f[0].key == "L-DF");
  CHECK(f[0].message == "in key region 469007 东方市: never verified on site");
  SUBCASE("181 days is too long") {
    auto later = reg.findings("R010", Date{2026, 11, 30});
    REQUIRE(later.size() == 2);
    CHECK(later[1].message ==
          "in key region 460400 儋州市: last verified on site 2026-06-02, "
          "more than 180 days before 2026-11-30");
  }
  SUBCASE("key regions and N come from the settings") {
    RuleSettings s{{"460100"}, 30};
    auto haikou = reg.findings("R010", kToday, {}, s);
    REQUIRE(haikou.size() == 1);
    CHECK(haikou[0].key == "L-HK");
  }
}

TEST_CASE("R011: status active after the end date") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.lease("L-1", "TR-1", kGood, {{"end", "2026-11-29"}});
  CHECK(reg.findings("R011").empty());
  auto f = reg.findings("R011", Date{2026, 11, 30});
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "status active but the lease ended on 2026-11-29");
}
