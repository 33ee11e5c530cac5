// Sheets of typed cells as an XLSX workbook (libxlsxwriter): the audit sheet
// and `export --format xlsx`.
#pragma once

#include <string>
#include <vector>

#include "registry/export/sheet_part.hpp"

namespace numreg {

/// Write `parts` to a new workbook at `path`, one worksheet each in order:
/// header row frozen and filtered, column widths set, text cells typed as
/// text (never a formula), dates as dates, long text wrapped where its
/// column says. Each sheet is set up to print on A4 landscape one page wide
/// (a form on one page), its header row repeated and `caption` heading and
/// footing every page. Throws a cant_create Failure when the file cannot be
/// written.
void write_xlsx(const std::string& path, const std::vector<const SheetPart*>& parts,
                const PageCaption& caption);

}  // namespace numreg
