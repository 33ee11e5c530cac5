// UTF-8 validity, checked the way a streaming reader needs it: a sequence
// cut off by the end of a buffer is told apart from an invalid one.
#pragma once

#include <cstddef>
#include <string_view>

namespace numreg::import {

/// True when `text` is valid UTF-8, allowing a sequence cut off at its end.
bool valid_utf8_prefix(std::string_view text);
/// The byte offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view text);
/// The offset of the first invalid sequence, or npos; `cut` is set when that
/// sequence is only cut off by the end of `text`.
size_t scan_utf8(std::string_view text, bool& cut);
/// The offset of the first byte above 0x7F, or npos.
size_t first_non_ascii(std::string_view text);
/// True when `line` is valid UTF-8 (a sequence cut off at its end allowed)
/// holding a character of three or more bytes, as Chinese text in UTF-8 does.
bool looks_utf8_cjk(std::string_view line);

}  // namespace numreg::import
