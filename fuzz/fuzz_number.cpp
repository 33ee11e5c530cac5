// Number forms: parse_number, parse_number_range, parse_number_ranges.
// Properties: a canonical number re-parses to itself with the same type; a
// range holds its ends, orders them, and re-parses from its own format.
#include <string>

#include "fuzz/check.hpp"
#include "registry/types/number.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

void check_number(std::string_view text) {
  auto n = parse_number(text);
  if (!n) {
    require(!n.error().message.empty(), "a number error has a message", text);
    return;
  }
  auto again = parse_number(n->canonical);
  require(again.has_value(), "a canonical number parses", n->canonical);
  require(again->canonical == n->canonical, "a canonical number re-parses to itself", n->canonical);
  require(again->type == n->type, "a canonical number keeps its type", n->canonical);
  require(n->key() > 0, "a number's key is positive", n->canonical);
}

void check_range(std::string_view text) {
  auto r = parse_number_range(text);
  if (!r) {
    return;
  }
  require(r->first.key() <= r->last.key(), "a range's first end is not after its last", text);
  require(r->size() >= 1, "a range holds at least one number", text);
  require(r->contains(r->first) && r->contains(r->last), "a range holds its ends", text);
  auto again = parse_number_range(r->format());
  require(again && again->format() == r->format(), "a range re-parses from its format", text);
}

void check_ranges(std::string_view text) {
  auto rs = parse_number_ranges(text);
  if (!rs) {
    return;
  }
  std::string joined;
  for (const auto& r : *rs) {
    if (!joined.empty())
      joined += ';';
    joined += r.format();
  }
  auto again = parse_number_ranges(joined);
  require(again && again->size() == rs->size(), "a range list re-parses from its format", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  check_number(text);
  check_range(text);
  check_ranges(text);
  return 0;
}
