// Resident identity numbers (GB 11643-1999).
//
// Implementation details: the text is first compacted (full-width forms
// folded, spaces and hyphens dropped, see code_text.hpp) and a final 'x'
// upper-cased. A legacy 15-digit number is then widened to 18
// characters ("19" before the two-digit year, then its check character), so
// one set of checks serves both. Messages name positions in the number as
// written, and never quote the number or its birth date: both are personal
// data, and the birth date is exactly what masking hides.
#include "registry/types/resident_id.hpp"

#include "registry/text/code_text.hpp"
#include "registry/text/strings.hpp"
#include "registry/types/region.hpp"

#include <array>
#include <optional>

namespace numreg {

namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
// The earliest birth date accepted. Resident IDs were first issued in 1984
// (居民身份证条例, 1985 for the law) and no one verified has lived past 123
// years, so no holder can have been born before 1861; 1860 leaves a margin.
// GB 11643's own example 440524188001010014 (born 1880) is well inside.
constexpr int kEarliestBirthYear = 1860;
constexpr std::string_view kFormExpected =
    " is not allowed (expected digits, and X only at position 18)";

// True for a Gregorian calendar date (is_valid_date stops at 1900, as the
// registry's own dates do; a birth date may be earlier).
bool is_calendar_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Characters in `text`: a lead byte with the continuation bytes after it is
// one; a continuation byte with no lead before it is one on its own.
size_t count_code_points(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    const bool lead = static_cast<unsigned char>(text[i]) >= 0xC0;
    ++i;
    while (lead && i < text.size() && is_continuation(text[i])) {
      ++i;
    }
    ++count;
  }
  return count;
}

// Find the first character that may not stand where it is; 'X' may end an
// 18-character number. Positions count characters, not bytes. A multi-byte
// character is reported at its first byte, so a continuation byte reached here
// stands alone: it is a character of its own and never a digit.
std::optional<Error> check_form(std::string_view id, size_t length) {
  size_t position = 0;
  for (size_t i = 0; i < id.size(); ++i) {
    ++position;
    const bool final_x = length == 18 && position == 18 && id[i] == 'X';
    if (!is_digit(id[i]) && !final_x) {
      size_t end = i + 1;
      while (end < id.size() && is_continuation(id[end])) {
        ++end;
      }
      return data_error("id-form", "character '" + std::string(id.substr(i, end - i)) +
                                       "' at position " + std::to_string(position) +
                                       std::string(kFormExpected));
    }
  }
  return std::nullopt;
}

// Check the birth date in `id18` (18 characters); `where` names its positions.
std::optional<Error> check_birth_date(std::string_view id18, Date today, std::string_view where) {
  const auto number = [&](size_t pos, size_t len) {
    int value = 0;
    for (char c : id18.substr(pos, len)) {
      value = value * 10 + (c - '0');
    }
    return value;
  };
  const Date birth{number(6, 4), number(10, 2), number(12, 2)};
  const std::string prefix = "birth date in positions " + std::string(where);
  if (birth.year < kEarliestBirthYear) {
    return data_error("id-date", prefix + " is before " + std::to_string(kEarliestBirthYear) +
                                     " (no holder of a resident ID was born earlier)");
  }
  if (!is_calendar_date(birth.year, birth.month, birth.day)) {
    return data_error("id-date", prefix + " is not a calendar date");
  }
  if (birth > today) {
    return data_error("id-date", prefix + " is after today (" + today.iso() + ")");
  }
  return std::nullopt;
}

}  // namespace

char resident_id_check_char(std::string_view first17) {
  if (first17.size() < kWeights.size()) {
    return '\0';
  }
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) {
    if (!is_digit(first17[i])) {
      return '\0';
    }
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckChars[sum % 11];
}

Result<std::string> parse_resident_id(std::string_view text, Date today) {
  std::string id = compact_code(trim(text));
  if (!id.empty() && id.back() == 'x') {
    id.back() = 'X';
  }
  const size_t length = count_code_points(id);
  if (length != 18 && length != 15) {
    return tl::unexpected(data_error(
        "id-length",
        "18 characters (or 15 for a legacy number) expected, found " + std::to_string(length)));
  }
  if (std::optional<Error> error = check_form(id, length)) {
    return tl::unexpected(std::move(*error));
  }
  const bool legacy = id.size() == 15;
  if (legacy) {
    id.insert(6, "19");
    id += resident_id_check_char(id);
  }
  if (std::optional<std::string> problem = id_address_problem(std::string_view(id).substr(0, 6))) {
    return tl::unexpected(data_error("id-region", *problem));
  }
  if (std::optional<Error> error = check_birth_date(id, today, legacy ? "7-12" : "7-14")) {
    return tl::unexpected(std::move(*error));
  }
  if (const char expected = resident_id_check_char(id); id[17] != expected) {
    return tl::unexpected(
        data_error("id-check", std::string("check character at position 18 is '") + id[17] +
                                   "', expected '" + expected + "'"));
  }
  return id;
}

std::string mask_resident_id(std::string_view id) {
  if (id.size() != 18 || count_code_points(id) != 18) {
    return std::string(count_code_points(id), '*');
  }
  return std::string(id.substr(0, 6)) + "********" + std::string(id.substr(14));
}

}  // namespace numreg
