// ISO dates and local date-times.
//
// Implementation details: day numbers use Howard Hinnant's days-from-civil
// algorithm (eras of 400 years, March-based years), so conversion is exact
// for any proleptic Gregorian date without tables or loops.
#include "registry/types/date.hpp"

#include "registry/text/strings.hpp"

#include <charconv>

namespace numreg {

namespace {

constexpr std::string_view kDaysExpected = " as a number of days (expected 30d, 12w or 30)";

// Format `value` as decimal, left-padded with zeros to `width` digits.
std::string padded(int64_t value, size_t width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (digits.size() < width) {
    digits.insert(0, width - digits.size(), '0');
  }
  return value < 0 ? "-" + digits : digits;
}

// Read `text` as a non-negative decimal number of 1 to `max_digits` digits.
bool read_number(std::string_view text, size_t max_digits, int& out) {
  if (text.size() > max_digits || !all_digits(text)) {
    return false;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string ymd(int year, int month, int day) {
  return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Split "2019-06-30", "2019/6/30" or "20190630" into numbers, without
// judging whether they make a calendar date.
bool split_date(std::string_view text, Ymd& out) {
  if (text.size() == 8 && all_digits(text)) {
    return read_number(text.substr(0, 4), 4, out.year) &&
           read_number(text.substr(4, 2), 2, out.month) &&
           read_number(text.substr(6, 2), 2, out.day);
  }
  if (text.size() < 8 || (text[4] != '-' && text[4] != '/')) {
    return false;
  }
  const char separator = text[4];
  const size_t second = text.find(separator, 5);
  if (second == std::string_view::npos) {
    return false;
  }
  return read_number(text.substr(0, 4), 4, out.year) &&
         read_number(text.substr(5, second - 5), 2, out.month) &&
         read_number(text.substr(second + 1), 2, out.day);
}

// Read "14:05" or "14:05:00" as seconds since midnight; false if not that
// shape, `in_range` false if the shape is right but the time does not exist.
bool split_time(std::string_view text, int& seconds, bool& in_range) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (text.size() != 5 && text.size() != 8) {
    return false;
  }
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) {
    return false;
  }
  if (!read_number(text.substr(0, 2), 2, hour) || !read_number(text.substr(3, 2), 2, minute) ||
      (text.size() == 8 && !read_number(text.substr(6, 2), 2, second))) {
    return false;
  }
  in_range = hour < 24 && minute < 60 && second < 60;
  seconds = hour * 3600 + minute * 60 + second;
  return true;
}

Error time_error(std::string_view text, std::string_view reason) {
  std::string message = "cannot read '" + std::string(text) + "' as a date and time";
  if (reason.empty()) {
    return data_error("time-form", message + " (expected YYYY-MM-DDTHH:MM:SS)");
  }
  return data_error("time-form", message + ": " + std::string(reason));
}

}  // namespace

int64_t Date::days() const {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date Date::from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

std::string Date::iso() const {
  return ymd(year, month, day);
}

std::string DateTime::iso() const {
  return date.iso() + "T" + padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":" +
         padded(seconds % 60, 2);
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) {
    return false;
  }
  return day >= 1 && day <= days_in_month(year, month);
}

Result<Date> parse_date(std::string_view text) {
  const std::string_view trimmed = trim(text);
  Ymd parts;
  if (!split_date(trimmed, parts)) {
    return tl::unexpected(data_error(
        "date-form", "cannot read '" + std::string(text) + "' as a date (expected YYYY-MM-DD)"));
  }
  const std::string shown = ymd(parts.year, parts.month, parts.day);
  if (parts.year < 1900 || parts.year > 2999) {
    return tl::unexpected(
        data_error("date-impossible", shown + " is outside the years 1900 to 2999"));
  }
  if (!is_valid_date(parts.year, parts.month, parts.day)) {
    return tl::unexpected(data_error("date-impossible", shown + " is not a calendar date"));
  }
  return Date{parts.year, parts.month, parts.day};
}

Result<DateTime> parse_datetime(std::string_view text) {
  const std::string_view trimmed = trim(text);
  const size_t split = trimmed.find_first_of("T ");
  if (split == std::string_view::npos) {
    return tl::unexpected(time_error(text, ""));
  }
  Ymd parts;
  int seconds = 0;
  bool in_range = false;
  if (!split_date(trimmed.substr(0, split), parts) ||
      !split_time(trim(trimmed.substr(split + 1)), seconds, in_range)) {
    return tl::unexpected(time_error(text, ""));
  }
  const std::string shown = ymd(parts.year, parts.month, parts.day);
  if (!is_valid_date(parts.year, parts.month, parts.day)) {
    return tl::unexpected(time_error(text, shown + " is not a calendar date"));
  }
  if (!in_range) {
    return tl::unexpected(
        time_error(text, std::string(trim(trimmed.substr(split + 1))) + " is not a time of day"));
  }
  return DateTime{Date{parts.year, parts.month, parts.day}, seconds};
}

Result<int> parse_days(std::string_view text) {
  std::string_view digits = trim(text);
  int factor = 1;
  if (!digits.empty() && (digits.back() == 'd' || digits.back() == 'D')) {
    digits.remove_suffix(1);
  } else if (!digits.empty() && (digits.back() == 'w' || digits.back() == 'W')) {
    digits.remove_suffix(1);
    factor = 7;
  }
  int count = 0;
  // Six digits of days is already 2,700 years: longer spans are typing
  // mistakes, in weeks too, so that every span can be written in days.
  if (!read_number(digits, 6, count) || count * factor > 999'999) {
    return tl::unexpected(data_error(
        "duration-form", "cannot read '" + std::string(text) + "'" + std::string(kDaysExpected)));
  }
  return count * factor;
}

}  // namespace numreg
