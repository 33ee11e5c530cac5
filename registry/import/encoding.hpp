// Which encoding an input file is in: given by --encoding (any name iconv
// knows), or told from a prefix of the file by uchardet together with
// checks of our own, or refused as uncertain.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace numreg::import {

/// An input's encoding: empty to detect it, else a name iconv knows.
struct Encoding {
  std::string name;

  static const Encoding detect;
  static const Encoding utf8;
  static const Encoding gb18030;

  bool operator==(const Encoding&) const = default;
};
inline const Encoding Encoding::detect{};
inline const Encoding Encoding::utf8{"utf-8"};
inline const Encoding Encoding::gb18030{"gb18030"};

/// Read an --encoding value: "" or "auto" to detect; "utf-8"; "gb18030"
/// (also "gbk", "gb2312", "cp936"); or any other name iconv knows. Throws a
/// usage Failure for a name iconv does not know.
Encoding parse_encoding(std::string_view name);

/// What a prefix of a file (starting at its first byte above 0x7F) says.
struct Detection {
  std::string encoding;             // "utf-8" or "gb18030"; empty: cannot tell
  size_t bad_at = 0;                // when empty: the first byte that is not UTF-8
  std::vector<std::string> likely;  // when empty: the encodings it may be, likeliest first
};

/// Tell the encoding of `prefix` (not starting with a byte order mark);
/// `at_end` when the file ends with it. UTF-8 when valid, or when lines of
/// UTF-8 text come before the first invalid byte (a file mixing encodings,
/// refused when read there); GB18030 when uchardet says so, or when a short
/// prefix decodes as GB2312 throughout and uchardet names no other
/// multi-byte encoding; otherwise nothing, with the likely encodings.
Detection detect_encoding(std::string_view prefix, bool at_end);

/// True when iconv decodes `bytes` from `encoding` without an invalid
/// sequence (one cut off at the end is allowed unless `at_end`).
bool decodes_as(std::string_view encoding, std::string_view bytes, bool at_end);

/// True when `encoding` keeps ASCII bytes as ASCII (not UTF-16 or UTF-32).
bool ascii_compatible(std::string_view encoding);

}  // namespace numreg::import
