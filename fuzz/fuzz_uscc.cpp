// Unified social credit codes: parse_uscc, with and without the check override.
// Properties: a valid code stays valid when re-parsed and its 18th character is
// the computed check; the override accepts everything the strict reading does
// and differs only in the check character.
#include <string>

#include "fuzz/check.hpp"
#include "registry/types/uscc.hpp"

using namespace numreg;
using numreg::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  auto strict = parse_uscc(text);
  auto lax = parse_uscc(text, true);
  if (strict) {
    require(strict->check_ok, "a strictly read code has a good check", text);
    require(strict->code.size() == 18, "a code has 18 characters", text);
    require(uscc_check_char(std::string_view(strict->code).substr(0, 17)) == strict->code[17],
            "the 18th character is the check character", text);
    auto again = parse_uscc(strict->code);
    require(again && again->code == strict->code, "a valid code stays valid", text);
    require(lax && lax->code == strict->code && lax->check_ok,
            "the override accepts a valid code as it is", text);
  }
  if (!lax) {
    require(!strict, "the strict reading rejects what the override rejects", text);
    return 0;
  }
  require(lax->code.size() == 18, "a code has 18 characters", text);
  if (!lax->check_ok) {
    require(!strict && strict.error().code == "uscc-check",
            "only the check character differs under the override", text);
    std::string fixed = lax->code;
    auto check = uscc_check_char(std::string_view(fixed).substr(0, 17));
    require(check.has_value(), "a code read with the override has a check character", text);
    fixed[17] = *check;
    require(parse_uscc(fixed).has_value(), "the right check character makes it valid", fixed);
  }
  return 0;
}
