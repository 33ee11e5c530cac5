// China's numbering plan as libphonenumber knows it, and foreign numbers.
//
// Implementation details: the common Chinese forms are checked against the
// two tables generated at build time (number_tables.inc), one array lookup
// each; a table entry "ask" (validity depends on later digits) goes to
// libphonenumber itself. A foreign number that Parse would read as it
// stands (direct_split) is checked against its country's automaton
// (foreign_plan.hpp), which gives IsValidNumber's answer without loading
// libphonenumber; only the others (a national prefix Parse might strip, an
// unknown country code, +86, fewer than 2 or more than 17 digits) go to
// libphonenumber, and their answers are kept.
#include "registry/types/number_plan.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "registry/types/foreign_plan.hpp"

namespace numreg::plan {

#include "number_tables.inc"

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util() {
  return *PhoneNumberUtil::GetInstance();
}

// The value of at most 9 ASCII digits, or -1 when one is not a digit.
int digits_value(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// Whether libphonenumber finds +86 `nsn` valid and of `type`.
bool china_number_is(std::string_view nsn, PhoneNumberUtil::PhoneNumberType type) {
  uint64_t value = 0;
  std::from_chars(nsn.data(), nsn.data() + nsn.size(), value);
  PhoneNumber number;
  number.set_country_code(86);
  number.set_national_number(value);
  return util().IsValidNumber(number) && util().GetNumberType(number) == type;
}

// The table row of an area code (its index is the code's value).
const unsigned char (*area_row(std::string_view area))[10] {
  if (area.size() < 2 || area.size() > 3) {
    return nullptr;
  }
  const int value = digits_value(area);
  return value < 0 ? nullptr : kAreaSubscriber[value];
}

bool any_valid(const unsigned char (&row)[10]) {
  for (unsigned char v : row) {
    if (v != no) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_mobile(std::string_view nsn) {
  if (nsn.size() != 11 || nsn[0] != '1') {
    return false;
  }
  const int prefix = digits_value(nsn.substr(0, 5));
  if (prefix < 10000) {
    return false;
  }
  const unsigned char v = kMobilePrefix[prefix - 10000];
  return v == ask ? china_number_is(nsn, PhoneNumberUtil::MOBILE) : v == yes;
}

std::string refused_mobile_prefix(std::string_view nsn) {
  const int p5 = digits_value(nsn.substr(0, 5));
  if (nsn.size() < 5 || p5 < 10000 || p5 >= 20000) {
    return std::string(nsn.substr(0, 5));
  }
  for (int width : {3, 4}) {
    const int scale = width == 3 ? 100 : 10;
    const int first = p5 / scale * scale;
    bool all_refused = true;
    for (int p = first; p < first + scale; ++p) {
      all_refused = all_refused && kMobilePrefix[p - 10000] == no;
    }
    if (all_refused) {
      return std::string(nsn.substr(0, static_cast<size_t>(width)));
    }
  }
  return std::string(nsn.substr(0, 5));
}

bool is_area_code(std::string_view area) {
  const auto* row = area_row(area);
  return row != nullptr && (any_valid(row[0]) || any_valid(row[1]));
}

std::string subscriber_lengths(std::string_view area) {
  const auto* row = area_row(area);
  if (row == nullptr) {
    return "";
  }
  const bool seven = any_valid(row[0]);
  const bool eight = any_valid(row[1]);
  return seven && eight ? "7 or 8" : seven ? "7" : eight ? "8" : "";
}

bool is_fixed_line(std::string_view area, std::string_view subscriber) {
  const auto* row = area_row(area);
  if (row == nullptr || (subscriber.size() != 7 && subscriber.size() != 8) || subscriber[0] < '0' ||
      subscriber[0] > '9') {
    return false;
  }
  const unsigned char v = row[subscriber.size() - 7][subscriber[0] - '0'];
  if (v == ask) {
    return china_number_is(std::string(area) + std::string(subscriber),
                           PhoneNumberUtil::FIXED_LINE);
  }
  return v == yes;
}

bool is_area_96(std::string_view area, std::string_view service) {
  return china_number_is(std::string(area) + std::string(service), PhoneNumberUtil::SHARED_COST);
}

namespace {

// Why `number`, as libphonenumber read it, is not valid.
std::string invalid_problem(const PhoneNumber& number) {
  std::string region;
  util().GetRegionCodeForNumber(number, &region);
  std::string problem = "it is not a valid number of +";
  problem += std::to_string(number.country_code());
  if (!region.empty() && region != "ZZ") {
    problem += " (" + region + ")";
  }
  return problem;
}

// A country code and the national number after it.
struct Split {
  int code = 0;
  std::string_view national;
};

// The reading PhoneNumberUtil::Parse gives "+" `digits`, without its regular
// expressions, when it is certain to be the same: the country code is the
// first 1 to 3 digits that name one (no code is the prefix of another), and
// the rest is the national number as it stands when it has 2 to 17 digits,
// starts with no 0 (a trunk prefix or an Italian leading zero) and with no
// digit that the country's national prefix patterns could strip
// (kForeignCode). nullopt when Parse must read it.
std::optional<Split> direct_split(std::string_view digits) {
  for (size_t length = 1; length <= 3 && length < digits.size(); ++length) {
    const int code = digits_value(digits.substr(0, length));
    if (code < 0) {
      return std::nullopt;
    }
    const unsigned info = kForeignCode[code];
    if ((info & 0x8000u) == 0) {
      continue;
    }
    const std::string_view national = digits.substr(length);
    if (national.size() < 2 || national.size() > 17 || national[0] < '1' || national[0] > '9' ||
        (info & (1u << (national[0] - '0'))) != 0) {
      return std::nullopt;
    }
    return Split{code, national};
  }
  return std::nullopt;
}

// The PhoneNumber of a direct split (see direct_split).
PhoneNumber direct_number(const Split& split) {
  uint64_t value = 0;
  std::from_chars(split.national.data(), split.national.data() + split.national.size(), value);
  PhoneNumber number;
  number.set_country_code(split.code);
  number.set_national_number(value);
  return number;
}

// Read `digits` (see read_foreign) with libphonenumber.
Foreign read_foreign_uncached(std::string_view digits) {
  if (std::optional<Split> split = direct_split(digits)) {
    const PhoneNumber direct = direct_number(*split);
    if (!util().IsValidNumber(direct)) {
      return {"", invalid_problem(direct)};
    }
    std::string e164(1, '+');
    e164.append(digits);
    return {std::move(e164), ""};
  }
  PhoneNumber number;
  std::string text(1, '+');
  text.append(digits);
  const auto error = util().Parse(text, "ZZ", &number);
  if (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) {
    return {"", "it starts with no country code"};
  }
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    return {"", "it is not a number of any country"};
  }
  if (!util().IsValidNumber(number)) {
    return {"", invalid_problem(number)};
  }
  Foreign foreign;
  util().Format(number, PhoneNumberUtil::E164, &foreign.e164);
  return foreign;
}

}  // namespace

std::optional<Foreign> read_foreign_from_tables(std::string_view digits) {
  const std::optional<Split> split = direct_split(digits);
  if (!split) {
    return std::nullopt;
  }
  const ForeignVerdict verdict = check_foreign(split->code, split->national);
  switch (verdict.check) {
    case ForeignCheck::no_table:
      return std::nullopt;
    case ForeignCheck::valid: {
      std::string e164(1, '+');
      e164.append(digits);
      return Foreign{std::move(e164), ""};
    }
    case ForeignCheck::invalid:
      break;
  }
  // As invalid_problem words it.
  std::string problem = "it is not a valid number of +";
  problem += std::to_string(split->code);
  if (!verdict.region.empty()) {
    problem += " (";
    problem.append(verdict.region);
    problem += ')';
  }
  return Foreign{"", std::move(problem)};
}

Foreign read_foreign(std::string_view digits) {
  if (std::optional<Foreign> foreign = read_foreign_from_tables(digits)) {
    return std::move(*foreign);
  }
  // libphonenumber spends about 100,000 instructions on a number (and 31
  // million to load its metadata, once); each thread keeps the answers for
  // up to 65,536 of the numbers the tables leave to it (and starts afresh
  // when that is full).
  thread_local std::unordered_map<std::string, Foreign> memo;
  const std::string key(digits);
  if (auto it = memo.find(key); it != memo.end()) {
    return it->second;
  }
  if (memo.size() >= 65536) {
    memo.clear();
  }
  return memo.emplace(key, read_foreign_uncached(digits)).first->second;
}

}  // namespace numreg::plan
