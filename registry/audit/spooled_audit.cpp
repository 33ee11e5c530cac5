#include "registry/audit/spooled_audit.hpp"

#include "registry/error.hpp"

namespace numreg {

namespace {

// A finding's record: its fields in order, each its length (four bytes,
// little-endian) and its bytes; the severity as one character.
void put(std::string& out, std::string_view field) {
  const auto n = static_cast<uint32_t>(field.size());
  const char length[4] = {static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF),
                          static_cast<char>((n >> 16) & 0xFF), static_cast<char>(n >> 24)};
  out.append(length, sizeof length);
  out.append(field);
}

bool take(std::string_view& in, std::string& field) {
  if (in.size() < 4)
    return false;
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  const uint32_t n = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
  if (in.size() - 4 < n)
    return false;
  field.assign(in.substr(4, n));
  in.remove_prefix(4 + n);
  return true;
}

void encode(const Finding& f, std::string& out) {
  out.clear();
  put(out, f.rule);
  put(out, f.severity == Severity::error ? "e" : "w");
  put(out, f.entity);
  put(out, f.key);
  put(out, f.message);
}

}  // namespace

bool FindingReader::next(Finding& f) {
  if (!reader_.next(record_))
    return false;
  std::string_view in = record_;
  std::string severity;
  if (!take(in, f.rule) || !take(in, severity) || !take(in, f.entity) || !take(in, f.key) ||
      !take(in, f.message) || !in.empty()) {
    throw Failure(make_error(ErrorKind::internal, "spool", "a spooled finding does not decode"));
  }
  f.severity = severity == "e" ? Severity::error : Severity::warning;
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
  encode(f, record_);
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
