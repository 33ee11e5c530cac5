// Wrapping text for a terminal: Latin words stay whole, Chinese may break
// between any two characters; widths count CJK double.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace numreg {

/// `text` broken into lines of at most `width` columns (a single word wider
/// than `width` gets a line of its own). Spaces at a break are dropped.
std::vector<std::string> wrap_text(std::string_view text, int width);

}  // namespace numreg
