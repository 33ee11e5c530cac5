// One sheet of typed cells: what the XLSX writer takes, whether it holds the
// audit's Summary, Sample and Findings or every record of a kind.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "registry/types/date.hpp"

namespace numreg {

/// A cell: empty, text, a whole number or a date. Never a formula.
using Cell = std::variant<std::monostate, std::string, int64_t, Date>;

/// One column: its stable ID (JSON key), header for people, and width (in
/// characters of the workbook's default font; longer text wraps).
struct SheetColumn {
  std::string id;
  std::string header;
  double width = 12;
};

/// How a sheet prints: a table, one page wide and as long as it takes, or a
/// form of labels beside their values, on one page.
enum class SheetLayout { table, form };

/// One sheet of a workbook.
struct SheetPart {
  std::string name;
  std::vector<SheetColumn> columns;
  std::vector<std::vector<Cell>> rows;
  SheetLayout layout = SheetLayout::table;
  double min_row_height = 0;  // points: room under each row to write by hand
};

/// What heads and foots every printed page of a workbook, in its reader's
/// language: what the sheets are (for an audit, its plan and seed) and
/// where they come from (the journal head, short), beside "page N of M".
struct PageCaption {
  std::string header;
  std::string footer;
  bool chinese = false;
};

/// The leading hex digits of the journal head that a caption shows.
constexpr size_t kShortHead = 12;

/// The text of a cell as CSV and tables show it (dates ISO).
std::string cell_text(const Cell& cell);

}  // namespace numreg
