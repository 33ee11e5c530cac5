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

// DOMAIN.md section 4, row by row.
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
    {"460321", "西沙群岛", "西沙群岛", "xishaqundao", "460300"},
    {"460322", "南沙群岛", "南沙群岛", "nanshaqundao", "460300"},
    {"460323", "中沙群岛的岛礁及其海域", "中沙群岛", "zhongshaqundao", "460300"},
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
