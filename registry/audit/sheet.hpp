// The audit sheet: Summary, Sample and Findings as typed cells, the one
// content that the XLSX, CSV and JSON outputs all carry.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "registry/audit/audit.hpp"

namespace numreg {

/// A cell: empty, text, a whole number or a date. Never a formula.
using Cell = std::variant<std::monostate, std::string, int64_t, Date>;

/// One column: its stable ID (JSON key), header for people, and width.
struct SheetColumn {
  std::string id;
  std::string header;
  double width = 12;
};

/// One sheet of the audit workbook.
struct SheetPart {
  std::string name;  // Summary, Sample, Findings
  std::vector<SheetColumn> columns;
  std::vector<std::vector<Cell>> rows;
};

/// The three sheets.
struct AuditSheet {
  SheetPart summary;
  SheetPart sample;
  SheetPart findings;
  std::string caption;  // "numreg audit as of ...; plan ...; seed ...", on every printed page
};

/// How to write the sheet.
struct SheetOptions {
  bool chinese = false;  // Chinese headers
  bool unmask = false;   // personal data in full
};

/// The inspector's columns of the Sample sheet, left empty for the site visit.
extern const char* const kInspectorColumns[5];

/// Build the sheet of `report` from the registry (one query for the sample).
AuditSheet build_sheet(Ledger& ledger, const AuditReport& report, const SheetOptions& options);

/// The text of a cell as CSV and tables show it (dates ISO).
std::string cell_text(const Cell& cell);

}  // namespace numreg

namespace numreg {

/// The ID of the Sample column whose English or Chinese header is `header`
/// (case and blanks around it ignored), or "".
std::string sample_column_id(std::string_view header);

}  // namespace numreg
