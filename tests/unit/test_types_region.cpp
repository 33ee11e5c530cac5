// Tests for registry/types/region: GB/T 2260 codes, names and pinyin.
#include "registry/types/region.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace {

struct Row {
  std::string_view code;
  std::string_view name;
  std::string_view short_name;
  std::string_view pinyin;
  std::string_view parent;
};

// DOMAIN.md section 4, row by row; Sansha's districts (2020) under the codes
// of the island groups they govern (no code in the MCA lists).
constexpr Row kExpected[] = {
    {"460000", "海南省", "海南", "hainan", ""},
    {"460100", "海口市", "海口", "haikou", "460000"},
    {"460105", "秀英区", "秀英", "xiuying", "460100"},
    {"460106", "龙华区", "龙华", "longhua", "460100"},
    {"460107", "琼山区", "琼山", "qiongshan", "460100"},
    {"460108", "美兰区", "美兰", "meilan", "460100"},
    {"460200", "三亚市", "三亚", "sanya", "460000"},
    {"460202", "海棠区", "海棠", "haitang", "460200"},
    {"460203", "吉阳区", "吉阳", "jiyang", "460200"},
    {"460204", "天涯区", "天涯", "tianya", "460200"},
    {"460205", "崖州区", "崖州", "yazhou", "460200"},
    {"460300", "三沙市", "三沙", "sansha", "460000"},
    {"460321", "西沙区", "西沙", "xisha", "460300"},
    {"460322", "南沙区", "南沙", "nansha", "460300"},
    {"460400", "儋州市", "儋州", "danzhou", "460000"},
    {"469001", "五指山市", "五指山", "wuzhishan", "460000"},
    {"469002", "琼海市", "琼海", "qionghai", "460000"},
    {"469005", "文昌市", "文昌", "wenchang", "460000"},
    {"469006", "万宁市", "万宁", "wanning", "460000"},
    {"469007", "东方市", "东方", "dongfang", "460000"},
    {"469021", "定安县", "定安", "dingan", "460000"},
    {"469022", "屯昌县", "屯昌", "tunchang", "460000"},
    {"469023", "澄迈县", "澄迈", "chengmai", "460000"},
    {"469024", "临高县", "临高", "lingao", "460000"},
    {"469025", "白沙黎族自治县", "白沙", "baisha", "460000"},
    {"469026", "昌江黎族自治县", "昌江", "changjiang", "460000"},
    {"469027", "乐东黎族自治县", "乐东", "ledong", "460000"},
    {"469028", "陵水黎族自治县", "陵水", "lingshui", "460000"},
    {"469029", "保亭黎族苗族自治县", "保亭", "baoting", "460000"},
    {"469030", "琼中黎族苗族自治县", "琼中", "qiongzhong", "460000"},
};

constexpr std::string_view kHint =
    " (expected a GB/T 2260 code such as 460400, a name such as 儋州, or pinyin such as danzhou)";

void check_unknown(std::string_view text) {
  CAPTURE(text);
  const auto result = numreg::parse_region(text);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == "region-unknown");
  CHECK(result.error().message ==
        "unknown region '" + std::string(text) + "'" + std::string(kHint));
}

}  // namespace

TEST_CASE("hainan_regions holds every row of DOMAIN.md") {
  const auto regions = numreg::hainan_regions();
  REQUIRE(regions.size() == std::size(kExpected));
  for (size_t i = 0; i < regions.size(); ++i) {
    CAPTURE(kExpected[i].code);
    CHECK(regions[i].code == kExpected[i].code);
    CHECK(regions[i].name == kExpected[i].name);
    CHECK(regions[i].short_name == kExpected[i].short_name);
    CHECK(regions[i].pinyin == kExpected[i].pinyin);
    CHECK(regions[i].parent == kExpected[i].parent);
  }
}

TEST_CASE("hainan_regions is consistent") {
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  std::set<std::string_view> pinyins;
  for (const numreg::Region& region : numreg::hainan_regions()) {
    CAPTURE(region.code);
    CHECK(codes.insert(region.code).second);
    CHECK(names.insert(region.short_name).second);
    CHECK(pinyins.insert(region.pinyin).second);
    CHECK(region.code.size() == 6);
    CHECK(region.code.substr(0, 2) == "46");
    CHECK(region.name.starts_with(region.short_name));
    CHECK(region.pinyin.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos);
    if (!region.parent.empty()) {
      REQUIRE(numreg::find_region(region.parent) != nullptr);
      CHECK(region.parent.ends_with("00"));
      CHECK(numreg::region_within(region.code, region.parent));
    }
    CHECK(numreg::find_region(region.code) == &region);
    CHECK(numreg::parse_region(region.code) == std::string(region.code));
    CHECK(numreg::parse_region(region.name) == std::string(region.code));
    CHECK(numreg::parse_region(region.short_name) == std::string(region.code));
    CHECK(numreg::parse_region(region.pinyin) == std::string(region.code));
    CHECK(numreg::region_name(region.code) == region.name);
  }
}

TEST_CASE("find_region and region_name") {
  REQUIRE(numreg::find_region("460400") != nullptr);
  CHECK(numreg::find_region("460400")->name == "儋州市");
  CHECK(numreg::find_region("469003") == nullptr);
  CHECK(numreg::find_region("469000") == nullptr);
  CHECK(numreg::find_region("110000") == nullptr);
  CHECK(numreg::find_region("") == nullptr);
  CHECK(numreg::region_name("469025") == "白沙黎族自治县");
  CHECK(numreg::region_name("460003") == "");
  CHECK(numreg::region_name("110105") == "");
}

TEST_CASE("current_region_code") {
  CHECK(numreg::current_region_code("460005") == "469005");
  CHECK(numreg::current_region_code("460025") == "469021");
  CHECK(numreg::current_region_code("460033") == "469027");
  CHECK(numreg::current_region_code("469031") == "469031");  // two places in turn
  CHECK(numreg::current_region_code("460003") == "460400");
  CHECK(numreg::current_region_code("469003") == "460400");
  CHECK(numreg::current_region_code("460007") == "469007");
  CHECK(numreg::current_region_code("460001") == "469001");
  CHECK(numreg::current_region_code("460400") == "460400");
  CHECK(numreg::current_region_code("110105") == "110105");
  CHECK(numreg::current_region_code("xyz") == "xyz");
}

TEST_CASE("parse_region") {
  SUBCASE("codes, current and historical") {
    CHECK(numreg::parse_region("460400") == "460400");
    CHECK(numreg::parse_region(" 460400 ") == "460400");
    CHECK(numreg::parse_region("460003") == "460400");
    CHECK(numreg::parse_region("469003") == "460400");
    CHECK(numreg::parse_region("460007") == "469007");
    CHECK(numreg::parse_region("460001") == "469001");
  }
  SUBCASE("codes outside Hainan: province checked only") {
    for (std::string_view code : {"110000", "110105", "440524", "350203", "150000", "540000",
                                  "650000", "710000", "810000", "820000", "450000"}) {
      CAPTURE(code);
      CHECK(numreg::parse_region(code) == std::string(code));
    }
    for (std::string_view code : {"000000", "100000", "160000", "200000", "240000", "380000",
                                  "470000", "550000", "660000", "720000", "830000", "990000"}) {
      check_unknown(code);
    }
  }
  SUBCASE("unknown Hainan codes") {
    check_unknown("469000");
    check_unknown("460500");
    check_unknown("469099");
    check_unknown("460301");
    check_unknown("460302");
    check_unknown("469004");
    check_unknown("460009");
  }
  SUBCASE("Chinese names") {
    CHECK(numreg::parse_region("儋州") == "460400");
    CHECK(numreg::parse_region("儋州市") == "460400");
    CHECK(numreg::parse_region("海南省") == "460000");
    CHECK(numreg::parse_region("海南") == "460000");
    CHECK(numreg::parse_region("白沙") == "469025");
    CHECK(numreg::parse_region("保亭黎族苗族自治县") == "469029");
    CHECK(numreg::parse_region("美兰区") == "460108");
  }
  SUBCASE("pinyin in any case, with an optional shi, xian or qu") {
    CHECK(numreg::parse_region("danzhou") == "460400");
    CHECK(numreg::parse_region("Danzhou") == "460400");
    CHECK(numreg::parse_region("DANZHOU") == "460400");
    CHECK(numreg::parse_region("Danzhou Shi") == "460400");
    CHECK(numreg::parse_region("danzhou  shi") == "460400");
    CHECK(numreg::parse_region("Dingan") == "469021");
    CHECK(numreg::parse_region("Ding'an") == "469021");
    CHECK(numreg::parse_region("Ding'an Xian") == "469021");
    CHECK(numreg::parse_region("Lingshui") == "469028");
    CHECK(numreg::parse_region("Xiuying Qu") == "460105");
    CHECK(numreg::parse_region("Hainan") == "460000");
    CHECK(numreg::parse_region("Wuzhishan Shi") == "469001");
    CHECK(numreg::parse_region("Xisha Qundao") == "460321");
    CHECK(numreg::parse_region("Xisha") == "460321");
    CHECK(numreg::parse_region("Xisha Qu") == "460321");
    CHECK(numreg::parse_region("nansha qu") == "460322");
    CHECK(numreg::parse_region("Nansha") == "460322");
  }
  SUBCASE("Sansha's districts and the island groups they govern") {
    CHECK(numreg::parse_region("西沙区") == "460321");
    CHECK(numreg::parse_region("南沙区") == "460322");
    CHECK(numreg::parse_region("西沙") == "460321");
    CHECK(numreg::parse_region("南沙") == "460322");
    CHECK(numreg::parse_region("西沙群岛") == "460321");
    CHECK(numreg::parse_region("南沙群岛") == "460322");
    CHECK(numreg::parse_region("中沙群岛") == "460321");
    CHECK(numreg::parse_region("中沙群岛的岛礁及其海域") == "460321");
    CHECK(numreg::parse_region("Zhongsha Qundao") == "460321");
    CHECK(numreg::parse_region("通什") == "469001");
    CHECK(numreg::parse_region("Tongshi Shi") == "469001");
    CHECK(numreg::region_within("460321", "460300"));
    CHECK(numreg::region_within("460322", "460300"));
  }
  SUBCASE("unknown names") {
    check_unknown("xyz");
    check_unknown("");
    check_unknown("shi");
    check_unknown("Danzhou Town");
    check_unknown("北京");
    check_unknown("儋");
    check_unknown("4604");
    check_unknown("4604000");
    check_unknown("46040a");
  }
}

TEST_CASE("region_within") {
  SUBCASE("equal") {
    CHECK(numreg::region_within("460400", "460400"));
    CHECK(numreg::region_within("460105", "460105"));
    CHECK(numreg::region_within("110105", "110105"));
  }
  SUBCASE("districts in their prefecture") {
    CHECK(numreg::region_within("460105", "460100"));
    CHECK(numreg::region_within("460108", "460100"));
    CHECK(numreg::region_within("460205", "460200"));
    CHECK(numreg::region_within("460321", "460300"));
    CHECK_FALSE(numreg::region_within("460205", "460100"));
    CHECK_FALSE(numreg::region_within("460100", "460105"));
    CHECK_FALSE(numreg::region_within("460106", "460105"));
  }
  SUBCASE("everything in the province") {
    for (const numreg::Region& region : numreg::hainan_regions()) {
      CHECK(numreg::region_within(region.code, "460000"));
    }
    CHECK_FALSE(numreg::region_within("460000", "460100"));
    CHECK_FALSE(numreg::region_within("110105", "460000"));
    CHECK_FALSE(numreg::region_within("460400", "110000"));
    CHECK(numreg::region_within("110105", "110000"));
    CHECK(numreg::region_within("110105", "110100"));
  }
  SUBCASE("historical codes are read as current ones") {
    CHECK(numreg::region_within("469003", "460400"));
    CHECK(numreg::region_within("460003", "460000"));
    CHECK(numreg::region_within("460007", "469007"));
  }
  SUBCASE("county-level units are not within each other") {
    CHECK_FALSE(numreg::region_within("469007", "469001"));
    CHECK_FALSE(numreg::region_within("460400", "469007"));
  }
  SUBCASE("not codes") {
    CHECK_FALSE(numreg::region_within("", ""));
    CHECK_FALSE(numreg::region_within("460105", ""));
    CHECK_FALSE(numreg::region_within("4601", "460100"));
    CHECK_FALSE(numreg::region_within("danzhou", "460000"));
  }
}

TEST_CASE("retired Hainan codes") {
  SUBCASE("the codes the clean-up campaign found refused") {
    CHECK(numreg::parse_region("460005") == "469005");  // 文昌市
    CHECK(numreg::parse_region("460025") == "469021");  // 定安县
    CHECK(numreg::parse_region("460033") == "469027");  // 乐东黎族自治县
    CHECK(numreg::parse_region("460029") == "460400");  // 儋县
    CHECK(numreg::parse_region("460021") == "460107");  // 琼山县
    CHECK(numreg::parse_region("460102") == "460108");  // 振东区
    CHECK(numreg::parse_region("460323") == "460321");  // 中沙群岛, governed by 西沙区
    CHECK(numreg::parse_region("469037") == "460321");
  }
  SUBCASE("every retired code maps to a current one, or is refused as ambiguous") {
    std::set<std::string_view> codes;
    for (const numreg::RetiredRegion& retired : numreg::retired_hainan_regions()) {
      CAPTURE(retired.code);
      CHECK(codes.insert(retired.code).second);
      CHECK(retired.code.substr(0, 2) == "46");
      CHECK(numreg::find_region(retired.code) == nullptr);
      CHECK(numreg::find_retired_region(retired.code) == &retired);
      CHECK_FALSE(numreg::id_address_problem(retired.code).has_value());
      const auto parsed = numreg::parse_region(retired.code);
      if (retired.successor.empty()) {
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().code == "region-ambiguous");
        CHECK(numreg::current_region_code(retired.code) == retired.code);
      } else {
        REQUIRE(numreg::find_region(retired.successor) != nullptr);
        CHECK(parsed == std::string(retired.successor));
        CHECK(numreg::current_region_code(retired.code) == retired.successor);
        CHECK(numreg::region_within(retired.code, "460000"));
      }
    }
    CHECK(codes.size() == 39);
  }
  SUBCASE("a code that named two places in turn") {
    const auto parsed = numreg::parse_region("469031");
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().code == "region-ambiguous");
    CHECK(parsed.error().message ==
          "retired code 469031 named 昌江黎族自治县 (NBS 2004), 西沙群岛 (NBS later) in turn "
          "(give the current code or the name of the place)");
  }
}

TEST_CASE("id_address_problem") {
  SUBCASE("Hainan: current and retired codes") {
    for (std::string_view code : {"460000", "460100", "460200", "460400", "469027", "460005",
                                  "460025", "460033", "469003", "460102", "460321", "460323"}) {
      CAPTURE(code);
      CHECK_FALSE(numreg::id_address_problem(code).has_value());
    }
  }
  SUBCASE("Hainan: codes it never had") {
    for (std::string_view code : {"460999", "469099", "460009", "469004", "469000", "460302"}) {
      CAPTURE(code);
      CHECK(numreg::id_address_problem(code) ==
            "address code " + std::string(code) +
                " in positions 1-6 is not one GB/T 2260 has had in Hainan, current or retired");
    }
  }
  SUBCASE("residence permits of Hong Kong, Macao and Taiwan residents") {
    CHECK_FALSE(numreg::id_address_problem("810000").has_value());
    CHECK_FALSE(numreg::id_address_problem("820000").has_value());
    CHECK_FALSE(numreg::id_address_problem("830000").has_value());
    CHECK(numreg::id_address_problem("830100") ==
          "address code 830100 in positions 1-6 is not one GB/T 2260 has had (residence permits "
          "of Hong Kong, Macao and Taiwan residents use 810000, 820000 and 830000)");
    CHECK(numreg::id_address_problem("810101").has_value());
  }
  SUBCASE("elsewhere only the province") {
    CHECK_FALSE(numreg::id_address_problem("440524").has_value());
    CHECK_FALSE(numreg::id_address_problem("110105").has_value());
    CHECK_FALSE(numreg::id_address_problem("449999").has_value());
    CHECK(numreg::id_address_problem("990400") ==
          "first two digits 99 are not a province code (expected 11-15, 21-23, 31-37, 41-46, "
          "50-54, 61-65, 71, 81, 82 or 83)");
    CHECK(numreg::id_address_problem("46040a") == "positions 1-6 are not six digits");
  }
}
