// Resident identity numbers (GB 11643-1999): validation and masking.
#pragma once

#include <string>
#include <string_view>

#include "registry/error.hpp"
#include "registry/types/date.hpp"

namespace numreg {

/// The ISO 7064 MOD 11-2 check character for the first 17 digits.
char resident_id_check_char(std::string_view first17);

/// Validate a resident ID number and return its 18-character form. The text
/// is first compacted: full-width forms folded, spaces and hyphens dropped
/// (compact_code), a final 'x' upper-cased; a legacy 15-digit number gets "19"
/// and its check added. Errors (code): "id-length", "id-form" (non-digits),
/// "id-region" (an address code GB/T 2260 never had: see id_address_problem),
/// "id-date" (birth date impossible, before 1860 or after `today`), "id-check"
/// (names the character expected). Messages never repeat the full number: it
/// is personal data.
Result<std::string> parse_resident_id(std::string_view text, Date today);

/// Mask for display: first 6 and last 4 kept, the 8 birth-date digits starred
/// ("460400********1233"). Anything not 18 characters long is fully starred.
std::string mask_resident_id(std::string_view id);

}  // namespace numreg
