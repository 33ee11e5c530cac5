// The audit sheet: Summary, Sample and Findings as typed cells, the one
// content that the XLSX, CSV and JSON outputs all carry.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/audit/audit.hpp"
#include "registry/export/sheet_part.hpp"
#include "registry/export/sheet_writer.hpp"

namespace numreg {

/// The three sheets.
struct AuditSheet {
  SheetPart summary;
  SheetPart sample;
  SheetPart findings;
  PageCaption caption;  // date, plan, seed, scope and journal head on every printed page

  /// The parts in workbook order.
  std::vector<const SheetPart*> parts() const { return {&summary, &sample, &findings}; }
};

/// Text in the reader's language: a finding's message, or a word of a cell.
using Translate = std::function<std::string(std::string_view)>;

/// How to write the sheet.
struct SheetOptions {
  bool chinese = false;  // Chinese headers
  bool unmask = false;   // personal data in full
  // For people's sheets in Chinese: finding messages, and enum values of
  // cells (enterprise, marketing, trunk, warning); unset: as stored.
  Translate message;
  Translate value;
};

/// The inspector's columns of the Sample sheet, left empty for the site visit.
extern const char* const kInspectorColumns[5];

class SpooledAudit;

/// Hand the Summary, Sample and Findings sheets of `audit` to `writer`, the
/// Sample's rows read from the registry a chunk of leases at a time.
void write_sheet(Ledger& ledger, const SpooledAudit& audit, const SheetOptions& options,
                 SheetWriter& writer);

/// What heads and foots each printed page of the sheet of `report`.
PageCaption sheet_caption(const AuditReport& report, const SheetOptions& options);

/// Build the sheet of `report` from the registry, rows and all.
AuditSheet build_sheet(Ledger& ledger, const AuditReport& report, const SheetOptions& options);

}  // namespace numreg

namespace numreg {

/// The ID of the Sample column whose English or Chinese header is `header`
/// (case and blanks around it ignored), or "".
std::string sample_column_id(std::string_view header);

}  // namespace numreg
