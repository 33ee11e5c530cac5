// Caller and callee numbers on the screening hot path.
#include "registry/screen/number_key.hpp"

#include "registry/screen/digits.hpp"
#include "registry/types/number.hpp"
#include "registry/types/number_plan.hpp"

namespace numreg::screen {

namespace {

constexpr int64_t kKeyScale = 1'000'000'000'000'000;  // 10^15, as in Number::key()

// The key of "+86" followed by the 11-digit national significant number at
// `nsn`, or -1 when it is not all digits.
int64_t china_key(const char* nsn) {
  const uint64_t head = load8(nsn);
  const auto d8 = static_cast<unsigned char>(nsn[8] - '0');
  const auto d9 = static_cast<unsigned char>(nsn[9] - '0');
  const auto d10 = static_cast<unsigned char>(nsn[10] - '0');
  if (!eight_digits(head) || d8 > 9 || d9 > 9 || d10 > 9)
    return -1;
  constexpr int64_t form = 20 + 2 + 11;
  const int64_t digits =
      int64_t{eight_digits_value(head)} * 1000 + int64_t{d8} * 100 + int64_t{d9} * 10 + d10;
  return form * kKeyScale + 86 * int64_t{100'000'000'000} + digits;
}

// A national significant number the fast path knows: an 11-digit mobile
// number under a prefix that libphonenumber's metadata allocates whole (the
// table parse_number reads too), or Hainan's 898 followed by 8 digits
// starting 2-8. Digits are checked by china_key; a non-digit among the five
// prefix digits lands on an entry that is not "yes" or is caught there.
bool is_fast_nsn(const char* nsn) {
  if (nsn[0] == '1') {
    const unsigned d1 = static_cast<unsigned char>(nsn[1] - '0');
    const unsigned d2 = static_cast<unsigned char>(nsn[2] - '0');
    const unsigned d3 = static_cast<unsigned char>(nsn[3] - '0');
    const unsigned d4 = static_cast<unsigned char>(nsn[4] - '0');
    if (d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9)
      return false;
    return plan::kMobilePrefix[d1 * 1000 + d2 * 100 + d3 * 10 + d4] == plan::yes;
  }
  return nsn[0] == '8' && nsn[1] == '9' && nsn[2] == '8' && nsn[3] >= '2' && nsn[3] <= '8';
}

}  // namespace

std::optional<int64_t> fast_number_key(std::string_view text) {
  const char* nsn = nullptr;
  if (text.size() == 14 && text[0] == '+' && text[1] == '8' && text[2] == '6') {
    nsn = text.data() + 3;
  } else if (text.size() == 11 && text[0] == '1') {
    nsn = text.data();
  } else if (text.size() == 12 && text[0] == '0' && text[1] == '8' && text[2] == '9' &&
             text[3] == '8') {
    nsn = text.data() + 1;
  } else {
    return std::nullopt;
  }
  if (!is_fast_nsn(nsn))
    return std::nullopt;
  const int64_t key = china_key(nsn);
  if (key < 0)
    return std::nullopt;
  return key;
}

Result<int64_t> number_key(std::string_view text) {
  if (auto key = fast_number_key(text)) {
    return *key;
  }
  Result<Number> number = parse_number(text);
  if (!number) {
    return tl::unexpected(std::move(number.error()));
  }
  return number->key();
}

std::string key_canonical(int64_t key) {
  const int64_t form = key / kKeyScale;
  const bool plus = form >= 20;
  const size_t width = static_cast<size_t>(plus ? form - 20 : form);
  std::string digits = std::to_string(key % kKeyScale);
  if (digits.size() < width) {
    digits.insert(0, width - digits.size(), '0');
  }
  return plus ? "+" + digits : digits;
}

bool key_is_domestic(int64_t key) {
  const int64_t form = key / kKeyScale;
  if (form < 20) {
    return true;  // 95/96/400/800 service numbers
  }
  int64_t digits = key % kKeyScale;
  for (int64_t n = form - 20; n > 2; --n) {
    digits /= 10;
  }
  return digits == 86;
}

std::string number_problem(const Error& error) {
  std::string_view text = error.message;
  const size_t start = text.find("as a telephone number: ");
  if (start != std::string_view::npos) {
    text.remove_prefix(start + 23);
  }
  const size_t end = text.rfind(" (accepted: ");
  return std::string(text.substr(0, end));
}

}  // namespace numreg::screen
