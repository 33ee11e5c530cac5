// Tests for registry/screen/caller_route: every written form of a number
// goes to the thread of its canonical number's last five digits.
#include "registry/screen/caller_route.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "clerk_numbers.hpp"
#include "registry/screen/number_key.hpp"

using namespace numreg;
using namespace numreg::screen;

namespace {

// Check the route of `text` against number_key's reading of it; returns
// true when the route was found as written (neither key nor parse).
bool route_agrees(const std::string& text) {
  const CallerRoute route = route_caller(text);
  const Result<int64_t> key = number_key(text);
  if (route.keyed) {
    if (!key || route.key != *key)
      FAIL_CHECK("'" << text << "' routed with a key that number_key does not give");
  }
  if (key && !route.readable)
    FAIL_CHECK("'" << text << "' is read by number_key but routed as a caller that cannot be read");
  if (key && route.tail != key_tail(*key)) {
    FAIL_CHECK("'" << text << "' routed by " << route.tail << ", its number ends "
                   << key_tail(*key));
  }
  return !route.keyed;
}

// `text` with a few random edits: a character from the alphabet of written
// numbers (and some that are not) put in, taken out or put in place of one.
std::string mutate(std::string text, std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "0",           "1", "5",   "6",  "8",
      "9",           "+", " ",   "-",  ".",
      "(",           ")", "(0)", "\t", "\r",
      "x",           "E", "00",  "86", "\xEF\xBC\x91" /* full-width 1 */,
      "\xE3\x80\x80" /* ideographic space */};
  const size_t edits = 1 + rng() % 3;
  for (size_t e = 0; e < edits; ++e) {
    const size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
    const std::string& piece = pieces[rng() % pieces.size()];
    switch (rng() % 3) {
      case 0:
        text.insert(at, piece);
        break;
      case 1:
        if (at < text.size())
          text.erase(at, 1);
        break;
      default:
        if (at < text.size())
          text.replace(at, 1, piece);
        break;
    }
  }
  return text;
}

}  // namespace

TEST_CASE("route_caller: the forms of one number meet") {
  const std::vector<std::vector<std::string>> forms = {
      {"+8613800138000", "008613800138000", "13800138000", "138-0013-8000", "+86 138 0013 8000",
       "86 13800138000", "17951 13800138000", "(+86) 138.0013.8000",
       "\xEF\xBC\x8B\xEF\xBC\x98\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x90\xEF"
       "\xBC\x90\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90"},
      {"+8689866123456", "089866123456", "0898-6612 3456", "(0898) 66123456", "0086 898 66123456",
       "+86 (0)898 6612 3456", "+86 0898 66123456", "17951 0898 6612 3456", "8689866123456"},
      {"95105", "0898-95105", "+86 898 95105", "010 95105"},
      {"96110", "0898 96110", "(0899) 96110"},
      {"4008108888", "400-810-8888", "+86 400 810 8888", "0086 4008108888"},
      {"+442071234567", "0044 20 7123 4567", "+44 (0)20 7123 4567", "+44 20 7123 4567"},
  };
  for (const auto& spellings : forms) {
    const Result<int64_t> key = number_key(spellings.front());
    REQUIRE(key.has_value());
    for (const std::string& text : spellings) {
      CAPTURE(text);
      const Result<int64_t> same = number_key(text);
      REQUIRE(same.has_value());
      CHECK(*same == *key);
      CHECK(route_caller(text).tail == key_tail(*key));
    }
  }
}

TEST_CASE("route_caller: read as written, through the fast path, or with number_key") {
  // The fast path's forms come with their key.
  CHECK(route_caller("+8613800138000").keyed);
  CHECK(route_caller("089866123456").keyed);
  // Separators and Chinese prefixes: the last digits as written, no key.
  CHECK_FALSE(route_caller("138-0013-8000").keyed);
  CHECK_FALSE(route_caller("0086 898 66123456").keyed);
  CHECK(route_caller("0086 898 66123456").tail == 23456);
  CHECK_FALSE(route_caller("95105").keyed);
  // Another country's number, a "(0)" and full-width forms are read.
  CHECK(route_caller("0044 20 7123 4567").keyed);
  CHECK(route_caller("+86 (0)898 6612 3456").keyed);
  CHECK(route_caller("\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x91"
                     "\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90")
            .keyed);
  // Text no number is written in: no key, and no reading needed.
  CHECK_FALSE(route_caller("+86 12").keyed);
  CHECK_FALSE(route_caller("anonymous").keyed);
}

TEST_CASE("route_caller agrees with number_key on 200,000 numbers as clerks write them") {
  test::ClerkNumbers numbers(20261207);
  std::mt19937 rng(7);
  size_t as_written = 0;
  size_t valid_as_written = 0;
  size_t valid = 0;
  for (int i = 0; i < 200'000; ++i) {
    std::string text = numbers.next();
    if (i % 2)
      text = mutate(text, rng);
    const bool written = route_agrees(text);
    const bool read = number_key(text).has_value();
    as_written += written;
    valid += read;
    valid_as_written += written && read;
  }
  // Every path is taken, and numbers that are read are routed as written.
  CHECK(valid > 40'000);
  CHECK(valid_as_written > 10'000);
  CHECK(as_written - valid_as_written > 10'000);
  CHECK(valid - valid_as_written > 10'000);
}

TEST_CASE("route_caller: a caller that cannot be read goes round in turn, not to one thread") {
  for (const char* text : {"", "anonymous", "-", "+", "()", "unknown 1", "0898-6612345x"}) {
    CAPTURE(text);
    CHECK_FALSE(number_key(text).has_value());
    CHECK_FALSE(route_caller(text).readable);
  }
  CHECK(route_caller("0898-66123456").readable);
  CHECK(route_caller("+44 20 7946 0958").readable);
}
