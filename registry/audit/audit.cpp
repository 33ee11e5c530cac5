#include "registry/audit/audit.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

namespace numreg {

namespace {

// One pass over the population: every lease ID, or with a plan only the
// sampled ones (and their holders).
void draw(store::Store& store, const AuditRequest& r, AuditReport& report,
          std::map<std::string, std::string>& holder_of) {
  if (!r.plan) {
    store.population(r.as_of, r.scope,
                     [&](const store::Row& row) { report.sample.push_back(row.text(0)); });
    report.population = static_cast<int64_t>(report.sample.size());
    report.size.n = report.population;
    report.size.all = true;
    return;
  }
  report.population = store.population_size(r.as_of, r.scope);
  report.size = sample_size(*r.plan, report.population);
  SampleDraw sample(r.seed, report.size.n);
  store.population(r.as_of, r.scope,
                   [&](const store::Row& row) { sample.offer(row.text(0), row.text(1)); });
  for (auto& d : sample.ranked()) {
    holder_of.emplace(d.lease, d.tag);
    report.sample.push_back(std::move(d.lease));
  }
}

// With a sample, findings concern the sampled leases, their holders and
// those holders' campaigns.
std::vector<Finding> of_sample(store::Store& store, std::vector<Finding> all,
                               const std::map<std::string, std::string>& holder_of) {
  std::set<std::string> leases;
  std::set<std::string> holders;
  for (const auto& [lease, holder] : holder_of) {
    leases.insert(lease);
    holders.insert(holder);
  }
  std::map<std::string, std::string> campaign_holder;
  store.campaign_holders(
      [&](const store::Row& row) { campaign_holder.emplace(row.text(0), row.text(1)); });
  std::vector<Finding> out;
  for (auto& f : all) {
    bool keep = f.entity == "lease"    ? leases.count(f.key) > 0
                : f.entity == "holder" ? holders.count(f.key) > 0
                                       : holders.count(campaign_holder[f.key]) > 0;
    if (keep)
      out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

AuditReport run_audit(Ledger& ledger, const AuditRequest& request) {
  store::Store& store = ledger.store();
  AuditReport report;
  report.as_of = request.as_of;
  report.scope = request.scope;
  store::ReadSnapshot snapshot(store);
  ledger.journal().forget_head();
  report.journal_head = ledger.journal().head();
  report.journal_entries = store.journal_size();
  std::map<std::string, std::string> holder_of;
  draw(store, request, report, holder_of);
  std::vector<Finding> findings =
      check_rules(store, request.as_of, request.scope, request.settings, request.progress);
  if (request.plan) {
    report.plan = request.plan->text();
    report.seed = request.seed;
    report.findings = of_sample(store, std::move(findings), holder_of);
  } else {
    report.findings = std::move(findings);
  }
  return report;
}

bool reaches(const std::vector<Finding>& findings, Severity severity) {
  for (const auto& f : findings) {
    if (severity == Severity::warning || f.severity == Severity::error)
      return true;
  }
  return false;
}

}  // namespace numreg
