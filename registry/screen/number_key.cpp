// Caller and callee numbers on the screening hot path.
#include "registry/screen/number_key.hpp"

#include "registry/types/number.hpp"

namespace numreg::screen {

namespace {

constexpr int64_t kKeyScale = 1'000'000'000'000'000;  // 10^15, as in Number::key()

bool digits_only(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

int64_t digits_value(std::string_view text, int64_t value = 0) {
  for (char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// The key of "+86" followed by the national significant number `nsn`.
int64_t china_key(std::string_view nsn) {
  const int64_t form = 20 + 2 + static_cast<int64_t>(nsn.size());
  return form * kKeyScale + digits_value(nsn, 86);
}

// A national significant number the fast path knows: an 11-digit mobile
// 1[3-9]..., or Hainan's 898 followed by 8 digits starting 2-8.
bool is_fast_nsn(std::string_view nsn) {
  if (!digits_only(nsn)) {
    return false;
  }
  if (nsn.size() == 11 && nsn[0] == '1') {
    return nsn[1] >= '3' && nsn[1] <= '9';
  }
  return nsn.size() == 11 && nsn.starts_with("898") && nsn[3] >= '2' && nsn[3] <= '8';
}

}  // namespace

std::optional<int64_t> fast_number_key(std::string_view text) {
  std::string_view nsn;
  if (text.size() == 14 && text.starts_with("+86")) {
    nsn = text.substr(3);
  } else if (text.size() == 11 && text[0] == '1') {
    nsn = text;
  } else if (text.size() == 12 && text.starts_with("0898")) {
    nsn = text.substr(1);
  } else {
    return std::nullopt;
  }
  if (!is_fast_nsn(nsn)) {
    return std::nullopt;
  }
  return china_key(nsn);
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
