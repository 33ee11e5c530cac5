#include <doctest/doctest.h>

#include "registry/i18n/catalogue.hpp"
#include "registry/i18n/language.hpp"

using namespace numreg;
using namespace numreg::i18n;

TEST_CASE("Catalogue::find") {
  Catalogue c;
  REQUIRE(c.add("holder", "使用主体"));
  REQUIRE(c.add("no {@entity} '{key}' in the registry", "登记库中没有{@entity}“{key}”"));
  REQUIRE(c.add("unknown command '{name}' (did you mean '{near}'?)",
                "未知命令“{name}”（您是想输入“{near}”吗？）"));
  REQUIRE(c.add("unknown command '{name}'", "未知命令“{name}”"));
  REQUIRE(c.add("{@help} (required)", "{@help}（必填）"));
  REQUIRE(c.add("registered name", "登记名称"));

  SUBCASE("a whole text") {
    CHECK(c.find("holder") == "使用主体");
  }
  SUBCASE("a template, its '@' placeholder translated") {
    CHECK(c.find("no holder 'L-1' in the registry") == "登记库中没有使用主体“L-1”");
  }
  SUBCASE("a value the catalogue does not know stays as it is") {
    CHECK(c.find("no widget 'L-1' in the registry") == "登记库中没有widget“L-1”");
  }
  SUBCASE("plain placeholders are never translated, even when known") {
    CHECK(c.find("unknown command 'holdr' (did you mean 'holder'?)") ==
          "未知命令“holdr”（您是想输入“holder”吗？）");
  }
  SUBCASE("the most specific template wins") {
    CHECK(c.find("unknown command 'frob'") == "未知命令“frob”");
  }
  SUBCASE("a value may hold the template's own literal text") {
    CHECK(c.find("no holder 'a' in the registry' in the registry") ==
          "登记库中没有使用主体“a' in the registry”");
  }
  SUBCASE("nested: a translated value inside a template") {
    CHECK(c.find("registered name (required)") == "登记名称（必填）");
  }
  SUBCASE("no match") {
    CHECK(c.find("something else") == std::nullopt);
    CHECK(c.find("no  in the registry") == std::nullopt);
  }
}

TEST_CASE("Catalogue::add, error handling") {
  Catalogue c;
  REQUIRE(c.add("a", "甲"));
  SUBCASE("the same English twice, differently") {
    auto r = c.add("a", "乙");
    REQUIRE(!r);
    CHECK(r.error().message == "'a': translated twice, differently");
  }
  SUBCASE("touching placeholders") {
    auto r = c.add("{x}{y} z", "{x}{y}");
    REQUIRE(!r);
    CHECK(r.error().message == "'{x}{y} z': two placeholders touch");
  }
  SUBCASE("a Chinese placeholder the English lacks") {
    auto r = c.add("no {entity}", "没有{thing}");
    REQUIRE(!r);
    CHECK(r.error().message == "'no {entity}': no placeholder {thing}");
  }
}

TEST_CASE("load_toml") {
  Catalogue c;
  REQUIRE(load_toml(c, "[messages]\n\"ok\" = \"好\"\n", "t.toml"));
  CHECK(c.find("ok") == "好");
  auto bad = load_toml(c, "x = 1\n", "t.toml");
  REQUIRE(!bad);
  CHECK(bad.error().message == "t.toml: no [messages] table");
}

TEST_CASE("chinese(): the embedded catalogue loads and covers the schemas") {
  CHECK(chinese().size() > 100);
  CHECK(chinese().find("unified social credit code (GB 32100), 18 characters") ==
        "统一社会信用代码（GB 32100，18位）");
  CHECK(translate("holder", Lang::en) == "holder");
  CHECK(translate("holder", Lang::zh) == "使用主体");
}

TEST_CASE("choose_language") {
  CHECK(choose_language({"zh", "", "", "C"}) == Lang::zh);
  CHECK(choose_language({"en", "", "", "zh_CN.UTF-8"}) == Lang::en);
  CHECK(choose_language({"", "", "", "zh_CN.UTF-8"}) == Lang::zh);
  CHECK(choose_language({"", "C", "", "zh_CN.UTF-8"}) == Lang::en);
  CHECK(choose_language({"", "", "zh_TW.UTF-8", "en_US.UTF-8"}) == Lang::zh);
  CHECK(choose_language({"fr", "", "", ""}) == Lang::en);
  CHECK(choose_language({}) == Lang::en);
}
