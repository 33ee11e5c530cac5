#include "registry/rules/scope.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/model/kind.hpp"
#include "registry/rules/rule.hpp"
#include "registry/types/region.hpp"

namespace numreg {

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

Failure usage(const std::string& code, const std::string& message) {
  return Failure(make_error(ErrorKind::usage, code, message));
}

}  // namespace

bool AuditScope::wants(const std::string& rule) const {
  return rules.empty() || std::find(rules.begin(), rules.end(), rule) != rules.end();
}

std::string AuditScope::describe() const {
  std::vector<std::string> parts;
  if (!regions.empty()) {
    std::vector<std::string> names;
    for (const auto& r : regions) {
      std::string_view name = region_name(r);
      names.push_back(name.empty() ? r : fmt::format("{} {}", r, name));
    }
    parts.push_back(fmt::format("region {}", fmt::join(names, ", ")));
  }
  if (!kinds.empty())
    parts.push_back(fmt::format("kind {}", fmt::join(kinds, ", ")));
  if (!holder.empty())
    parts.push_back("holder " + holder);
  if (!rules.empty())
    parts.push_back(fmt::format("rule {}", fmt::join(rules, ", ")));
  return parts.empty() ? "all" : fmt::format("{}", fmt::join(parts, "; "));
}

AuditScope normalised(AuditScope scope) {
  for (auto& id : scope.rules) {
    const Rule* rule = find_rule(id);
    if (!rule) {
      throw usage("rule-unknown", fmt::format("--rule: no rule '{}' (see `numreg rules`)", id));
    }
    id = std::string(rule->id);
  }
  const auto& known = kind("resources").field("kind")->values;
  for (const auto& k : scope.kinds) {
    if (std::find(known.begin(), known.end(), k) == known.end()) {
      throw usage("kind-unknown", fmt::format("--kind: '{}' is not a resource kind (expected {})",
                                              k, fmt::join(known, ", ")));
    }
  }
  for (auto& c : scope.holder)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!scope.holder.empty() && (scope.holder.size() != 18 ||
                                !std::all_of(scope.holder.begin(), scope.holder.end(),
                                             [](unsigned char c) { return std::isalnum(c); }))) {
    throw usage("holder-form",
                fmt::format("--holder: '{}' is not a USCC (18 letters and digits)", scope.holder));
  }
  return scope;
}

std::string region_sql(const std::string& column, const std::string& code) {
  if (code.ends_with("0000")) {
    return fmt::format("substr({}, 1, 2) = {}", column, quoted(code.substr(0, 2)));
  }
  if (code.ends_with("00")) {
    return fmt::format("substr({}, 1, 4) = {}", column, quoted(code.substr(0, 4)));
  }
  return fmt::format("{} = {}", column, quoted(code));
}

std::string lease_scope_sql(const AuditScope& scope, const std::string& l) {
  std::string sql = "1";
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
  std::string sql = "1";
  if (!scope.holder.empty())
    sql += fmt::format(" AND {}.uscc = {}", h, quoted(scope.holder));
  if (scope.regions.empty() && scope.kinds.empty())
    return sql;
  AuditScope leases_only = scope;
  leases_only.holder.clear();
  std::string has_lease =
      fmt::format("EXISTS (SELECT 1 FROM leases AS sl WHERE sl.holder = {}.uscc AND {})", h,
                  lease_scope_sql(leases_only, "sl"));
  if (scope.kinds.empty()) {
    return fmt::format("{} AND ({} OR {})", sql, has_lease,
                       any_region(scope.regions, h + ".region"));
  }
  return fmt::format("{} AND {}", sql, has_lease);
}

}  // namespace numreg
