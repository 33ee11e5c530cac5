// Caller and callee numbers on the screening hot path: read into Number::key()
// without allocating when the text is already in a common canonical form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "registry/error.hpp"

namespace numreg::screen {

/// Read `text` as a telephone number and return its Number::key(). Canonical
/// "+86 mobile", "+86 898 fixed line", bare 11-digit mobile and "0898"
/// forms take a fast path that never allocates; every other form goes
/// through parse_number, so the answer is always parse_number's.
Result<int64_t> number_key(std::string_view text);

/// The fast path alone: the key for the forms it knows, nullopt otherwise.
std::optional<int64_t> fast_number_key(std::string_view text);

/// The canonical text of a number from its key ("+8613800138000").
std::string key_canonical(int64_t key);

/// True when the number with this key is China's: +86..., 95/96/400/800.
bool key_is_domestic(int64_t key);

/// The reason parse_number gives, without its opening and list of accepted
/// forms: "its 5 digits match no accepted form".
std::string number_problem(const Error& error);

}  // namespace numreg::screen
