#include "registry/audit/audit.hpp"

#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace numreg {

namespace {

// A read transaction: every query of the audit sees the same registry.
class Snapshot {
 public:
  explicit Snapshot(store::Database& db) : db_(db) { db_.exec("BEGIN DEFERRED"); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot() {
    try {
      db_.exec("COMMIT");
    } catch (...) {
      // Nothing was written; a failed COMMIT of a read loses nothing.
    }
  }

 private:
  store::Database& db_;
};

struct Population {
  std::vector<std::string> leases;
  std::unordered_map<std::string, std::string> holder_of;  // with a sample plan only
};

Population population(store::Database& db, const AuditRequest& r) {
  Population p;
  store::Statement st(db, fmt::format("SELECT l.id, l.holder FROM leases AS l WHERE {} AND {} "
                                      "ORDER BY l.id",
                                      active_on_sql("l", "?1"), lease_scope_sql(r.scope, "l")));
  st.bind(1, r.as_of.iso());
  while (st.step()) {
    p.leases.push_back(st.text(0));
    if (r.plan) p.holder_of.emplace(st.text(0), st.text(1));
  }
  return p;
}

// With a sample, findings concern the sampled leases, their holders and
// those holders' campaigns.
std::vector<Finding> of_sample(store::Database& db, std::vector<Finding> all,
                               const std::vector<std::string>& sample, const Population& p) {
  std::set<std::string> leases(sample.begin(), sample.end());
  std::set<std::string> holders;
  for (const auto& id : sample)
    holders.insert(p.holder_of.at(id));
  std::map<std::string, std::string> campaign_holder;
  store::Statement st(db, "SELECT id, holder FROM campaigns");
  while (st.step())
    campaign_holder.emplace(st.text(0), st.text(1));
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
  store::Database& db = ledger.database();
  AuditReport report;
  report.as_of = request.as_of;
  report.scope = request.scope;
  Snapshot snapshot(db);
  ledger.journal().forget_head();
  report.journal_head = ledger.journal().head();
  report.journal_entries = db.scalar("SELECT count(*) FROM journal").value_or(0);
  Population p = population(db, request);
  report.population = static_cast<int64_t>(p.leases.size());
  std::vector<Finding> findings = check_rules(db, request.as_of, request.scope, request.settings);
  if (request.plan) {
    report.plan = request.plan->text();
    report.seed = request.seed;
    report.size = sample_size(*request.plan, report.population);
    report.sample = draw_sample(request.seed, p.leases, report.size.n);
    report.findings = of_sample(db, std::move(findings), report.sample, p);
  } else {
    report.size.n = report.population;
    report.size.all = true;
    report.sample = std::move(p.leases);
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
