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

TEST_CASE("export_format takes the four formats and refuses others") {
  CHECK(export_format("yml") == "yaml");
  CHECK(export_format("xlsx") == "xlsx");
  CHECK(export_format("XLSX") == "xlsx");
  CHECK(export_format("Yml") == "yaml");
  CHECK_THROWS_WITH(export_format("xml"),
                    "unknown format 'xml' (expected csv, json, yaml or xlsx)");
  CHECK_THROWS_WITH(export_format("xls"),
                    "unknown format 'xls' (expected csv, json, yaml or xlsx)");
}

TEST_CASE("export_format_of_path reads the extension, in any case") {
  CHECK(export_format_of_path("leases.xlsx") == "xlsx");
  CHECK(export_format_of_path("/srv/稽查/Leases.XLSX") == "xlsx");
  CHECK(export_format_of_path("holders.yml") == "yaml");
  CHECK(export_format_of_path("holders.json") == "json");
  CHECK(export_format_of_path("out/permits.csv") == "csv");
  CHECK(export_format_of_path("leases.xls") == "");
  CHECK(export_format_of_path("leases") == "");
  CHECK(export_format_of_path("2026.11/leases") == "");
  CHECK(export_format_of_path("") == "");
}

TEST_CASE("records_sheets types cells by field and continues past the row limit") {
  const Kind& leases = kind("leases");
  auto lease = [&](const std::string& id, const std::string& start) {
    Record r;
    r.values.resize(leases.fields.size());
    for (size_t i = 0; i < leases.fields.size(); ++i) {
      const std::string& name = leases.fields[i].name;
      if (name == "id")
        r.values[i] = id;
      else if (name == "resource")
        r.values[i] = "T-DZ-0001";
      else if (name == "holder")
        r.values[i] = "91460400MA5TDR015T";
      else if (name == "start")
        r.values[i] = start;
      else if (name == "permitted_callers")
        r.values[i] = "+8689866100000..+8689866100099";
    }
    return r;
  };
  std::vector<Record> records{lease("L-1", "2026-01-01"), lease("L-2", "2019-06-30"),
                              lease("L-3", "2018-02-28")};
  auto column = [&](const char* name) {
    for (size_t i = 0; i < leases.fields.size(); ++i) {
      if (leases.fields[i].name == name)
        return i;
    }
    FAIL("no field " << name);
    return size_t{0};
  };
  auto sheets = records_sheets(leases, records, false, 2);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "leases");
  CHECK(sheets[1].name == "leases (2)");
  CHECK(sheets[0].rows.size() == 2);
  CHECK(sheets[1].rows.size() == 1);
  CHECK(sheets[0].columns[column("permitted_callers")].header == "permitted_callers");
  const auto& row = sheets[1].rows[0];
  CHECK(std::get<std::string>(row[column("id")]) == "L-3");
  CHECK(std::get<Date>(row[column("start")]).iso() == "2018-02-28");
  CHECK(std::holds_alternative<std::monostate>(row[column("end")]));
  // A number stays text: +86 and leading zeros are never lost to a number cell.
  CHECK(std::get<std::string>(row[column("permitted_callers")]) ==
        "+8689866100000..+8689866100099");
  // Every sheet is as wide as the longest cell of any, plus a margin.
  CHECK(sheets[0].columns[column("permitted_callers")].width == 32);
  CHECK(sheets[1].columns[column("id")].width == 8);

  const Kind& resources = kind("resources");
  Record trunk;
  trunk.values.resize(resources.fields.size());
  for (size_t i = 0; i < resources.fields.size(); ++i) {
    if (resources.fields[i].name == "capacity")
      trunk.values[i] = "30";
    if (resources.fields[i].name == "id")
      trunk.values[i] = "T-DZ-0001";
  }
  auto one = records_sheets(resources, {trunk}, false, 1048575);
  REQUIRE(one.size() == 1);
  for (size_t i = 0; i < resources.fields.size(); ++i) {
    if (resources.fields[i].name == "capacity")
      CHECK(std::get<int64_t>(one[0].rows[0][i]) == 30);
  }
  CHECK(records_sheets(resources, {}, false, 10).size() == 1);
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
