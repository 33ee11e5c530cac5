// Tests for registry/export/csv_writer: cells a spreadsheet cannot run.
#include "registry/export/csv_writer.hpp"

#include <doctest/doctest.h>

using namespace numreg;

TEST_CASE("spreadsheet_safe: formula starters get an apostrophe") {
  CHECK(spreadsheet_safe("=1+1") == "'=1+1");
  CHECK(spreadsheet_safe("+8689866123456") == "'+8689866123456");
  CHECK(spreadsheet_safe("-2") == "'-2");
  CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(spreadsheet_safe("\tx") == "'\tx");
  CHECK(spreadsheet_safe("\rx") == "'\rx");
  CHECK(spreadsheet_safe("95105") == "95105");
  CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("csv_field: RFC 4180 quoting") {
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_field("plain") == "plain");
}
