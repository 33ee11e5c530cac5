// The audit sheet as an XLSX workbook (libxlsxwriter): typed cells only.
#pragma once

#include <string>

#include "registry/audit/sheet.hpp"

namespace numreg {

/// Write `sheet` to a new workbook at `path`: one worksheet per part, header
/// row frozen and filtered, column widths set, dates as dates. Throws a
/// cant_create Failure when the file cannot be written.
void write_xlsx(const std::string& path, const AuditSheet& sheet);

}  // namespace numreg
