// Inspections: an audit recorded with its sample and findings, and the
// inspector's on-site results brought back from the filled-in sheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/audit/audit.hpp"

namespace numreg {

/// One recorded inspection.
struct Inspection {
  std::string id;  // "2026-11-29-001"
  std::string inspector;
  std::string date;
  std::string scope;
  std::string plan;
  std::string seed;
  std::vector<std::string> sample;
  nlohmann::ordered_json findings;  // array of findings
  std::string journal_head;
  nlohmann::ordered_json results;  // array of site results, or null

  nlohmann::ordered_json to_json() const;
};

class SpooledAudit;

/// Store `report` as a new inspection by `change.actor`, journaled; returns its ID.
std::string record_inspection(Ledger& ledger, const AuditReport& report, const Change& change);

/// Store `audit` as a new inspection by `change.actor`, journaled, its
/// findings read from their spool; returns its ID.
std::string record_inspection(Ledger& ledger, const SpooledAudit& audit, const Change& change);

/// Every inspection, oldest first.
std::vector<Inspection> list_inspections(Ledger& ledger);

/// The inspection with this ID, or the newest for ""; a data Failure when none.
Inspection get_inspection(Ledger& ledger, const std::string& id);

/// One row of the Sample sheet as the inspector filled it in.
struct SiteResult {
  Location where;
  std::string lease;
  std::string location_confirmed;
  std::string contract_sighted;
  std::string callers_confirmed;
  std::string notes;
  std::string signature;

  /// True when the inspector filled in anything but notes.
  bool checked() const;
};

/// Read the Sample rows of a filled-in sheet saved as CSV (the whole audit
/// CSV, or the Sample sheet alone; English or Chinese headers). Cells lose
/// the apostrophe that kept them from being formulas. Throws a data Failure
/// with every problem found.
std::vector<SiteResult> read_site_results(std::string_view text, const std::string& file);

/// What applying results did.
struct ResultsOutcome {
  std::string inspection;
  int verified = 0;   // leases whose verified_on was set
  int unchecked = 0;  // sample rows left empty
};

/// In one transaction: set verified_on = `checked_on` on every checked lease
/// (journaled) and keep all rows with the inspection. Every lease must be in
/// the inspection's sample.
ResultsOutcome apply_site_results(Ledger& ledger, const std::string& inspection,
                                  const std::vector<SiteResult>& results, Date checked_on,
                                  const Change& change);

}  // namespace numreg
