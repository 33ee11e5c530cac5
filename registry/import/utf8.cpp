#include "registry/import/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace numreg::import {

namespace {

// Length of the UTF-8 sequence that lead byte `c` starts, or 0 if invalid.
int sequence_length(unsigned char c) {
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return 2;
  if (c >= 0xE0 && c <= 0xEF)
    return 3;
  if (c >= 0xF0 && c <= 0xF4)
    return 4;
  return 0;
}

// True when continuation byte `d` may follow at place `k` of a sequence led by `c`.
bool continues(unsigned char c, unsigned char d, int k) {
  if ((d & 0xC0) != 0x80)
    return false;
  if (k != 1)
    return true;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  return !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0) && !(c == 0xF0 && d < 0x90) &&
         !(c == 0xF4 && d >= 0x90);
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// The first position at or after `i` that may hold a byte above 0x7F,
// skipping ASCII eight bytes at a time.
size_t skip_ascii(std::string_view text, size_t i) {
  while (i + 8 <= text.size()) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & kHighBits)
      break;
    i += 8;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80)
    ++i;
  return i;
}

// True when the three bytes at `p` are a valid UTF-8 sequence: the common
// case of Chinese text, checked without a loop.
bool three_bytes(const unsigned char* p) {
  unsigned char c = p[0];
  unsigned char d = p[1];
  return c >= 0xE0 && c <= 0xEF && (d & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
         (c != 0xE0 || d >= 0xA0) && (c != 0xED || d < 0xA0);
}

}  // namespace

size_t scan_utf8(std::string_view text, bool& cut) {
  cut = false;
  size_t i = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while ((i = skip_ascii(text, i)) < text.size()) {
    while (i + 3 <= text.size() && three_bytes(bytes + i))
      i += 3;
    if (i == text.size() || bytes[i] < 0x80)
      continue;
    auto c = static_cast<unsigned char>(text[i]);
    int n = sequence_length(c);
    if (n == 0)
      return i;
    for (int k = 1; k < n; ++k) {
      if (i + k >= text.size()) {
        cut = true;
        return i;
      }
      if (!continues(c, static_cast<unsigned char>(text[i + k]), k))
        return i;
    }
    i += static_cast<size_t>(n);
  }
  return std::string_view::npos;
}

bool valid_utf8_prefix(std::string_view text) {
  bool cut = false;
  return scan_utf8(text, cut) == std::string_view::npos || cut;
}

size_t invalid_utf8_at(std::string_view text) {
  bool cut = false;
  return scan_utf8(text, cut);
}

size_t first_non_ascii(std::string_view text) {
  size_t i = skip_ascii(text, 0);
  return i < text.size() ? i : std::string_view::npos;
}

bool looks_utf8_cjk(std::string_view line) {
  if (!valid_utf8_prefix(line))
    return false;
  for (size_t i = skip_ascii(line, 0); i < line.size(); i = skip_ascii(line, i + 1)) {
    if (sequence_length(static_cast<unsigned char>(line[i])) >= 3)
      return true;
  }
  return false;
}

}  // namespace numreg::import
