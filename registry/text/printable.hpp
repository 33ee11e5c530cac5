// Text made safe to show at a terminal: a stored value must never move the
// cursor, clear the screen or retitle the window of whoever lists it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace numreg {

/// A control character found in text: where it starts and what it is.
struct ControlCharacter {
  size_t offset;  // in bytes
  char32_t code;  // U+0000..U+001F, U+007F or U+0080..U+009F
};

/// The first C0 control, DEL or C1 control in `text`; with `layout_allowed`,
/// tabs and line breaks (CR, LF) are text, not controls.
std::optional<ControlCharacter> first_control(std::string_view text, bool layout_allowed);

/// `text` with every control character shown, not obeyed: a line break
/// (LF, CRLF or CR) as "↵", a tab as one space, other C0 controls and DEL as
/// their control pictures (ESC as "␛"), C1 controls as "�". Other text,
/// CJK included, is unchanged.
std::string printable(std::string_view text);

/// As printable(), but line breaks are kept (for text of several lines):
/// only CRLF becomes LF.
std::string printable_lines(std::string_view text);

}  // namespace numreg
