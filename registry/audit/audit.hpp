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

/// What hears an audit as it runs, in this order: its head, then (without a
/// plan, when the sample is the whole population) each lease ID of the
/// population in key order, then each finding sorted by rule, key and
/// message, then its end. Nothing is kept in between.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  /// The report without its findings; with a plan, with its sample.
  virtual void head(const AuditReport& report) = 0;
  /// One lease of the population (no plan).
  virtual void lease(const std::string& id) = 0;
  /// One finding (with a plan: one of the sample).
  virtual void finding(const Finding& finding) = 0;
  /// Nothing follows.
  virtual void end() = 0;
};

/// Run an audit on one read snapshot of `ledger`, handing it to `sink` as it goes.
void run_audit(Ledger& ledger, const AuditRequest& request, AuditSink& sink);

/// Run an audit on one read snapshot of `ledger` and keep all of it.
AuditReport run_audit(Ledger& ledger, const AuditRequest& request);

/// Hand `report` to `sink` as run_audit would have.
void replay(const AuditReport& report, AuditSink& sink);

}  // namespace numreg
