// Findings put in the audit's order (rule, key, message) as a rule's check
// hands them over, so that they can go on to a writer one at a time.
#pragma once

#include <functional>
#include <vector>

#include "registry/rules/rule.hpp"

namespace numreg {

/// Where findings go, one at a time, sorted by rule, key and message.
using FindingSink = std::function<void(Finding&&)>;

/// Orders the findings of one rule at a time. A rule whose store answer
/// comes by key is held one key at a time (its findings sorted by message);
/// any other rule is held whole and sorted when it ends.
class FindingOrder {
 public:
  explicit FindingOrder(const FindingSink& sink) : sink_(sink) {}

  /// Start a rule; `by_key`: its findings arrive in key order.
  void begin_rule(bool by_key);
  /// Take one finding of the current rule; throws an internal Failure when a
  /// rule said to come by key does not.
  void add(Finding finding);
  /// Hand over what the current rule still holds.
  void end_rule();

 private:
  void flush();

  const FindingSink& sink_;
  std::vector<Finding> held_;
  bool by_key_ = true;
};

}  // namespace numreg
