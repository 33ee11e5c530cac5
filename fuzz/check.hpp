// A property check for fuzz harnesses: on failure, say which property broke
// for which input and abort, so libFuzzer saves the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace numreg::fuzz {

/// Abort with `property` and the input when `ok` is false.
inline void require(bool ok, std::string_view property, std::string_view input) {
  if (!ok) {
    std::fprintf(stderr, "property broken: %.*s\ninput: '%.*s'\n",
                 static_cast<int>(property.size()), property.data(), static_cast<int>(input.size()),
                 input.data());
    std::abort();
  }
}

/// The fuzz input as text.
inline std::string_view text_of(const unsigned char* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace numreg::fuzz
