// Findings put in the audit's order (rule, key, message) as a rule's check
// hands them over, so that they can go on to a writer one at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "registry/rules/rule.hpp"
#include "registry/util/record_spool.hpp"

namespace numreg {

/// Where findings go, one at a time, sorted by rule, key and message.
using FindingSink = std::function<void(Finding&&)>;

/// Orders the findings of one rule at a time. A rule whose store answer
/// comes by key is held one key at a time (its findings sorted by message);
/// any other rule is sorted when it ends: held in memory up to
/// `memory_bytes`, beyond that in sorted runs on a spool, merged at the end,
/// so that memory does not follow the number of findings.
class FindingOrder {
 public:
  explicit FindingOrder(const FindingSink& sink, size_t memory_bytes = size_t{32} << 20)
      : sink_(sink), memory_bytes_(memory_bytes) {}

  /// Start a rule; `by_key`: its findings arrive in key order.
  void begin_rule(bool by_key);
  /// Take one finding of the current rule; throws an internal Failure when a
  /// rule said to come by key does not.
  void add(Finding finding);
  /// Hand over what the current rule still holds.
  void end_rule();

 private:
  void flush();
  void sort_held();
  void spill();
  void merge_runs();

  const FindingSink& sink_;
  size_t memory_bytes_;
  std::vector<Finding> held_;
  size_t held_bytes_ = 0;
  bool by_key_ = true;
  std::unique_ptr<RecordSpool> runs_;                  // sorted runs of the current rule
  std::vector<std::pair<uint64_t, uint64_t>> bounds_;  // each run's place on runs_
};

}  // namespace numreg
