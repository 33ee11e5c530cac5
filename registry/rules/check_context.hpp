// What every rule check shares (internal to registry/rules).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "registry/rules/checks.hpp"
#include "registry/rules/finding_order.hpp"
#include "registry/store/store.hpp"

namespace numreg::checks {

/// The store, date, scope and settings of one run, and where findings go.
struct CheckContext {
  store::Store& store;
  Date date;
  const AuditScope& scope;
  const RuleSettings& settings;
  FindingOrder& findings;
  const ProgressCallback& progress;
  mutable WorkProgress done{};  // rows read, rules run of rules asked

  /// Ask the store for `query` about this run and call `row` per row.
  void each(store::RuleQuery query, const store::RowSink& row) const;
  void add(const char* rule, std::string key, std::string message) const;
  /// Tell `progress` (when set) how far the run has got.
  void report() const;
};

void check_r001(CheckContext& c);  // holder_rules.cpp
void check_r012(CheckContext& c);
void check_r002(CheckContext& c);  // lease_rules.cpp
void check_r003(CheckContext& c);
void check_r006(CheckContext& c);
void check_r007(CheckContext& c);
void check_r009(CheckContext& c);
void check_r010(CheckContext& c);
void check_r011(CheckContext& c);
void check_r004(CheckContext& c);  // permit_rules.cpp
void check_r005(CheckContext& c);
void check_r008(CheckContext& c);
void check_r013(CheckContext& c);  // number_rules.cpp

}  // namespace numreg::checks
