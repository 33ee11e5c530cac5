#include "registry/audit/inspection.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "registry/audit/csv_reader.hpp"
#include "registry/audit/report_json.hpp"
#include "registry/audit/sheet.hpp"
#include "registry/audit/spooled_audit.hpp"
#include "registry/model/value.hpp"
#include "registry/util/json_text.hpp"

namespace numreg {

namespace {

Inspection read_inspection(const store::InspectionRow& row) {
  Inspection i;
  i.id = row.id;
  i.inspector = row.inspector;
  i.date = row.date;
  i.scope = row.scope;
  i.plan = row.plan;
  i.seed = row.seed;
  if (row.sample)
    i.sample = nlohmann::json::parse(*row.sample).get<std::vector<std::string>>();
  i.findings = !row.findings ? nlohmann::ordered_json::array()
                             : nlohmann::ordered_json::parse(*row.findings);
  i.journal_head = row.journal_head;
  i.results =
      !row.results ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json::parse(*row.results);
  return i;
}

void journal_inspection(Ledger& ledger, const std::string& action, const Inspection& i,
                        const Change& change) {
  store::JournalEntry e;
  e.time = ledger.clock().now_utc;
  e.actor = change.actor;
  e.action = action;
  e.entity = "inspection";
  e.key = i.id;
  e.after = i.to_json().dump();
  e.reason = change.reason;
  e.batch = change.batch;
  ledger.journal().append(e);
}

std::string next_id(store::Store& store, Date today) {
  return fmt::format("{}-{:03}", today.iso(), store.count_inspections(today.iso() + "-") + 1);
}

// Drop the apostrophe that kept a cell from being read as a formula.
std::string unescaped(const std::string& cell) {
  if (cell.size() > 1 && cell[0] == '\'' &&
      std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos) {
    return cell.substr(1);
  }
  return std::string(trim(cell));
}

// An error about a whole line: located at its first column, as
// FILE:LINE:COLUMN always names one.
Error at(const std::string& file, long line, std::string code, std::string message) {
  Error e = data_error(std::move(code), std::move(message));
  e.where = {file, line, 1};
  return e;
}

// The header row of the Sample part: it names the lease and an inspector column.
std::optional<std::map<std::string, size_t>> header_columns(const CsvRow& row) {
  std::map<std::string, size_t> columns;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    std::string id = sample_column_id(row.cells[c]);
    if (!id.empty())
      columns.emplace(id, c);
  }
  if (columns.count("lease") && columns.count("location_confirmed"))
    return columns;
  return std::nullopt;
}

nlohmann::ordered_json result_json(const SiteResult& r, Date checked_on) {
  auto flag = [](const std::string& text) -> nlohmann::ordered_json {
    if (text.empty())
      return nullptr;
    auto b = parse_bool(text);
    return b ? nlohmann::ordered_json(*b) : nlohmann::ordered_json(text);
  };
  return {{"lease", r.lease},
          {"checked_on", r.checked() ? nlohmann::ordered_json(checked_on.iso())
                                     : nlohmann::ordered_json(nullptr)},
          {"location_confirmed", flag(r.location_confirmed)},
          {"contract_sighted", flag(r.contract_sighted)},
          {"callers_confirmed", flag(r.callers_confirmed)},
          {"notes", r.notes},
          {"signature", r.signature}};
}

}  // namespace

nlohmann::ordered_json Inspection::to_json() const {
  return {{"id", id},          {"inspector", inspector}, {"date", date},
          {"scope", scope},    {"plan", plan},           {"seed", seed},
          {"sample", sample},  {"findings", findings},   {"journal_head", journal_head},
          {"results", results}};
}

std::string record_inspection(Ledger& ledger, const AuditReport& report, const Change& change) {
  SpooledAudit audit;
  replay(report, audit);
  return record_inspection(ledger, audit, change);
}

namespace {

// The JSON text nlohmann's dump() gives for the sample's lease IDs and for
// the findings, written a lease and a finding at a time from the spools.
std::string sample_text(const SpooledAudit& audit) {
  std::string out = "[";
  audit.each_lease([&](const std::string& id) {
    if (out.size() > 1)
      out += ',';
    append_json_string(id, out);
  });
  out += ']';
  return out;
}

// The findings as JSON text, written to `out`: the text nlohmann's dump()
// gives for the inspection's findings. `Out` appends text as it is
// (text()) and as a JSON string (string()), or only counts them.
template <class Out>
void write_findings(const SpooledAudit& audit, Out& out) {
  out.text("[");
  FindingReader reader = audit.findings();
  Finding f;
  for (bool first = true; reader.next(f); first = false) {
    out.text(first ? "{\"rule\":" : ",{\"rule\":");
    out.string(f.rule);
    out.text(",\"severity\":");
    out.string(to_string(f.severity));
    out.text(",\"entity\":");
    out.string(f.entity);
    out.text(",\"key\":");
    out.string(f.key);
    out.text(",\"message\":");
    out.string(f.message);
    out.text("}");
  }
  out.text("]");
}

struct TextSize {
  size_t size = 0;
  void text(std::string_view t) { size += t.size(); }
  void string(std::string_view s) { size += json_string_size(s); }
};

struct TextOut {
  std::string out;
  void text(std::string_view t) { out += t; }
  void string(std::string_view s) { append_json_string(s, out); }
};

// `spare`: bytes reserved beyond the text, for the inspection's JSON that
// record_inspection puts around it. A first pass sizes the text, so that it
// is written once into memory of its size (it runs to hundreds of megabytes).
std::string findings_text(const SpooledAudit& audit, size_t spare) {
  TextSize size;
  write_findings(audit, size);
  TextOut text;
  text.out.reserve(size.size + spare);
  write_findings(audit, text);
  return std::move(text.out);
}

// The text of Inspection::to_json().dump() of a new inspection before its
// findings, its sample already JSON text.
std::string inspection_head(const store::InspectionRow& row) {
  std::string out;
  out.reserve(row.sample->size() + 512);
  const std::pair<const char*, const std::string*> members[] = {
      {"{\"id\":", &row.id},       {",\"inspector\":", &row.inspector}, {",\"date\":", &row.date},
      {",\"scope\":", &row.scope}, {",\"plan\":", &row.plan},           {",\"seed\":", &row.seed}};
  for (const auto& [name, value] : members) {
    out += name;
    append_json_string(*value, out);
  }
  out += ",\"sample\":";
  out += *row.sample;
  out += ",\"findings\":";
  return out;
}

// And after them.
std::string inspection_tail(const store::InspectionRow& row) {
  std::string out = ",\"journal_head\":";
  append_json_string(row.journal_head, out);
  out += ",\"results\":null}";
  return out;
}

}  // namespace

std::string record_inspection(Ledger& ledger, const SpooledAudit& audit, const Change& change) {
  const AuditReport& report = audit.report();
  store::WriteTransaction tx(ledger.store());
  ledger.journal().forget_head();
  store::InspectionRow row{next_id(ledger.store(), ledger.clock().today),
                           change.actor,
                           report.as_of.iso(),
                           report.scope.describe(),
                           report.plan,
                           report.seed.value_or(""),
                           sample_text(audit),
                           std::nullopt,
                           report.journal_head,
                           std::nullopt};
  const std::string head = inspection_head(row);
  const std::string tail = inspection_tail(row);
  row.findings = findings_text(audit, head.size() + tail.size());
  ledger.store().insert_inspection(row);
  store::JournalEntry e;
  e.time = ledger.clock().now_utc;
  e.actor = change.actor;
  e.action = "add";
  e.entity = "inspection";
  e.key = row.id;
  // The inspection's JSON made of the findings' text itself, not a copy
  // (it runs to hundreds of megabytes): its head goes in front in place,
  // in the room findings_text left for it.
  e.after = std::move(*row.findings);
  row.findings.reset();
  e.after->insert(0, head);
  *e.after += tail;
  e.reason = change.reason;
  e.batch = change.batch;
  ledger.journal().append(std::move(e));
  tx.commit();
  return row.id;
}

std::vector<Inspection> list_inspections(Ledger& ledger) {
  std::vector<Inspection> out;
  for (const auto& row : ledger.store().inspections())
    out.push_back(read_inspection(row));
  return out;
}

Inspection get_inspection(Ledger& ledger, const std::string& id) {
  auto row = ledger.store().find_inspection(id);
  if (!row) {
    throw Failure(make_error(ErrorKind::data, "not-found",
                             id.empty() ? "no inspection recorded (run `numreg audit --record`)"
                                        : fmt::format("no inspection '{}' in the registry", id)));
  }
  return read_inspection(*row);
}

bool SiteResult::checked() const {
  return !location_confirmed.empty() || !contract_sighted.empty() || !callers_confirmed.empty() ||
         !signature.empty();
}

std::vector<SiteResult> read_site_results(std::string_view text, const std::string& file) {
  auto rows = value_or_throw(read_csv(text, file));
  std::optional<std::map<std::string, size_t>> columns;
  std::vector<SiteResult> out;
  std::vector<Error> errors;
  for (const auto& row : rows) {
    if (!columns) {
      columns = header_columns(row);
      continue;
    }
    if (row.cells.empty())
      break;  // the end of the Sample part
    auto cell = [&](const char* id) {
      auto it = columns->find(id);
      return it == columns->end() || it->second >= row.cells.size()
                 ? std::string()
                 : unescaped(row.cells[it->second]);
    };
    SiteResult r;
    r.where = Location{file, row.line, 0};
    r.lease = cell("lease");
    r.location_confirmed = cell("location_confirmed");
    r.contract_sighted = cell("contract_sighted");
    r.callers_confirmed = cell("callers_confirmed");
    r.notes = cell("notes");
    r.signature = cell("signature");
    for (const auto& flag : {r.location_confirmed, r.contract_sighted, r.callers_confirmed}) {
      if (!flag.empty() && !parse_bool(flag)) {
        errors.push_back(
            at(file, row.line, "bool-form",
               fmt::format("'{}' is not yes or no (expected yes/no, 是/否, true/false)", flag)));
      }
    }
    if (r.lease.empty()) {
      errors.push_back(at(file, row.line, "required", "a result row names no lease"));
    }
    out.push_back(std::move(r));
  }
  if (!columns) {
    errors.push_back(at(file, 1, "results-header",
                        "no Sample header row (expected columns Lease and Location confirmed)"));
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  return out;
}

ResultsOutcome apply_site_results(Ledger& ledger, const std::string& inspection,
                                  const std::vector<SiteResult>& results, Date checked_on,
                                  const Change& change) {
  store::WriteTransaction tx(ledger.store());
  ledger.journal().forget_head();
  Inspection i = get_inspection(ledger, inspection);
  std::set<std::string> sample(i.sample.begin(), i.sample.end());
  std::vector<Error> errors;
  for (const auto& r : results) {
    if (!sample.count(r.lease)) {
      Error e = data_error("not-sampled", fmt::format("lease '{}' is not in the sample of "
                                                      "inspection {}",
                                                      r.lease, i.id));
      e.where = r.where;
      errors.push_back(e);
    }
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  ResultsOutcome outcome{i.id, 0, 0};
  i.results = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    i.results.push_back(result_json(r, checked_on));
    if (!r.checked()) {
      ++outcome.unchecked;
      continue;
    }
    ledger.set_verified_on(r.lease, checked_on, change);
    ++outcome.verified;
  }
  ledger.store().set_inspection_results(i.id, i.results.dump());
  journal_inspection(ledger, "results", i, change);
  tx.commit();
  return outcome;
}

}  // namespace numreg
