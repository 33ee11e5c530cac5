// Tests for registry/screen/name_counts: counts by trunk or holder, in name
// order, however they are added.
#include "registry/screen/name_counts.hpp"

#include <doctest/doctest.h>

#include <vector>

using numreg::screen::NameCounts;
using Entries = std::vector<NameCounts::Entry>;

namespace {

Entries entries(const NameCounts& counts) {
  return Entries(counts.begin(), counts.end());
}

}  // namespace

TEST_CASE("NameCounts::add: names in order go at the end, others where they sort") {
  NameCounts c;
  c.add("TRK-0000002", 1);
  c.add("TRK-0000010", 4);
  c.add("TRK-0000001", 2);  // before the first
  c.add("TRK-0000005", 3);  // between
  c.add("TRK-0000010", 1);  // the last again
  c.add("TRK-0000002", 5);  // one held, not the last
  CHECK(entries(c) ==
        Entries{{"TRK-0000001", 2}, {"TRK-0000002", 6}, {"TRK-0000005", 3}, {"TRK-0000010", 5}});
  CHECK(c.count("TRK-0000002") == 6);
  CHECK(c.count("TRK-0000003") == 0);
  CHECK(c.count("TRK-0000011") == 0);
  CHECK(c.size() == 4);
}

TEST_CASE("NameCounts::of: any order, a name given twice counts both, bytes compared") {
  // UTF-8 names sort by their bytes, as the JSON summary's keys do.
  const NameCounts c = NameCounts::of(
      {{"海口", 1}, {"T9", 2}, {"T1", 3}, {"T9", 4}, {"(other trunks not in the registry)", 5}});
  CHECK(entries(c) ==
        Entries{{"(other trunks not in the registry)", 5}, {"T1", 3}, {"T9", 6}, {"海口", 1}});
  // The registry's trunks in order, then a few it does not know.
  CHECK(
      entries(NameCounts::of({{"T1", 1}, {"T2", 2}, {"T5", 5}, {"T3", 3}, {"T2", 1}, {"S", 7}})) ==
      Entries{{"S", 7}, {"T1", 1}, {"T2", 3}, {"T3", 3}, {"T5", 5}});
  // In order already: taken as it is.
  CHECK(entries(NameCounts::of({{"A", 1}, {"B", 2}})) == Entries{{"A", 1}, {"B", 2}});
  CHECK(NameCounts{{"B", 2}, {"A", 1}} == NameCounts::of({{"A", 1}, {"B", 2}}));
  CHECK(NameCounts::of({}).empty());
}

TEST_CASE("NameCounts::merge adds the counts of names in either or both") {
  NameCounts a{{"T1", 1}, {"T3", 3}, {"T5", 5}};
  const NameCounts b{{"T0", 10}, {"T3", 30}, {"T4", 40}, {"T9", 90}};
  a.merge(b);
  CHECK(entries(a) ==
        Entries{{"T0", 10}, {"T1", 1}, {"T3", 33}, {"T4", 40}, {"T5", 5}, {"T9", 90}});
  NameCounts empty;
  empty.merge(b);
  CHECK(empty == b);
  a.merge(NameCounts{});
  CHECK(a.size() == 6);
}
