// The forms in which people type identification codes (USCCs, resident ID
// numbers): full-width characters and separators, reduced to the code itself.
#pragma once

#include <string>
#include <string_view>

namespace numreg {

/// Fold full-width forms (U+FF01..U+FF5E, "９１４６", "Ｘ") to ASCII as NFKC
/// does, and drop the separators people type between groups of characters:
/// spaces (ASCII, tab, no-break U+00A0, U+2000..U+200B, ideographic U+3000)
/// and hyphens or dashes ('-', U+2010..U+2015, U+2212, U+FE63, U+FF0D).
/// Every other character is kept as it is, so a caller can name it.
std::string compact_code(std::string_view text);

}  // namespace numreg
