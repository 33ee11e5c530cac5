#include <doctest/doctest.h>

#include <string>

#include "registry/import/utf8.hpp"

using namespace numreg::import;

TEST_CASE("invalid_utf8_at finds the first bad byte") {
  CHECK(invalid_utf8_at("儋州") == std::string_view::npos);
  CHECK(invalid_utf8_at("ab\xC0\x80") == 2);
  CHECK(valid_utf8_prefix("a\xE5\x84"));  // cut off, not invalid
  CHECK(!valid_utf8_prefix("a\xE5\x41"));
  SUBCASE("past a run of ASCII read eight bytes at a time") {
    std::string text = std::string(37, 'a') + "海南" + std::string(9, 'b') + "\xFF";
    CHECK(invalid_utf8_at(text) == 37 + 6 + 9);
  }
  SUBCASE("overlong forms, surrogates and code points past U+10FFFF") {
    CHECK(invalid_utf8_at("\xE0\x80\xAF") == 0);
    CHECK(invalid_utf8_at("x\xED\xA0\x80") == 1);
    CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0);
    CHECK(invalid_utf8_at("\xF0\x9F\x98\x80") == std::string_view::npos);
  }
}

TEST_CASE("scan_utf8 tells a cut sequence from an invalid one") {
  bool cut = false;
  CHECK(scan_utf8("海\xE5\x8D", cut) == 3);
  CHECK(cut);
  CHECK(scan_utf8("海\xE5\x41", cut) == 3);
  CHECK(!cut);
}

TEST_CASE("first_non_ascii") {
  CHECK(first_non_ascii("uscc,name\n") == std::string_view::npos);
  CHECK(first_non_ascii("uscc,name\n91460000,海") == 19);
}

TEST_CASE("looks_utf8_cjk: a line of UTF-8 with Chinese, not GB18030 that happens to be valid") {
  CHECK(looks_utf8_cjk("91460400MA5TDR015T,儋州海韵科技有限公司"));
  CHECK(!looks_utf8_cjk("plain ASCII"));
  CHECK(!looks_utf8_cjk("Caf\xC3\xA9"));       // two-byte characters only
  CHECK(!looks_utf8_cjk("\xD9\xD9\xD6\xDD"));  // 儋州 in GB18030
  CHECK(!looks_utf8_cjk("\xCA\xA1"));  // 省 in GB18030: valid UTF-8 (U+02A1), but two bytes
}
