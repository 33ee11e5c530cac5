// Regression tests for what the libFuzzer harnesses in fuzz/ found: one case
// per finding, named for the harness, with the input that broke it.
#include <doctest/doctest.h>

#include <string>

#include "registry/types/date.hpp"
#include "registry/types/resident_id.hpp"

using namespace numreg;

// fuzz_resident_id: fifteen digits and a stray UTF-8 continuation byte counted
// as 15 characters (a legacy number) but 16 bytes, so the 18-character checks
// read past the end of the string (heap-buffer-overflow under ASan).
TEST_CASE("fuzz_resident_id: a stray continuation byte after 15 digits") {
  auto id = parse_resident_id(std::string("460400199001011\xb4"), Date{2026, 11, 29});
  REQUIRE_FALSE(id.has_value());
  CHECK(id.error().code == "id-length");
  CHECK(id.error().message == "18 characters (or 15 for a legacy number) expected, found 16");
}

// fuzz_date: "205005w" was accepted as 1435035 days, a span that cannot be
// written in days ("1435035d" has more than six digits); weeks now keep
// within the same 999999 days.
TEST_CASE("fuzz_date: a span in weeks stays within what days can say") {
  auto days = parse_days("205005w");
  REQUIRE_FALSE(days.has_value());
  CHECK(days.error().code == "duration-form");
  CHECK(days.error().message ==
        "cannot read '205005w' as a number of days (expected 30d, 12w or 30)");
}
