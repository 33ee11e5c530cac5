// Tests for registry/text/strings: the small text helpers.
#include "registry/text/strings.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace numreg;

using Parts = std::vector<std::string_view>;

TEST_CASE("split_view keeps every part, empty ones too") {
  CHECK(split_view("a;b;c", ';') == Parts{"a", "b", "c"});
  CHECK(split_view("琼B2-20170044", ';') == Parts{"琼B2-20170044"});
  CHECK(split_view("", ';') == Parts{""});
  CHECK(split_view(";a;", ';') == Parts{"", "a", ""});
  const std::string fields = std::string("vas_licence") + '\x1f' + "B2-20180001" + '\x1f';
  const Parts parts = split_view(fields, '\x1f');
  REQUIRE(parts.size() == 3);
  CHECK(parts[1] == "B2-20180001");
  CHECK(parts[1].data() == fields.data() + 12);  // a view into the text, not a copy
}

TEST_CASE("trim, ascii_lower, all_digits") {
  CHECK(trim(" \t0898-66120001\r\n") == "0898-66120001");
  CHECK(trim(" \t ").empty());
  CHECK(ascii_lower("Leases.XLSX 儋州") == "leases.xlsx 儋州");
  CHECK(all_digits("95105"));
  CHECK_FALSE(all_digits(""));
  CHECK_FALSE(all_digits("9510５"));
}
