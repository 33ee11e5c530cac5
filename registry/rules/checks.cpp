#include "registry/rules/checks.hpp"

#include <algorithm>
#include <tuple>

#include "registry/ledger.hpp"
#include "registry/rules/check_context.hpp"

namespace numreg {

namespace checks {

std::string CheckContext::active(const std::string& alias) const {
  return active_on_sql(alias, "?1");
}

std::string CheckContext::in_scope(const std::string& alias) const {
  return lease_scope_sql(scope, alias);
}

void CheckContext::each(const std::string& sql, std::initializer_list<std::string> binds,
                        const std::function<void(store::Statement&)>& row) const {
  store::Statement st(db, sql);
  int i = 1;
  for (const auto& b : binds)
    st.bind(i++, b);
  while (st.step()) {
    row(st);
    if (++done.records % 4096 == 0)
      report();
  }
}

void CheckContext::report() const {
  if (progress)
    progress(done);
}

void CheckContext::add(const char* rule, std::string key, std::string message) const {
  findings.push_back(make_finding(rule, std::move(key), std::move(message)));
}

namespace {

struct Check {
  const char* id;
  void (*run)(CheckContext&);
};

constexpr Check kChecks[] = {
    {"R001", check_r001}, {"R002", check_r002}, {"R003", check_r003}, {"R004", check_r004},
    {"R005", check_r005}, {"R006", check_r006}, {"R007", check_r007}, {"R008", check_r008},
    {"R009", check_r009}, {"R010", check_r010}, {"R011", check_r011}, {"R012", check_r012},
    {"R013", check_r013},
};

}  // namespace

}  // namespace checks

RuleSettings rule_settings(const Config& config) {
  RuleSettings s;
  s.key_regions = config.get_list("audit.key_regions");
  s.verify_days = static_cast<int>(config.get_int("audit.verify_days"));
  return s;
}

std::vector<Finding> check_rules(store::Database& db, Date date, const AuditScope& scope,
                                 const RuleSettings& settings, const ProgressCallback& progress) {
  std::vector<Finding> findings;
  checks::CheckContext c{db, date, scope, settings, findings, progress};
  for (const auto& check : checks::kChecks)
    c.done.total += scope.wants(check.id) ? 1 : 0;
  c.report();
  for (const auto& check : checks::kChecks) {
    if (!scope.wants(check.id))
      continue;
    check.run(c);
    ++c.done.done;
    c.report();
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.rule, a.key, a.message) < std::tie(b.rule, b.key, b.message);
  });
  return findings;
}

}  // namespace numreg
