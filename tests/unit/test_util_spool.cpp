// Tests for registry/util/spool: text held back, in memory or a temporary file.
#include <doctest/doctest.h>

#include <sstream>

#include "registry/util/spool.hpp"

using namespace numreg;

TEST_CASE("Spool: gives back what it took, in order, and starts empty again") {
  Spool spool;
  SUBCASE("short text stays in memory") {
    spool.append("one\n");
    spool.append("two\n");
    std::ostringstream out;
    spool.drain_to(out);
    CHECK(out.str() == "one\ntwo\n");
  }
  SUBCASE("text past a mebibyte goes through the temporary file") {
    std::string expected;
    for (int i = 0; i < 100000; ++i) {
      std::string line = "  lease L-" + std::to_string(i) + ": permitted caller not held\n";
      spool.append(line);
      expected += line;
    }
    REQUIRE(expected.size() > (1u << 21));
    std::ostringstream out;
    spool.drain_to(out);
    CHECK(out.str() == expected);
  }
  std::ostringstream again;
  spool.append("three\n");
  spool.drain_to(again);
  CHECK(again.str() == "three\n");
}
