#include <doctest/doctest.h>

#include "registry/model/record_range.hpp"

using numreg::first_last_range;
using numreg::kind;
using numreg::Record;

namespace {

Record permit(const char* first, const char* last) {
  Record r(kind("permits"));
  r.set("lease", "L-DZ-0001");
  r.set("first", first);
  if (last)
    r.set("last", last);
  return r;
}

}  // namespace

TEST_CASE("first_last_range: first..last, last defaulting to first") {
  auto range = first_last_range(permit("+8689866124000", "+8689866124009"));
  REQUIRE(range);
  CHECK(range->format() == "+8689866124000..+8689866124009");
  auto one = first_last_range(permit("+8689866109999", nullptr));
  REQUIRE(one);
  CHECK(one->format() == "+8689866109999");
}

TEST_CASE("first_last_range: the range's own error when it does not read") {
  auto backwards = first_last_range(permit("+8689866124009", "+8689866124000"));
  REQUIRE_FALSE(backwards);
  auto expected = numreg::parse_number_range("+8689866124009..+8689866124000");
  REQUIRE_FALSE(expected);
  CHECK(backwards.error().code == "range-order");
  CHECK(backwards.error().message == expected.error().message);
  auto mixed = first_last_range(permit("95105", "+8689866124000"));
  REQUIRE_FALSE(mixed);
  CHECK(mixed.error().code == "range-mismatch");
}

TEST_CASE("resource_range: a block's first..last, a service number's own number, else none") {
  Record block(kind("resources"));
  block.set("id", "BLK-460400-01");
  block.set("kind", "block");
  block.set("first", "+8689866120000");
  block.set("last", "+8689866129999");
  auto range = numreg::resource_range(block);
  REQUIRE(range);
  CHECK(range->size() == 10000);
  Record n400(kind("resources"));
  n400.set("id", "4008108888");
  n400.set("kind", "n400");
  auto own = numreg::resource_range(n400);
  REQUIRE(own);
  CHECK(own->format() == "4008108888");
  Record trunk(kind("resources"));
  trunk.set("id", "TRK-460400-0001");
  trunk.set("kind", "trunk");
  CHECK_FALSE(numreg::resource_range(trunk));
  Record line(kind("resources"));
  line.set("id", "0898-66123456");
  line.set("kind", "line");
  CHECK_FALSE(numreg::resource_range(line));  // a subscriber number is not a service number
}
