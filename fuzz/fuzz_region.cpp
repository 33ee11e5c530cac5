// Regions: parse_region, region_within, region_name, current_region_code.
// Properties: a parsed region is a six-digit code that re-parses to itself and
// lies within itself; a Hainan code is also reached from its names.
#include <algorithm>
#include <string>

#include "fuzz/check.hpp"
#include "registry/types/region.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

bool six_digits(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_names(std::string_view text, const Region& region) {
  for (std::string_view name : {region.name, region.short_name, region.pinyin}) {
    if (name.empty()) {
      continue;
    }
    auto again = parse_region(name);
    require(again && *again == region.code, "a Hainan region is found by its names", text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  if (auto code = parse_region(text)) {
    require(six_digits(*code), "a region is a six-digit code", text);
    auto again = parse_region(*code);
    require(again && *again == *code, "a region code re-parses to itself", text);
    require(region_within(*code, *code), "a region lies within itself", text);
    require(region_within(*code, "460000") == code->starts_with("46"),
            "a region lies within Hainan exactly when its code starts with 46", text);
    if (const Region* region = find_region(*code)) {
      check_names(text, *region);
    }
  }
  // Whatever the text, these answer without failing.
  size_t half = text.size() / 2;
  (void)region_within(text.substr(0, half), text.substr(half));
  (void)region_name(text);
  (void)current_region_code(text);
  return 0;
}
