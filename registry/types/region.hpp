// GB/T 2260 administrative divisions: all of Hainan in full, provinces elsewhere.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "registry/error.hpp"

namespace numreg {

/// One division of Hainan (current code) with its names.
struct Region {
  std::string_view code;        // "460400"
  std::string_view name;        // "儋州市"
  std::string_view short_name;  // "儋州"
  std::string_view pinyin;      // "danzhou" (lower case, no tones, no spaces)
  std::string_view parent;      // "460000" for prefectures and county-level units
};

/// Every Hainan division numreg knows: the province, its prefectures, the
/// county-level units and the districts of Haikou, Sanya and Sansha.
std::span<const Region> hainan_regions();

/// The Hainan division with this current code, or nullptr.
const Region* find_region(std::string_view code);

/// Map a historical Hainan code to its current one ("460003" -> "460400",
/// "469003" -> "460400", "460007" -> "469007", "460001" -> "469001"); other
/// codes are returned unchanged.
std::string_view current_region_code(std::string_view code);

/// Parse a region written as a code, a Chinese name (儋州市 or 儋州) or pinyin
/// (danzhou, Danzhou, Danzhou Shi) and return its current code. Codes outside
/// Hainan are accepted when their first two digits name a province (11..82)
/// and they are six digits. Errors: code "region-unknown", with a hint of the
/// accepted forms.
Result<std::string> parse_region(std::string_view text);

/// True when `code` lies within `scope`: equal, a district of the prefecture
/// `scope` (4601xx within 460100), or anything in the province 460000.
bool region_within(std::string_view code, std::string_view scope);

/// "儋州市" for a known code, else the empty string.
std::string_view region_name(std::string_view code);

}  // namespace numreg
