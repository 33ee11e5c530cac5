// An audit kept on spools as it runs (registry/util/record_spool.hpp), so that
// a sheet, an inspection record and the output on stdout can each read it
// back in turn while memory stays flat, whatever the number of findings.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "registry/audit/audit.hpp"
#include "registry/util/record_spool.hpp"

namespace numreg {

/// Reads the findings of a spooled audit, in the audit's order.
class FindingReader {
 public:
  explicit FindingReader(RecordSpool::Reader reader) : reader_(std::move(reader)) {}
  /// Set `finding` to the next finding and return true, or false at the end.
  bool next(Finding& finding);

 private:
  RecordSpool::Reader reader_;
  std::string record_;
};

/// Keeps what it hears: the head in memory (with a plan, its sample), the
/// population's lease IDs (no plan) and the findings on spools, and how
/// many findings each rule has.
class SpooledAudit : public AuditSink {
 public:
  void head(const AuditReport& report) override { head_ = report; }
  void lease(const std::string& id) override;
  void finding(const Finding& finding) override;
  void end() override {}

  /// The report without its findings; with a plan, with its sample.
  const AuditReport& report() const { return head_; }
  /// Set the ID of the inspection that recorded the audit.
  void set_inspection(const std::string& id) { head_.inspection = id; }

  /// How many leases are in the sample (the population without a plan).
  int64_t sample_size() const;
  /// Call `visit` with each sampled lease ID, in rank order (key order without a plan).
  void each_lease(const std::function<void(const std::string&)>& visit) const;
  /// Every finding, in the audit's order.
  FindingReader findings() const { return FindingReader(findings_.reader()); }
  /// The findings of rule `rule` (an ID), in key order.
  FindingReader findings_of(const std::string& rule) const;
  /// How many findings rule `rule` has.
  int64_t count(const std::string& rule) const;
  /// How many findings there are.
  int64_t total() const { return total_; }
  /// True when a finding reaches `severity`.
  bool reaches(Severity severity) const;

  /// Hand the audit to `sink` as run_audit did.
  void replay(AuditSink& sink) const;

 private:
  struct RuleSpan {
    uint64_t from = 0;
    uint64_t to = 0;
    int64_t count = 0;
  };
  AuditReport head_;
  RecordSpool leases_;
  int64_t leases_count_ = 0;
  RecordSpool findings_;
  std::map<std::string, RuleSpan> rules_;
  std::string rule_;  // of the last finding
  std::string record_;
  int64_t total_ = 0;
  int64_t errors_ = 0;
};

}  // namespace numreg
