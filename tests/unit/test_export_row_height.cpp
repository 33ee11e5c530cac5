#include <doctest/doctest.h>

#include "registry/export/row_height.hpp"

using namespace numreg;

// Lines that LibreOffice 7.4 drew for these cells of the demo's audit sheet
// (Carlito, 11 points): the estimate is never fewer, and at most one more.
TEST_CASE("wrapped_lines: never fewer lines than LibreOffice draws") {
  struct Drawn {
    const char* text;
    double width;
    int lines;
  };
  const Drawn drawn[] = {
      {"enterprise", 10, 1},
      {"call_centre", 8, 2},
      {"call_centre", 10, 1},
      {"914690078H624QYG2H", 19, 1},
      {"DF-2020-002", 12, 1},
      {"东方市八所电子商务有限公司", 11, 3},
      {"儋州市那大镇人民中路 18 号", 11, 3},
      {"R002: resource 951088 (n95) needs a number_certificate valid on 2026-11-29; holder "
       "91460400T2N7GKK97H has none; R009: marketing lease has no contract",
       16, 11},
      {"b944f321355d50aaf536fa7c1687480f42cb7e7ea329f52802268421a9574d3d", 72, 1},
  };
  for (const auto& d : drawn) {
    CAPTURE(d.text);
    int lines = wrapped_lines(d.text, d.width);
    CHECK(lines >= d.lines);
    CHECK(lines <= d.lines + 1);
  }
}

TEST_CASE("wrapped_lines: breaks at newlines, splits a word too long for any line") {
  CHECK(wrapped_lines("", 10) == 1);
  CHECK(wrapped_lines("a\nb", 40) == 2);
  CHECK(wrapped_lines("a\n\nb", 40) == 3);
  // 30 digits, about 15 ems, in a column of about 2 ems.
  CHECK(wrapped_lines("868982556000086898255600998689", 5) >= 7);
  // Bold takes more room than regular.
  CHECK(wrapped_lines("Credentials (validity)", 11, true) >=
        wrapped_lines("Credentials (validity)", 11));
}

TEST_CASE("row_height: the tallest cell, Chinese lines taller, within a worksheet's limit") {
  std::vector<SheetColumn> columns{{"a", "A", 10}, {"b", "B", 10}};
  CHECK(row_height({Cell{}, Cell{int64_t{7}}}, columns) == 15);
  CHECK(row_height({Cell{std::string("short")}, Cell{}}, columns) == 15);
  CHECK(row_height({Cell{std::string("东方市")}, Cell{}}, columns) > 15);
  double two = row_height({Cell{std::string("one two three four five six")}, Cell{}}, columns);
  CHECK(two >= 30);
  CHECK(row_height({Cell{std::string(5000, 'x')}, Cell{}}, columns) == kMaxRowHeight);
}
