#include "registry/audit/spooled_audit.hpp"

#include "registry/error.hpp"
#include "registry/rules/finding_record.hpp"

namespace numreg {

bool FindingReader::next(Finding& f) {
  if (!reader_.next(record_))
    return false;
  if (!decode_finding(record_, f))
    throw Failure(make_error(ErrorKind::internal, "spool", "a spooled finding does not decode"));
  return true;
}

void SpooledAudit::lease(const std::string& id) {
  leases_.append(id);
  ++leases_count_;
}

void SpooledAudit::finding(const Finding& f) {
  // Findings come sorted by rule: each rule's are one stretch of the spool.
  if (f.rule != rule_) {
    rules_[f.rule].from = findings_.end();
    rule_ = f.rule;
  }
  encode_finding(f, record_);
  findings_.append(record_);
  RuleSpan& span = rules_[f.rule];
  span.to = findings_.end();
  ++span.count;
  ++total_;
  errors_ += f.severity == Severity::error ? 1 : 0;
}

int64_t SpooledAudit::sample_size() const {
  return head_.seed ? static_cast<int64_t>(head_.sample.size()) : leases_count_;
}

void SpooledAudit::each_lease(const std::function<void(const std::string&)>& visit) const {
  if (head_.seed) {
    for (const auto& id : head_.sample)
      visit(id);
    return;
  }
  RecordSpool::Reader reader = leases_.reader();
  std::string id;
  while (reader.next(id))
    visit(id);
}

FindingReader SpooledAudit::findings_of(const std::string& rule) const {
  auto it = rules_.find(rule);
  if (it == rules_.end())
    return FindingReader(findings_.reader(0, 0));
  return FindingReader(findings_.reader(it->second.from, it->second.to));
}

int64_t SpooledAudit::count(const std::string& rule) const {
  auto it = rules_.find(rule);
  return it == rules_.end() ? 0 : it->second.count;
}

bool SpooledAudit::reaches(Severity severity) const {
  return severity == Severity::error ? errors_ > 0 : total_ > 0;
}

void SpooledAudit::replay(AuditSink& sink) const {
  sink.head(head_);
  if (!head_.seed)
    each_lease([&](const std::string& id) { sink.lease(id); });
  FindingReader reader = findings();
  Finding f;
  while (reader.next(f))
    sink.finding(f);
  sink.end();
}

}  // namespace numreg
