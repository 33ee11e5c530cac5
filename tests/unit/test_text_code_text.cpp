// Tests for registry/text/code_text: codes as people type them.
#include "registry/text/code_text.hpp"

#include <doctest/doctest.h>

#include <string>

using numreg::compact_code;

TEST_CASE("compact_code") {
  SUBCASE("separators are dropped") {
    CHECK(compact_code("9146 0400\tMA5T") == "91460400MA5T");
    CHECK(compact_code("460400-1990-0307") == "46040019900307");
    CHECK(compact_code("4604\u00a000") == "460400");              // no-break space
    CHECK(compact_code("4604\u300000") == "460400");              // ideographic space
    CHECK(compact_code("4604\u200b00") == "460400");              // zero-width space
    CHECK(compact_code("46\u201004\u201300\u2212") == "460400");  // hyphen, en dash, minus
    CHECK(compact_code("46\uff0d04\ufe6300") == "460400");        // full-width and small hyphen
  }
  SUBCASE("full-width forms are folded as NFKC folds them") {
    CHECK(compact_code("\uff19\uff11\uff14\uff16") == "9146");
    CHECK(compact_code("\uff2d\uff21\uff58") == "MAx");
  }
  SUBCASE("everything else is kept, so that it can be named") {
    CHECK(compact_code("46·04") == "46·04");
    CHECK(compact_code("\u2460\u00b2") == "\u2460\u00b2");  // circled one, superscript two
    CHECK(compact_code("统一社会信用代码") == "统一社会信用代码");
    CHECK(compact_code("a\r\nb") == "a\r\nb");
    CHECK(compact_code("") == "");
  }
  SUBCASE("invalid UTF-8 passes through byte by byte") {
    CHECK(compact_code(std::string("46\xe3\x80", 4)) == std::string("46\xe3\x80", 4));
    CHECK(compact_code(std::string("\xff\xfe 1", 4)) == std::string("\xff\xfe"
                                                                    "1",
                                                                    3));
    CHECK(compact_code(std::string("\xef\xbc", 2)) == std::string("\xef\xbc", 2));
  }
}
