#include "registry/rules/checks.hpp"

#include <algorithm>
#include <tuple>

#include "registry/rules/check_context.hpp"

namespace numreg {

namespace checks {

void CheckContext::each(store::RuleQuery query, const store::RowSink& row) const {
  store::RuleQueryArgs args{date, scope, settings.key_regions,
                            date.plus_days(-settings.verify_days)};
  store.rule_rows(query, args, [&](const store::Row& r) {
    row(r);
    if (++done.records % 4096 == 0)
      report();
  });
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

std::vector<Finding> check_rules(store::Store& store, Date date, const AuditScope& scope,
                                 const RuleSettings& settings, const ProgressCallback& progress) {
  std::vector<Finding> findings;
  checks::CheckContext c{store, date, scope, settings, findings, progress};
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
