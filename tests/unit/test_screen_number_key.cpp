// Tests for registry/screen/number_key: the allocation-free fast path agrees
// with parse_number, and keys turn back into canonical text.
#include "registry/screen/number_key.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "clerk_numbers.hpp"
#include "registry/types/number.hpp"

using namespace numreg;
using namespace numreg::screen;

TEST_CASE("screen::number_key agrees with parse_number") {
  for (std::string_view text :
       {"+8613800138000", "13800138000",    "+8689866123456",    "089866123456",   "0898-6612 3456",
        "+8619912345678", "+8612345678901", "+8689812345678",    "+8689802345678", "95105",
        "4008108888",     "+442071234567",  "0086 898 66123456", "12345",          "+8689866123",
        "089812345678",   "10086",          "+86898123456789",   "1380013800",     "23800138000"}) {
    CAPTURE(text);
    const Result<Number> parsed = parse_number(text);
    const Result<int64_t> key = number_key(text);
    REQUIRE(parsed.has_value() == key.has_value());
    if (parsed) {
      CHECK(*key == parsed->key());
      CHECK(key_canonical(*key) == parsed->canonical);
    }
    if (auto fast = fast_number_key(text)) {
      CHECK(parsed.has_value());
      CHECK(*fast == parsed->key());
    }
  }
}

TEST_CASE("screen::fast_number_key takes the common canonical forms only") {
  CHECK(fast_number_key("+8613800138000").has_value());
  CHECK(fast_number_key("13800138000").has_value());
  CHECK(fast_number_key("+8689866123456").has_value());
  CHECK(fast_number_key("089866123456").has_value());
  CHECK_FALSE(fast_number_key("+8612345678901").has_value());  // 12 is no mobile prefix
  CHECK_FALSE(fast_number_key("+8689812345678").has_value());  // subscriber starts with 1
  CHECK_FALSE(fast_number_key("0898-66123456").has_value());   // separators: slow path
  CHECK_FALSE(fast_number_key("95105").has_value());
}

TEST_CASE("screen::key_is_domestic") {
  auto key = [](std::string_view text) { return parse_number(text)->key(); };
  CHECK(key_is_domestic(key("+8613800138000")));
  CHECK(key_is_domestic(key("+8689866123456")));
  CHECK(key_is_domestic(key("95105")));
  CHECK(key_is_domestic(key("4008108888")));
  CHECK_FALSE(key_is_domestic(key("+442071234567")));
  CHECK_FALSE(key_is_domestic(key("+85221234567")));
}

TEST_CASE("screen::number_problem keeps the reason only") {
  const Result<int64_t> key = number_key("12345");
  REQUIRE_FALSE(key.has_value());
  CHECK(number_problem(key.error()) == "short numbers such as 110 or 10086 are not accepted");
}

TEST_CASE("screen::fast_number_key reads every digit and refuses any other byte") {
  // Each digit of each fast form in turn, and each byte next to a digit in
  // ASCII ('/' and ':'), a letter, a space and NUL in its place.
  for (const std::string base :
       {"+8613876543210", "13876543210", "+8689866123456", "089866123456"}) {
    const size_t first = base[0] == '+' ? 3 : 1;
    // The leading digits that choose the form (a mobile prefix's five
    // digits, or 898[2-8]) may send a valid number to the slow path; no
    // other digit may.
    const size_t form_digits = base.find("898") == std::string::npos ? 5 : 4;
    for (size_t at = first; at < base.size(); ++at) {
      for (char c : {'0', '5', '9', '/', ':', 'a', ' ', '\0'}) {
        std::string text = base;
        text[at] = c;
        CAPTURE(text);
        const Result<Number> parsed = parse_number(text);
        if (auto fast = fast_number_key(text)) {
          REQUIRE(parsed.has_value());
          CHECK(*fast == parsed->key());
          CHECK(key_canonical(*fast) == parsed->canonical);
        } else {
          CHECK((c < '0' || c > '9' || at < first + form_digits || !parsed));
        }
      }
    }
  }
}

TEST_CASE("screen::number_key and parse_number agree on 200,000 numbers as clerks write them") {
  test::ClerkNumbers numbers(20261203);
  size_t read = 0;
  size_t fast = 0;
  for (int i = 0; i < 200'000; ++i) {
    const std::string text = numbers.next();
    const Result<Number> parsed = parse_number(text);
    const Result<int64_t> key = number_key(text);
    if (parsed.has_value() != key.has_value() ||
        (parsed && (*key != parsed->key() || key_canonical(*key) != parsed->canonical))) {
      FAIL_CHECK("the screening key and parse_number differ on '" << text << "'");
    }
    if (auto fast_key = fast_number_key(text)) {
      ++fast;
      if (!parsed || *fast_key != parsed->key()) {
        FAIL_CHECK("the fast key reads '" << text << "', which parse_number does not read so");
      }
    }
    read += parsed.has_value();
  }
  // Both readings and refusals are exercised, and the fast path is.
  CHECK(read > 50'000);
  CHECK(read < 190'000);
  CHECK(fast > 5'000);
}
