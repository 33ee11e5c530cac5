#include "registry/export/row_height.hpp"

#include <algorithm>
#include <cmath>

#include "registry/text/width.hpp"

namespace numreg {

namespace {

// 11 points at 96 dots an inch; a column `width` wide spans 7 pixels a
// digit, less the cell's inner margins.
constexpr double kPixelsPerEm = 14.667;
constexpr double kPixelsPerDigit = 7;
constexpr double kInnerMargins = 3;
// Calibri's advance widths, in thousandths of an em, of the printable ASCII
// characters from the space to the tilde (Carlito's are the same); bold is
// a little wider, and a little is spared for kerning and rounding.
constexpr int kCalibri[95] = {
    226, 325, 400, 498, 506, 714, 682, 220, 303, 303, 498, 498, 249, 306, 252, 386, 506, 506, 506,
    506, 506, 506, 506, 506, 506, 506, 267, 267, 498, 498, 498, 463, 894, 578, 543, 533, 615, 488,
    459, 630, 623, 251, 318, 519, 420, 854, 645, 662, 516, 672, 542, 459, 487, 641, 567, 889, 519,
    487, 468, 306, 386, 306, 498, 498, 291, 479, 525, 422, 525, 497, 305, 470, 525, 229, 239, 454,
    229, 798, 525, 527, 525, 525, 348, 391, 334, 525, 451, 714, 433, 452, 395, 314, 460, 314, 498};
constexpr double kBold = 1.05;
constexpr double kSpare = 1.06;
// Points a line takes: Calibri's in Excel (LibreOffice takes less), and
// more where a cell has Chinese, drawn in a taller font (LibreOffice takes
// Noto Sans CJK's 16 points a line).
constexpr double kLatinLine = 15;
constexpr double kChineseLine = 16.5;

size_t char_length(std::string_view text, size_t i) {
  size_t len = 1;
  while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
    ++len;
  return len;
}

bool is_wide(std::string_view ch) {
  return ch.size() > 1 && display_width(ch) == 2;
}

double em_width(std::string_view ch) {
  if (ch.size() > 1)
    return is_wide(ch) ? 1.0 : 0.6;
  auto c = static_cast<unsigned char>(ch[0]);
  return c >= 0x20 && c < 0x7f ? kCalibri[c - 0x20] / 1000.0 : 0.6;
}

bool has_wide(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }))
    return false;
  for (size_t i = 0; i < text.size(); i += char_length(text, i)) {
    if (is_wide(text.substr(i, char_length(text, i))))
      return true;
  }
  return false;
}

}  // namespace

int wrapped_lines(std::string_view text, double width, bool bold) {
  const double line = std::max(1.0, (width * kPixelsPerDigit - kInnerMargins) / kPixelsPerEm);
  const double scale = kSpare * (bold ? kBold : 1.0);
  // Most cells are short: no character is wider than an em, and none takes
  // fewer bytes than it is wide.
  if (static_cast<double>(text.size()) * scale <= line && text.find('\n') == text.npos)
    return 1;
  int lines = 1;
  double used = 0;  // ems on the current line
  // A word: a run of characters with no break inside, moved whole to the
  // next line when it does not fit, and split where it fits no line.
  auto place = [&](double word, const std::vector<double>& glyphs) {
    if (used + word <= line) {
      used += word;
    } else if (word <= line) {
      ++lines;
      used = word;
    } else {
      lines += used > 0 ? 1 : 0;
      used = 0;
      for (double g : glyphs) {
        if (used > 0 && used + g > line) {
          ++lines;
          used = 0;
        }
        used += g;
      }
    }
  };
  std::vector<double> glyphs;
  double word = 0;
  auto end_word = [&] {
    if (!glyphs.empty())
      place(word, glyphs);
    glyphs.clear();
    word = 0;
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = char_length(text, i);
    std::string_view ch = text.substr(i, len);
    i += len;
    if (ch == "\n") {
      end_word();
      ++lines;
      used = 0;
    } else if (ch == " ") {
      end_word();
      used += em_width(ch) * scale;  // a space at the end of a line may hang over
    } else if (is_wide(ch)) {
      end_word();
      place(scale, {scale});
    } else {
      glyphs.push_back(em_width(ch) * scale);
      word += glyphs.back();
    }
  }
  end_word();
  return lines;
}

double row_height(const std::vector<Cell>& cells, const std::vector<SheetColumn>& columns,
                  bool bold) {
  double height = kLatinLine;
  for (size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
    const auto* text = std::get_if<std::string>(&cells[c]);
    if (!text)
      continue;
    int lines = wrapped_lines(*text, columns[c].width, bold);
    height = std::max(height, lines * (has_wide(*text) ? kChineseLine : kLatinLine));
  }
  return std::min(std::ceil(height), kMaxRowHeight);
}

}  // namespace numreg
