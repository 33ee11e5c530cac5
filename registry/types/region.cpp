// GB/T 2260 administrative divisions: all of Hainan in full, provinces elsewhere.
//
// Implementation details: Hainan is one static table of current codes; codes
// retired since 1999 map to their successors through a second small table.
// Outside Hainan only the province (the first two digits) is checked.
#include "registry/types/region.hpp"

#include "registry/text/strings.hpp"

#include <vector>

namespace numreg {

namespace {

// Codes and names from cn/GB2260 (mca/201904); pinyin is of the short name.
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

struct Renamed {
  std::string_view old_code;
  std::string_view current_code;
};

// Danzhou: 460003 until 2002, 469003 until Feb 2015; Dongfang and Wuzhishan
// (then 通什市) were renumbered in 2003.
constexpr Renamed kHistorical[] = {
    {"460003", "460400"},
    {"469003", "460400"},
    {"460007", "469007"},
    {"460001", "469001"},
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

// Find the division named `text` in Chinese (full or short) or in pinyin.
const Region* find_by_name(std::string_view text) {
  const std::string key = pinyin_key(text);
  for (const Region& region : kHainan) {
    if (text == region.name || text == region.short_name || key == region.pinyin) {
      return &region;
    }
  }
  return nullptr;
}

Error unknown_region(std::string_view text) {
  return data_error("region-unknown",
                    "unknown region '" + std::string(text) + "' (" + std::string(kHint) + ")");
}

}  // namespace

std::span<const Region> hainan_regions() {
  return kHainan;
}

const Region* find_region(std::string_view code) {
  for (const Region& region : kHainan) {
    if (region.code == code) {
      return &region;
    }
  }
  return nullptr;
}

std::string_view current_region_code(std::string_view code) {
  for (const Renamed& renamed : kHistorical) {
    if (renamed.old_code == code) {
      return renamed.current_code;
    }
  }
  return code;
}

Result<std::string> parse_region(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (is_code_form(trimmed)) {
    const std::string_view code = current_region_code(trimmed);
    if (find_region(code) != nullptr) {
      return std::string(code);
    }
    // Hainan is known in full, so an unknown 46xxxx code is a mistake.
    if (code.substr(0, 2) != "46" && has_province_prefix(code)) {
      return std::string(code);
    }
    return tl::unexpected(unknown_region(text));
  }
  if (const Region* region = find_by_name(trimmed); region != nullptr) {
    return std::string(region->code);
  }
  return tl::unexpected(unknown_region(text));
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
