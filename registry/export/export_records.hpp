// numreg export: every record of a kind as CSV, JSON, YAML or an XLSX
// workbook, with the schema's field names as headers and keys, so a CSV,
// JSON or YAML export imports again.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "registry/export/sheet_part.hpp"
#include "registry/ledger.hpp"

namespace numreg {

struct ExportOptions {
  std::string format = "csv";     // csv, json, yaml, xlsx
  bool unmask = false;            // personal data in clear (journaled)
  bool spreadsheet_safe = false;  // CSV: a leading ' before cells starting = + - @ tab CR
  bool chinese = false;           // XLSX: printed pages captioned in Chinese
};

/// Read "csv", "json", "yaml" (or "yml") or "xlsx"; anything else is a usage error.
std::string export_format(const std::string& name);

/// The format a file name's extension asks for (.csv, .json, .yaml, .yml,
/// .xlsx, any case), or "" for any other name.
std::string export_format_of_path(std::string_view path);

/// Write every record of `kind` to `out` as CSV, JSON or YAML; with
/// `unmask`, journal that personal data left the registry unmasked. Returns
/// the number of records.
size_t export_records(Ledger& ledger, const Kind& kind, const ExportOptions& options,
                      const Change& change, std::ostream& out);

/// Write every record of `kind` as an XLSX workbook at `path` (a new file):
/// one worksheet named for the kind (continued on "leases (2)" and so on past
/// a worksheet's 1,048,575 rows), dates as dates, integers as numbers, every
/// other cell typed text. Masking and journaling as export_records.
size_t export_records_xlsx(Ledger& ledger, const Kind& kind, const ExportOptions& options,
                           const Change& change, const std::string& path);

/// The records as worksheets of at most `rows_per_sheet` rows below the header.
std::vector<SheetPart> records_sheets(const Kind& kind, const std::vector<Record>& records,
                                      bool unmask, size_t rows_per_sheet);

/// One CSV cell, quoted when it must be (RFC 4180).
std::string csv_cell(std::string_view text, bool spreadsheet_safe);

}  // namespace numreg
