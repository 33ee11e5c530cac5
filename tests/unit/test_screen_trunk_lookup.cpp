// Tests for ScreenIndex's lookup of trunk IDs (registry/screen/screen_index):
// IDs of every length, IDs alike but for one byte, and a trunk with more
// leases than a slot counts.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "registry/screen/screen_index.hpp"
#include "registry/screen/screening.hpp"
#include "registry/screen/snapshot.hpp"
#include "screen_sample_index.hpp"

using namespace numreg::screen;

namespace {

// Trunk IDs as carriers write them, of every length from 1 to 40 bytes.
std::vector<std::string> ids_of_every_length() {
  const std::string pattern = "TRK-460400-0000123-SIP-HK-0898-DZ-000042";
  std::vector<std::string> ids;
  for (size_t n = 1; n <= pattern.size(); ++n)
    ids.push_back(pattern.substr(0, n));
  return ids;
}

// An index of `ids` (given sorted), trunk i with no lease.
ScreenIndex index_of(const std::vector<std::string>& ids) {
  ScreenIndex x;
  for (const auto& id : ids) {
    x.trunk_ids.add(id);
    x.trunks.push_back({0, 0, 0});
  }
  x.seal();
  return x;
}

}  // namespace

TEST_CASE("ScreenIndex::find_trunk: IDs of every length, and IDs alike but for one byte") {
  std::vector<std::string> ids = ids_of_every_length();
  std::sort(ids.begin(), ids.end());
  const ScreenIndex x = index_of(ids);
  const std::string path = "trunk-lookup.bin";
  write_snapshot(x, path);
  const ScreenIndex back = read_snapshot(path);
  for (const ScreenIndex* index : {&x, &back}) {
    for (uint32_t i = 0; i < ids.size(); ++i) {
      CAPTURE(ids[i]);
      CHECK(index->find_trunk(ids[i]) == i);
      // The same length, one byte changed anywhere: not this trunk (nor
      // another, none being of that length).
      for (size_t at = 0; at < ids[i].size(); ++at) {
        std::string other = ids[i];
        other[at] = other[at] == 'X' ? 'Y' : 'X';
        CAPTURE(other);
        CHECK(index->find_trunk(other) == kNone);
      }
      CHECK(index->find_trunk(ids[i] + "!") == kNone);
    }
    CHECK(index->find_trunk("") == kNone);
  }
  std::remove(path.c_str());
}

TEST_CASE("ScreenIndex::find_trunk: IDs of 255 bytes and more, whose size a slot does not hold") {
  // A slot counts an ID's bytes up to 255: IDs of 255, 256 and 300 bytes
  // with the same first and last bytes are told apart whole.
  std::vector<std::string> ids;
  for (const size_t n : {size_t{255}, size_t{256}, size_t{300}}) {
    std::string id = "TRK-460400-";
    id.append(n - id.size() - 8, 'x');
    id += "00000042";
    ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  const ScreenIndex x = index_of(ids);
  for (uint32_t i = 0; i < ids.size(); ++i) {
    CAPTURE(ids[i].size());
    CHECK(x.find_trunk(ids[i]) == i);
    std::string longer = ids[i];
    longer.insert(longer.begin() + 20, 'x');
    if (std::find(ids.begin(), ids.end(), longer) == ids.end())
      CHECK(x.find_trunk(longer) == kNone);
  }
}

TEST_CASE("ScreenIndex::find_trunk: long IDs that share their first and last bytes") {
  // 24-byte IDs that differ only in their 13th and 14th bytes: a lookup
  // must compare them whole.
  std::vector<std::string> ids;
  for (char c = 'A'; c <= 'Z'; ++c) {
    std::string id = "TRK-460400-0";
    id.append(2, c);
    id += "-000000042";
    ids.push_back(id);
  }
  const ScreenIndex x = index_of(ids);
  for (uint32_t i = 0; i < ids.size(); ++i) {
    CAPTURE(ids[i]);
    CHECK(ids[i].size() == 24);
    CHECK(x.find_trunk(ids[i]) == i);
  }
  CHECK(x.find_trunk("TRK-460400-0AB-000000042") == kNone);
  CHECK(x.find_trunk("TRK-460400-0-000000042") == kNone);
}

TEST_CASE("Screener: a trunk with more leases than a slot counts finds its last lease") {
  // 70,000 leases of one trunk over the years, each for a day; the last,
  // active on the call's day, permits the caller.
  ScreenIndex x;
  x.holders.add("91460400MA5TDR015T");
  x.trunk_ids.add("TRK-460400-0000001");
  x.ranges = {{test::key("+8689866120000"), test::key("+8689866120099")}};
  const int32_t last = test::day(2026, 11, 28);
  constexpr uint32_t kLeases = 70'000;
  for (uint32_t i = 0; i < kLeases; ++i) {
    IndexLease lease;
    lease.start_day = lease.end_day = last - static_cast<int32_t>(kLeases - 1 - i);
    lease.id = i;
    lease.holder = 0;
    lease.ranges_begin = 0;
    lease.ranges_end = 1;
    x.lease_ids.add(std::to_string(i));
    x.leases.push_back(lease);
  }
  x.trunks = {{0, kLeases, 0}};
  x.seal();
  const std::string path = "trunk-many-leases.bin";
  write_snapshot(x, path);
  const ScreenIndex back = read_snapshot(path);
  for (const ScreenIndex* index : {static_cast<const ScreenIndex*>(&x), &back}) {
    Screener screener(*index, {}, nullptr);
    CdrReader reader(memory_source("time,trunk,caller,callee,ring_s,talk_s\n"
                                   "2026-11-28T10:00:00,TRK-460400-0000001,+8689866120001,"
                                   "13800138000,5,30\n"
                                   "2026-11-29T10:00:00,TRK-460400-0000001,+8689866120001,"
                                   "13800138000,5,30\n"),
                     "day.csv");
    screener.screen(reader);
    const ScreenSummary s = screener.summary();
    CHECK(s.records == 2);
    CHECK(s.by_rule[S001] == 1);  // the second: no lease that day
  }
  std::remove(path.c_str());
}
