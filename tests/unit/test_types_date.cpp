// Tests for registry/types/date: ISO dates, date-times and day spans.
#include "registry/types/date.hpp"

#include <doctest/doctest.h>

#include <string>

using numreg::Date;
using numreg::DateTime;

namespace {

template <class T>
void check_error(const numreg::Result<T>& result, const std::string& code,
                 const std::string& message) {
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == code);
  CHECK(result.error().message == message);
}

Date parsed(std::string_view text) {
  const numreg::Result<Date> result = numreg::parse_date(text);
  REQUIRE_MESSAGE(result.has_value(), text);
  return *result;
}

}  // namespace

TEST_CASE("Date::days and Date::from_days") {
  SUBCASE("known day numbers") {
    CHECK(Date{1970, 1, 1}.days() == 0);
    CHECK(Date{1969, 12, 31}.days() == -1);
    CHECK(Date{1900, 1, 1}.days() == -25567);
    CHECK(Date{2000, 3, 1}.days() == 11017);
    CHECK(Date{2019, 6, 30}.days() == 18077);
    CHECK(Date{2024, 2, 29}.days() == 19782);
    CHECK(Date{2999, 12, 31}.days() == 376199);
    CHECK(Date::from_days(0) == Date{1970, 1, 1});
    CHECK(Date::from_days(-1) == Date{1969, 12, 31});
    CHECK(Date::from_days(18077) == Date{2019, 6, 30});
    CHECK(Date::from_days(376199) == Date{2999, 12, 31});
  }

  SUBCASE("every day from 1900 to 2999 round-trips and follows the previous one") {
    // Walk the calendar by hand, independently of the algorithm under test.
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    Date walker{1900, 1, 1};
    long mismatches = 0;
    for (int64_t n = -25567; n <= 376199; ++n) {
      mismatches += Date::from_days(n) == walker && walker.days() == n ? 0 : 1;
      const bool leap = (walker.year % 4 == 0 && walker.year % 100 != 0) || walker.year % 400 == 0;
      const int month_length = walker.month == 2 && leap ? 29 : kDays[walker.month - 1];
      if (++walker.day > month_length) {
        walker.day = 1;
        if (++walker.month > 12) {
          walker.month = 1;
          ++walker.year;
        }
      }
    }
    CHECK(mismatches == 0);
    CHECK(walker == Date{3000, 1, 1});
  }

  SUBCASE("far from 1970 in both directions") {
    for (int64_t n = -1'000'000; n <= 1'000'000; n += 997) {
      CHECK(Date::from_days(n).days() == n);
    }
    CHECK(Date::from_days(Date{1, 1, 1}.days()) == Date{1, 1, 1});
  }
}

TEST_CASE("Date::plus_days, iso and ordering") {
  CHECK(Date{2019, 12, 31}.plus_days(1) == Date{2020, 1, 1});
  CHECK(Date{2020, 3, 1}.plus_days(-1) == Date{2020, 2, 29});
  CHECK(Date{2019, 3, 1}.plus_days(-1) == Date{2019, 2, 28});
  CHECK(Date{2019, 6, 30}.plus_days(0) == Date{2019, 6, 30});
  CHECK(Date{2019, 6, 30}.plus_days(366) == Date{2020, 6, 30});
  CHECK(Date{2019, 6, 30}.iso() == "2019-06-30");
  CHECK(Date{1900, 1, 1}.iso() == "1900-01-01");
  CHECK(Date{2019, 12, 9}.iso() == "2019-12-09");
  CHECK(Date{2019, 6, 30} < Date{2019, 7, 1});
  CHECK(Date{2019, 12, 31} < Date{2020, 1, 1});
  CHECK(Date{2019, 6, 30} > Date{2019, 6, 29});
}

TEST_CASE("DateTime::iso and epoch_seconds") {
  const DateTime t{Date{2019, 6, 30}, 14 * 3600 + 5 * 60};
  CHECK(t.iso() == "2019-06-30T14:05:00");
  CHECK(t.epoch_seconds() == 18077 * 86400 + 50700);
  CHECK(DateTime{Date{1970, 1, 1}, 0}.epoch_seconds() == 0);
  CHECK(DateTime{Date{1970, 1, 1}, 86399}.iso() == "1970-01-01T23:59:59");
  CHECK(DateTime{Date{1969, 12, 31}, 86399}.epoch_seconds() == -1);
  CHECK(DateTime{Date{2019, 6, 30}, 0} < DateTime{Date{2019, 6, 30}, 1});
  CHECK(DateTime{Date{2019, 6, 30}, 86399} < DateTime{Date{2019, 7, 1}, 0});
}

TEST_CASE("is_valid_date") {
  SUBCASE("leap years") {
    CHECK(numreg::is_valid_date(2000, 2, 29));
    CHECK(numreg::is_valid_date(2024, 2, 29));
    CHECK(numreg::is_valid_date(1996, 2, 29));
    CHECK_FALSE(numreg::is_valid_date(1900, 2, 29));
    CHECK_FALSE(numreg::is_valid_date(2100, 2, 29));
    CHECK_FALSE(numreg::is_valid_date(2023, 2, 29));
    CHECK_FALSE(numreg::is_valid_date(2024, 2, 30));
  }
  SUBCASE("month lengths") {
    const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int month = 1; month <= 12; ++month) {
      CAPTURE(month);
      CHECK(numreg::is_valid_date(2019, month, lengths[month - 1]));
      CHECK_FALSE(numreg::is_valid_date(2019, month, lengths[month - 1] + 1));
      CHECK_FALSE(numreg::is_valid_date(2019, month, 0));
    }
  }
  SUBCASE("out of range") {
    CHECK_FALSE(numreg::is_valid_date(2019, 0, 1));
    CHECK_FALSE(numreg::is_valid_date(2019, 13, 1));
    CHECK_FALSE(numreg::is_valid_date(1899, 12, 31));
    CHECK(numreg::is_valid_date(1900, 1, 1));
    CHECK(numreg::is_valid_date(2999, 12, 31));
    CHECK_FALSE(numreg::is_valid_date(3000, 1, 1));
  }
}

TEST_CASE("parse_date") {
  SUBCASE("accepted forms") {
    CHECK(parsed("2019-06-30") == Date{2019, 6, 30});
    CHECK(parsed("2019/06/30") == Date{2019, 6, 30});
    CHECK(parsed("2019/6/30") == Date{2019, 6, 30});
    CHECK(parsed("2019-6-3") == Date{2019, 6, 3});
    CHECK(parsed("20190630") == Date{2019, 6, 30});
    CHECK(parsed("  2019-06-30\t") == Date{2019, 6, 30});
  }
  SUBCASE("leap days") {
    CHECK(parsed("2000-02-29") == Date{2000, 2, 29});
    CHECK(parsed("2024-02-29") == Date{2024, 2, 29});
    check_error(numreg::parse_date("1900-02-29"), "date-impossible",
                "1900-02-29 is not a calendar date");
    check_error(numreg::parse_date("2023-02-29"), "date-impossible",
                "2023-02-29 is not a calendar date");
  }
  SUBCASE("impossible dates") {
    check_error(numreg::parse_date("2019-02-30"), "date-impossible",
                "2019-02-30 is not a calendar date");
    check_error(numreg::parse_date("2019-13-01"), "date-impossible",
                "2019-13-01 is not a calendar date");
    check_error(numreg::parse_date("2019/2/30"), "date-impossible",
                "2019-02-30 is not a calendar date");
    check_error(numreg::parse_date("20190431"), "date-impossible",
                "2019-04-31 is not a calendar date");
    check_error(numreg::parse_date("2019-00-10"), "date-impossible",
                "2019-00-10 is not a calendar date");
    check_error(numreg::parse_date("2019-06-00"), "date-impossible",
                "2019-06-00 is not a calendar date");
    check_error(numreg::parse_date("1899-12-31"), "date-impossible",
                "1899-12-31 is outside the years 1900 to 2999");
    check_error(numreg::parse_date("3000-01-01"), "date-impossible",
                "3000-01-01 is outside the years 1900 to 2999");
  }
  SUBCASE("not a date") {
    check_error(numreg::parse_date("June 30"), "date-form",
                "cannot read 'June 30' as a date (expected YYYY-MM-DD)");
    check_error(numreg::parse_date(""), "date-form",
                "cannot read '' as a date (expected YYYY-MM-DD)");
    for (const char* text : {"2019-06", "2019-06-30x", "2019-06/30", "19-06-30", "2019-006-30",
                             "201906300", "2019.06.30", "30/06/2019", "2019--30", "2019-06-+3"}) {
      CAPTURE(text);
      check_error(numreg::parse_date(text), "date-form",
                  "cannot read '" + std::string(text) + "' as a date (expected YYYY-MM-DD)");
    }
  }
}

TEST_CASE("parse_datetime") {
  SUBCASE("accepted forms") {
    const DateTime expected{Date{2019, 6, 30}, 14 * 3600 + 5 * 60};
    for (const char* text : {"2019-06-30T14:05:00", "2019-06-30 14:05:00", "2019-06-30T14:05",
                             "2019/6/30 14:05", " 2019-06-30T14:05:00 "}) {
      CAPTURE(text);
      const auto result = numreg::parse_datetime(text);
      REQUIRE(result.has_value());
      CHECK(*result == expected);
    }
    CHECK(numreg::parse_datetime("2019-06-30T23:59:59")->seconds == 86399);
    CHECK(numreg::parse_datetime("2019-06-30T00:00")->seconds == 0);
    CHECK(numreg::parse_datetime("2019-06-30T14:05:07")->iso() == "2019-06-30T14:05:07");
  }
  SUBCASE("times of day that do not exist") {
    check_error(numreg::parse_datetime("2019-06-30T25:00"), "time-form",
                "cannot read '2019-06-30T25:00' as a date and time: 25:00 is not a time of day");
    check_error(numreg::parse_datetime("2019-06-30 24:00:00"), "time-form",
                "cannot read '2019-06-30 24:00:00' as a date and time: 24:00:00 is not a time of "
                "day");
    check_error(numreg::parse_datetime("2019-06-30T14:60"), "time-form",
                "cannot read '2019-06-30T14:60' as a date and time: 14:60 is not a time of day");
    check_error(numreg::parse_datetime("2019-06-30T14:05:60"), "time-form",
                "cannot read '2019-06-30T14:05:60' as a date and time: 14:05:60 is not a time of "
                "day");
  }
  SUBCASE("dates that do not exist") {
    check_error(numreg::parse_datetime("2019-02-30T10:00"), "time-form",
                "cannot read '2019-02-30T10:00' as a date and time: 2019-02-30 is not a calendar "
                "date");
  }
  SUBCASE("not a date and time") {
    for (const char* text :
         {"2019-06-30", "14:05", "", "2019-06-30T1:05", "2019-06-30T14:05Z", "2019-06-30T14-05",
          "2019-06-30T14:05:0", "June 30 14:05", "2019-06-30T14:05:00.5"}) {
      CAPTURE(text);
      check_error(numreg::parse_datetime(text), "time-form",
                  "cannot read '" + std::string(text) +
                      "' as a date and time (expected YYYY-MM-DDTHH:MM:SS)");
    }
  }
}

TEST_CASE("parse_days") {
  CHECK(numreg::parse_days("30d") == 30);
  CHECK(numreg::parse_days("12w") == 84);
  CHECK(numreg::parse_days("30") == 30);
  CHECK(numreg::parse_days("0") == 0);
  CHECK(numreg::parse_days("7D") == 7);
  CHECK(numreg::parse_days("2W") == 14);
  CHECK(numreg::parse_days(" 90d ") == 90);
  CHECK(numreg::parse_days("142857w") == 999999);
  CHECK(numreg::parse_days("999999d") == 999999);
  // fuzz_date found "205005w" accepted though its 1435035 days were not.
  for (const char* text : {"", "d", "w", "30x", "-5", "+5", "3.5d", "1234567", "30 d", "30 days",
                           "30dd", "1m", "142858w", "205005w", "999999w"}) {
    CAPTURE(text);
    check_error(
        numreg::parse_days(text), "duration-form",
        "cannot read '" + std::string(text) + "' as a number of days (expected 30d, 12w or 30)");
  }
}
