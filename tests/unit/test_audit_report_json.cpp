// Tests for registry/audit/report_json: the streamed JSON is audit_json's dump.
#include <doctest/doctest.h>

#include <sstream>

#include "registry/audit/report_json.hpp"

using namespace numreg;

namespace {

AuditReport report(bool plan) {
  AuditReport r;
  r.as_of = Date{2026, 11, 29};
  r.scope.regions = {"460400"};
  r.population = 3;
  r.size.n = plan ? 2 : 3;
  r.size.all = !plan;
  r.sample =
      plan ? std::vector<std::string>{"L-3", "L-1"} : std::vector<std::string>{"L-1", "L-2", "L-3"};
  if (plan) {
    r.plan = "2";
    r.seed = "s1";
  }
  r.findings = {make_finding("R001", "91460400MA5TDR015U", "USCC \"quoted\" \\ 儋州"),
                make_finding("R010", "L-1", "in key region 460400 儋州市: never verified on site")};
  r.journal_head = std::string(64, 'a');
  return r;
}

std::string streamed(const AuditReport& r) {
  std::ostringstream out;
  write_audit_json(out, r);
  return out.str();
}

}  // namespace

TEST_CASE("write_audit_json: byte for byte audit_json(report).dump(2)") {
  for (bool plan : {false, true}) {
    CAPTURE(plan);
    AuditReport r = report(plan);
    SUBCASE("sample and findings") {}
    SUBCASE("no findings") {
      r.findings.clear();
    }
    SUBCASE("nothing at all") {
      r.findings.clear();
      r.sample.clear();
    }
    SUBCASE("recorded") {
      r.inspection = "2026-11-29-001";
    }
    CHECK(streamed(r) == audit_json(r).dump(2) + "\n");
  }
}
