// numreg export: every record of a kind as CSV, JSON or YAML, with the
// schema's field names as headers and keys, so an export imports again.
#pragma once

#include <iosfwd>
#include <string>

#include "registry/ledger.hpp"

namespace numreg {

struct ExportOptions {
  std::string format = "csv";     // csv, json, yaml
  bool unmask = false;            // personal data in clear (journaled)
  bool spreadsheet_safe = false;  // CSV: a leading ' before cells starting = + - @ tab CR
};

/// Read "csv", "json" or "yaml"; "xlsx" and anything else are usage errors.
std::string export_format(const std::string& name);

/// Write every record of `kind` to `out`; with `unmask`, journal that
/// personal data left the registry unmasked. Returns the number of records.
size_t export_records(Ledger& ledger, const Kind& kind, const ExportOptions& options,
                      const Change& change, std::ostream& out);

/// One CSV cell, quoted when it must be (RFC 4180).
std::string csv_cell(std::string_view text, bool spreadsheet_safe);

}  // namespace numreg
