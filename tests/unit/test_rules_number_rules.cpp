// Tests for registry/rules/number_rules: R013.
#include <doctest/doctest.h>

#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

TEST_CASE("R013: stored numbers must read back as themselves") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TR-1");
  reg.block("B-1", "0898-66120000", "0898-66120099");
  reg.lease("L-1", "TR-1", kGood, {{"permitted_callers", "0898-66120000;95105"}});
  reg.lease("L-B", "B-1", kGood);
  CHECK(reg.findings("R013").empty());
  auto& db = test::sqlite_of(reg.ledger());
  SUBCASE("a permit in written form") {
    db.exec(
        "UPDATE permits SET first = '0898-66120000', last = '0898-66120000' "
        "WHERE first = '+8689866120000'");
    auto f = reg.findings("R013");
    REQUIRE(f.size() == 1);
    CHECK(f[0].key == "L-1");
    CHECK(f[0].message ==
          "permitted caller '0898-66120000' is not in canonical form (+8689866120000)");
  }
  SUBCASE("an impossible permit") {
    db.exec("UPDATE permits SET first = '95', last = '95' WHERE first = '95105'");
    auto f = reg.findings("R013");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message == "permitted caller '95' is not a possible number (number-form)");
  }
  SUBCASE("a wrong range key") {
    db.exec("UPDATE permits SET last_key = last_key + 1 WHERE first = '95105'");
    auto f = reg.findings("R013");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message == "permitted caller 95105 is stored with a wrong range key");
  }
  SUBCASE("a block's bounds") {
    db.exec("UPDATE resources SET last = '8.98661E+11' WHERE id = 'B-1'");
    auto f = reg.findings("R013");
    REQUIRE(f.size() == 1);
    CHECK(f[0].key == "L-B");
    CHECK(f[0].message ==
          "resource B-1 number '8.98661E+11' is not a possible number (number-spreadsheet)");
  }
}
