// Regression tests for what the libFuzzer harnesses in fuzz/ found: one case
// per finding, named for the harness, with the input that broke it.
#include <doctest/doctest.h>

#include <string>

#include "registry/config.hpp"
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

// fuzz_config: a whole-number key given as a string of 71 digits loaded, then
// get_int threw std::out_of_range (an internal error, exit 70). Whole numbers
// now have at most nine digits, and a longer one is a configuration error.
TEST_CASE("fuzz_config: a whole number too long for an int") {
  auto config = Config::load(
      "[audit]\nverify_days= "
      "\"22222222222322222222222222222222222222222222222222222222222222232222222\"\n",
      "config.toml", {}, {});
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().message == "config.toml:2: audit.verify_days: expected a whole number");
  auto env =
      Config::load(std::nullopt, "config.toml", {{"NUMREG_BUSY_TIMEOUT_MS", "99999999999"}}, {});
  REQUIRE_FALSE(env.has_value());
  CHECK(env.error().message ==
        "NUMREG_BUSY_TIMEOUT_MS: expected a whole number, found '99999999999'");
  auto fits =
      Config::load(std::nullopt, "config.toml", {{"NUMREG_BUSY_TIMEOUT_MS", "999999999"}}, {});
  REQUIRE(fits.has_value());
  CHECK(fits->get_int("busy_timeout_ms") == 999999999);
}
