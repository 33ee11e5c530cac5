// Tests for registry/audit/inspection: recording an audit, reading the
// filled-in sheet back, and R010 clearing once verified.
#include "registry/audit/inspection.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "registry/audit/sheet.hpp"
#include "registry/export/csv_writer.hpp"
#include "registry_fixture.hpp"

using namespace numreg;
using namespace numreg::testing;

namespace {

// Danzhou leases L-1 .. L-4, never verified on site.
void danzhou_leases(TempRegistry& reg) {
  reg.holder(kGood);
  for (int i = 1; i <= 4; ++i) {
    std::string n = std::to_string(i);
    reg.trunk("TR-" + n);
    reg.lease("L-" + n, "TR-" + n, kGood, {{"region", "danzhou"}});
  }
}

AuditReport audit_of(TempRegistry& reg, const std::string& plan) {
  AuditRequest r;
  r.as_of = kToday;
  r.plan = *parse_sample_plan(plan);
  r.seed = "42";
  return run_audit(reg.ledger(), r);
}

}  // namespace

TEST_CASE("audit: a sample's findings are those of its leases") {
  TempRegistry reg;
  danzhou_leases(reg);
  AuditReport report = audit_of(reg, "2");
  CHECK(report.population == 4);
  REQUIRE(report.sample.size() == 2);
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].rule == "R010");
  for (const auto& f : report.findings) {
    CHECK(std::find(report.sample.begin(), report.sample.end(), f.key) != report.sample.end());
  }
  CHECK(report.journal_head == reg.ledger().journal().head());
}

TEST_CASE("inspection: results from the sheet set verified_on and clear R010") {
  TempRegistry reg;
  danzhou_leases(reg);
  AuditReport report = audit_of(reg, "gb2828:S-1");  // lot 4: A, n 2
  REQUIRE(report.sample.size() == 2);
  std::string id = record_inspection(reg.ledger(), report, reg.change());
  CHECK(id == "2026-11-29-001");
  // The inspector fills in the first row only, and saves the Sample as CSV.
  AuditSheet sheet = build_sheet(reg.ledger(), report, {});
  std::ostringstream csv;
  write_csv(csv, sheet);
  std::string text = csv.str();
  std::string row1 = "1," + report.sample[0] + ",";
  size_t at = text.find(row1);
  REQUIRE(at != std::string::npos);
  size_t end = text.find("\r\n", at);
  std::string filled = text.substr(0, end);
  filled.erase(filled.size() - 5);  // the five empty inspector cells
  filled += ",是,yes,否,'=门牌已更换,李检" + text.substr(end);
  auto results = read_site_results(filled, "sheet.csv");
  REQUIRE(results.size() == 2);
  CHECK(results[0].notes == "=门牌已更换");
  CHECK(results[0].checked());
  CHECK_FALSE(results[1].checked());
  ResultsOutcome out =
      apply_site_results(reg.ledger(), "", results, Date{2026, 11, 28}, reg.change());
  CHECK(out.verified == 1);
  CHECK(out.unchecked == 1);
  CHECK(reg.ledger().get(kind("leases"), report.sample[0]).text("verified_on") == "2026-11-28");
  auto r010 = reg.findings("R010");
  CHECK(r010.size() == 3);
  for (const auto& f : r010)
    CHECK(f.key != report.sample[0]);
  Inspection stored = get_inspection(reg.ledger(), id);
  CHECK(stored.results[0]["notes"] == "=门牌已更换");
  CHECK(stored.results[0]["callers_confirmed"] == false);
  CHECK(stored.sample == report.sample);
}

TEST_CASE("inspection: results are checked before anything is written") {
  TempRegistry reg;
  danzhou_leases(reg);
  AuditReport report = audit_of(reg, "1");
  record_inspection(reg.ledger(), report, reg.change());
  std::string other = report.sample[0] == "L-1" ? "L-2" : "L-1";
  std::string csv =
      "Lease,Location confirmed,Notes\r\n" + report.sample[0] + ",yes,\r\n" + other + ",yes,\r\n";
  auto results = read_site_results(csv, "r.csv");
  try {
    apply_site_results(reg.ledger(), "", results, kToday, reg.change());
    FAIL("expected a Failure");
  } catch (const Failure& f) {
    CHECK(f.error().message ==
          "lease '" + other + "' is not in the sample of inspection 2026-11-29-001");
    CHECK(f.error().where.line == 3);
  }
  CHECK(reg.ledger().get(kind("leases"), report.sample[0]).text("verified_on").empty());
  SUBCASE("a flag that is not yes or no") {
    try {
      read_site_results("接入编号,接入位置已核实\n" + report.sample[0] + ",maybe\n", "r.csv");
      FAIL("expected a Failure");
    } catch (const Failure& f) {
      CHECK(f.error().message == "'maybe' is not yes or no (expected yes/no, 是/否, true/false)");
    }
  }
  SUBCASE("no header") {
    CHECK_THROWS_WITH(read_site_results("a,b\n", "r.csv"),
                      "no Sample header row (expected columns Lease and Location confirmed)");
  }
}
