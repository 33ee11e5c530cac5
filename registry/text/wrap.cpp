#include "registry/text/wrap.hpp"

#include "registry/text/width.hpp"

namespace numreg {

namespace {

// Bytes in the UTF-8 sequence starting with `lead`.
size_t sequence_length(unsigned char lead) {
  return lead < 0x80           ? 1
         : (lead >> 5) == 0x6  ? 2
         : (lead >> 4) == 0xe  ? 3
         : (lead >> 3) == 0x1e ? 4
                               : 1;
}

// Split into tokens: runs of spaces, runs of narrow non-space characters
// (a word), and single wide characters (each a place to break).
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    size_t len = sequence_length(static_cast<unsigned char>(text[i]));
    std::string_view first = text.substr(i, len);
    if (display_width(first) == 2) {
      out.push_back(first);
      i += len;
      continue;
    }
    bool space = text[i] == ' ';
    while (i < text.size() && (text[i] == ' ') == space) {
      size_t n = sequence_length(static_cast<unsigned char>(text[i]));
      if (display_width(text.substr(i, n)) == 2)
        break;
      i += n;
    }
    out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  for (std::string_view token : tokens(text)) {
    int w = display_width(token);
    bool space = token.front() == ' ';
    if (used + w > width && used > 0) {
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      lines.push_back(line);
      line.clear();
      used = 0;
      if (space)
        continue;
    }
    line += token;
    used += w;
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  if (!line.empty() || lines.empty())
    lines.push_back(line);
  return lines;
}

}  // namespace numreg
