#include <doctest/doctest.h>

#include "import_testutil.hpp"
#include "registry/import/columns.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

std::vector<Cell> header(std::vector<std::string> names) {
  std::vector<Cell> out;
  long column = 1;
  for (auto& n : names) {
    out.push_back(Cell{"", n, Location{"leases.csv", 1, column}});
    for (unsigned char c : n)
      column += (c & 0xC0) != 0x80 ? 1 : 0;  // characters
    ++column;
  }
  return out;
}

}  // namespace

TEST_CASE("column_field: field names in any case, dashes or spaces, or Chinese aliases") {
  const Kind& leases = kind("leases");
  CHECK(column_field(leases, "permitted_callers")->name == "permitted_callers");
  CHECK(column_field(leases, "Permitted-Callers")->name == "permitted_callers");
  CHECK(column_field(leases, " verified on ")->name == "verified_on");
  CHECK(column_field(leases, "允许主叫号码")->name == "permitted_callers");
  CHECK(column_field(leases, "接入位置")->name == "location");
  CHECK(column_field(leases, "使用主体")->name == "holder");
  CHECK(column_field(kind("holders"), "使用主体")->name == "name");
  CHECK(column_field(leases, "电话") == nullptr);
}

TEST_CASE("map_columns reports unknown, repeated and missing columns") {
  std::vector<Error> errors;
  auto h = header({"id", "resource", "holder", "起始日期", "号码", "编号"});
  auto fields = map_columns(kind("leases"), h, h.size(), errors);
  CHECK(fields[3]->name == "start");
  CHECK(fields[4] == nullptr);
  CHECK(test::diagnostics(errors) ==
        std::vector<std::string>{
            "leases.csv:1:25: error[column-unknown]: leases has no column '号码' (expected a field "
            "name: id, resource, holder, carrier, location, region, purpose, start, end, status, "
            "contract, verified_on, permitted_callers; or its Chinese name, see numreg-import(5))",
            "leases.csv:1:28: error[column-repeated]: column '编号' repeats column 1 ('id'), both "
            "id",
            "leases.csv:1:1: error[column-missing]: required column 'purpose' is missing (or 用途, "
            "资源用途)"});
}

TEST_CASE("kind_from_file_name takes the leading word") {
  CHECK(kind_from_file_name("holders.csv")->name == "holders");
  CHECK(kind_from_file_name("/in/leases-2019q2.csv")->name == "leases");
  CHECK(kind_from_file_name("permits_hk.jsonl")->name == "permits");
  CHECK(kind_from_file_name("lease.csv")->name == "leases");
  CHECK(kind_from_file_name("2019-leases.csv") == nullptr);
  CHECK(kind_from_file_name("export.csv") == nullptr);
}
