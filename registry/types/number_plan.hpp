// China's numbering plan as libphonenumber knows it (mobile prefixes, area
// codes and their subscriber lengths), and every other country's numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace numreg::plan {

/// Verdicts of the tables below, derived at build time from libphonenumber's
/// metadata by tools/number_tables.cpp.
enum Verdict : unsigned char { no = 0, yes = 1, ask = 2 };

/// For each 5-digit prefix p of an 11-digit national number 1xxxxxxxxxx,
/// kMobilePrefix[p - 10000]: whether such numbers are mobile numbers.
extern const unsigned char kMobilePrefix[10000];
/// For each area code a (10, 20-29, 300-999, without the trunk 0),
/// subscriber length n (7 or 8) and subscriber first digit d,
/// kAreaSubscriber[a][n - 7][d]: whether such numbers are fixed lines.
extern const unsigned char kAreaSubscriber[1000][2][10];

/// For each country calling code c, kForeignCode[c]: bit 15 set when
/// libphonenumber knows c; bit d (0-9) set when a national number starting
/// with d might lose a national prefix when libphonenumber parses it.
extern const unsigned short kForeignCode[1000];

/// True when the 11 digits `nsn` (1...) are an allocated mobile number.
bool is_mobile(std::string_view nsn);

/// The shortest prefix of `nsn` (3 to 5 digits) under which no 11-digit
/// number is a mobile number: "154" for 15412345678, "17406" for 17406123456.
std::string refused_mobile_prefix(std::string_view nsn);

/// True when `area` (2 or 3 digits, no trunk 0) is an area code.
bool is_area_code(std::string_view area);

/// The subscriber lengths numbers after `area` have: "7", "8", "7 or 8", or
/// "" for no area code.
std::string subscriber_lengths(std::string_view area);

/// True when `subscriber` after `area` is a fixed-line number.
bool is_fixed_line(std::string_view area, std::string_view subscriber);

/// True when `area` followed by `service` (96 and 3 or 4 digits) is a
/// provincial 96 number of that area.
bool is_area_96(std::string_view area, std::string_view service);

/// Another country's number: `digits` is all that follows '+' or "00".
struct Foreign {
  std::string e164;     // "+442071234567", or empty when refused
  std::string problem;  // why it was refused
};
/// libphonenumber's reading of "+" `digits`: valid numbers in E.164 form,
/// refusals with the reason.
Foreign read_foreign(std::string_view digits);
/// read_foreign's answer from the tables of foreign_plan.hpp alone, or
/// nullopt where libphonenumber itself must read the number (a national
/// prefix Parse might strip, an unknown country code, +86, fewer than 2 or
/// more than 17 digits after the code).
std::optional<Foreign> read_foreign_from_tables(std::string_view digits);

}  // namespace numreg::plan
