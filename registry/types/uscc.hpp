// Unified social credit codes (GB 32100-2015).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "registry/error.hpp"

namespace numreg {

/// A USCC that passed the form checks; `check_ok` is false when only the
/// mod-31 check character is wrong and the caller allowed that.
struct Uscc {
  std::string code;  // 18 characters, upper case
  bool check_ok = true;
};

/// The GB 32100 check character for the first 17 characters, or nullopt when
/// one of them is outside the 31-character set.
std::optional<char> uscc_check_char(std::string_view first17);

/// Validate a USCC. The text is first compacted: full-width forms folded,
/// spaces and hyphens dropped (compact_code), letters upper-cased; positions
/// in messages count characters of the compacted code.
/// Errors (code): "uscc-length" (not 18 characters), "uscc-charset" (a
/// character outside 0-9A-HJ-NPQRTUWXY, naming its position), "uscc-region"
/// (positions 3-8 not digits), "uscc-check" (message names position 18, the
/// character found and the one expected), unless `allow_bad_check`, which
/// returns the code with check_ok = false.
Result<Uscc> parse_uscc(std::string_view text, bool allow_bad_check = false);

/// The compacted, upper-cased form parse_uscc checks ("9146 0400-ma5tdr015t"
/// -> "91460400MA5TDR015T"), for references to holders by USCC.
std::string normalise_uscc(std::string_view text);

}  // namespace numreg
