// Tests for registry/screen/number_key: the allocation-free fast path agrees
// with parse_number, and keys turn back into canonical text.
#include "registry/screen/number_key.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

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

namespace {

// Numbers as clerks and switches write them: a national or foreign number
// of every class numreg knows (valid or not), dressed in a random written
// form.
class ClerkNumbers {
 public:
  explicit ClerkNumbers(uint32_t seed) : rng_(seed) {}

  std::string next() { return dress(national()); }

 private:
  std::mt19937 rng_;

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  std::string digits(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      out += static_cast<char>('0' + pick(10));
    }
    return out;
  }
  template <typename T>
  const T& one_of(const std::vector<T>& items) {
    return items[pick(items.size())];
  }

  // A number as dialled inside China (mobile, "0" + area + subscriber,
  // service) or abroad ("+" + country code + number).
  std::string national() {
    static const std::vector<std::string> areas = {"898", "898", "898", "890", "899", "10",  "20",
                                                   "21",  "26",  "571", "755", "543", "433", "851",
                                                   "540", "807", "311", "999", "754"};
    static const std::vector<std::string> foreign = {
        "+44 20 7", "+1 212 5", "+852 2",   "+852 9",   "+683 7",  "+683 1",
        "+999 1",   "+49 30 1", "+886 2 2", "+7 495 1", "+81 3 1", "+44 (0)20 7"};
    switch (pick(10)) {
      case 0:
      case 1:
      case 2:  // mobile, every prefix 10-19 with its 5th digit
        return "1" + digits(pick(6) == 0 ? 9 + pick(4) : 10);
      case 3:
      case 4:  // Hainan fixed line, every first digit
        return "0898" + digits(pick(8) == 0 ? 7 : 8);
      case 5: {  // fixed line elsewhere, 6 to 9 subscriber digits
        return "0" + one_of(areas) + digits(6 + pick(4));
      }
      case 6: {  // 95/96, bare or after an area code
        std::string service = (pick(2) ? "95" : "96") + digits(3 + pick(3));
        return pick(2) ? service : "0" + one_of(areas) + service;
      }
      case 7:  // 400/800, 9 to 11 digits
        return (pick(2) ? "400" : "800") + digits(6 + pick(3));
      case 8:
        return one_of(foreign) + digits(3 + pick(6));
      default:  // short numbers, bare digits and noise
        return digits(1 + pick(13));
    }
  }

  // `number` written as a clerk might: with a country or carrier prefix,
  // grouped by spaces, dashes, dots or parentheses, in full width.
  std::string dress(std::string number) {
    if (!number.starts_with('+')) {
      const bool trunk = number.starts_with('0');
      const std::string nsn = trunk ? number.substr(1) : number;
      switch (pick(8)) {
        case 0:
          number = "+86" + nsn;
          break;
        case 1:
          number = "0086" + nsn;
          break;
        case 2:
          number = "86" + nsn;
          break;
        case 3:
          number = "+86 (0)" + nsn;
          break;
        case 4:
          number =
              std::string(one_of(std::vector<std::string>{"17951", "17911", "17909", "12593"})) +
              (pick(2) ? " " : "") + number;
          break;
        default:
          break;
      }
    }
    std::string out;
    const size_t style = pick(6);
    for (size_t i = 0; i < number.size(); ++i) {
      const char c = number[i];
      if (i > 0 && i % 4 == 3 && style > 0 && style < 4) {
        out += style == 1 ? " " : style == 2 ? "-" : ".";
      }
      out += c;
    }
    if (style == 4 && out.size() > 5) {
      out = "(" + out.substr(0, 4) + ") " + out.substr(4);
    }
    if (pick(10) == 0) {  // full width: each ASCII character U+FF01..U+FF5E
      std::string wide;
      for (char c : out) {
        if (c == ' ') {
          wide += c;
          continue;
        }
        const unsigned cp = static_cast<unsigned char>(c) + 0xFEE0;
        wide += static_cast<char>(0xE0 | (cp >> 12));
        wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        wide += static_cast<char>(0x80 | (cp & 0x3F));
      }
      out = wide;
    }
    if (pick(20) == 0) {
      out = " " + out + " ";
    }
    return out;
  }
};

}  // namespace

TEST_CASE("screen::number_key and parse_number agree on 200,000 numbers as clerks write them") {
  ClerkNumbers numbers(20261203);
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
