// Tests for registry/audit/spooled_audit and what reads it back: the sheet's
// Findings cells merged in key order, the JSON sheet, and the inspection's
// JSON text, each against what the report in memory gives.
#include "registry/audit/spooled_audit.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "registry/audit/inspection.hpp"
#include "registry/audit/report_json.hpp"
#include "registry/audit/sheet.hpp"
#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

namespace {

// Keeps the findings it hears.
class Findings : public AuditSink {
 public:
  void head(const AuditReport& r) override { heard = r; }
  void lease(const std::string& id) override { heard.sample.push_back(id); }
  void finding(const Finding& f) override { heard.findings.push_back(f); }
  void end() override { ended = true; }
  AuditReport heard;
  bool ended = false;
};

// Leases L-1 .. L-4 of holder kGood in Haikou.
void four_leases(TempRegistry& reg) {
  reg.holder(kGood);
  for (int i = 1; i <= 4; ++i) {
    std::string n = std::to_string(i);
    reg.trunk("TR-" + n);
    reg.lease("L-" + n, "TR-" + n, kGood);
  }
}

// A report by hand: findings of leases in and out of the sample, of the
// holder, and of a campaign, in the audit's order (rule, key, message).
AuditReport report_of(TempRegistry& reg, bool plan) {
  AuditReport r;
  r.as_of = kToday;
  r.population = 4;
  r.size.n = plan ? 2 : 4;
  r.size.all = !plan;
  r.sample = plan ? std::vector<std::string>{"L-3", "L-2"}
                  : std::vector<std::string>{"L-1", "L-2", "L-3", "L-4"};
  if (plan) {
    r.plan = "2";
    r.seed = "7";
  }
  r.findings = {make_finding("R001", kGood, "check character \"U\" is wrong"),
                make_finding("R002", "L-0", "before the sample"),
                make_finding("R002", "L-2", "no licence"),
                make_finding("R004", "L-2", "a: not held"),
                make_finding("R004", "L-2", "b: not held 儋州"),
                make_finding("R004", "L-3", "c: not held"),
                make_finding("R004", "L-9", "after the sample"),
                make_finding("R011", "L-3", "ended"),
                make_finding("R012", "C-1", "no business name")};
  r.journal_head = reg.ledger().journal().head();
  return r;
}

std::map<std::string, std::string> findings_cells(const AuditSheet& sheet) {
  std::map<std::string, std::string> out;
  for (const auto& row : sheet.sample.rows)
    out[cell_text(row[1])] = cell_text(row[18]);
  return out;
}

}  // namespace

TEST_CASE("SpooledAudit: gives back what it heard, and counts it") {
  TempRegistry reg;
  for (bool plan : {false, true}) {
    CAPTURE(plan);
    AuditReport r = report_of(reg, plan);
    SpooledAudit audit;
    replay(r, audit);
    Findings back;
    audit.replay(back);
    CHECK(back.ended);
    CHECK(back.heard.sample == r.sample);
    CHECK(back.heard.findings == r.findings);
    CHECK(audit.sample_size() == static_cast<int64_t>(r.sample.size()));
    CHECK(audit.total() == 9);
    CHECK(audit.count("R004") == 4);
    CHECK(audit.count("R003") == 0);
    CHECK(audit.reaches(Severity::error));
    Finding f;
    FindingReader r011 = audit.findings_of("R011");
    REQUIRE(r011.next(f));
    CHECK(f == r.findings[7]);
    CHECK_FALSE(r011.next(f));
  }
}

TEST_CASE("write_sheet: a lease's Findings cell holds its own and its holder's, by rule") {
  TempRegistry reg;
  four_leases(reg);
  const std::map<std::string, std::string> expected{
      {"L-1", "R001: check character \"U\" is wrong"},
      {"L-2",
       "R002: no licence; R004: a: not held; R004: b: not held 儋州; R001: check "
       "character \"U\" is wrong"},
      {"L-3", "R004: c: not held; R011: ended; R001: check character \"U\" is wrong"},
      {"L-4", "R001: check character \"U\" is wrong"}};
  SUBCASE("without a plan: leases and findings merged in key order") {
    CHECK(findings_cells(build_sheet(reg.ledger(), report_of(reg, false), {})) == expected);
  }
  SUBCASE("with a plan: in rank order, looked up") {
    AuditSheet sheet = build_sheet(reg.ledger(), report_of(reg, true), {});
    REQUIRE(sheet.sample.rows.size() == 2);
    CHECK(cell_text(sheet.sample.rows[0][0]) == "1");
    CHECK(cell_text(sheet.sample.rows[0][1]) == "L-3");
    CHECK(cell_text(sheet.sample.rows[0][18]) == expected.at("L-3"));
    CHECK(cell_text(sheet.sample.rows[1][18]) == expected.at("L-2"));
  }
}

TEST_CASE("write_sheet_json: byte for byte sheet_json(report, sheet).dump(2)") {
  TempRegistry reg;
  four_leases(reg);
  for (bool plan : {false, true}) {
    CAPTURE(plan);
    AuditReport r = report_of(reg, plan);
    SUBCASE("recorded") {
      r.inspection = "2026-11-29-001";
    }
    SUBCASE("no findings") {
      r.findings.clear();
    }
    SpooledAudit audit;
    replay(r, audit);
    std::ostringstream out;
    write_sheet_json(out, reg.ledger(), audit, {});
    CHECK(out.str() == sheet_json(r, build_sheet(reg.ledger(), r, {})).dump(2) + "\n");
  }
}

TEST_CASE("record_inspection: the row and the journal entry are the inspection's JSON") {
  TempRegistry reg;
  four_leases(reg);
  for (bool plan : {false, true}) {
    CAPTURE(plan);
    AuditReport r = report_of(reg, plan);
    std::string id = record_inspection(reg.ledger(), r, reg.change());
    Inspection stored = get_inspection(reg.ledger(), id);
    CHECK(stored.sample == r.sample);
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& f : r.findings)
      findings.push_back(finding_json(f));
    CHECK(stored.findings == findings);
    CHECK(stored.seed == (plan ? "7" : ""));
    store::JournalQuery q;
    q.entity = "inspection";
    q.key = id;
    auto entries = reg.ledger().journal().read(q);
    REQUIRE(entries.size() == 1);
    CHECK(*entries[0].after == stored.to_json().dump());
  }
}
