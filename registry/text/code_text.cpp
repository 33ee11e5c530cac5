// Codes as typed: full-width forms folded, separators dropped.
//
// Implementation details: only the compatibility mappings that turn a typed
// code into ASCII are applied (full-width forms and spaces), not all of NFKC:
// NFKC would also read circled or superscript digits ("①", "²") as digits,
// which in a code are damage rather than a way of writing it.
#include "registry/text/code_text.hpp"

#include <cstdint>

namespace numreg {

namespace {

// Decode the UTF-8 sequence at text[i]; `length` gets its byte count. Invalid
// or truncated sequences decode as one byte with no code point (UINT32_MAX).
uint32_t decode_at(std::string_view text, size_t i, size_t& length) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  size_t need = 0;
  uint32_t cp = 0;
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  if ((lead & 0xE0) == 0xC0) {
    need = 1;
    cp = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    need = 2;
    cp = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    need = 3;
    cp = lead & 0x07u;
  } else {
    length = 1;
    return UINT32_MAX;
  }
  if (i + need >= text.size()) {
    length = 1;
    return UINT32_MAX;
  }
  for (size_t k = 1; k <= need; ++k) {
    if ((byte(k) & 0xC0) != 0x80) {
      length = 1;
      return UINT32_MAX;
    }
    cp = (cp << 6) | (byte(k) & 0x3Fu);
  }
  length = need + 1;
  return cp;
}

bool is_separator(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '-' || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) ||
         (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x3000 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

}  // namespace

std::string compact_code(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 1;
    const uint32_t cp = decode_at(text, i, length);
    if (is_separator(cp)) {
      // dropped
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out += static_cast<char>(cp - 0xFEE0);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace numreg
