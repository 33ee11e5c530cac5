#include "registry/rules/checks.hpp"

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
  findings.add(make_finding(rule, std::move(key), std::move(message)));
}

namespace {

struct Check {
  const char* id;
  void (*run)(CheckContext&);
  bool by_key;  // its findings come in key order (the store answers by key)
};

// R008 sweeps permits in number order, and R013 reads permits, then
// resources: their findings are sorted when the rule ends.
constexpr Check kChecks[] = {
    {"R001", check_r001, true},  {"R002", check_r002, true},  {"R003", check_r003, true},
    {"R004", check_r004, true},  {"R005", check_r005, true},  {"R006", check_r006, true},
    {"R007", check_r007, true},  {"R008", check_r008, false}, {"R009", check_r009, true},
    {"R010", check_r010, true},  {"R011", check_r011, true},  {"R012", check_r012, true},
    {"R013", check_r013, false},
};

}  // namespace

}  // namespace checks

RuleSettings rule_settings(const Config& config) {
  RuleSettings s;
  s.key_regions = config.get_list("audit.key_regions");
  s.verify_days = static_cast<int>(config.get_int("audit.verify_days"));
  return s;
}

void check_rules(store::Store& store, Date date, const AuditScope& scope,
                 const RuleSettings& settings, const ProgressCallback& progress,
                 const FindingSink& sink) {
  FindingOrder order(sink);
  checks::CheckContext c{store, date, scope, settings, order, progress};
  for (const auto& check : checks::kChecks)
    c.done.total += scope.wants(check.id) ? 1 : 0;
  c.report();
  for (const auto& check : checks::kChecks) {
    if (!scope.wants(check.id))
      continue;
    order.begin_rule(check.by_key);
    check.run(c);
    order.end_rule();
    ++c.done.done;
    c.report();
  }
}

std::vector<Finding> check_rules(store::Store& store, Date date, const AuditScope& scope,
                                 const RuleSettings& settings, const ProgressCallback& progress) {
  std::vector<Finding> findings;
  check_rules(store, date, scope, settings, progress,
              [&](Finding&& f) { findings.push_back(std::move(f)); });
  return findings;
}

}  // namespace numreg
