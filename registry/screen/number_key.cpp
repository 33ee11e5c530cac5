// Caller and callee numbers on the screening hot path.
#include "registry/screen/number_key.hpp"

#include "registry/screen/digits.hpp"
#include "registry/types/number.hpp"

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
// 1[3-9]..., or Hainan's 898 followed by 8 digits starting 2-8.
bool is_fast_nsn(const char* nsn) {
  if (nsn[0] == '1')
    return nsn[1] >= '3' && nsn[1] <= '9';
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
