// Tests for registry/types/resident_id: GB 11643 resident ID numbers.
#include "registry/types/resident_id.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using numreg::Date;

namespace {

const Date kToday{2024, 6, 1};

// The check character computed from DOMAIN.md's weights, independently of the
// code under test.
char reference_check(std::string_view first17) {
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    sum += (first17[i] - '0') * kWeights[i];
  }
  return "10X98765432"[sum % 11];
}

std::string with_check(std::string first17) {
  return first17 + reference_check(first17);
}

// Make `count` valid IDs from a fixed pseudo-random sequence.
std::vector<std::string> generated_ids(int count) {
  static constexpr std::string_view kRegions[] = {"460400", "469007", "460105", "460003",
                                                  "110105", "440524", "469028", "820000"};
  uint32_t state = 11643;
  const auto next = [&](uint32_t range) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % range;
  };
  std::vector<std::string> ids;
  for (int n = 0; n < count; ++n) {
    const Date birth = Date{1900, 1, 1}.plus_days(next(45000));
    std::string body = std::string(kRegions[n % 8]) +
                       std::to_string(birth.year * 10000 + birth.month * 100 + birth.day);
    body += std::to_string(100 + next(900));
    ids.push_back(with_check(body));
  }
  return ids;
}

void check_error(const numreg::Result<std::string>& result, const std::string& code,
                 const std::string& message) {
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == code);
  CHECK(result.error().message == message);
}

}  // namespace

TEST_CASE("resident_id_check_char") {
  CHECK(numreg::resident_id_check_char("11010519491231002") == 'X');
  CHECK(numreg::resident_id_check_char("44052418800101001") == '4');
  CHECK(numreg::resident_id_check_char("46040019900307123") == '3');
  CHECK(numreg::resident_id_check_char("46000719800101123") == '5');
  CHECK(numreg::resident_id_check_char("460400199003071233") == '3');
  for (const std::string& id : generated_ids(500)) {
    CHECK(numreg::resident_id_check_char(id) == id[17]);
  }
  SUBCASE("no check character for bad input") {
    CHECK(numreg::resident_id_check_char("4604001990030712") == '\0');
    CHECK(numreg::resident_id_check_char("4604001990030712A") == '\0');
    CHECK(numreg::resident_id_check_char("") == '\0');
  }
}

TEST_CASE("parse_resident_id accepts valid numbers") {
  SUBCASE("DOMAIN.md examples") {
    for (std::string_view id : {"11010519491231002X", "460400199003071233", "469007198511154568",
                                "460105200002290021", "460003198001010018"}) {
      CAPTURE(id);
      CHECK(numreg::parse_resident_id(id, kToday) == std::string(id));
    }
  }
  SUBCASE("lower-case x and blanks") {
    CHECK(numreg::parse_resident_id("11010519491231002x", kToday) == "11010519491231002X");
    CHECK(numreg::parse_resident_id(" 460400199003071233\t", kToday) == "460400199003071233");
  }
  SUBCASE("legacy 15-digit numbers gain 19 and a check character") {
    CHECK(numreg::parse_resident_id("460007800101123", kToday) == "460007198001011235");
    CHECK(numreg::parse_resident_id("110105491231002", kToday) == "11010519491231002X");
  }
  SUBCASE("born today") {
    CHECK(numreg::parse_resident_id(with_check("46040020240601123"), kToday).has_value());
  }
  SUBCASE("generated numbers") {
    for (const std::string& id : generated_ids(2000)) {
      CAPTURE(id);
      CHECK(numreg::parse_resident_id(id, kToday) == id);
    }
  }
}

TEST_CASE("parse_resident_id errors") {
  SUBCASE("check character") {
    check_error(numreg::parse_resident_id("460400199003071230", kToday), "id-check",
                "check character at position 18 is '0', expected '3'");
    check_error(numreg::parse_resident_id("110105194912310021", kToday), "id-check",
                "check character at position 18 is '1', expected 'X'");
  }
  SUBCASE("birth date") {
    check_error(numreg::parse_resident_id("460400199002301236", kToday), "id-date",
                "birth date in positions 7-14 is not a calendar date");
    check_error(numreg::parse_resident_id(with_check("46040019001329123"), kToday), "id-date",
                "birth date in positions 7-14 is not a calendar date");
    check_error(numreg::parse_resident_id(with_check("46040019000229123"), kToday), "id-date",
                "birth date in positions 7-14 is not a calendar date");
    check_error(numreg::parse_resident_id(with_check("46040020240602123"), kToday), "id-date",
                "birth date in positions 7-14 is after today (2024-06-01)");
    check_error(numreg::parse_resident_id(with_check("44052418591231001"), kToday), "id-date",
                "birth date in positions 7-14 is before 1860 (no holder of a resident ID was "
                "born earlier)");
    check_error(numreg::parse_resident_id(with_check("46040017000101001"), kToday), "id-date",
                "birth date in positions 7-14 is before 1860 (no holder of a resident ID was "
                "born earlier)");
    check_error(numreg::parse_resident_id("460007800230123", kToday), "id-date",
                "birth date in positions 7-12 is not a calendar date");
  }
  SUBCASE("province") {
    check_error(numreg::parse_resident_id(with_check("99040019900307123"), kToday), "id-region",
                "first two digits 99 are not a province code (expected 11-15, 21-23, 31-37, 41-46, "
                "50-54, 61-65, 71, 81, 82 or 83)");
    check_error(numreg::parse_resident_id("000007800101123", kToday), "id-region",
                "first two digits 00 are not a province code (expected 11-15, 21-23, 31-37, 41-46, "
                "50-54, 61-65, 71, 81, 82 or 83)");
  }
  SUBCASE("every two-digit prefix") {
    const std::vector<int> provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                        35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                        53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    for (int prefix = 0; prefix < 100; ++prefix) {
      CAPTURE(prefix);
      // Permits of Hong Kong, Macao and Taiwan residents: 810000, 820000, 830000 only.
      const std::string county = prefix >= 81 && prefix <= 83 ? "0000" : "0400";
      std::string body = std::to_string(100 + prefix).substr(1) + county + "19900307123";
      const auto result = numreg::parse_resident_id(with_check(body), kToday);
      const bool known = std::find(provinces.begin(), provinces.end(), prefix) != provinces.end();
      CHECK(result.has_value() == known);
      if (!known) {
        CHECK(result.error().code == "id-region");
      }
    }
  }
  SUBCASE("length") {
    check_error(numreg::parse_resident_id("46040019900307123", kToday), "id-length",
                "18 characters (or 15 for a legacy number) expected, found 17");
    check_error(numreg::parse_resident_id("4604001990030712333", kToday), "id-length",
                "18 characters (or 15 for a legacy number) expected, found 19");
    check_error(numreg::parse_resident_id("4600078001011", kToday), "id-length",
                "18 characters (or 15 for a legacy number) expected, found 13");
    check_error(numreg::parse_resident_id("", kToday), "id-length",
                "18 characters (or 15 for a legacy number) expected, found 0");
    check_error(numreg::parse_resident_id("身份证号码", kToday), "id-length",
                "18 characters (or 15 for a legacy number) expected, found 5");
  }
  SUBCASE("characters") {
    check_error(numreg::parse_resident_id("46040019900307123A", kToday), "id-form",
                "character 'A' at position 18 is not allowed (expected digits, and X only at "
                "position 18)");
    check_error(numreg::parse_resident_id("4604001990030X1233", kToday), "id-form",
                "character 'X' at position 14 is not allowed (expected digits, and X only at "
                "position 18)");
    check_error(numreg::parse_resident_id("46000780010112X", kToday), "id-form",
                "character 'X' at position 15 is not allowed (expected digits, and X only at "
                "position 18)");
    check_error(numreg::parse_resident_id("460400·19900307123", kToday), "id-form",
                "character '·' at position 7 is not allowed (expected digits, and X only at "
                "position 18)");
    check_error(numreg::parse_resident_id("46040019900307123Ａ", kToday), "id-form",
                "character 'A' at position 18 is not allowed (expected digits, and X only at "
                "position 18)");
    check_error(numreg::parse_resident_id("①60400199003071233", kToday), "id-form",
                "character '①' at position 1 is not allowed (expected digits, and X only at "
                "position 18)");
  }
  SUBCASE("address codes") {
    check_error(numreg::parse_resident_id(with_check("46099919900307123"), kToday), "id-region",
                "address code 460999 in positions 1-6 is not one GB/T 2260 has had in Hainan, "
                "current or retired");
    check_error(numreg::parse_resident_id("469004800101123", kToday), "id-region",
                "address code 469004 in positions 1-6 is not one GB/T 2260 has had in Hainan, "
                "current or retired");
    check_error(numreg::parse_resident_id(with_check("83010019900307123"), kToday), "id-region",
                "address code 830100 in positions 1-6 is not one GB/T 2260 has had (residence "
                "permits of Hong Kong, Macao and Taiwan residents use 810000, 820000 and "
                "830000)");
  }
}

TEST_CASE("parse_resident_id: values from the world") {
  SUBCASE("residence permits of Taiwan, Hong Kong and Macao residents") {
    for (std::string body : {"83000019900307123", "81000019850101002", "82000020000229004"}) {
      CAPTURE(body);
      CHECK(numreg::parse_resident_id(with_check(body), kToday) == with_check(body));
    }
  }
  SUBCASE("births before 1900: GB 11643's own example, and the lower bound 1860") {
    CHECK(numreg::parse_resident_id("440524188001010014", kToday) == "440524188001010014");
    CHECK(numreg::parse_resident_id(with_check("46000518600101001"), kToday).has_value());
    CHECK(numreg::parse_resident_id(with_check("46000518991231001"), kToday).has_value());
  }
  SUBCASE("retired Hainan codes: a number keeps the code of the county that issued it") {
    for (std::string_view address :
         {"460005", "460025", "460033", "460029", "469003", "460102", "469037", "460323"}) {
      CAPTURE(address);
      const std::string id = with_check(std::string(address) + "19900307123");
      CHECK(numreg::parse_resident_id(id, kToday) == id);
    }
  }
  SUBCASE("spaces, hyphens and full-width forms are dropped or folded") {
    for (std::string_view typed :
         {"460400 19900307 1233", "460400-19900307-1233", "460400　19900307　1233",
          "４６０４００１９９００３０７１２３３", "460400–1990–0307–1233",
          " 460400 1990 0307 1233 ", "460400 19900307 1233"}) {
      CAPTURE(typed);
      CHECK(numreg::parse_resident_id(typed, kToday) == "460400199003071233");
    }
    CHECK(numreg::parse_resident_id("110105 19491231 002ｘ", kToday) == "11010519491231002X");
    CHECK(numreg::parse_resident_id("110105-19491231-002x", kToday) == "11010519491231002X");
    CHECK(numreg::parse_resident_id("460007 800101 123", kToday) == "460007198001011235");
  }
}

TEST_CASE("parse_resident_id detects single-digit errors and transpositions") {
  for (const std::string& id : generated_ids(100)) {
    CAPTURE(id);
    for (size_t pos = 0; pos < 18; ++pos) {
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == id[pos]) {
          continue;
        }
        std::string bad = id;
        bad[pos] = digit;
        const auto result = numreg::parse_resident_id(bad, kToday);
        CHECK_FALSE(result.has_value());
        // A changed sequence digit leaves everything but the check intact.
        if (pos >= 14 && pos < 17) {
          CHECK(result.error().code == "id-check");
        }
      }
      if (pos < 17 && id[pos] != id[pos + 1]) {
        std::string swapped = id;
        std::swap(swapped[pos], swapped[pos + 1]);
        CHECK_FALSE(numreg::parse_resident_id(swapped, kToday).has_value());
      }
    }
  }
}

TEST_CASE("parse_resident_id messages never quote the number or the birth date") {
  for (std::string_view id : {"460400199003071230", "460400199002301236", "990400199003071236",
                              "46040019900307123A", "460400209003071233", "460007800230123"}) {
    CAPTURE(id);
    const auto result = numreg::parse_resident_id(id, kToday);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find(id) == std::string::npos);
    CHECK(result.error().message.find(id.substr(6, 8)) == std::string::npos);
    CHECK(result.error().value.empty());
  }
}

TEST_CASE("mask_resident_id") {
  CHECK(numreg::mask_resident_id("460400199003071233") == "460400********1233");
  CHECK(numreg::mask_resident_id("11010519491231002X") == "110105********002X");
  CHECK(numreg::mask_resident_id("460007800101123") == "***************");
  CHECK(numreg::mask_resident_id("4604001990030712") == "****************");
  CHECK(numreg::mask_resident_id("") == "");
  CHECK(numreg::mask_resident_id("身份证") == "***");
}
