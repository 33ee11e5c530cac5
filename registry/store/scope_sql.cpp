#include "registry/store/scope_sql.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace numreg::store {

namespace {

// Values are checked by normalised() before they are inlined: quoting is a
// second line of defence.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("''") : std::string(1, c);
  }
  return out + "'";
}

std::string any_region(const std::vector<std::string>& codes, const std::string& column) {
  std::string any;
  for (const auto& code : codes) {
    any += (any.empty() ? "" : " OR ") + region_sql(column, code);
  }
  return "(" + any + ")";
}

}  // namespace

std::string active_on_sql(const std::string& l, const std::string& param) {
  return fmt::format(
      "{0}.status = 'active' AND {0}.\"start\" <= {1} AND ({0}.\"end\" IS NULL OR "
      "{1} <= {0}.\"end\")",
      l, param);
}

std::string region_sql(const std::string& column, const std::string& code) {
  // A prefix as a range of text, so that an index on the column finds it:
  // bytewise, the texts starting with "4604" are those from "4604" up to,
  // not including, "4605" (codes are digits).
  size_t prefix = code.ends_with("0000") ? 2 : code.ends_with("00") ? 4 : code.size();
  if (prefix == code.size())
    return fmt::format("{} = {}", column, quoted(code));
  std::string from = code.substr(0, prefix);
  std::string to = from;
  ++to.back();
  return fmt::format("({0} >= {1} AND {0} < {2})", column, quoted(from), quoted(to));
}

std::string lease_scope_sql(const AuditScope& scope, const std::string& l) {
  std::string sql = "TRUE";  // SQLite and PostgreSQL both read TRUE
  if (!scope.regions.empty())
    sql += " AND " + any_region(scope.regions, l + ".region");
  if (!scope.kinds.empty()) {
    std::vector<std::string> kinds;
    for (const auto& k : scope.kinds)
      kinds.push_back(quoted(k));
    sql += fmt::format(" AND {}.resource IN (SELECT id FROM resources WHERE kind IN ({}))", l,
                       fmt::join(kinds, ", "));
  }
  if (!scope.holder.empty())
    sql += fmt::format(" AND {}.holder = {}", l, quoted(scope.holder));
  return sql;
}

std::string holder_scope_sql(const AuditScope& scope, const std::string& h) {
  std::string sql = "TRUE";  // SQLite and PostgreSQL both read TRUE
  if (!scope.holder.empty())
    sql += fmt::format(" AND {}.uscc = {}", h, quoted(scope.holder));
  if (scope.regions.empty() && scope.kinds.empty())
    return sql;
  AuditScope leases_only = scope;
  leases_only.holder.clear();
  // The holders of the scope's leases, found once through the leases' indexes.
  std::string has_lease = fmt::format("{}.uscc IN (SELECT sl.holder FROM leases AS sl WHERE {})", h,
                                      lease_scope_sql(leases_only, "sl"));
  if (scope.kinds.empty()) {
    return fmt::format("{} AND ({} OR {})", sql, has_lease,
                       any_region(scope.regions, h + ".region"));
  }
  return fmt::format("{} AND {}", sql, has_lease);
}

}  // namespace numreg::store
