#include "registry/util/json_text.hpp"

#include <array>

namespace numreg {

namespace {

// How many bytes each byte takes once escaped: 1 for most, 2 for \" \\ \b \f
// \n \r \t, 6 for the other control characters (\u00XX).
constexpr std::array<unsigned char, 256> kEscapedSize = [] {
  std::array<unsigned char, 256> size{};
  for (int c = 0; c < 256; ++c) {
    size[c] = 1;
  }
  for (int c = 0; c < 0x20; ++c) {
    size[c] = 6;
  }
  for (unsigned char c : {'"', '\\', '\b', '\f', '\n', '\r', '\t'}) {
    size[c] = 2;
  }
  return size;
}();

char* write_escaped(unsigned char c, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '\\';
  switch (c) {
    case '"':
      *out++ = '"';
      break;
    case '\\':
      *out++ = '\\';
      break;
    case '\b':
      *out++ = 'b';
      break;
    case '\f':
      *out++ = 'f';
      break;
    case '\n':
      *out++ = 'n';
      break;
    case '\r':
      *out++ = 'r';
      break;
    case '\t':
      *out++ = 't';
      break;
    default:
      *out++ = 'u';
      *out++ = '0';
      *out++ = '0';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xF];
  }
  return out;
}

size_t escaped_size(std::string_view text) {
  size_t size = 0;
  for (char c : text) {
    size += kEscapedSize[static_cast<unsigned char>(c)];
  }
  return size;
}

// Size the result exactly, then write it in place: the journal escapes a
// record's JSON (quotes and all) for every entry it hashes.
void append_escaped(std::string_view text, std::string& out, bool quoted) {
  const size_t size = escaped_size(text) + (quoted ? 2 : 0);
  size_t start = out.size();
  out.resize(start + size);
  char* p = out.data() + start;
  if (quoted)
    *p++ = '"';
  if (size == text.size() + (quoted ? 2 : 0)) {
    p = std::copy(text.begin(), text.end(), p);
  } else {
    for (char ch : text) {
      auto c = static_cast<unsigned char>(ch);
      if (kEscapedSize[c] == 1) {
        *p++ = ch;
      } else {
        p = write_escaped(c, p);
      }
    }
  }
  if (quoted)
    *p = '"';
}

}  // namespace

size_t json_string_size(std::string_view text) {
  return escaped_size(text) + 2;
}

void append_json_string(std::string_view text, std::string& out) {
  append_escaped(text, out, true);
}

void append_json_escaped(std::string_view text, std::string& out) {
  append_escaped(text, out, false);
}

}  // namespace numreg
