// Tests for registry/types/uscc: GB 32100 unified social credit codes.
#include "registry/types/uscc.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// The check character computed here from DOMAIN.md's weight table, independently
// of the code under test.
char reference_check(std::string_view body) {
  static constexpr int kWeights[] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                     29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    sum += static_cast<int>(kCharset.find(body[i])) * kWeights[i];
  }
  return kCharset[(31 - sum % 31) % 31];
}

// Make `count` valid codes registered in `region`, from a fixed pseudo-random
// sequence so that failures are reproducible.
std::vector<std::string> generated_codes(std::string_view region, int count) {
  static constexpr std::string_view kKinds[] = {"91", "92", "93", "51", "52",
                                                "53", "11", "12", "Y1"};
  uint32_t state = 2019;
  std::vector<std::string> codes;
  for (int n = 0; n < count; ++n) {
    std::string body = std::string(kKinds[n % 9]) + std::string(region);
    for (int i = 0; i < 9; ++i) {
      state = state * 1103515245u + 12345u;
      body += kCharset[(state >> 16) % 31];
    }
    codes.push_back(body + reference_check(body));
  }
  return codes;
}

void check_error(const numreg::Result<numreg::Uscc>& result, const std::string& code,
                 const std::string& message) {
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == code);
  CHECK(result.error().message == message);
}

// Run `check` on 60 generated codes for each of three Hainan regions.
template <class Check>
void for_generated_codes(Check check) {
  for (std::string_view region : {"460400", "469007", "460100"}) {
    for (const std::string& code : generated_codes(region, 60)) {
      CAPTURE(code);
      check(code);
    }
  }
}

}  // namespace

TEST_CASE("uscc_check_char") {
  SUBCASE("DOMAIN.md examples") {
    for (std::string_view code :
         {"91110000600037341L", "91350100M000100Y43", "91460400MA5TDR015T", "91469007MA5TDF0204",
          "91460000MA5T00010D", "51460000MJ0000018Q"}) {
      CAPTURE(code);
      CHECK(numreg::uscc_check_char(code.substr(0, 17)) == code[17]);
    }
  }
  SUBCASE("agrees with the reference on generated bodies") {
    for (const std::string& code : generated_codes("460400", 300)) {
      CHECK(numreg::uscc_check_char(std::string_view(code).substr(0, 17)) == code[17]);
    }
  }
  SUBCASE("uses the first 17 of a longer text") {
    CHECK(numreg::uscc_check_char("91460400MA5TDR015T") == 'T');
  }
  SUBCASE("no check character for bad input") {
    CHECK_FALSE(numreg::uscc_check_char("91460400MAITDR015").has_value());
    CHECK_FALSE(numreg::uscc_check_char("91460400MA5TDR01O").has_value());
    CHECK_FALSE(numreg::uscc_check_char("91460400ma5tdr015").has_value());
    CHECK_FALSE(numreg::uscc_check_char("91460400MA5TDR01").has_value());
    CHECK_FALSE(numreg::uscc_check_char("").has_value());
  }
}

TEST_CASE("parse_uscc accepts valid codes") {
  SUBCASE("DOMAIN.md examples") {
    for (std::string_view text :
         {"91110000600037341L", "91350100M000100Y43", "91460400MA5TDR015T", "91469007MA5TDF0204",
          "91460000MA5T00010D", "51460000MJ0000018Q"}) {
      CAPTURE(text);
      const auto result = numreg::parse_uscc(text);
      REQUIRE(result.has_value());
      CHECK(result->code == text);
      CHECK(result->check_ok);
    }
  }
  SUBCASE("lower case is upper-cased, blanks dropped") {
    CHECK(numreg::parse_uscc("91460400ma5tdr015t")->code == "91460400MA5TDR015T");
    CHECK(numreg::parse_uscc("  91460400MA5TDR015T\t")->code == "91460400MA5TDR015T");
    CHECK(numreg::parse_uscc("91460400MA5TDR015T\r\n")->code == "91460400MA5TDR015T");
  }
  SUBCASE("spaces, hyphens and full-width forms are dropped or folded") {
    for (std::string_view typed :
         {"9146 0400 MA5T DR01 5T", "91-460400-MA5TDR015-T", "9146　0400　MA5TDR015T",
          "９１４６０４００ＭＡ５ＴＤＲ０１５Ｔ", "91460400ｍａ５ｔｄｒ015t", "91460400–MA5TDR015T",
          "91460400\u00a0MA5TDR015T", "  9146-0400-MA5TDR015T  "}) {
      CAPTURE(typed);
      const auto result = numreg::parse_uscc(typed);
      REQUIRE(result.has_value());
      CHECK(result->code == "91460400MA5TDR015T");
    }
    CHECK(numreg::normalise_uscc(" 9146 0400-ma5tdr015t ") == "91460400MA5TDR015T");
  }
  SUBCASE("generated codes for Hainan regions") {
    for (std::string_view region : {"460400", "469007", "460100", "460000", "469028"}) {
      for (const std::string& code : generated_codes(region, 200)) {
        CAPTURE(code);
        const auto result = numreg::parse_uscc(code);
        REQUIRE(result.has_value());
        CHECK(result->check_ok);
      }
    }
  }
}

TEST_CASE("parse_uscc detects every single-character error and transposition") {
  SUBCASE("wrong check character") {
    for_generated_codes([](const std::string& code) {
      for (char wrong : kCharset) {
        if (wrong == code[17]) {
          continue;
        }
        std::string bad = code;
        bad[17] = wrong;
        check_error(numreg::parse_uscc(bad), "uscc-check",
                    std::string("check character at position 18 is '") + wrong + "', expected '" +
                        code[17] + "'");
      }
    });
  }
  SUBCASE("substitutions") {
    for_generated_codes([](const std::string& code) {
      for (size_t pos = 0; pos < 17; ++pos) {
        for (char wrong : (pos >= 2 && pos < 8) ? std::string_view("0123456789") : kCharset) {
          if (wrong == code[pos]) {
            continue;
          }
          std::string bad = code;
          bad[pos] = wrong;
          CAPTURE(bad);
          const auto result = numreg::parse_uscc(bad);
          REQUIRE_FALSE(result.has_value());
          CHECK(result.error().code == "uscc-check");
        }
      }
    });
  }
  SUBCASE("adjacent transpositions") {
    for_generated_codes([](const std::string& code) {
      for (size_t pos = 0; pos + 1 < 18; ++pos) {
        if (code[pos] == code[pos + 1]) {
          continue;
        }
        std::string bad = code;
        std::swap(bad[pos], bad[pos + 1]);
        CAPTURE(bad);
        const auto result = numreg::parse_uscc(bad);
        REQUIRE_FALSE(result.has_value());
        // A letter moved into positions 3-8 fails as a region; otherwise the check fails.
        CHECK((result.error().code == "uscc-check" || result.error().code == "uscc-region"));
        if (pos >= 8) {
          CHECK(result.error().code == "uscc-check");
        }
      }
    });
  }
}

TEST_CASE("parse_uscc errors") {
  SUBCASE("check character") {
    check_error(numreg::parse_uscc("91460400MA5TDR015U"), "uscc-check",
                "check character at position 18 is 'U', expected 'T'");
    check_error(numreg::parse_uscc("91460400M5ATDR015T"), "uscc-check",
                "check character at position 18 is 'T', expected 'F'");
  }
  SUBCASE("length") {
    check_error(numreg::parse_uscc("91460400MA5TDR015"), "uscc-length",
                "18 characters expected, found 17");
    check_error(numreg::parse_uscc("91460400MA5TDR015TT"), "uscc-length",
                "18 characters expected, found 19");
    check_error(numreg::parse_uscc(""), "uscc-length", "18 characters expected, found 0");
    check_error(numreg::parse_uscc("   "), "uscc-length", "18 characters expected, found 0");
    check_error(numreg::parse_uscc("9146 0400MA5TDR015"), "uscc-length",
                "18 characters expected, found 17");
    check_error(numreg::parse_uscc("统一社会信用代码"), "uscc-length",
                "18 characters expected, found 8");
  }
  SUBCASE("character set") {
    check_error(numreg::parse_uscc("91460400MAITDR015T"), "uscc-charset",
                "character 'I' at position 11 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W "
                "X Y)");
    check_error(numreg::parse_uscc("91460400maitdr015t"), "uscc-charset",
                "character 'I' at position 11 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W "
                "X Y)");
    for (char letter : std::string_view("IOSVZ")) {
      std::string bad = "91460400MA5TDR015T";
      bad[9] = letter;
      check_error(numreg::parse_uscc(bad), "uscc-charset",
                  std::string("character '") + letter +
                      "' at position 10 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W X Y)");
    }
    check_error(numreg::parse_uscc("91460400MA5TDR015Ｏ"), "uscc-charset",
                "character 'O' at position 18 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W "
                "X Y)");
    check_error(numreg::parse_uscc("+1460400MA5TDR015T"), "uscc-charset",
                "character '+' at position 1 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W "
                "X Y)");
    check_error(numreg::parse_uscc("9146·0400MA5TDR015"), "uscc-charset",
                "character '·' at position 5 is not allowed (allowed: 0-9 and A-H J-N P Q R T U W "
                "X Y)");
  }
  SUBCASE("region digits") {
    check_error(numreg::parse_uscc("9146A400MA5TDR015T"), "uscc-region",
                "character 'A' at position 5 is not a digit (positions 3-8 hold a region code)");
    check_error(numreg::parse_uscc("914604Y0MA5TDR015T"), "uscc-region",
                "character 'Y' at position 7 is not a digit (positions 3-8 hold a region code)");
  }
}

TEST_CASE("parse_uscc with allow_bad_check") {
  SUBCASE("real early codes that fail the check") {
    check_error(numreg::parse_uscc("91350203M0001QAY9B"), "uscc-check",
                "check character at position 18 is 'B', expected '9'");
    check_error(numreg::parse_uscc("91350100M0001TGQXM"), "uscc-check",
                "check character at position 18 is 'M', expected '1'");
    for (std::string_view text : {"91350203M0001QAY9B", "91350100M0001TGQXM"}) {
      const auto result = numreg::parse_uscc(text, true);
      REQUIRE(result.has_value());
      CHECK(result->code == text);
      CHECK_FALSE(result->check_ok);
    }
  }
  SUBCASE("a good code stays check_ok") {
    const auto result = numreg::parse_uscc("91460400MA5TDR015T", true);
    REQUIRE(result.has_value());
    CHECK(result->check_ok);
  }
  SUBCASE("other errors are not excused") {
    CHECK(numreg::parse_uscc("91460400MAITDR015T", true).error().code == "uscc-charset");
    CHECK(numreg::parse_uscc("91460400MA5TDR015", true).error().code == "uscc-length");
    CHECK(numreg::parse_uscc("9146A400MA5TDR015T", true).error().code == "uscc-region");
  }
}
