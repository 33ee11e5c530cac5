// Tests for registry/types/number: canonical telephone numbers and ranges.
#include "registry/types/number.hpp"

#include <doctest/doctest.h>

#include <string>

using numreg::Number;
using numreg::NumberType;

namespace {

constexpr std::string_view kAccepted =
    " (accepted: +86 898 6612 3456, 0898-66123456, 13800138000, 95105, 96110, 400-810-8888, "
    "800-123-4567, +44 20 7123 4567)";

Number parsed(std::string_view text) {
  CAPTURE(text);
  const numreg::Result<Number> result = numreg::parse_number(text);
  REQUIRE_MESSAGE(result.has_value(), result.error().message);
  return *result;
}

// Check that `text` parses to `canonical` of `type`.
void check_number(std::string_view text, std::string_view canonical, NumberType type,
                  bool historical = false) {
  CAPTURE(text);
  const Number number = parsed(text);
  CHECK(number.canonical == canonical);
  CHECK(number.type == type);
  CHECK(number.historical_area == historical);
}

// Check that `text` fails with `code` and, after the standard opening, `reason`.
void check_rejected(std::string_view text, std::string_view code, std::string_view reason) {
  CAPTURE(text);
  const numreg::Result<Number> result = numreg::parse_number(text);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == code);
  CHECK(result.error().message == "cannot read '" + std::string(text) +
                                      "' as a telephone number: " + std::string(reason) +
                                      std::string(kAccepted));
}

void check_range_error(std::string_view text, std::string_view code, std::string_view message) {
  CAPTURE(text);
  const auto result = numreg::parse_number_range(text);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == code);
  CHECK(result.error().message == message);
}

constexpr int64_t kScale = 1'000'000'000'000'000;

}  // namespace

TEST_CASE("parse_number: Hainan fixed lines") {
  for (std::string_view text :
       {"+86 898 6612 3456", "+8689866123456", "0086 898 66123456", "008689866123456",
        "+86 (898) 6612-3456", "0898-66123456", "0898-6612 3456", "(0898) 66123456",
        "0898.6612.3456", "089866123456", "8689866123456", "+86 (0)898 6612 3456",
        " 0898 6612 3456 ", "0898\t66123456", "0898.6612.3456."}) {
    check_number(text, "+8689866123456", NumberType::fixed_line);
  }
  check_number("089866381234", "+8689866381234", NumberType::fixed_line);
  check_number("+8689866381234", "+8689866381234", NumberType::fixed_line);
  check_number("008689866381234", "+8689866381234", NumberType::fixed_line);
  check_number("0898-28123456", "+8689828123456", NumberType::fixed_line);
  check_number("0898-88123456", "+8689888123456", NumberType::fixed_line);
}

TEST_CASE("parse_number: full-width forms") {
  check_number("０８９８－６６１２３４５６", "+8689866123456", NumberType::fixed_line);
  check_number("＋８６ ８９８ ６６１２ ３４５６", "+8689866123456", NumberType::fixed_line);
  check_number("（0898）66123456", "+8689866123456", NumberType::fixed_line);
  check_number("１３８００１３８０００", "+8613800138000", NumberType::mobile);
  check_number(
      "0898\xE3\x80\x80"
      "66123456",
      "+8689866123456", NumberType::fixed_line);
  check_number("９５１０５", "95105", NumberType::n95);
}

TEST_CASE("parse_number: fixed lines elsewhere") {
  check_number("010-62345678", "+861062345678", NumberType::fixed_line);
  check_number("020 8312 3456", "+862083123456", NumberType::fixed_line);
  check_number("+86 10 6234 5678", "+861062345678", NumberType::fixed_line);
  check_number("0571-87654321", "+8657187654321", NumberType::fixed_line);
  check_number("0543-2345678", "+865432345678", NumberType::fixed_line);
  check_number("0755 2345 6789", "+8675523456789", NumberType::fixed_line);
  check_number("0433 2345678", "+864332345678", NumberType::fixed_line);    // 7 or 8 digits
  check_number("0433 23456789", "+8643323456789", NumberType::fixed_line);  // after 0433
  // DOMAIN.md: subscriber numbers start with 2-8, so these made-up numbers fail.
  check_rejected("010-12345678", "number-form",
                 "subscriber number 12345678 starts with 1, expected 2-8");
  check_rejected("020 1234 5678", "number-form",
                 "subscriber number 12345678 starts with 1, expected 2-8");
}

TEST_CASE("parse_number: Hainan's old area codes 0890 and 0899") {
  check_number("0899-88123456", "+8689988123456", NumberType::fixed_line, true);
  check_number("0899 8812345", "+868998812345", NumberType::fixed_line, true);
  check_number("0890-2312345", "+868902312345", NumberType::fixed_line, true);
  check_number("+86 890 23123456", "+8689023123456", NumberType::fixed_line, true);
  check_rejected("0899-881234", "number-form",
                 "subscriber number after area code 0899 has 6 digits, expected 7 or 8");
}

TEST_CASE("parse_number: mobiles") {
  for (std::string_view text :
       {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
        "008613800138000", "8613800138000", "(+86) 138 0013 8000", "1795113800138000",
        "17951 13800138000", "17911 13800138000", "17909-138-0013-8000", "12593 13800138000"}) {
    check_number(text, "+8613800138000", NumberType::mobile);
  }
  for (std::string_view text : {"13012345678", "14512345678", "15012345678", "16612345678",
                                "17012345678", "17400123456", "18912345678", "19912345678"}) {
    check_number(text, "+86" + std::string(text), NumberType::mobile);
  }
}

TEST_CASE("parse_number: mobile prefixes that are not allocated") {
  // libphonenumber 8.12.57's mobile pattern (shared/DOMAIN.md).
  for (std::string_view prefix : {"140", "141", "142", "143", "144"}) {
    check_rejected(std::string(prefix) + "12345678", "number-form",
                   "prefix " + std::string(prefix) +
                       " is not a mobile prefix (140 to 144 lead 13-digit machine-to-machine "
                       "numbers, which are not accepted)");
  }
  check_rejected("1440012345678", "number-form", "a mobile number has 11 digits, found 13");
  for (std::string_view prefix :
       {"146", "148", "149", "154", "160", "161", "163", "164", "168", "169", "179", "194"}) {
    check_rejected(std::string(prefix) + "12345678", "number-form",
                   "mobile prefix " + std::string(prefix) + " is not allocated");
  }
  check_rejected("+86 174 1012 3456", "number-form", "mobile prefix 1741 is not allocated");
  check_rejected("17406123456", "number-form", "mobile prefix 17406 is not allocated");
  check_number("17405123456", "+8617405123456", NumberType::mobile);
}

TEST_CASE("parse_number: carrier prefix before a national number") {
  check_number("17909 0898 66123456", "+8689866123456", NumberType::fixed_line);
  check_number("12593 010 62345678", "+861062345678", NumberType::fixed_line);
  check_rejected(
      "17951 95555", "number-form",
      "carrier prefix 17951 must be followed by a mobile number or by 0 and an area code");
  check_rejected(
      "17951 0086 13800138000", "number-form",
      "carrier prefix 17951 must be followed by a mobile number or by 0 and an area code");
  check_rejected("17951 1380013800", "number-form", "a mobile number has 11 digits, found 10");
}

TEST_CASE("parse_number: 95 and 96 numbers") {
  check_number("95105", "95105", NumberType::n95);
  check_number("951050", "951050", NumberType::n95);
  check_number("95555", "95555", NumberType::n95);
  check_number("950801", "950801", NumberType::n95);
  check_number("96110", "96110", NumberType::n96);
  check_number("961100", "961100", NumberType::n96);
  check_number("96166", "96166", NumberType::n96);
  SUBCASE("an area code before them is dropped") {
    check_number("0898 95555", "95555", NumberType::n95);
    check_number("0898 96166", "96166", NumberType::n96);
    check_number("0898-961234", "961234", NumberType::n96);
    check_number("010-95105", "95105", NumberType::n95);
    check_number("+86 898 95555", "95555", NumberType::n95);
    check_number("(0898) 96110", "96110", NumberType::n96);
    check_number("0899 96110", "96110", NumberType::n96);  // Hainan's old area codes
    check_number("0890-961234", "961234", NumberType::n96);
  }
  SUBCASE("another province's 96 number keeps its area code") {
    // 96 numbers are allocated per province: Shenzhen's 96166 is not Hainan's.
    check_number("0755-96166", "+8675596166", NumberType::n96);
    check_number("+86 755 961234", "+86755961234", NumberType::n96);
    check_number("010 96166", "+861096166", NumberType::n96);
    CHECK(parsed("0755-96166").key() != parsed("96166").key());
    CHECK(parsed("0755-96166").is_service());
  }
  check_rejected("0540 95555", "number-form", "area code 0540 does not exist");
  check_rejected("0540 96166", "number-form", "area code 0540 does not exist");
  check_rejected("95105888", "number-form", "a 95 number has 5 or 6 digits, found 8");
  check_rejected("9510", "number-form", "a 95 number has 5 or 6 digits, found 4");
  check_rejected("961", "number-form", "a 96 number has 5 or 6 digits, found 3");
  check_rejected("9611000", "number-form", "a 96 number has 5 or 6 digits, found 7");
  check_rejected("0898 9510", "number-form",
                 "subscriber number after area code 0898 has 4 digits, expected 8");
}

TEST_CASE("parse_number: 400 and 800 numbers") {
  for (std::string_view text : {"+86 400 810 8888", "0086 4008108888", "+864008108888",
                                "864008108888", "04008108888", "+86 (0)400 810 8888"}) {
    check_number(text, "4008108888", NumberType::n400);
  }
  check_number("+86 800 178 6355", "8001786355", NumberType::n800);
  check_number("0086 800-178-6355", "8001786355", NumberType::n800);
  check_rejected("+86 400 810 888", "number-form", "a 400 number has 10 digits, found 9");
  check_number("400-810-8888", "4008108888", NumberType::n400);
  check_number("4006123456", "4006123456", NumberType::n400);
  check_number("400 612 3456", "4006123456", NumberType::n400);
  check_number("800-123-4567", "8001234567", NumberType::n800);
  check_number("8001234567", "8001234567", NumberType::n800);
  check_rejected("400612345", "number-form", "a 400 number has 10 digits, found 9");
  check_rejected("40061234567", "number-form", "a 400 number has 10 digits, found 11");
  check_rejected("800-123-456", "number-form", "an 800 number has 10 digits, found 9");
}

TEST_CASE("parse_number: other countries") {
  check_number("+44 20 7123 4567", "+442071234567", NumberType::international);
  check_number("0044 20 7123 4567", "+442071234567", NumberType::international);
  check_number("+1 (212) 555-0100", "+12125550100", NumberType::international);
  check_number("+852 2123 4567", "+85221234567", NumberType::international);
  check_number("+683 7012", "+6837012", NumberType::international);  // Niue: 4 digits
  check_number("+49 30 12345678", "+493012345678", NumberType::international);
  check_number("+886 2 2345 6789", "+886223456789", NumberType::international);
  SUBCASE("the written trunk prefix (0) is dropped for any country") {
    check_number("+44 (0)20 7123 4567", "+442071234567", NumberType::international);
    check_number("0044 (0)20 7123 4567", "+442071234567", NumberType::international);
    check_number("+49 (0)30 12345678", "+493012345678", NumberType::international);
    check_number("+86 (0)755 2345 6789", "+8675523456789", NumberType::fixed_line);
  }
  check_rejected("+852 212", "number-form", "it is not a valid number of +852 (HK)");
  check_rejected("+683 1234", "number-form", "it is not a valid number of +683 (NU)");
  check_rejected("+12345678", "number-form", "it is not a valid number of +1");
  check_rejected("+999 1234 5678", "number-form", "it starts with no country code");
  check_rejected("+1234567890123456", "number-form", "it is not a valid number of +1");
  check_rejected("+0123456789", "number-form", "a country code cannot start with 0");
  check_rejected("000", "number-form", "a country code cannot start with 0");
}

TEST_CASE("parse_number: spreadsheet damage") {
  for (std::string_view text : {"8.98661E+11", "8.98661e11", "8.98661E11", "89866123456.0",
                                "1.38001E+10", "95105.0", "13800138000.00", "9E+4"}) {
    check_rejected(text, "number-spreadsheet",
                   "a spreadsheet has turned it into a decimal number; format the column as text");
  }
}

TEST_CASE("parse_number: national numbers without 0 or +86") {
  for (std::string_view text :
       {"89866123456", "2012345678", "898 6612 3456", "57187654321", "1062345678", "86898661234"}) {
    check_rejected(text, "number-leading-zero",
                   "it looks like a national number that lost its leading 0 or +86");
  }
}

TEST_CASE("parse_number: wrong forms") {
  SUBCASE("mobiles") {
    check_rejected("1380013800", "number-form", "a mobile number has 11 digits, found 10");
    check_rejected("138001380001", "number-form", "a mobile number has 11 digits, found 12");
    check_rejected("12345678901", "number-form", "12 is not a mobile prefix (expected 13 to 19)");
    check_rejected("+86 11234567890", "number-form",
                   "11 is not a mobile prefix (expected 13 to 19)");
    check_rejected("013800138000", "number-form", "a mobile number takes no leading 0");
  }
  SUBCASE("fixed lines") {
    check_rejected("08983638123", "number-form",
                   "subscriber number after area code 0898 has 7 digits, expected 8");
    check_rejected("0898-661234567", "number-form",
                   "subscriber number after area code 0898 has 9 digits, expected 8");
    check_rejected("0898-06612345", "number-form",
                   "subscriber number 06612345 starts with 0, expected 2-8");
    check_rejected("0898-16612345", "number-form",
                   "subscriber number 16612345 starts with 1, expected 2-8");
    check_rejected("0898-96612345", "number-form",
                   "subscriber number 96612345 starts with 9, expected 2-8");
    check_rejected("010-6234567", "number-form",
                   "subscriber number after area code 010 has 7 digits, expected 8");
    check_rejected("0571-876543210", "number-form",
                   "subscriber number after area code 0571 has 9 digits, expected 8");
    // libphonenumber's metadata gives each area code its subscriber length.
    check_rejected("0571-8765432", "number-form",
                   "subscriber number after area code 0571 has 7 digits, expected 8");
    check_rejected("0543-23456789", "number-form",
                   "subscriber number after area code 0543 has 8 digits, expected 7");
    check_rejected("0755 2345 678", "number-form",
                   "subscriber number after area code 0755 has 7 digits, expected 8");
    check_rejected("0540 3068 8763", "number-form", "area code 0540 does not exist");
    check_rejected("+86 540 3068 8763", "number-form", "area code 0540 does not exist");
    check_rejected("026 2345 6789", "number-form", "area code 026 does not exist");
    check_rejected("0898", "number-form", "area code 0898 is not followed by a number");
    check_rejected("0", "number-form", "no number follows the prefix");
    check_rejected("+86", "number-form", "no number follows the prefix");
    check_rejected("+86 00898 66123456", "number-form", "an area code cannot start with 0");
    check_rejected("66123456", "number-form", "it looks like a local number without its area code");
    check_rejected("6612345", "number-form", "it looks like a local number without its area code");
  }
  SUBCASE("short numbers") {
    check_rejected("110", "number-form", "short numbers such as 110 or 10086 are not accepted");
    check_rejected("10086", "number-form", "short numbers such as 110 or 10086 are not accepted");
    check_rejected("12345", "number-form", "short numbers such as 110 or 10086 are not accepted");
    check_rejected("123", "number-form", "short numbers such as 110 or 10086 are not accepted");
    check_rejected("5", "number-form", "its 1 digits match no accepted form");
    check_rejected("123456789012", "number-form", "12 is not a mobile prefix (expected 13 to 19)");
    check_rejected("5123456789012", "number-form", "its 13 digits match no accepted form");
  }
  SUBCASE("characters") {
    check_rejected("", "number-form", "it holds no digits");
    check_rejected("   ", "number-form", "it holds no digits");
    check_rejected("+", "number-form", "it holds no digits");
    check_rejected("--", "number-form", "it holds no digits");
    check_rejected("1380013800a", "number-form", "character 'a' is not allowed");
    check_rejected("abc", "number-form", "character 'a' is not allowed");
    check_rejected("138 0013 8000 ext 12", "number-form", "character 'e' is not allowed");
    check_rejected("+86+898", "number-form", "character '+' is not allowed");
    check_rejected("0898/66123456", "number-form", "character '/' is not allowed");
    check_rejected("电话0898-66123456", "number-form", "character '电' is not allowed");
  }
}

TEST_CASE("Number::key") {
  CHECK(parsed("+8689866123456").key() == 33 * kScale + 8689866123456);
  CHECK(parsed("13800138000").key() == 33 * kScale + 8613800138000);
  CHECK(parsed("95105").key() == 5 * kScale + 95105);
  CHECK(parsed("951050").key() == 6 * kScale + 951050);
  CHECK(parsed("4008108888").key() == 10 * kScale + 4008108888);
  CHECK(parsed("+442071234567").key() == 32 * kScale + 442071234567);
  CHECK(parsed("+886223456789").key() == 32 * kScale + 886223456789);
  SUBCASE("orders numbers of one form like their digits") {
    CHECK(parsed("95105").key() < parsed("95106").key());
    CHECK(parsed("0898-66123456").key() < parsed("0898-66123457").key());
    CHECK(parsed("0898-66123499").key() + 1 == parsed("0898-66123500").key());
  }
  SUBCASE("keeps forms and lengths apart") {
    CHECK(parsed("95999").key() < parsed("951000").key());
    CHECK(parsed("961100").key() < parsed("4008108888").key());
    CHECK(parsed("8001234567").key() < parsed("+868902312345").key());
    CHECK(parsed("+868902312345").key() < parsed("+8689866123456").key());
  }
}

TEST_CASE("to_string, is_service and is_subscriber") {
  CHECK(numreg::to_string(NumberType::mobile) == "mobile");
  CHECK(numreg::to_string(NumberType::fixed_line) == "fixed_line");
  CHECK(numreg::to_string(NumberType::n95) == "n95");
  CHECK(numreg::to_string(NumberType::n96) == "n96");
  CHECK(numreg::to_string(NumberType::n400) == "n400");
  CHECK(numreg::to_string(NumberType::n800) == "n800");
  CHECK(numreg::to_string(NumberType::international) == "international");
  for (std::string_view text : {"95105", "96110", "4008108888", "8001234567"}) {
    CAPTURE(text);
    CHECK(parsed(text).is_service());
    CHECK_FALSE(parsed(text).is_subscriber());
  }
  for (std::string_view text : {"13800138000", "0898-66123456"}) {
    CAPTURE(text);
    CHECK_FALSE(parsed(text).is_service());
    CHECK(parsed(text).is_subscriber());
  }
  CHECK_FALSE(parsed("+442071234567").is_service());
  CHECK_FALSE(parsed("+442071234567").is_subscriber());
}

TEST_CASE("parse_number_range") {
  SUBCASE("two ends") {
    for (std::string_view text : {"95105..95110", "95105~95110", " 95105 .. 95110 "}) {
      CAPTURE(text);
      const auto range = numreg::parse_number_range(text);
      REQUIRE(range.has_value());
      CHECK(range->first.canonical == "95105");
      CHECK(range->last.canonical == "95110");
      CHECK(range->size() == 6);
      CHECK(range->format() == "95105..95110");
      CHECK(range->contains(parsed("95107")));
      CHECK(range->contains(parsed("95105")));
      CHECK(range->contains(parsed("95110")));
      CHECK_FALSE(range->contains(parsed("95111")));
      CHECK_FALSE(range->contains(parsed("951070")));
    }
  }
  SUBCASE("written ends with dashes") {
    const auto range = numreg::parse_number_range("0898-66123400..0898-66123499");
    REQUIRE(range.has_value());
    CHECK(range->size() == 100);
    CHECK(range->format() == "+8689866123400..+8689866123499");
    CHECK(range->contains(parsed("+86 898 6612 3450")));
  }
  SUBCASE("a single number, dashes and all") {
    const auto range = numreg::parse_number_range("400-810-8888");
    REQUIRE(range.has_value());
    CHECK(range->size() == 1);
    CHECK(range->format() == "4008108888");
    CHECK(numreg::parse_number_range("95105..95105")->format() == "95105");
  }
  SUBCASE("mismatched ends") {
    check_range_error("95105..4008108888", "range-mismatch",
                      "range ends differ in form: 95105 is n95, 4008108888 is n400");
    check_range_error("95105..951050", "range-mismatch",
                      "range ends differ in length: 95105 has 5 digits, 951050 has 6");
    check_range_error("13800138000..0898-66123456", "range-mismatch",
                      "range ends differ in form: +8613800138000 is mobile, +8689866123456 is "
                      "fixed_line");
    check_range_error("0898-66123456..0890-2312345", "range-mismatch",
                      "range ends differ in length: +8689866123456 has 13 digits, +868902312345 "
                      "has 12");
  }
  SUBCASE("ends in the wrong order") {
    check_range_error("95110..95105", "range-order", "range start 95110 is after its end 95105");
    check_range_error("0898-66123499~0898-66123400", "range-order",
                      "range start +8689866123499 is after its end +8689866123400");
  }
  SUBCASE("bad ends") {
    check_range_error("95105..abc", "number-form",
                      "cannot read 'abc' as a telephone number: character 'a' is not allowed" +
                          std::string(kAccepted));
    check_range_error(
        "..95105", "number-form",
        "cannot read '' as a telephone number: it holds no digits" + std::string(kAccepted));
    check_range_error("95105-95110", "number-form",
                      "cannot read '95105-95110' as a telephone number: a 95 number has 5 or 6 "
                      "digits, found 10" +
                          std::string(kAccepted));
  }
}

TEST_CASE("parse_number_ranges") {
  const auto ranges = numreg::parse_number_ranges("95105..95110; 96110;;  ; 400-810-8888;");
  REQUIRE(ranges.has_value());
  REQUIRE(ranges->size() == 3);
  CHECK((*ranges)[0].format() == "95105..95110");
  CHECK((*ranges)[1].format() == "96110");
  CHECK((*ranges)[2].format() == "4008108888");
  CHECK(numreg::parse_number_ranges("")->empty());
  CHECK(numreg::parse_number_ranges(" ; ")->empty());
  const auto bad = numreg::parse_number_ranges("95105;95110..95105;xyz");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == "range-order");
}
