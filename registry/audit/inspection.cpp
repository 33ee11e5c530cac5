#include "registry/audit/inspection.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "registry/audit/csv_reader.hpp"
#include "registry/audit/report_json.hpp"
#include "registry/audit/sheet.hpp"
#include "registry/model/value.hpp"

namespace numreg {

namespace {

constexpr const char* kColumns =
    "id, inspector, date, scope, plan, seed, sample, findings, journal_head, results";

Inspection read_inspection(store::Statement& st) {
  Inspection i;
  i.id = st.text(0);
  i.inspector = st.text(1);
  i.date = st.text(2);
  i.scope = st.text(3);
  i.plan = st.text(4);
  i.seed = st.text(5);
  if (!st.is_null(6))
    i.sample = nlohmann::json::parse(st.text(6)).get<std::vector<std::string>>();
  i.findings =
      st.is_null(7) ? nlohmann::ordered_json::array() : nlohmann::ordered_json::parse(st.text(7));
  i.journal_head = st.text(8);
  i.results =
      st.is_null(9) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json::parse(st.text(9));
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

std::string next_id(store::Database& db, Date today) {
  store::Statement st(db, "SELECT count(*) FROM inspections WHERE id LIKE ?");
  st.bind(1, today.iso() + "-%");
  st.step();
  return fmt::format("{}-{:03}", today.iso(), st.integer(0) + 1);
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
  store::Database& db = ledger.database();
  store::Transaction tx(db);
  ledger.journal().forget_head();
  Inspection i;
  i.id = next_id(db, ledger.clock().today);
  i.inspector = change.actor;
  i.date = report.as_of.iso();
  i.scope = report.scope.describe();
  i.plan = report.plan;
  i.seed = report.seed.value_or("");
  i.sample = report.sample;
  i.findings = nlohmann::ordered_json::array();
  for (const auto& f : report.findings)
    i.findings.push_back(finding_json(f));
  i.journal_head = report.journal_head;
  store::Statement st(db, fmt::format("INSERT INTO inspections ({}) VALUES "
                                      "(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                                      kColumns));
  st.bind(1, i.id).bind(2, i.inspector).bind(3, i.date).bind(4, i.scope).bind(5, i.plan);
  st.bind(6, i.seed).bind(7, nlohmann::json(i.sample).dump()).bind(8, i.findings.dump());
  st.bind(9, i.journal_head);
  st.run();
  journal_inspection(ledger, "add", i, change);
  tx.commit();
  return i.id;
}

std::vector<Inspection> list_inspections(Ledger& ledger) {
  store::Statement st(ledger.database(),
                      fmt::format("SELECT {} FROM inspections ORDER BY id", kColumns));
  std::vector<Inspection> out;
  while (st.step())
    out.push_back(read_inspection(st));
  return out;
}

Inspection get_inspection(Ledger& ledger, const std::string& id) {
  std::string sql = fmt::format("SELECT {} FROM inspections {} LIMIT 1", kColumns,
                                id.empty() ? "ORDER BY id DESC" : "WHERE id = ?");
  store::Statement st(ledger.database(), sql);
  if (!id.empty())
    st.bind(1, id);
  if (!st.step()) {
    throw Failure(make_error(ErrorKind::data, "not-found",
                             id.empty() ? "no inspection recorded (run `numreg audit --record`)"
                                        : fmt::format("no inspection '{}' in the registry", id)));
  }
  return read_inspection(st);
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
  store::Database& db = ledger.database();
  store::Transaction tx(db);
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
  const Kind& leases = kind("leases");
  i.results = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    i.results.push_back(result_json(r, checked_on));
    if (!r.checked()) {
      ++outcome.unchecked;
      continue;
    }
    Record lease = ledger.get(leases, r.lease);
    lease.set("verified_on", checked_on.iso());
    ledger.write(lease, true, change);
    ++outcome.verified;
  }
  store::Statement st(db, "UPDATE inspections SET results = ? WHERE id = ?");
  st.bind(1, i.results.dump()).bind(2, i.id);
  st.run();
  journal_inspection(ledger, "results", i, change);
  tx.commit();
  return outcome;
}

}  // namespace numreg
