#include "registry/text/printable.hpp"

namespace numreg {

namespace {

bool c1_at(std::string_view text, size_t i) {
  // U+0080..U+009F are encoded C2 80..C2 9F.
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

std::string shown(std::string_view text, bool keep_lines) {
  if (!first_control(text, false))
    return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      out += keep_lines ? "\n" : "\u21B5";  // ↵
    } else if (c == '\t') {
      out += ' ';
    } else if (c < 0x20) {
      // The control pictures U+2400..U+241F: E2 90 80+c.
      out += "\xE2\x90";
      out += static_cast<char>(0x80 + c);
    } else if (c == 0x7F) {
      out += "\u2421";  // ␡
    } else if (c1_at(text, i)) {
      out += "\uFFFD";
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::optional<ControlCharacter> first_control(std::string_view text, bool layout_allowed) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool layout = c == '\t' || c == '\n' || c == '\r';
    if ((c < 0x20 && !(layout && layout_allowed)) || c == 0x7F)
      return ControlCharacter{i, c};
    if (c1_at(text, i))
      return ControlCharacter{i, static_cast<unsigned char>(text[i + 1])};
  }
  return std::nullopt;
}

std::string printable(std::string_view text) {
  return shown(text, false);
}

std::string printable_lines(std::string_view text) {
  return shown(text, true);
}

}  // namespace numreg
