// How tall a worksheet row must be for its wrapped text. libxlsxwriter
// writes no row heights, and LibreOffice does not fit rows to wrapped text
// when it opens a workbook, so that long text would print cut off: the
// writer sets each row's height itself, from the text's width in the
// workbook's font (11-point Calibri, or Carlito, its metric twin), erring
// on the tall side.
#pragma once

#include <string_view>
#include <vector>

#include "registry/export/sheet_part.hpp"

namespace numreg {

/// Lines `text` takes wrapped within a column `width` characters wide (the
/// width of a digit, as XLSX counts column widths), in bold or not:
/// breaking at spaces, around Chinese characters and at newlines, and
/// within a word too long for a line.
int wrapped_lines(std::string_view text, double width, bool bold = false);

/// Points a row of `cells` under `columns` needs: its tallest cell's lines,
/// each as tall as a line of Chinese where the cell has any.
double row_height(const std::vector<Cell>& cells, const std::vector<SheetColumn>& columns,
                  bool bold = false);

/// The tallest row a worksheet takes, in points.
constexpr double kMaxRowHeight = 409;

}  // namespace numreg
