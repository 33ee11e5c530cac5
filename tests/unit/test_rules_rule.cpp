// Tests for registry/rules/rule: the catalogue R001-R013.
#include "registry/rules/rule.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

using namespace numreg;

TEST_CASE("rules: the catalogue holds R001 to R013 in order, each with both texts") {
  REQUIRE(rules().size() == 13);
  for (size_t i = 0; i < rules().size(); ++i) {
    const Rule& r = rules()[i];
    CHECK(r.id == fmt::format("R{:03}", i + 1));
    CHECK_FALSE(r.text_en.empty());
    CHECK_FALSE(r.text_zh.empty());
  }
  CHECK(find_rule("r010")->entity == "lease");
  CHECK(find_rule("R001")->entity == "holder");
  CHECK(find_rule("R012")->entity == "campaign");
  CHECK(find_rule("R014") == nullptr);
}

TEST_CASE("rules: make_finding takes severity and entity from the catalogue") {
  Finding f = make_finding("R003", "L-1", "holder X is blacklisted");
  CHECK(f.severity == Severity::error);
  CHECK(f.entity == "lease");
  CHECK(to_string(make_finding("R010", "L", "m").severity) == "warning");
}
