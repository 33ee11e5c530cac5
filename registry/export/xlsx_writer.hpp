// Sheets of typed cells as an XLSX workbook (libxlsxwriter): the audit sheet
// and `export --format xlsx`.
#pragma once

#include <string>
#include <vector>

#include "registry/export/sheet_part.hpp"

namespace numreg {

/// Write `parts` to a new workbook at `path`, one worksheet each in order:
/// header row frozen and filtered, column widths set, text cells typed as
/// text (never a formula), dates as dates, and `caption` heading every
/// printed page. Throws a cant_create Failure when the file cannot be written.
void write_xlsx(const std::string& path, const std::vector<const SheetPart*>& parts,
                const std::string& caption);

}  // namespace numreg
