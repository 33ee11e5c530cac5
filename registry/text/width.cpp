#include "registry/text/width.hpp"

#include <cstdint>

namespace numreg {

namespace {

// Decode one code point at `i`, advancing it; invalid bytes count as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
  if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return 0xfffd;
  }
  char32_t cp = extra == 0 ? c : c & (0x3f >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) {
      ++i;
      return 0xfffd;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  i += extra + 1;
  return cp;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
         (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
         (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
         (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
         (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
         (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
         (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

bool is_zero_width(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036f) || cp == 0x200b || cp == 0x200d ||
         (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff;
}

int width_of(char32_t cp) {
  if (is_zero_width(cp) || cp < 0x20)
    return 0;
  return is_wide(cp) ? 2 : 1;
}

}  // namespace

int display_width(std::string_view text) {
  int width = 0;
  size_t i = 0;
  while (i < text.size()) {
    width += width_of(next_code_point(text, i));
  }
  return width;
}

std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  std::string out;
  int used = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    int w = width_of(next_code_point(text, i));
    if (used + w > width - 1)
      break;
    out.append(text.substr(start, i - start));
    used += w;
  }
  return out + "…";
}

bool valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = next_code_point(text, i);
    if (cp == 0xfffd && text.substr(start, 3) != "\xef\xbf\xbd")
      return false;
  }
  return true;
}

}  // namespace numreg
