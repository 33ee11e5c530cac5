// The audit: the leases active on a date within the filters, a reproducible
// sample of them, and the findings of the rule catalogue, read from one
// snapshot of the registry together with the journal's head hash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "registry/audit/sampling.hpp"
#include "registry/ledger.hpp"
#include "registry/rules/checks.hpp"

namespace numreg {

/// What to audit and how to sample.
struct AuditRequest {
  AuditScope scope;
  Date as_of;
  std::optional<SamplePlan> plan;  // none: the whole population
  std::string seed;                // with a plan
  RuleSettings settings;
  ProgressCallback progress;  // hears how far the rules have got (see check_rules)
};

/// What an audit found.
struct AuditReport {
  Date as_of;
  AuditScope scope;
  std::optional<std::string> seed;
  std::string plan = "all";
  int64_t population = 0;
  SampleSize size;
  std::vector<std::string> sample;  // lease IDs in rank order (key order without a plan)
  std::vector<Finding> findings;    // without a plan: all in scope; else those of the sample
  std::string journal_head;
  int64_t journal_entries = 0;
  std::string inspection;  // the inspection's ID once recorded
};

/// Run an audit on one read snapshot of `ledger`.
AuditReport run_audit(Ledger& ledger, const AuditRequest& request);

/// How many findings of each severity; true when one reaches `severity`.
bool reaches(const std::vector<Finding>& findings, Severity severity);

}  // namespace numreg
