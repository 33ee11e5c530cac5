// Text made safe to show at a terminal: a stored value must never move the
// cursor, clear the screen or retitle the window of whoever lists it.
#pragma once

#include <string>
#include <string_view>

namespace numreg {

/// `text` with every control character shown, not obeyed: a line break
/// (LF, CRLF or CR) as "↵", a tab as one space, other C0 controls and DEL as
/// their control pictures (ESC as "␛"), C1 controls as "�". Other text,
/// CJK included, is unchanged.
std::string printable(std::string_view text);

/// As printable(), but line breaks are kept (for text of several lines):
/// only CRLF becomes LF.
std::string printable_lines(std::string_view text);

}  // namespace numreg
