// Telephone numbers in canonical form, their kinds, and ranges of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "registry/error.hpp"

namespace numreg {

/// What a canonical number is.
enum class NumberType { mobile, fixed_line, n95, n96, n400, n800, international };

/// "mobile", "fixed_line", "n95", "n96", "n400", "n800", "international".
std::string_view to_string(NumberType type);

/// A number in canonical form: "+8689866123456" (fixed line, with area code),
/// "+8613800138000" (mobile), "95105"/"951050" (95), "96110"/"961100" (96 of
/// the registry's province, Hainan), "+8675596166" (96 of another area, kept
/// with its area code), "4008108888" (400), "8001234567" (800),
/// "+442071234567" (other countries, E.164).
struct Number {
  std::string canonical;
  NumberType type = NumberType::mobile;
  bool historical_area = false;  // written with Hainan's old 0890 or 0899 area code

  /// An integer that orders numbers of the same form and length like their
  /// digits, and keeps numbers of different form or length apart:
  /// (digit count + 20 if the form starts with '+') * 10^15 + digits.
  int64_t key() const;
  /// True for the subscriber numbers (mobile, fixed_line) of China.
  bool is_subscriber() const {
    return type == NumberType::mobile || type == NumberType::fixed_line;
  }
  /// True for the forms a number resource holds (95, 96, 400, 800).
  bool is_service() const;
};

/// Parse any common written form into the canonical one. Accepted: spaces,
/// dashes, dots and parentheses inside the number; "+86", "0086" and "86"
/// before a national number (400/800 numbers too); the trunk prefix 0 before
/// an area code, and "(0)" after any country code; a carrier IP prefix
/// (17951, 17911, 17909, 12593) before a mobile or 0-prefixed number; an
/// area code before a 95 number (dropped) or a 96 number (dropped after
/// Hainan's 0898, 0890 and 0899 only); "00" or "+" before another
/// country's number. Refused as not existing, per libphonenumber's metadata
/// (number_plan.hpp): unallocated mobile prefixes, unknown area codes,
/// subscriber numbers of the wrong length for their area code, invalid
/// foreign numbers; and subscriber numbers not starting 2-8 (the numbering
/// plan). Errors (code): "number-spreadsheet" for spreadsheet damage such as
/// "8.98661E+11", "number-leading-zero" for a national number that lost its
/// 0 or +86 ("89866123456"), "number-form" for the rest; each message lists
/// the accepted forms.
Result<Number> parse_number(std::string_view text);

/// An inclusive range first..last of numbers of the same form and length.
struct NumberRange {
  Number first;
  Number last;

  bool contains(const Number& n) const { return first.key() <= n.key() && n.key() <= last.key(); }
  /// How many numbers the range holds.
  int64_t size() const { return last.key() - first.key() + 1; }
  /// "first..last", or just "first" when it holds one number.
  std::string format() const;
};

/// Parse "first..last", "first~last" or a single number (a range of one).
/// A dash is part of a number's written form, never a range separator.
/// Errors (code): those of parse_number, "range-mismatch" (ends of different
/// form or length), "range-order" (first after last).
Result<NumberRange> parse_number_range(std::string_view text);

/// Parse a ';'-separated list of ranges (blank items ignored).
Result<std::vector<NumberRange>> parse_number_ranges(std::string_view text);

}  // namespace numreg
