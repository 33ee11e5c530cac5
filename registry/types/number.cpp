// Telephone numbers in canonical form, their kinds, and ranges of them.
//
// Implementation details: reading goes in three steps. The text is first made
// ASCII (full-width forms folded) and checked for spreadsheet damage; then
// separators are dropped, leaving an optional '+' and digits; then the digits
// are classified by their prefix: "+"/"00" (country code), "0" (trunk prefix
// and area code), or bare (carrier prefix, "86", service, mobile). Each step
// returns a Problem (code and reason) that parse_number wraps into one message.
#include "registry/types/number.hpp"

#include "registry/text/strings.hpp"
#include "registry/types/number_plan.hpp"

#include <optional>

namespace numreg {

namespace {

constexpr std::string_view kAccepted =
    "+86 898 6612 3456, 0898-66123456, 13800138000, 95105, 96110, 400-810-8888, 800-123-4567, "
    "+44 20 7123 4567";
constexpr std::string_view kCarrierPrefixes[] = {"17951", "17911", "17909", "12593"};
constexpr std::string_view kSpreadsheet =
    "a spreadsheet has turned it into a decimal number; format the column as text";
constexpr int64_t kKeyScale = 1'000'000'000'000'000;  // 10^15

// Why a text is not a number, before it is worded as an Error.
struct Problem {
  std::string code;
  std::string reason;
};

using Reading = tl::expected<Number, Problem>;

tl::unexpected<Problem> form_problem(std::string reason) {
  return tl::unexpected(Problem{"number-form", std::move(reason)});
}

std::string count_text(size_t n) {
  return std::to_string(n);
}

// Fold full-width ASCII forms (U+FF01..U+FF5E, e.g. "１３８", "＋") and the
// ideographic space (U+3000) to ASCII; leave everything else as it is.
std::string fold_full_width(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && (byte(0) & 0xF0) == 0xE0) {
      const unsigned cp = ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
      if ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000) {
        out += cp == 0x3000 ? ' ' : static_cast<char>(cp - 0xFEE0);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// True for the shapes a spreadsheet gives a long number: "8.98661E+11",
// "8.98661e11", "89866123456.0".
bool is_spreadsheet_damage(std::string_view text) {
  const size_t e = text.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::string_view mantissa = text.substr(0, e);
    std::string_view exponent = text.substr(e + 1);
    const size_t dot = mantissa.find('.');
    if (dot != std::string_view::npos && !all_digits(mantissa.substr(dot + 1))) {
      return false;
    }
    if (exponent.starts_with('+')) {
      exponent.remove_prefix(1);
    }
    return all_digits(mantissa.substr(0, dot)) && all_digits(exponent) && exponent.size() <= 2;
  }
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || !all_digits(text.substr(0, dot))) {
    return false;
  }
  const std::string_view fraction = text.substr(dot + 1);
  return !fraction.empty() && fraction.find_first_not_of('0') == std::string_view::npos;
}

// Drop the "(0)" that international forms write for the trunk prefix a
// caller inside the country dials ("+44 (0)20 7123 4567"), in any country.
void drop_written_trunk_prefix(std::string& text) {
  if (!text.starts_with('+') && !text.starts_with("00")) {
    return;
  }
  const size_t at = text.find("(0)");
  if (at != std::string::npos && at > 0) {
    text.erase(at + 1, 1);
  }
}

// The UTF-8 sequence that starts at text[i] (one byte for ASCII).
std::string_view character_at(std::string_view text, size_t i) {
  size_t end = i + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return text.substr(i, end - i);
}

// Drop spaces, dashes, dots and parentheses, keeping a leading '+' and the digits.
tl::expected<std::string, Problem> strip_separators(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c) || (c == '+' && out.empty())) {
      out += c;
    } else if (std::string_view(" \t-.()").find(c) == std::string_view::npos) {
      return form_problem("character '" + std::string(character_at(text, i)) + "' is not allowed");
    }
  }
  if (out.empty() || out == "+") {
    return form_problem("it holds no digits");
  }
  return out;
}

Number make(std::string canonical, NumberType type, bool historical = false) {
  return Number{std::move(canonical), type, historical};
}

// Read a 95 or 96 number of 5 or 6 digits.
Reading read_short_service(std::string_view digits) {
  if (digits.size() != 5 && digits.size() != 6) {
    return form_problem("a " + std::string(digits.substr(0, 2)) +
                        " number has 5 or 6 digits, found " + count_text(digits.size()));
  }
  return make(std::string(digits), digits.starts_with("95") ? NumberType::n95 : NumberType::n96);
}

// Read a 400 or 800 number of 10 digits.
Reading read_long_service(std::string_view digits) {
  if (digits.size() != 10) {
    const std::string article = digits.starts_with('8') ? "an " : "a ";
    return form_problem(article + std::string(digits.substr(0, 3)) +
                        " number has 10 digits, found " + count_text(digits.size()));
  }
  return make(std::string(digits), digits.starts_with("400") ? NumberType::n400 : NumberType::n800);
}

// Read an 11-digit mobile number 1[3-9]xxxxxxxxx under an allocated prefix.
Reading read_mobile(std::string_view digits) {
  if (digits.size() >= 2 && (digits[1] < '3' || digits[1] > '9')) {
    return form_problem(std::string(digits.substr(0, 2)) +
                        " is not a mobile prefix (expected 13 to 19)");
  }
  if (digits.size() != 11) {
    return form_problem("a mobile number has 11 digits, found " + count_text(digits.size()));
  }
  if (!plan::is_mobile(digits)) {
    const std::string prefix = plan::refused_mobile_prefix(digits);
    if (digits[2] <= '4' && digits.starts_with("14")) {
      return form_problem("prefix " + prefix +
                          " is not a mobile prefix (140 to 144 lead 13-digit " +
                          "machine-to-machine numbers, which are not accepted)");
    }
    return form_problem("mobile prefix " + prefix + " is not allocated");
  }
  return make("+86" + std::string(digits), NumberType::mobile);
}

bool is_short_service(std::string_view digits) {
  return (digits.starts_with("95") || digits.starts_with("96")) &&
         (digits.size() == 5 || digits.size() == 6);
}

// True for the registry's own province's area codes: Hainan's 0898 and the
// 0890 and 0899 it used before (shared/DOMAIN.md). Only these fold an area
// code before a 96 number into the bare 96 number the province allocates.
bool is_home_area(std::string_view area) {
  return area == "898" || area == "890" || area == "899";
}

// Read a subscriber number after `area` (without its 0). Hainan's old 0890
// and 0899, unknown to libphonenumber, take 7 or 8 digits; every other area
// code takes the length libphonenumber's metadata gives it. The subscriber
// number starts with 2-8 in any case (the numbering plan; libphonenumber
// also accepts 0, 1 and 9 there).
Reading read_subscriber(std::string_view area, std::string_view subscriber) {
  const bool historical = area == "890" || area == "899";
  const size_t n = subscriber.size();
  if (historical) {
    if (n < 7 || n > 8) {
      return form_problem("subscriber number after area code 0" + std::string(area) + " has " +
                          count_text(n) + " digits, expected 7 or 8");
    }
  } else {
    const std::string lengths = plan::subscriber_lengths(area);
    if (lengths.empty()) {
      return form_problem("area code 0" + std::string(area) + " does not exist");
    }
    if (lengths.find(static_cast<char>('0' + n)) == std::string::npos || n > 9) {
      return form_problem("subscriber number after area code 0" + std::string(area) + " has " +
                          count_text(n) + " digits, expected " + lengths);
    }
  }
  if (subscriber[0] < '2' || subscriber[0] > '8') {
    return form_problem("subscriber number " + std::string(subscriber) + " starts with " +
                        subscriber[0] + ", expected 2-8");
  }
  if (!historical && !plan::is_fixed_line(area, subscriber)) {
    return form_problem("subscriber number " + std::string(subscriber) +
                        " is not in use after area code 0" + std::string(area));
  }
  return make("+86" + std::string(area) + std::string(subscriber), NumberType::fixed_line,
              historical);
}

// Read a 95 or 96 number written after `area`. A 95 number is national, so
// the area code is dropped. A 96 number is allocated by a province: after
// the registry's own area codes it is the bare 96 number; after another
// area code it is that area's number, kept whole in E.164 form
// ("0755-96166" is +8675596166, never Hainan's 96166).
Reading read_area_service(std::string_view area, std::string_view service) {
  const bool home = is_home_area(area);
  if (!home && !plan::is_area_code(area)) {
    return form_problem("area code 0" + std::string(area) + " does not exist");
  }
  if (service.starts_with("95") || home) {
    return read_short_service(service);
  }
  if (!plan::is_area_96(area, service)) {
    return form_problem(std::string(service) + " is not a 96 number of area code 0" +
                        std::string(area));
  }
  return make("+86" + std::string(area) + std::string(service), NumberType::n96);
}

// Read a national significant number (no trunk 0): a mobile number, or an
// area code followed by a subscriber or a 95/96 number. `after_trunk` is
// true when a trunk 0 preceded it, which a mobile number does not take.
Reading read_nsn(std::string_view digits, bool after_trunk) {
  if (digits.starts_with('1') && !digits.starts_with("10")) {
    if (after_trunk) {
      return form_problem("a mobile number takes no leading 0");
    }
    return read_mobile(digits);
  }
  if (digits.empty()) {
    return form_problem("no number follows the prefix");
  }
  if (digits.starts_with('0')) {
    return form_problem("an area code cannot start with 0");
  }
  // 400 and 800 are national numbers, not area codes: "+86 400 810 8888".
  if (digits.starts_with("400") || digits.starts_with("800")) {
    return read_long_service(digits);
  }
  if (digits.starts_with("950") && (digits.size() == 10 || digits.size() == 11)) {
    return form_problem(
        "950 numbers of 10 or 11 digits are not accepted (a 95 number has 5 or "
        "6 digits)");
  }
  const size_t area_length = digits.starts_with("10") || digits.starts_with('2') ? 2 : 3;
  if (digits.size() <= area_length) {
    return form_problem("area code 0" + std::string(digits) + " is not followed by a number");
  }
  const std::string_view area = digits.substr(0, area_length);
  const std::string_view rest = digits.substr(area_length);
  if (is_short_service(rest)) {
    return read_area_service(area, rest);
  }
  return read_subscriber(area, rest);
}

// Read what follows "+" or "00": China's 86 and a national number, or
// another country's number as libphonenumber reads it.
Reading read_international(std::string_view digits) {
  if (digits.starts_with("86")) {
    std::string_view nsn = digits.substr(2);
    // "+86 (0)898 ..." repeats the trunk prefix; it is dropped.
    if (nsn.starts_with('0') && !nsn.starts_with("00")) {
      nsn.remove_prefix(1);
    }
    return read_nsn(nsn, false);
  }
  if (digits.starts_with('0')) {
    return form_problem("a country code cannot start with 0");
  }
  plan::Foreign foreign = plan::read_foreign(digits);
  if (foreign.e164.empty()) {
    return form_problem(std::move(foreign.problem));
  }
  return make(std::move(foreign.e164), NumberType::international);
}

// Read what follows a carrier IP prefix: a mobile number or 0 and a national number.
Reading read_after_carrier(std::string_view prefix, std::string_view rest) {
  if (rest.starts_with('1')) {
    return read_mobile(rest);
  }
  if (rest.starts_with('0') && !rest.starts_with("00")) {
    return read_nsn(rest.substr(1), true);
  }
  return form_problem("carrier prefix " + std::string(prefix) +
                      " must be followed by a mobile number or by 0 and an area code");
}

// Read digits with no '+', "00" or trunk 0 in front.
Reading read_bare(std::string_view digits) {
  for (std::string_view prefix : kCarrierPrefixes) {
    // An 11-digit 179... is a mobile number; anything else is prefix + number.
    if (digits.starts_with(prefix) && digits.size() != 11) {
      return read_after_carrier(prefix, digits.substr(prefix.size()));
    }
  }
  if (digits.starts_with("86") && (digits.size() == 12 || digits.size() == 13)) {
    return read_nsn(digits.substr(2), false);
  }
  if (digits.starts_with("95") || digits.starts_with("96")) {
    return read_short_service(digits);
  }
  if (digits.starts_with("400") || digits.starts_with("800")) {
    return read_long_service(digits);
  }
  if (digits.starts_with('1') && digits.size() <= 6) {
    return form_problem("short numbers such as 110 or 10086 are not accepted");
  }
  if (digits.starts_with('1') && !digits.starts_with("10")) {
    return read_mobile(digits);
  }
  if (digits.size() == 10 || digits.size() == 11) {
    return tl::unexpected(Problem{
        "number-leading-zero", "it looks like a national number that lost its leading 0 or +86"});
  }
  if ((digits.size() == 7 || digits.size() == 8) && digits[0] >= '2' && digits[0] <= '8') {
    return form_problem("it looks like a local number without its area code");
  }
  return form_problem("its " + count_text(digits.size()) + " digits match no accepted form");
}

// Classify stripped text: an optional leading '+' and digits.
Reading read_stripped(std::string_view text) {
  if (text.starts_with('+')) {
    return read_international(text.substr(1));
  }
  if (text.starts_with("00")) {
    return read_international(text.substr(2));
  }
  if (text.starts_with('0')) {
    return read_nsn(text.substr(1), true);
  }
  return read_bare(text);
}

Error number_error(std::string_view text, const Problem& problem) {
  return data_error(problem.code, "cannot read '" + std::string(text) +
                                      "' as a telephone number: " + problem.reason +
                                      " (accepted: " + std::string(kAccepted) + ")");
}

size_t digit_count(std::string_view canonical) {
  return canonical.starts_with('+') ? canonical.size() - 1 : canonical.size();
}

// Check that `first` and `last` can bound a range.
std::optional<Error> check_range_ends(const Number& first, const Number& last) {
  if (first.type != last.type) {
    return data_error("range-mismatch", "range ends differ in form: " + first.canonical + " is " +
                                            std::string(to_string(first.type)) + ", " +
                                            last.canonical + " is " +
                                            std::string(to_string(last.type)));
  }
  if (first.canonical.size() != last.canonical.size()) {
    return data_error("range-mismatch", "range ends differ in length: " + first.canonical +
                                            " has " + count_text(digit_count(first.canonical)) +
                                            " digits, " + last.canonical + " has " +
                                            count_text(digit_count(last.canonical)));
  }
  if (first.key() > last.key()) {
    return data_error("range-order",
                      "range start " + first.canonical + " is after its end " + last.canonical);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(NumberType type) {
  switch (type) {
    case NumberType::mobile:
      return "mobile";
    case NumberType::fixed_line:
      return "fixed_line";
    case NumberType::n95:
      return "n95";
    case NumberType::n96:
      return "n96";
    case NumberType::n400:
      return "n400";
    case NumberType::n800:
      return "n800";
    case NumberType::international:
      return "international";
  }
  return "unknown";
}

int64_t Number::key() const {
  int64_t digits = 0;
  for (char c : canonical) {
    if (is_digit(c)) {
      digits = digits * 10 + (c - '0');
    }
  }
  const int64_t form =
      static_cast<int64_t>(digit_count(canonical)) + (canonical.starts_with('+') ? 20 : 0);
  return form * kKeyScale + digits;
}

bool Number::is_service() const {
  return type == NumberType::n95 || type == NumberType::n96 || type == NumberType::n400 ||
         type == NumberType::n800;
}

Result<Number> parse_number(std::string_view text) {
  std::string ascii = fold_full_width(trim(text));
  drop_written_trunk_prefix(ascii);
  if (is_spreadsheet_damage(ascii)) {
    return tl::unexpected(
        number_error(text, Problem{"number-spreadsheet", std::string(kSpreadsheet)}));
  }
  const auto stripped = strip_separators(ascii);
  Reading reading = stripped ? read_stripped(*stripped) : tl::unexpected(stripped.error());
  if (!reading) {
    return tl::unexpected(number_error(text, reading.error()));
  }
  return std::move(*reading);
}

std::string NumberRange::format() const {
  if (first.canonical == last.canonical) {
    return first.canonical;
  }
  return first.canonical + ".." + last.canonical;
}

Result<NumberRange> parse_number_range(std::string_view text) {
  size_t separator = text.find("..");
  size_t separator_length = 2;
  if (separator == std::string_view::npos) {
    separator = text.find('~');
    separator_length = 1;
  }
  if (separator == std::string_view::npos) {
    return parse_number(text).map([](const Number& n) { return NumberRange{n, n}; });
  }
  Result<Number> first = parse_number(text.substr(0, separator));
  if (!first) {
    return tl::unexpected(first.error());
  }
  Result<Number> last = parse_number(text.substr(separator + separator_length));
  if (!last) {
    return tl::unexpected(last.error());
  }
  if (std::optional<Error> error = check_range_ends(*first, *last)) {
    return tl::unexpected(std::move(*error));
  }
  return NumberRange{std::move(*first), std::move(*last)};
}

Result<std::vector<NumberRange>> parse_number_ranges(std::string_view text) {
  std::vector<NumberRange> ranges;
  while (true) {
    const size_t end = text.find(';');
    const std::string_view item = trim(text.substr(0, end));
    if (!item.empty()) {
      Result<NumberRange> range = parse_number_range(item);
      if (!range) {
        return tl::unexpected(range.error());
      }
      ranges.push_back(std::move(*range));
    }
    if (end == std::string_view::npos) {
      return ranges;
    }
    text.remove_prefix(end + 1);
  }
}

}  // namespace numreg
