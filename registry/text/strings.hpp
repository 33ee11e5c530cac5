// Small text helpers the value types share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace numreg {

/// Drop blanks (space, tab, CR, LF) around `text`.
inline std::string_view trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) {
    return {};
  }
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

/// `text` with ASCII letters in lower case (never locale-dependent; other
/// bytes, UTF-8 included, unchanged).
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// True for the ASCII digits 0-9 (unlike std::isdigit, never locale-dependent).
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// True when `text` is one or more ASCII digits.
inline bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return !text.empty();
}

/// The parts of `text` between `separator`s (one part for text without one;
/// empty parts kept). The views point into `text`.
inline std::vector<std::string_view> split_view(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  for (size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, begin)) {
    parts.push_back(text.substr(begin, at - begin));
    begin = at + 1;
  }
  parts.push_back(text.substr(begin));
  return parts;
}

}  // namespace numreg
