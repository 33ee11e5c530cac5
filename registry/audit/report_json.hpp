// The audit as JSON: DESIGN.md's keys, and with a sheet its full content.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "registry/audit/sheet.hpp"

namespace numreg {

/// {"as_of","seed","plan","population","sample","findings"} and, after them,
/// "scope", "sample_size", "code_letter", "ac", "re", "journal_head".
nlohmann::ordered_json audit_json(const AuditReport& report);

/// Writes audit_json(report).dump(2) to `out` as the audit runs, each lease
/// and finding as it comes, so that memory does not grow with them.
class AuditJsonWriter : public AuditSink {
 public:
  explicit AuditJsonWriter(std::ostream& out) : out_(out) {}
  void head(const AuditReport& report) override;
  void lease(const std::string& id) override;
  void finding(const Finding& finding) override;
  void end() override;
  /// End the findings and write the members after them, leaving the
  /// document open for more members.
  void end_members();

 private:
  void end_sample();
  std::ostream& out_;
  nlohmann::ordered_json tail_;  // the members after "findings"
  enum class At { sample, findings, done } at_ = At::sample;
  size_t items_ = 0;  // of the array being written
  std::string item_;  // the element being written
};

/// Write audit_json(report).dump(2) to `out` piece by piece.
void write_audit_json(std::ostream& out, const AuditReport& report);

/// audit_json plus "summary" (item -> value) and "sample_rows" (objects
/// keyed by column ID): what the XLSX and CSV sheets hold.
nlohmann::ordered_json sheet_json(const AuditReport& report, const AuditSheet& sheet);

class SpooledAudit;

/// Write sheet_json of `audit` and its sheet, dump(2) and a newline, to
/// `out`, a lease, finding and sample row at a time.
void write_sheet_json(std::ostream& out, Ledger& ledger, const SpooledAudit& audit,
                      const SheetOptions& options);

/// A finding as {"rule","severity","entity","key","message"}.
nlohmann::ordered_json finding_json(const Finding& finding);

}  // namespace numreg
