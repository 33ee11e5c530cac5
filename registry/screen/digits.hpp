// Eight ASCII digits at a time (SWAR: one 64-bit word holds eight bytes), for
// the fixed-width fields of call records read on the screening hot path.
#pragma once

#include <cstdint>
#include <cstring>

namespace numreg::screen {

/// The eight bytes at `p` as a little-endian word.
inline uint64_t load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

/// True when all eight bytes of `word` are ASCII digits.
inline bool eight_digits(uint64_t word) {
  return ((word & 0xF0F0F0F0F0F0F0F0ull) |
          (((word + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) >> 4)) == 0x3333333333333333ull;
}

/// The value of eight ASCII digits (eight_digits(word) must hold), the first
/// byte the most significant digit.
inline uint32_t eight_digits_value(uint64_t word) {
  word -= 0x3030303030303030ull;
  word = (word * 10) + (word >> 8);  // pairs of digits in every other byte
  return static_cast<uint32_t>(
      (((word & 0x000000FF000000FFull) * (100 + (1000000ull << 32))) +
       (((word >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32)))) >>
      32);
}

}  // namespace numreg::screen
