#include "registry/audit/audit.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

namespace numreg {

namespace {

// The head of an audit: its date, scope, journal head and population, and
// with a plan the sample drawn from one pass over the population; `holder_of`
// gets each sampled lease's holder.
AuditReport audit_head(Ledger& ledger, const AuditRequest& r,
                       std::map<std::string, std::string>& holder_of) {
  store::Store& store = ledger.store();
  AuditReport head;
  head.as_of = r.as_of;
  head.scope = r.scope;
  ledger.journal().forget_head();
  head.journal_head = ledger.journal().head();
  head.journal_entries = store.journal_size();
  head.population = store.population_size(r.as_of, r.scope);
  if (!r.plan) {
    head.size.n = head.population;
    head.size.all = true;
    return head;
  }
  head.plan = r.plan->text();
  head.seed = r.seed;
  head.size = sample_size(*r.plan, head.population);
  SampleDraw sample(r.seed, head.size.n);
  store.population(r.as_of, r.scope,
                   [&](const store::Row& row) { sample.offer(row.text(0), row.text(1)); });
  for (auto& d : sample.ranked()) {
    holder_of.emplace(d.lease, d.tag);
    head.sample.push_back(std::move(d.lease));
  }
  return head;
}

// With a sample, findings concern the sampled leases, their holders and
// those holders' campaigns.
class SampleFindings {
 public:
  SampleFindings(store::Store& store, const std::map<std::string, std::string>& holder_of) {
    for (const auto& [lease, holder] : holder_of) {
      leases_.insert(lease);
      holders_.insert(holder);
    }
    store.campaign_holders([&](const store::Row& row) {
      if (holders_.count(row.text(1)) > 0)
        campaigns_.insert(row.text(0));
    });
  }
  bool concern(const Finding& f) const {
    const auto& keys = f.entity == "lease" ? leases_ : f.entity == "holder" ? holders_ : campaigns_;
    return keys.count(f.key) > 0;
  }

 private:
  std::set<std::string> leases_;
  std::set<std::string> holders_;
  std::set<std::string> campaigns_;
};

// Keeps what it hears in one report.
class KeepAll : public AuditSink {
 public:
  explicit KeepAll(AuditReport& report) : report_(report) {}
  void head(const AuditReport& report) override { report_ = report; }
  void lease(const std::string& id) override { report_.sample.push_back(id); }
  void finding(const Finding& finding) override { report_.findings.push_back(finding); }
  void end() override {}

 private:
  AuditReport& report_;
};

}  // namespace

void run_audit(Ledger& ledger, const AuditRequest& request, AuditSink& sink) {
  store::Store& store = ledger.store();
  store::ReadSnapshot snapshot(store);
  std::map<std::string, std::string> holder_of;
  const AuditReport head = audit_head(ledger, request, holder_of);
  sink.head(head);
  if (!request.plan) {
    store.population(request.as_of, request.scope,
                     [&](const store::Row& row) { sink.lease(row.text(0)); });
    check_rules(store, request.as_of, request.scope, request.settings, request.progress,
                [&](Finding&& f) { sink.finding(f); });
  } else {
    const SampleFindings of_sample(store, holder_of);
    check_rules(store, request.as_of, request.scope, request.settings, request.progress,
                [&](Finding&& f) {
                  if (of_sample.concern(f))
                    sink.finding(f);
                });
  }
  sink.end();
}

AuditReport run_audit(Ledger& ledger, const AuditRequest& request) {
  AuditReport report;
  KeepAll keep(report);
  run_audit(ledger, request, keep);
  return report;
}

void replay(const AuditReport& report, AuditSink& sink) {
  AuditReport head;
  head.as_of = report.as_of;
  head.scope = report.scope;
  head.seed = report.seed;
  head.plan = report.plan;
  head.population = report.population;
  head.size = report.size;
  if (report.seed)
    head.sample = report.sample;
  head.journal_head = report.journal_head;
  head.journal_entries = report.journal_entries;
  head.inspection = report.inspection;
  sink.head(head);
  if (!report.seed) {
    for (const auto& id : report.sample)
      sink.lease(id);
  }
  for (const auto& f : report.findings)
    sink.finding(f);
  sink.end();
}

}  // namespace numreg
