// Tests for registry/rules/holder_rules: R001 (USCC check) and R012 (campaigns).
#include <doctest/doctest.h>

#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

TEST_CASE("R001: a holder accepted with a wrong check character") {
  TempRegistry reg;
  reg.holder(kGood);
  CHECK(reg.findings("R001").empty());
  Change override = reg.change();
  override.allow_bad_uscc_check = true;
  override.reason = "early code";
  reg.ledger().add(kind("holders"),
                   {{"uscc", "91460400MA5TDR015U"}, {"name", "早期企业"}, {"kind", "enterprise"}},
                   override);
  auto f = reg.findings("R001");
  REQUIRE(f.size() == 1);
  CHECK(f[0].entity == "holder");
  CHECK(f[0].key == "91460400MA5TDR015U");
  CHECK(f[0].message == "USCC 91460400MA5TDR015U has check character U, expected T");
}

TEST_CASE("R001: a stored code whose flag was cleared by another tool") {
  TempRegistry reg;
  reg.holder(kGood);
  test::sqlite_of(reg.ledger()).exec("UPDATE holders SET uscc_check_ok = 0");
  auto f = reg.findings("R001");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "USCC 91460400MA5TDR015T was accepted with a wrong check character");
}

TEST_CASE("R012: a campaign must carry every registration field") {
  TempRegistry reg;
  reg.holder(kCentre, "call_centre");
  reg.add("campaigns", {{"id", "C-OK"},
                        {"holder", kCentre},
                        {"business_name", "保险回访"},
                        {"commissioning_entity", "某保险公司"},
                        {"type", "保险"},
                        {"numbers", "95105"},
                        {"targets", "已投保客户"},
                        {"content", "保单回访"},
                        {"contact", "95105"}});
  CHECK(reg.findings("R012").empty());
  reg.add("campaigns", {{"id", "C-BAD"},
                        {"holder", kCentre},
                        {"business_name", "宽带续约"},
                        {"numbers", "95105"},
                        {"content", "续约"}});
  auto f = reg.findings("R012");
  REQUIRE(f.size() == 1);
  CHECK(f[0].entity == "campaign");
  CHECK(f[0].key == "C-BAD");
  CHECK(f[0].message == "missing commissioning entity, type, targets, contact");
}
