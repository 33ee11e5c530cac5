// SHA-256 through OpenSSL's libcrypto.
#pragma once

#include <string>
#include <string_view>

namespace numreg {

/// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace numreg
