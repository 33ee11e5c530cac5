// What every rule check shares (internal to registry/rules).
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "registry/rules/checks.hpp"
#include "registry/store/database.hpp"

namespace numreg::checks {

/// The database, date, scope and settings of one run, and where findings go.
struct CheckContext {
  store::Database& db;
  Date date;
  const AuditScope& scope;
  const RuleSettings& settings;
  std::vector<Finding>& findings;
  const ProgressCallback& progress;
  mutable WorkProgress done{};  // rows read, rules run of rules asked

  /// "l.status = 'active' AND ..." with the date as ?1.
  std::string active(const std::string& alias) const;
  /// The scope condition over lease alias `alias`.
  std::string in_scope(const std::string& alias) const;
  /// Run `sql` with these texts bound as ?1, ?2 ... and call `row` per row.
  void each(const std::string& sql, std::initializer_list<std::string> binds,
            const std::function<void(store::Statement&)>& row) const;
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
