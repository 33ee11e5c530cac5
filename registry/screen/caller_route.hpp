// Which screening thread takes a call record: the one of its caller, found
// from the last five digits of the caller's canonical number, which every
// written form of the number ends with ("+8613800138000", "008613800138000",
// "138-0013-8000" and "17951 13800138000" end alike). The reading thread
// finds them in the text without reading the number where that is sure, so
// that the numbers' slow path runs on the screening threads.
#pragma once

#include <cstdint>
#include <string_view>

namespace numreg::screen {

/// How a record is handed out by its caller.
struct CallerRoute {
  /// The last five digits of the caller's canonical number; for a caller
  /// that cannot be read, any value.
  uint32_t tail = 0;
  /// True when `key` holds the caller's Number::key() (read on the way).
  bool keyed = false;
  int64_t key = 0;
  /// False when the caller cannot be read (none, words, a number refused):
  /// such a record has no caller's windows or counts, so any thread will do.
  bool readable = true;
};

/// The route of the caller written `text` (blanks trimmed, as CdrReader
/// gives it). Two texts that number_key() reads to the same key get the
/// same tail. Canonical "+86", mobile and "0898" forms are read through
/// number_key's fast path (the key comes with the route); other texts of
/// ASCII digits, separators and a Chinese or no prefix have their last five
/// digits taken as written, since every reading parse_number makes of them
/// keeps the canonical number's digits at the end; the rest (another
/// country's code, full-width forms, a "(0)" that drops a digit) are read
/// with number_key().
CallerRoute route_caller(std::string_view text);

/// The last five digits of the canonical number whose key is `key` (every
/// canonical number has at least five).
inline uint32_t key_tail(int64_t key) {
  return static_cast<uint32_t>(key % 100'000);
}

}  // namespace numreg::screen
