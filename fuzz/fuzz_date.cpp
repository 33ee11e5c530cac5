// Dates, date-times and day spans: parse_date, parse_datetime, parse_days, and
// the day arithmetic. Properties: parse_date(d.iso()) == d, days and
// from_days are inverse, a date-time re-parses from its ISO form.
#include <cstring>
#include <string>

#include "fuzz/check.hpp"
#include "registry/types/date.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

void check_date(std::string_view text) {
  auto d = parse_date(text);
  if (!d) {
    return;
  }
  require(is_valid_date(d->year, d->month, d->day), "a parsed date is valid", text);
  auto again = parse_date(d->iso());
  require(again && *again == *d, "parse_date(d.iso()) == d", text);
  require(Date::from_days(d->days()) == *d, "from_days(d.days()) == d", text);
  require(d->plus_days(1) > *d && d->plus_days(-1) < *d, "the next day is later", text);
}

void check_datetime(std::string_view text) {
  auto t = parse_datetime(text);
  if (!t) {
    return;
  }
  require(t->seconds >= 0 && t->seconds < 86400, "a time of day is within the day", text);
  auto again = parse_datetime(t->iso());
  require(again && *again == *t, "parse_datetime(t.iso()) == t", text);
}

void check_days(std::string_view text) {
  auto n = parse_days(text);
  if (!n) {
    return;
  }
  require(*n >= 0, "a span of days is not negative", text);
  auto again = parse_days(std::to_string(*n) + "d");
  require(again && *again == *n, "a span re-parses from its day count", text);
}

// Any day within +-3 million days (about 8,000 years) round-trips.
void check_arithmetic(const unsigned char* data, size_t size) {
  if (size < 4) {
    return;
  }
  int32_t raw = 0;
  std::memcpy(&raw, data, sizeof raw);
  int64_t days = raw % 3'000'000;
  require(Date::from_days(days).days() == days, "days(from_days(n)) == n", std::to_string(days));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  check_date(text);
  check_datetime(text);
  check_days(text);
  check_arithmetic(data, size);
  return 0;
}
