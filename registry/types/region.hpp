// GB/T 2260 administrative divisions: all of Hainan in full, with the codes it
// has retired since 1988; provinces elsewhere.
#pragma once

#include <optional>
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

/// A Hainan code no longer in use, and the code that took over its area.
struct RetiredRegion {
  std::string_view code;       // "460005"
  std::string_view name;       // "文昌市"
  std::string_view listed;     // the lists that show it: "MCA 1999-2002"
  std::string_view successor;  // "469005"; empty when the code named two places in turn
};

/// Every Hainan division numreg knows: the province, its prefectures, the
/// county-level units and the districts of Haikou, Sanya and Sansha.
std::span<const Region> hainan_regions();

/// Every retired Hainan code: the 1988 province's codes, the 1990s
/// county-to-city renumberings, the 2002 Haikou districts, the 2003 move to
/// 4690xx, Danzhou's 469003 (to 2015), and statistical (NBS) codes.
std::span<const RetiredRegion> retired_hainan_regions();

/// The Hainan division with this current code, or nullptr.
const Region* find_region(std::string_view code);

/// The retired Hainan code `code`, or nullptr.
const RetiredRegion* find_retired_region(std::string_view code);

/// Map a retired Hainan code to its successor ("460005" -> "469005",
/// "469003" -> "460400"); other codes, and retired codes without a single
/// successor, are returned unchanged.
std::string_view current_region_code(std::string_view code);

/// Parse a region written as a code (current or retired), a Chinese name
/// (儋州市 or 儋州) or pinyin (danzhou, Danzhou, Danzhou Shi) and return its
/// current code. Codes outside Hainan are accepted when their first two digits
/// name a province (11..82) and they are six digits. Errors: code
/// "region-unknown", with a hint of the accepted forms; "region-ambiguous" for a
/// retired code that named two places in turn.
Result<std::string> parse_region(std::string_view text);

/// Why `code` (positions 1-6 of a resident ID) is no address code GB/T 2260
/// has had, or nullopt when it is one. A number keeps the code of the county
/// that issued it, so retired codes are valid. Hainan is checked in full;
/// elsewhere only the province (numreg holds no national history); residence
/// permits of Hong Kong, Macao and Taiwan residents use 810000, 820000, 830000.
std::optional<std::string> id_address_problem(std::string_view code);

/// True when `code` lies within `scope`: equal, a district of the prefecture
/// `scope` (4601xx within 460100), or anything in the province 460000.
bool region_within(std::string_view code, std::string_view scope);

/// "儋州市" for a known code, else the empty string.
std::string_view region_name(std::string_view code);

}  // namespace numreg
