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

/// One column: its stable ID (JSON key), header for people, and width.
struct SheetColumn {
  std::string id;
  std::string header;
  double width = 12;
};

/// One sheet of a workbook.
struct SheetPart {
  std::string name;
  std::vector<SheetColumn> columns;
  std::vector<std::vector<Cell>> rows;
};

/// The text of a cell as CSV and tables show it (dates ISO).
std::string cell_text(const Cell& cell);

}  // namespace numreg
