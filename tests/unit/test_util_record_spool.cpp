// Tests for registry/util/record_spool: records read back by several readers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "registry/util/record_spool.hpp"

using namespace numreg;

namespace {

std::vector<std::string> all(RecordSpool::Reader reader) {
  std::vector<std::string> out;
  std::string record;
  while (reader.next(record))
    out.push_back(record);
  return out;
}

}  // namespace

TEST_CASE("RecordSpool: records come back whole and in order") {
  RecordSpool spool;
  SUBCASE("in memory, empty records and binary bytes among them") {
    spool.append("L-1");
    spool.append("");
    spool.append(std::string("a\0b\x1f\n", 5));
    CHECK(all(spool.reader()) == std::vector<std::string>{"L-1", "", std::string("a\0b\x1f\n", 5)});
  }
  SUBCASE("past a mebibyte, through the temporary file, and the tail still in memory") {
    std::vector<std::string> expected;
    for (int i = 0; i < 120000; ++i) {
      expected.push_back("L-" + std::to_string(i) + std::string(static_cast<size_t>(i % 37), 'x'));
      spool.append(expected.back());
    }
    REQUIRE(spool.end() > (3u << 20));
    CHECK(all(spool.reader()) == expected);
  }
  SUBCASE("readers from their own places, side by side") {
    std::vector<uint64_t> starts;
    for (int part = 0; part < 3; ++part) {
      starts.push_back(spool.end());
      for (int i = 0; i < 50000; ++i)
        spool.append(std::to_string(part) + ":" + std::to_string(i));
    }
    starts.push_back(spool.end());
    std::vector<RecordSpool::Reader> readers;
    for (size_t p = 0; p < 3; ++p)
      readers.push_back(spool.reader(starts[p], starts[p + 1]));
    std::string record;
    for (int i = 0; i < 50000; ++i) {
      for (int p = 0; p < 3; ++p) {
        REQUIRE(readers[static_cast<size_t>(p)].next(record));
        REQUIRE(record == std::to_string(p) + ":" + std::to_string(i));
      }
    }
    for (auto& reader : readers)
      CHECK_FALSE(reader.next(record));
  }
}

TEST_CASE("RecordSpool: cleared, it starts empty, its temporary file gone") {
  RecordSpool spool;
  for (int i = 0; i < 100000; ++i)
    spool.append("lease L-" + std::to_string(i) + ": permitted caller not held");
  REQUIRE(spool.end() > (1u << 21));
  spool.clear();
  CHECK(spool.end() == 0);
  CHECK(all(spool.reader()).empty());
  spool.append("again");
  CHECK(all(spool.reader()) == std::vector<std::string>{"again"});
}
