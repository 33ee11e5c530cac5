// What an audit covers: regions, resource kinds, one holder, chosen rules;
// and the SQL conditions that put leases, holders and campaigns in scope.
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

/// SQL condition: column `column` holds a region within `code`.
std::string region_sql(const std::string& column, const std::string& code);

/// SQL condition: lease alias `l` lies in the scope (any status, any date).
std::string lease_scope_sql(const AuditScope& scope, const std::string& l);

/// SQL condition: holder alias `h` lies in the scope: it is the holder asked
/// for, and it has a lease in the scope's regions and kinds (or is registered
/// in one of the regions when no kind is asked for).
std::string holder_scope_sql(const AuditScope& scope, const std::string& h);

}  // namespace numreg
