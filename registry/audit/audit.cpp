#include "registry/audit/audit.hpp"

#include <map>
#include <set>

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

std::string population_sql(const AuditRequest& r, const char* columns) {
  return fmt::format("SELECT {} FROM leases AS l WHERE {} AND {}", columns,
                     active_on_sql("l", "?1"), lease_scope_sql(r.scope, "l"));
}

int64_t count_population(store::Database& db, const AuditRequest& r) {
  store::Statement st(db, population_sql(r, "count(*)"));
  st.bind(1, r.as_of.iso());
  st.step();
  return st.integer(0);
}

// One pass over the population: every lease ID, or with a plan only the
// sampled ones (and their holders).
void draw(store::Database& db, const AuditRequest& r, AuditReport& report,
          std::map<std::string, std::string>& holder_of) {
  store::Statement st(db, population_sql(r, "l.id, l.holder") + " ORDER BY l.id");
  st.bind(1, r.as_of.iso());
  if (!r.plan) {
    while (st.step())
      report.sample.push_back(st.text(0));
    report.population = static_cast<int64_t>(report.sample.size());
    report.size.n = report.population;
    report.size.all = true;
    return;
  }
  report.population = count_population(db, r);
  report.size = sample_size(*r.plan, report.population);
  SampleDraw sample(r.seed, report.size.n);
  while (st.step())
    sample.offer(st.text(0), st.text(1));
  for (auto& d : sample.ranked()) {
    holder_of.emplace(d.lease, d.tag);
    report.sample.push_back(std::move(d.lease));
  }
}

// With a sample, findings concern the sampled leases, their holders and
// those holders' campaigns.
std::vector<Finding> of_sample(store::Database& db, std::vector<Finding> all,
                               const std::map<std::string, std::string>& holder_of) {
  std::set<std::string> leases;
  std::set<std::string> holders;
  for (const auto& [lease, holder] : holder_of) {
    leases.insert(lease);
    holders.insert(holder);
  }
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
  std::map<std::string, std::string> holder_of;
  draw(db, request, report, holder_of);
  std::vector<Finding> findings =
      check_rules(db, request.as_of, request.scope, request.settings, request.progress);
  if (request.plan) {
    report.plan = request.plan->text();
    report.seed = request.seed;
    report.findings = of_sample(db, std::move(findings), holder_of);
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
