#include "registry/audit/report_json.hpp"

namespace numreg {

namespace {

nlohmann::ordered_json cell_json(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell))
    return *s;
  if (const auto* n = std::get_if<int64_t>(&cell))
    return *n;
  if (const auto* d = std::get_if<Date>(&cell))
    return d->iso();
  return nullptr;
}

}  // namespace

nlohmann::ordered_json finding_json(const Finding& f) {
  return {{"rule", f.rule},
          {"severity", std::string(to_string(f.severity))},
          {"entity", f.entity},
          {"key", f.key},
          {"message", f.message}};
}

nlohmann::ordered_json audit_json(const AuditReport& r) {
  nlohmann::ordered_json j;
  j["as_of"] = r.as_of.iso();
  j["seed"] = r.seed ? nlohmann::ordered_json(*r.seed) : nlohmann::ordered_json(nullptr);
  j["plan"] = r.plan;
  j["population"] = r.population;
  j["sample"] = r.sample;
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : r.findings)
    j["findings"].push_back(finding_json(f));
  j["scope"] = r.scope.describe();
  j["sample_size"] = r.size.n;
  j["code_letter"] = r.size.letter ? nlohmann::ordered_json(std::string(1, r.size.letter))
                                   : nlohmann::ordered_json(nullptr);
  j["ac"] = r.size.ac ? nlohmann::ordered_json(*r.size.ac) : nlohmann::ordered_json(nullptr);
  j["re"] = r.size.re ? nlohmann::ordered_json(*r.size.re) : nlohmann::ordered_json(nullptr);
  j["journal_head"] = r.journal_head;
  if (!r.inspection.empty())
    j["inspection"] = r.inspection;
  return j;
}

void write_audit_json(std::ostream& out, const AuditReport& r) {
  // The same document as audit_json, with its two long arrays left empty
  // and written in place element by element.
  AuditReport head = r;
  head.sample.clear();
  head.findings.clear();
  nlohmann::ordered_json j = audit_json(head);
  out << "{";
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    out << (first ? "\n  " : ",\n  ") << nlohmann::ordered_json(key).dump() << ": ";
    first = false;
    if (key == "sample" && !r.sample.empty()) {
      out << "[";
      for (size_t i = 0; i < r.sample.size(); ++i) {
        out << (i ? ",\n    " : "\n    ") << nlohmann::ordered_json(r.sample[i]).dump();
      }
      out << "\n  ]";
    } else if (key == "findings" && !r.findings.empty()) {
      out << "[";
      for (size_t i = 0; i < r.findings.size(); ++i) {
        std::string item = finding_json(r.findings[i]).dump(2);
        size_t at = 0;
        while ((at = item.find('\n', at)) != std::string::npos) {
          item.replace(at, 1, "\n    ");
          at += 5;
        }
        out << (i ? ",\n    " : "\n    ") << item;
      }
      out << "\n  ]";
    } else {
      out << value.dump(2);
    }
  }
  out << "\n}\n";
}

nlohmann::ordered_json sheet_json(const AuditReport& report, const AuditSheet& sheet) {
  nlohmann::ordered_json j = audit_json(report);
  nlohmann::ordered_json summary = nlohmann::ordered_json::object();
  for (const auto& row : sheet.summary.rows)
    summary[cell_text(row[0])] = cell_json(row[1]);
  j["summary"] = summary;
  j["sample_rows"] = nlohmann::ordered_json::array();
  for (const auto& row : sheet.sample.rows) {
    nlohmann::ordered_json o;
    for (size_t c = 0; c < row.size(); ++c)
      o[sheet.sample.columns[c].id] = cell_json(row[c]);
    j["sample_rows"].push_back(o);
  }
  return j;
}

}  // namespace numreg
