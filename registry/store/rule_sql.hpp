// The SQL behind the rule catalogue, written once for both stores: one
// set-based query per rule (two for R013), never a query per lease. What each
// answers, its columns and their order are said at RuleQuery in store.hpp.
// The few places where SQLite's and PostgreSQL's dialects differ go through
// SqlDialect.
#pragma once

#include <string>
#include <vector>

#include "registry/store/store.hpp"

namespace numreg::store {

/// How a store's SQL spells what the dialects spell differently.
struct SqlDialect {
  std::string date;   // the audit's date, bound as the first parameter
  std::string since;  // the verification cut-off, bound as the second
  bool postgres = false;

  /// A truth value read as an integer 0/1.
  std::string truth(const std::string& condition) const;
  /// The texts of `item` of a group joined by ", ", in the order of `order`.
  std::string joined(const std::string& item, const std::string& order) const;
  /// 2 to the power of integer `exponent`, as a 64-bit integer.
  std::string power_of_two(const std::string& exponent) const;
};

/// True when the scope picks some leases (regions, kinds, a holder): their
/// indexes then lead each query, rather than a pass over the whole ledger.
bool narrowed(const AuditScope& scope);

/// The query answering `query`, in `dialect`.
std::string rule_sql(RuleQuery query, const RuleQueryArgs& a, const SqlDialect& dialect);

/// The values `query` binds, in order: none, the date, or the date and the
/// verification cut-off.
std::vector<std::string> rule_params(RuleQuery query, const RuleQueryArgs& a);

/// R004 over the whole ledger: the number ranges each holder holds on the
/// date, as the rows of a table (SQLite builds it as an indexed temporary
/// table, PostgreSQL as a materialized CTE), and the permits that no range
/// held by their holder covers, reading the ranges from `held`.
std::string r004_held_sql(const SqlDialect& dialect);
std::string r004_unheld_sql(const SqlDialect& dialect, const std::string& held);

}  // namespace numreg::store
