#include <doctest/doctest.h>

#include "registry/text/printable.hpp"
#include "registry/text/width.hpp"

using namespace numreg;

TEST_CASE("printable leaves ordinary text alone, CJK included") {
  CHECK(printable("儋州海韵科技有限公司") == "儋州海韵科技有限公司");
  CHECK(printable("+8689866100000..+8689866100099") == "+8689866100000..+8689866100099");
  CHECK(printable("") == "");
  CHECK(printable("¥ é ü") == "¥ é ü");  // C2 A5 is not a C1 control
}

TEST_CASE("printable shows control characters instead of obeying them") {
  CHECK(printable("海韵\x1b[2J科技") == "海韵\u241B[2J科技");
  CHECK(printable("那大镇\n中兴大道") == "那大镇\u21B5中兴大道");
  CHECK(printable("那大镇\r\n中兴大道") == "那大镇\u21B5中兴大道");
  CHECK(printable("a\rb") == "a\u21B5b");
  CHECK(printable("a\tb") == "a b");
  CHECK(printable(std::string_view("a\0b", 3)) == "a\u2400b");
  CHECK(printable("bell\x07") == "bell\u2407");
  CHECK(printable("del\x7f") == "del\u2421");
  CHECK(printable("csi\xC2\x9B"
                  "31m") == "csi\uFFFD31m");
  // Each picture takes one column, so tables stay aligned.
  CHECK(display_width(printable("a\x1b"
                                "b\nc")) == 5);
}

TEST_CASE("printable_lines keeps line breaks and shows the rest") {
  CHECK(printable_lines("one\r\ntwo\n\x1b]0;title\x07") == "one\ntwo\n\u241B]0;title\u2407");
}

TEST_CASE("first_control finds the first control, with tabs and line breaks as text on request") {
  CHECK_FALSE(first_control("儋州 海韵", false));
  CHECK_FALSE(first_control("那大镇\r\n中兴大道\t1号", true));
  auto tab = first_control("a\tb", false);
  REQUIRE(tab);
  CHECK(tab->offset == 1);
  CHECK(tab->code == U'\t');
  auto esc = first_control("海\n\x1b[2J", true);
  REQUIRE(esc);
  CHECK(esc->offset == 4);
  CHECK(esc->code == 0x1B);
  auto c1 = first_control("csi\xC2\x9B", true);
  REQUIRE(c1);
  CHECK(c1->offset == 3);
  CHECK(c1->code == 0x9B);
}
