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

TEST_CASE("Catalogue::find: lists, one-line values, unknown words") {
  Catalogue c;
  REQUIRE(c.add("contract lacks {@clauses}", "合同缺少条款：{@clauses}"));
  REQUIRE(c.add("targets", "外呼对象"));
  REQUIRE(c.add("penalty", "违约责任"));
  REQUIRE(c.add("--{option}: {@message}", "--{option}：{@message}"));
  REQUIRE(c.add("no region", "缺少地区"));
  SUBCASE("a list whose items are all known reads as a Chinese list") {
    CHECK(c.find("contract lacks targets, penalty") == "合同缺少条款：外呼对象、违约责任");
    CHECK(c.find("contract lacks penalty") == "合同缺少条款：违约责任");
  }
  SUBCASE("a list with an unknown item stays as it is, and is named unknown") {
    std::vector<std::string> unknown;
    CHECK(c.find("contract lacks targets, fines", &unknown) == "合同缺少条款：targets, fines");
    CHECK(unknown == std::vector<std::string>{"targets, fines"});
  }
  SUBCASE("an '@' value with words the catalogue lacks is named unknown") {
    std::vector<std::string> unknown;
    CHECK(c.find("--sample: no such plan", &unknown) == "--sample：no such plan");
    CHECK(unknown == std::vector<std::string>{"no such plan"});
    unknown.clear();
    CHECK(c.find("--sample: no region", &unknown) == "--sample：缺少地区");
    CHECK(unknown.empty());
    CHECK(c.find("--sample: 12", &unknown) == "--sample：12");  // no words: nothing to translate
    CHECK(unknown.empty());
  }
  SUBCASE("a placeholder's value never spans lines") {
    CHECK_FALSE(c.find("--sample: no region\n"));
    CHECK_FALSE(c.find("contract lacks targets\nand more"));
  }
}

TEST_CASE("chinese(): the findings of R001-R013, word for word") {
  const Catalogue& zh = chinese();
  auto check = [&](const char* english, const char* chinese) {
    std::vector<std::string> unknown;
    CHECK(zh.find(english, &unknown) == std::optional<std::string>(chinese));
    CHECK(unknown.empty());
  };
  check("USCC 91460400MA5TDR015U has check character U, expected T",
        "统一社会信用代码 91460400MA5TDR015U 的校验码为 U，应为 T");
  check("USCC 91460400MA5TDR015U was accepted with a wrong check character",
        "统一社会信用代码 91460400MA5TDR015U 的校验码错误，经特批录入");
  check(
      "holder kind call_centre needs a call_centre_licence valid on 2026-11-29; holder "
      "91469007MA5TDF0204 has none",
      "使用主体类型为呼叫中心，需持有 2026-11-29 有效的呼叫中心业务许可证；使用主体 "
      "91469007MA5TDF0204 没有");
  check(
      "purpose marketing needs a call_centre_licence valid on 2026-11-29; holder "
      "91460400MA5TDR015T has none",
      "用途为营销，需持有 2026-11-29 有效的呼叫中心业务许可证；使用主体 91460400MA5TDR015T "
      "没有");
  check(
      "resource 95105 (n95) needs a number_certificate valid on 2026-11-29; holder "
      "91460400MA5TDR015T has none",
      "使用资源 95105（95号码），需持有 2026-11-29 有效的码号资源使用证书；使用主体 "
      "91460400MA5TDR015T 没有");
  check("holder 91460000MA5T00010D is blacklisted", "使用主体 91460000MA5T00010D 已列入黑名单");
  check("holder 91460000MA5T00010D is blacklisted (投诉核实：骚扰电话)",
        "使用主体 91460000MA5T00010D 已列入黑名单（投诉核实：骚扰电话）");
  check(
      "permitted caller +8689866130000 is not held by holder 91460400MA5TDR015T on 2026-11-29",
      "允许主叫号码 +8689866130000 不在使用主体 91460400MA5TDR015T 2026-11-29 持有的号码资源之内");
  check("permitted caller +8613800138000 is a mobile subscriber number on a call centre's lease",
        "呼叫中心的接入允许传送手机用户号码 +8613800138000");
  check(
      "permitted caller +8689866140001..+8689866140009 is a fixed-line subscriber number on a "
      "call centre's lease",
      "呼叫中心的接入允许传送固定电话用户号码 +8689866140001..+8689866140009");
  check("no access location or region", "缺少接入位置和地区");
  check("no access location", "缺少接入位置");
  check("no region", "缺少地区");
  check("resource TR-1 is also leased on 2026-11-29 by L-2 (holder 91460100MA5T0002XD)",
        "资源 TR-1 在 2026-11-29 同时接入给 L-2（使用主体 91460100MA5T0002XD）");
  check(
      "resource TR-1 is also leased on 2026-11-29 by L-2 (holder 91460100MA5T0002XD), L-3 "
      "(holder 91460400MA5TDR015T)",
      "资源 TR-1 在 2026-11-29 同时接入给 L-2（使用主体 91460100MA5T0002XD）、L-3（使用主体 "
      "91460400MA5TDR015T）");
  check(
      "permitted caller +8689866120500 overlaps +8689866120500..+8689866120501 permitted to "
      "holder 91460100MA5T0002XD by lease L-R008B",
      "允许主叫号码 +8689866120500 与接入记录 L-R008B 允许使用主体 91460100MA5T0002XD 传送的 "
      "+8689866120500..+8689866120501 重叠");
  check("marketing lease has no contract", "营销用途的接入没有合同");
  check("contract lacks frequency cap, time windows, targets, penalty",
        "合同缺少条款：呼叫频次上限、外呼时段、外呼对象、违约责任");
  check("in key region 460400 儋州市: never verified on site",
        "位于重点地区 460400 儋州市：从未现场核查");
  check(
      "in key region 469007 东方市: last verified on site 2025-01-01, more than 180 days before "
      "2026-11-29",
      "位于重点地区 469007 东方市：最近一次现场核查在 2025-01-01，距 2026-11-29 已超过 180 日");
  check("status active but the lease ended on 2026-01-31",
        "接入已于 2026-01-31 终止，状态仍为在用");
  check(
      "missing business name, commissioning entity, type, numbers, targets, content, contact",
      "登记信息缺少：业务名称、业务委托主体、业务类型、外呼业务号码、外呼对象、外呼内容、联系方式");
  check("permitted caller '0898-66120700' is not in canonical form (+8689866120700)",
        "允许主叫号码“0898-66120700”不是规范写法（应为 +8689866120700）");
  check("permitted caller '0898-661' is not a possible number (number-length)",
        "允许主叫号码“0898-661”不是可能的号码（number-length）");
  check("permitted caller +8689866120700 is stored with a wrong range key",
        "允许主叫号码 +8689866120700 存储的号段键值有误");
  check("resource '95-105' is not in canonical form (95105)",
        "资源“95-105”不是规范写法（应为 95105）");
  check("resource 96110 is not a 95 number", "资源 96110 不是 95 号码");
  check("resource B-1 number '0898-6612' is not a possible number (number-length)",
        "资源 B-1 的号码“0898-6612”不是可能的号码（number-length）");
  check("resource B-1 number '0898-66120000' is not in canonical form (+8689866120000)",
        "资源 B-1 的号码“0898-66120000”不是规范写法（应为 +8689866120000）");
}

TEST_CASE("chinese(): enum values read as the schemas name them") {
  const Catalogue& zh = chinese();
  CHECK(zh.find("active") == "在用");
  CHECK(zh.find("suspended") == "已暂停");
  CHECK(zh.find("ended") == "已终止");
  CHECK(zh.find("trunk") == "语音中继");
  CHECK(zh.find("line") == "互联网专线");
  CHECK(zh.find("n95") == "95号码");
  CHECK(zh.find("block") == "号段");
  CHECK(zh.find("customer_service") == "客服");
  CHECK(zh.find("marketing") == "营销");
  CHECK(zh.find("call_centre") == "呼叫中心");
  CHECK(zh.find("blacklisted") == "黑名单");
  CHECK(zh.find("number_certificate") == "码号资源使用证书");
  // The screening rules' texts, as the screen summary's table shows them.
  CHECK(zh.find("marketing call to a callee on the refusal list") ==
        "向已拒绝再拨的被叫进行营销外呼");
}
