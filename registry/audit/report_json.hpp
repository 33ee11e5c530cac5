// The audit as JSON: DESIGN.md's keys, and with a sheet its full content.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "registry/audit/sheet.hpp"

namespace numreg {

/// {"as_of","seed","plan","population","sample","findings"} and, after them,
/// "scope", "sample_size", "code_letter", "ac", "re", "journal_head".
nlohmann::ordered_json audit_json(const AuditReport& report);

/// Write audit_json(report).dump(2) to `out` piece by piece, so that the
/// sample and findings of a large registry are never held as JSON at once.
void write_audit_json(std::ostream& out, const AuditReport& report);

/// audit_json plus "summary" (item -> value) and "sample_rows" (objects
/// keyed by column ID): what the XLSX and CSV sheets hold.
nlohmann::ordered_json sheet_json(const AuditReport& report, const AuditSheet& sheet);

/// A finding as {"rule","severity","entity","key","message"}.
nlohmann::ordered_json finding_json(const Finding& finding);

}  // namespace numreg
