#include <doctest/doctest.h>

#include <sstream>

#include "registry/export/export_records.hpp"
#include "testutil.hpp"

using namespace numreg;

TEST_CASE("csv_cell quotes what RFC 4180 needs and guards formulas on request") {
  CHECK(csv_cell("+8689866123456", false) == "+8689866123456");
  CHECK(csv_cell("+8689866123456", true) == "'+8689866123456");
  CHECK(csv_cell("=HYPERLINK(\"x\")", true) == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_cell("儋州, 那大", false) == "\"儋州, 那大\"");
  CHECK(csv_cell("two\nlines", false) == "\"two\nlines\"");
  CHECK(csv_cell("95105", true) == "95105");
}

TEST_CASE("export_format refuses xlsx for now and unknown formats") {
  CHECK(export_format("yml") == "yaml");
  CHECK_THROWS_WITH(export_format("xlsx"),
                    "export to xlsx is not available yet (expected csv, json or yaml)");
  CHECK_THROWS_WITH(export_format("xml"), "unknown format 'xml' (expected csv, json or yaml)");
}

TEST_CASE("export_records masks personal data unless unmasked, and journals unmasking") {
  test::ScratchRegistry registry;
  Ledger ledger = registry.open();
  ledger.add(kind("holders"),
             {{"uscc", "91460400MA5TDR015T"},
              {"name", "儋州海韵科技有限公司"},
              {"kind", "enterprise"},
              {"legal_rep_id", "460400197503140128"}},
             test::change());
  std::ostringstream masked;
  export_records(ledger, kind("holders"), {}, test::change(), masked);
  CHECK(masked.str() ==
        "uscc,name,kind,region,address,legal_rep,legal_rep_id,contact,scope,credit_status,"
        "credit_reason\n91460400MA5TDR015T,儋州海韵科技有限公司,enterprise,,,,460400********0128,,,"
        "good,\n");
  std::ostringstream clear;
  export_records(ledger, kind("holders"), {"json", true, false}, test::change("audit"), clear);
  CHECK(clear.str().find("\"legal_rep_id\":\"460400197503140128\"") != std::string::npos);
  auto log = ledger.log({});
  CHECK(log.back().action == "unmask");
  CHECK(log.back().key == "export holders (1 records)");
}
