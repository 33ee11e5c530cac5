// Which screening thread takes a call record: its caller's last five digits.
#include "registry/screen/caller_route.hpp"

#include <algorithm>

#include "registry/screen/number_key.hpp"

namespace numreg::screen {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The last five digits of `text` as written (fewer when it has fewer).
uint32_t last_digits(std::string_view text) {
  uint32_t value = 0;
  uint32_t scale = 1;
  for (size_t i = text.size(); i-- > 0 && scale < 100'000;) {
    if (is_digit(text[i])) {
      value += static_cast<uint32_t>(text[i] - '0') * scale;
      scale *= 10;
    }
  }
  return value;
}

// True when the text's last digits are its canonical number's, if it has
// one, and `tail` is set. parse_number (registry/types/number.cpp) keeps
// only digits, after an optional '+', and reads them as "+86" or "0086" and
// a national number, a trunk 0 and a national number, or bare digits (a
// carrier prefix, "86", a service or mobile number): each reading makes the
// canonical number of the digits' end, of five digits or more. It refuses
// any other byte. False where the text's end may not be its number's: a
// full-width form (folded to ASCII), a "(0)" after a country code (its
// digit dropped), a CR or LF (trimmed), and another country's number
// (which libphonenumber reads).
bool tail_as_written(std::string_view text, uint32_t& tail) {
  char head[4] = {};
  size_t digits = 0;
  bool plus = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (digits < 4)
        head[digits] = c;
      ++digits;
    } else if (c == '+' && digits == 0 && !plus) {
      plus = true;
    } else if (c == '(' && text.substr(i, 3) == "(0)") {
      return false;
    } else if (static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\n') {
      return false;
    } else if (c != ' ' && c != '\t' && c != '-' && c != '.' && c != '(' && c != ')') {
      return false;  // refused by parse_number
    }
  }
  if (digits == 0)
    return false;  // no number: number_key says so
  const std::string_view first(head, std::min<size_t>(digits, 4));
  if (plus ? !first.starts_with("86") : first.starts_with("00") && first != "0086")
    return false;
  tail = last_digits(text);
  return true;
}

}  // namespace

CallerRoute route_caller(std::string_view text) {
  if (const std::optional<int64_t> key = fast_number_key(text))
    return CallerRoute{key_tail(*key), true, *key};
  CallerRoute route;
  if (tail_as_written(text, route.tail))
    return route;
  if (const Result<int64_t> key = number_key(text))
    return CallerRoute{key_tail(*key), true, *key};
  route.readable = false;
  return route;
}

}  // namespace numreg::screen
