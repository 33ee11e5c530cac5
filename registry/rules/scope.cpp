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

}  // namespace numreg
