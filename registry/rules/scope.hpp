// What an audit covers: regions, resource kinds, one holder, chosen rules.
// The store turns a scope into its queries' conditions (store/scope_sql.hpp).
#pragma once

#include <string>
#include <vector>

namespace numreg {

/// Filters of an audit; empty members do not filter.
struct AuditScope {
  std::vector<std::string> regions;  // GB/T 2260 codes; a prefecture covers its districts
  std::vector<std::string> kinds;    // resource kinds of the leases
  std::string holder;                // holder USCC
  std::vector<std::string> rules;    // rule IDs, upper case

  /// True when the rule with this ID is to be checked.
  bool wants(const std::string& rule) const;
  /// "region 460400 儋州市; kind trunk; holder 9146...", or "all" for no filter.
  std::string describe() const;
};

/// Check the filters (known rule IDs and resource kinds, a USCC-shaped
/// holder) and bring them to canonical form; throws a usage Failure.
AuditScope normalised(AuditScope scope);

}  // namespace numreg
