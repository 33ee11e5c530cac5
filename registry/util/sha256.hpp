// SHA-256 through OpenSSL's libcrypto.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace numreg {

/// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

/// The SHA-256 of `data` as 32 bytes.
std::array<unsigned char, 32> sha256(std::string_view data);

}  // namespace numreg
