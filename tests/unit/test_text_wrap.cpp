#include <doctest/doctest.h>

#include "registry/table.hpp"
#include "registry/text/wrap.hpp"

using namespace numreg;

TEST_CASE("wrap_text") {
  using V = std::vector<std::string>;
  SUBCASE("Latin words stay whole") {
    CHECK(wrap_text("who holds or may present a number", 13) ==
          V{"who holds or", "may present a", "number"});
  }
  SUBCASE("Chinese breaks between characters, counted double") {
    CHECK(wrap_text("统一社会信用代码", 6) == V{"统一社", "会信用", "代码"});
  }
  SUBCASE("mixed") {
    CHECK(wrap_text("主体类型：enterprise（企业）", 14) ==
          V{"主体类型：", "enterprise（企", "业）"});
  }
  SUBCASE("a word wider than the line gets a line of its own") {
    CHECK(wrap_text("a 91460400MA5TDR015T b", 8) == V{"a", "91460400MA5TDR015T", "b"});
  }
  SUBCASE("empty") {
    CHECK(wrap_text("", 10) == V{""});
  }
}

TEST_CASE("render_text with a TextLayout") {
  Table t{{"USCC", "NAME", "REGION"}, {{"91460400MA5TDR015T", "儋州海韵科技有限公司", "儋州市"}}};
  SUBCASE("no limit: natural widths") {
    CHECK(render_text(t, TextLayout{}) ==
          "USCC                NAME                  REGION\n"
          "91460400MA5TDR015T  儋州海韵科技有限公司  儋州市\n");
  }
  SUBCASE("fitted: the widest column gives, the key column last") {
    CHECK(fit_columns(t, 40) == std::vector<int>{18, 12, 6});
    CHECK(render_text(t, TextLayout{40, {}}) ==
          "USCC                NAME          REGION\n"
          "91460400MA5TDR015T  儋州海韵科…   儋州市\n");
    CHECK(fit_columns(t, 30) == std::vector<int>{18, 4, 4});
    CHECK(fit_columns(t, 10) == std::vector<int>{3, 3, 3});
  }
  SUBCASE("marks wrap body cells and take no room") {
    TextLayout layout{0,
                      [](size_t column, std::string_view) -> std::pair<std::string, std::string> {
                        if (column == 2)
                          return {"<", ">"};
                        return {};
                      }};
    CHECK(render_text(t, layout) ==
          "USCC                NAME                  REGION\n"
          "91460400MA5TDR015T  儋州海韵科技有限公司  <儋州市>\n");
  }
}
