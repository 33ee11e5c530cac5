// Display width of UTF-8 text in a terminal: CJK and full-width forms take two
// columns, combining marks none.
#pragma once

#include <string>
#include <string_view>

namespace numreg {

/// Columns `text` takes in a terminal.
int display_width(std::string_view text);

/// `text` cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, int width);

/// True when `text` is valid UTF-8.
bool valid_utf8(std::string_view text);

}  // namespace numreg
