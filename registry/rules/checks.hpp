// Running the rule catalogue over the whole ledger: each rule is one
// set-based query or one pass, never a query per lease.
#pragma once

#include <string>
#include <vector>

#include "registry/config.hpp"
#include "registry/progress.hpp"
#include "registry/rules/finding_order.hpp"
#include "registry/rules/rule.hpp"
#include "registry/rules/scope.hpp"
#include "registry/store/store.hpp"
#include "registry/types/date.hpp"

namespace numreg {

/// The thresholds rules read from the configuration.
struct RuleSettings {
  std::vector<std::string> key_regions{"460400", "469007"};  // R010
  int verify_days = 180;                                     // R010
};

/// audit.key_regions and audit.verify_days from `config`.
RuleSettings rule_settings(const Config& config);

/// Check the rules `scope` asks for (all when none) on `date` and hand each
/// finding to `sink`, sorted by rule, key and message; a rule holds at most
/// one key's findings at a time (R008 and R013: all of theirs). `progress`,
/// when set, hears after each rule and every 4096 rows read: rows as
/// records, rules run of rules asked.
void check_rules(store::Store& store, Date date, const AuditScope& scope,
                 const RuleSettings& settings, const ProgressCallback& progress,
                 const FindingSink& sink);

/// The findings of check_rules, all in one vector.
std::vector<Finding> check_rules(store::Store& store, Date date, const AuditScope& scope,
                                 const RuleSettings& settings,
                                 const ProgressCallback& progress = {});

}  // namespace numreg
