#include "registry/audit/report_json.hpp"

#include "registry/audit/spooled_audit.hpp"
#include "registry/util/json_text.hpp"

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

// The JSON document is audit_json(report).dump(2) written member by member:
// the sample's and the findings' elements go out one at a time, indented as
// dump(2) indents them.
void AuditJsonWriter::head(const AuditReport& report) {
  AuditReport shown = report;
  shown.sample.clear();
  nlohmann::ordered_json j = audit_json(shown);
  bool before = true;  // members before "findings"
  for (const auto& [key, value] : j.items()) {
    if (key == "findings") {
      before = false;
    } else if (!before) {
      tail_[key] = value;
    } else {
      out_ << (key == "as_of" ? "{\n  " : ",\n  ") << nlohmann::ordered_json(key).dump() << ": ";
      if (key != "sample")
        out_ << value.dump(2);
    }
  }
  for (const auto& id : report.sample)
    lease(id);
}

void AuditJsonWriter::lease(const std::string& id) {
  item_.assign(items_++ ? ",\n    " : "[\n    ");
  append_json_string(id, item_);
  out_ << item_;
}

void AuditJsonWriter::end_sample() {
  out_ << (items_ ? "\n  ]" : "[]") << ",\n  \"findings\": ";
  items_ = 0;
  at_ = At::findings;
}

void AuditJsonWriter::finding(const Finding& finding) {
  if (at_ == At::sample)
    end_sample();
  // finding_json(finding).dump(2), indented one level deeper, without
  // building the JSON tree of each of many findings.
  item_.assign(items_++ ? ",\n    " : "[\n    ");
  const std::pair<const char*, std::string_view> members[] = {
      {"{\n      \"rule\": ", finding.rule},
      {",\n      \"severity\": ", to_string(finding.severity)},
      {",\n      \"entity\": ", finding.entity},
      {",\n      \"key\": ", finding.key},
      {",\n      \"message\": ", finding.message},
  };
  for (const auto& [name, value] : members) {
    item_ += name;
    append_json_string(value, item_);
  }
  item_ += "\n    }";
  out_ << item_;
}

void AuditJsonWriter::end_members() {
  if (at_ == At::sample)
    end_sample();
  out_ << (items_ ? "\n  ]" : "[]");
  for (const auto& [key, value] : tail_.items())
    out_ << ",\n  " << nlohmann::ordered_json(key).dump() << ": " << value.dump(2);
  at_ = At::done;
}

void AuditJsonWriter::end() {
  end_members();
  out_ << "\n}\n";
}

void write_audit_json(std::ostream& out, const AuditReport& r) {
  AuditJsonWriter writer(out);
  replay(r, writer);
}

namespace {

// `json`.dump(2) as a member or element `depth` levels deep in a dump(2).
std::string nested_dump(const nlohmann::ordered_json& json, int depth) {
  std::string text = json.dump(2);
  std::string out;
  out.reserve(text.size());
  const std::string indent = "\n" + std::string(static_cast<size_t>(depth) * 2, ' ');
  for (char c : text) {
    if (c == '\n') {
      out += indent;
    } else {
      out += c;
    }
  }
  return out;
}

// The sheet's members of sheet_json: "summary" and "sample_rows", a row at
// a time; the Findings sheet is the audit's findings, already written.
class JsonSheetWriter : public SheetWriter {
 public:
  explicit JsonSheetWriter(std::ostream& out) : out_(out) {}
  void begin(const SheetPart& part) override {
    part_ = part.name;
    columns_ = part.columns;
    rows_ = 0;
    if (part_ == "Sample")
      out_ << ",\n  \"sample_rows\": ";
  }
  void row(const std::vector<Cell>& cells) override {
    if (part_ == "Summary") {
      summary_[cell_text(cells[0])] = cell_json(cells[1]);
    } else if (part_ == "Sample") {
      nlohmann::ordered_json o;
      for (size_t c = 0; c < cells.size(); ++c)
        o[columns_[c].id] = cell_json(cells[c]);
      out_ << (rows_++ ? ",\n    " : "[\n    ") << nested_dump(o, 2);
    }
  }
  void end() override {
    if (part_ == "Summary")
      out_ << ",\n  \"summary\": " << nested_dump(summary_, 1);
    if (part_ == "Sample")
      out_ << (rows_ ? "\n  ]" : "[]");
  }

 private:
  std::ostream& out_;
  std::string part_;
  std::vector<SheetColumn> columns_;
  size_t rows_ = 0;
  nlohmann::ordered_json summary_ = nlohmann::ordered_json::object();
};

}  // namespace

void write_sheet_json(std::ostream& out, Ledger& ledger, const SpooledAudit& audit,
                      const SheetOptions& options) {
  AuditJsonWriter report(out);
  report.head(audit.report());
  if (!audit.report().seed)
    audit.each_lease([&](const std::string& id) { report.lease(id); });
  FindingReader findings = audit.findings();
  Finding f;
  while (findings.next(f))
    report.finding(f);
  report.end_members();
  JsonSheetWriter sheet(out);
  write_sheet(ledger, audit, options, sheet);
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
