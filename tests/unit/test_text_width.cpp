#include <doctest/doctest.h>

#include "registry/table.hpp"
#include "registry/text/width.hpp"

using namespace numreg;

TEST_CASE("display_width counts CJK double") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("儋州市") == 6);
  CHECK(display_width("L-1 儋州") == 8);
  CHECK(display_width("（全角）") == 8);
  CHECK(display_width("") == 0);
}

TEST_CASE("truncate_to_width cuts at a character with an ellipsis") {
  CHECK(truncate_to_width("儋州海韵科技有限公司", 7) == "儋州海…");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("abc", 4) == "abc");
}

TEST_CASE("valid_utf8") {
  CHECK(valid_utf8("儋州 ok"));
  CHECK_FALSE(valid_utf8("\xd9\xb0\xd6"));  // GB18030 bytes, cut
  CHECK_FALSE(valid_utf8("\xff"));
}

TEST_CASE("render_text aligns mixed-width columns") {
  Table t{{"ID", "REGION"}, {{"L-1", "儋州市"}, {"L-10", "东方市"}}};
  CHECK(render_text(t) == "ID    REGION\nL-1   儋州市\nL-10  东方市\n");
}
