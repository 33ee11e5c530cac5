// ISO dates and local date-times, with day arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "registry/error.hpp"

namespace numreg {

/// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// Days since 1970-01-01 (negative before).
  int64_t days() const;
  /// The date `days` days after 1970-01-01.
  static Date from_days(int64_t days);
  /// This date plus `n` days (n may be negative).
  Date plus_days(int64_t n) const { return from_days(days() + n); }
  /// "2019-06-30".
  std::string iso() const;

  auto operator<=>(const Date&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads <=>
  bool operator==(const Date&) const = default;
};

/// A local wall-clock time (Asia/Shanghai in call records), to the second.
struct DateTime {
  Date date;
  int seconds = 0;  // seconds since local midnight, 0..86399

  /// Seconds since 1970-01-01T00:00:00 of the same wall clock.
  int64_t epoch_seconds() const { return date.days() * 86400 + seconds; }
  /// "2019-06-30T14:05:00".
  std::string iso() const;

  auto operator<=>(const DateTime&) const = default;  // NOLINT(modernize-use-nullptr)
  bool operator==(const DateTime&) const = default;
};

/// True for a valid year/month/day combination (years 1900..2999).
bool is_valid_date(int year, int month, int day);

/// Parse "2019-06-30" (also "2019/06/30", "2019/6/30" and "20190630").
/// Errors: code "date-form" (not a date form) or "date-impossible" (e.g. 2019-02-30).
Result<Date> parse_date(std::string_view text);

/// Parse "2019-06-30T14:05:00" or "2019-06-30 14:05:00" (seconds optional).
/// Errors: code "time-form".
Result<DateTime> parse_datetime(std::string_view text);

/// Parse a span of days: "30d", "12w", or a bare number of days ("30").
/// Errors: code "duration-form".
Result<int> parse_days(std::string_view text);

}  // namespace numreg
