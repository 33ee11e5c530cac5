// GB/T 2260 administrative divisions: all of Hainan in full, with the codes it
// has retired since 1988; provinces elsewhere.
//
// Implementation details: Hainan is one static table of current codes and one
// of retired codes with their successors. Sources: the civil-affairs (MCA)
// lists in cn/GB2260 (mca/198812, 199912, 200212, 200312, 201112, 202012),
// the statistics bureau (NBS) list stats/200412 there, and python-stdnum's
// cn/loc.dat (generated from NBS data) for the NBS island codes; 469003's end
// in 2015 as DOMAIN.md gives it. Outside Hainan only the province is checked.
#include "registry/types/region.hpp"

#include "registry/text/strings.hpp"

#include <vector>

namespace numreg {

namespace {

// Codes and names from cn/GB2260 (mca/201904); pinyin is of the short name.
// Sansha's districts 西沙区 and 南沙区 (2020) have no code in the MCA lists
// (202012 shows 三沙市 alone); numreg gives them 460321 and 460322, the codes
// the NBS lists gave 2012-2019 to 西沙群岛 and 南沙群岛, the areas they govern.
constexpr Region kHainan[] = {
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

// Each retired code with the lists that show it and its successor (the code
// its area has in the next list). The 2003 renumbering moved the county-level
// units from 4600xx to 4690xx; the NBS list of 2004 (stats/200412) numbered
// them differently (469025 定安 ... 469036 琼中), so where an NBS code is also a
// current MCA code, the MCA meaning stands; 469031 and 469033 named a county
// in 2004 and an island group later, so they have no single successor.
constexpr RetiredRegion kRetired[] = {
    {"460001", "通什市 (五指山市 from 2001)", "MCA 1988-2002", "469001"},
    {"460002", "琼海市", "MCA 1999-2002", "469002"},
    {"460003", "儋州市", "MCA 1999-2002", "460400"},
    {"460004", "琼山市", "MCA 1999", "460107"},
    {"460005", "文昌市", "MCA 1999-2002", "469005"},
    {"460006", "万宁市", "MCA 1999-2002", "469006"},
    {"460007", "东方市", "MCA 1999-2002", "469007"},
    {"460021", "琼山县", "MCA 1988", "460107"},
    {"460022", "文昌县", "MCA 1988", "469005"},
    {"460023", "琼海县", "MCA 1988", "469002"},
    {"460024", "万宁县", "MCA 1988", "469006"},
    {"460025", "定安县", "MCA 1988-2002", "469021"},
    {"460026", "屯昌县", "MCA 1988-2002", "469022"},
    {"460027", "澄迈县", "MCA 1988-2002", "469023"},
    {"460028", "临高县", "MCA 1988-2002", "469024"},
    {"460029", "儋县", "MCA 1988", "460400"},
    {"460030", "白沙黎族自治县", "MCA 1988-2002", "469025"},
    {"460031", "昌江黎族自治县", "MCA 1988-2002", "469026"},
    {"460032", "东方黎族自治县", "MCA 1988", "469007"},
    {"460033", "乐东黎族自治县", "MCA 1988-2002", "469027"},
    {"460034", "陵水黎族自治县", "MCA 1988-2002", "469028"},
    {"460035", "保亭黎族苗族自治县", "MCA 1988-2002", "469029"},
    {"460036", "琼中黎族苗族自治县", "MCA 1988-2002", "469030"},
    {"460101", "海口市市辖区", "NBS 2004", "460100"},
    {"460102", "振东区", "MCA 1999", "460108"},
    {"460103", "新华区", "MCA 1999", "460106"},
    {"460104", "秀英区", "MCA 1999", "460105"},
    {"460201", "三亚市市辖区", "NBS 2004", "460200"},
    {"460323", "中沙群岛的岛礁及其海域", "NBS 2012-2019", "460321"},
    {"469003", "儋州市", "MCA 2003-2014", "460400"},
    {"469031", "昌江黎族自治县 (NBS 2004), 西沙群岛 (NBS later)", "NBS", ""},
    {"469032", "南沙群岛", "NBS", "460322"},
    {"469033", "乐东黎族自治县 (NBS 2004), 中沙群岛的岛礁及其海域 (NBS later)", "NBS", ""},
    {"469034", "陵水黎族自治县", "NBS 2004", "469028"},
    {"469035", "保亭黎族苗族自治县", "NBS 2004", "469029"},
    {"469036", "琼中黎族苗族自治县", "NBS 2004", "469030"},
    {"469037", "西沙群岛", "NBS 2004", "460321"},
    {"469038", "南沙群岛", "NBS 2004", "460322"},
    {"469039", "中沙群岛的岛礁及其海域", "NBS 2004", "460321"},
};

// Names no longer current that still name one division: the island groups
// Sansha's districts govern (西沙区 governs 中沙群岛 too) and 通什市.
struct Alias {
  std::string_view name;
  std::string_view pinyin;
  std::string_view code;
};

constexpr Alias kAliases[] = {
    {"西沙群岛", "xishaqundao", "460321"},    {"南沙群岛", "nanshaqundao", "460322"},
    {"中沙群岛", "zhongshaqundao", "460321"}, {"中沙群岛的岛礁及其海域", "", "460321"},
    {"通什市", "tongshi", "469001"},          {"通什", "", "469001"},
};

constexpr std::string_view kHint =
    "expected a GB/T 2260 code such as 460400, a name such as 儋州, or pinyin such as danzhou";

bool is_code_form(std::string_view text) {
  if (text.size() != 6) {
    return false;
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

// True when the first two digits of `code` name a province (11..82).
bool has_province_prefix(std::string_view code) {
  const int p = (code[0] - '0') * 10 + (code[1] - '0');
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
         (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
         p == 81 || p == 82;
}

// Reduce pinyin to the table's form: lower case, no spaces or apostrophes,
// without a final "shi", "xian" or "qu" word ("Ding'an Xian" -> "dingan").
std::string pinyin_key(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!words.back().empty()) {
        words.emplace_back();
      }
    } else if (c != '\'' && c != '-') {
      words.back() += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  if (words.back().empty()) {
    words.pop_back();
  }
  const bool suffix =
      words.size() > 1 && (words.back() == "shi" || words.back() == "xian" || words.back() == "qu");
  std::string key;
  for (size_t i = 0; i + (suffix ? 1 : 0) < words.size(); ++i) {
    key += words[i];
  }
  return key;
}

// Find the current code of the division named `text` in Chinese (full or
// short) or in pinyin, current or one of kAliases; empty when none.
std::string_view find_by_name(std::string_view text) {
  const std::string key = pinyin_key(text);
  for (const Region& region : kHainan) {
    if (text == region.name || text == region.short_name || key == region.pinyin) {
      return region.code;
    }
  }
  for (const Alias& alias : kAliases) {
    if (text == alias.name || (!alias.pinyin.empty() && key == alias.pinyin)) {
      return alias.code;
    }
  }
  return {};
}

Error unknown_region(std::string_view text) {
  return data_error("region-unknown",
                    "unknown region '" + std::string(text) + "' (" + std::string(kHint) + ")");
}

Error ambiguous_region(const RetiredRegion& retired) {
  return data_error("region-ambiguous",
                    "retired code " + std::string(retired.code) + " named " +
                        std::string(retired.name) +
                        " in turn (give the current code or the name of the place)");
}

}  // namespace

std::span<const Region> hainan_regions() {
  return kHainan;
}

std::span<const RetiredRegion> retired_hainan_regions() {
  return kRetired;
}

const Region* find_region(std::string_view code) {
  for (const Region& region : kHainan) {
    if (region.code == code) {
      return &region;
    }
  }
  return nullptr;
}

const RetiredRegion* find_retired_region(std::string_view code) {
  for (const RetiredRegion& retired : kRetired) {
    if (retired.code == code) {
      return &retired;
    }
  }
  return nullptr;
}

std::string_view current_region_code(std::string_view code) {
  const RetiredRegion* retired = find_retired_region(code);
  return retired != nullptr && !retired->successor.empty() ? retired->successor : code;
}

Result<std::string> parse_region(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (is_code_form(trimmed)) {
    if (find_region(trimmed) != nullptr) {
      return std::string(trimmed);
    }
    if (const RetiredRegion* retired = find_retired_region(trimmed)) {
      if (retired->successor.empty()) {
        return tl::unexpected(ambiguous_region(*retired));
      }
      return std::string(retired->successor);
    }
    // Hainan is known in full, so an unknown 46xxxx code is a mistake.
    if (trimmed.substr(0, 2) != "46" && has_province_prefix(trimmed)) {
      return std::string(trimmed);
    }
    return tl::unexpected(unknown_region(text));
  }
  if (const std::string_view code = find_by_name(trimmed); !code.empty()) {
    return std::string(code);
  }
  return tl::unexpected(unknown_region(text));
}

std::optional<std::string> id_address_problem(std::string_view code) {
  if (!is_code_form(code)) {
    return "positions 1-6 are not six digits";
  }
  const std::string_view province = code.substr(0, 2);
  if (province == "81" || province == "82" || province == "83") {
    if (code.substr(2) == "0000") {
      return std::nullopt;
    }
    return "address code " + std::string(code) +
           " in positions 1-6 is not one GB/T 2260 has had (residence permits of Hong Kong, "
           "Macao and Taiwan residents use 810000, 820000 and 830000)";
  }
  if (!has_province_prefix(code)) {
    return "first two digits " + std::string(province) +
           " are not a province code (expected 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, "
           "81, 82 or 83)";
  }
  if (province == "46" && find_region(code) == nullptr && find_retired_region(code) == nullptr) {
    return "address code " + std::string(code) +
           " in positions 1-6 is not one GB/T 2260 has had in Hainan, current or retired";
  }
  return std::nullopt;
}

bool region_within(std::string_view code, std::string_view scope) {
  code = current_region_code(code);
  scope = current_region_code(scope);
  if (code == scope) {
    return !code.empty();
  }
  if (!is_code_form(code) || !is_code_form(scope)) {
    return false;
  }
  if (scope.substr(2) == "0000") {
    return code.substr(0, 2) == scope.substr(0, 2);
  }
  return scope.substr(4) == "00" && code.substr(0, 4) == scope.substr(0, 4);
}

std::string_view region_name(std::string_view code) {
  const Region* region = find_region(code);
  return region != nullptr ? region->name : std::string_view();
}

}  // namespace numreg
