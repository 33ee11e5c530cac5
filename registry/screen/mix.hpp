// The finaliser of MurmurHash3 (fmix64): spreads every bit of a 64-bit key
// over the low bits an open-addressing table indexes by.
#pragma once

#include <cstdint>

namespace numreg::screen {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  return x ^ (x >> 33);
}

}  // namespace numreg::screen
