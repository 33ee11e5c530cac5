// Tests for registry/screen/snapshot: the index mapped in place from a file
// of format 4, and the damaged files it refuses with a clear error.
#include "registry/screen/snapshot.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

#include "registry/types/number.hpp"

using namespace numreg;
using namespace numreg::screen;

namespace {

// Directory entries as the format lays them out: {offset, count, size} at
// byte 64, in the order trunk_ids (chars, ends), lease_ids, holders, texts,
// trunks, leases, ranges, windows, refusals, slots.
constexpr size_t kDirectoryAt = 64;
constexpr size_t kLeasesEntry = 9;
constexpr size_t kRefusalsEntry = 12;
constexpr size_t kSlotsEntry = 13;

// Two trunks: T1 with a lease of H1 permitting +86 898 6612 00xx, GW an
// international gateway without leases; one refusal for everyone.
ScreenIndex small_index() {
  ScreenIndex x;
  x.holders.add("91460400MA5TDR015T");
  x.trunk_ids.add("GW");
  x.trunk_ids.add("T1");
  x.trunks = {{0, 0, 1}, {0, 1, 0}};
  x.lease_ids.add("L1");
  x.ranges = {{parse_number("+8689866120000")->key(), parse_number("+8689866120099")->key()}};
  IndexLease lease;
  lease.start_day = static_cast<int32_t>(Date{2026, 1, 1}.days());
  lease.holder = 0;
  lease.ranges_end = 1;
  x.leases = {lease};
  x.refusals = {{parse_number("13900000001")->key(), kNone, lease.start_day}};
  x.seal();
  return x;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The bytes of a snapshot of small_index() with the u64 at `at` set to `value`.
std::string patched(const std::string& bytes, size_t at, uint64_t value) {
  std::string out = bytes;
  std::memcpy(out.data() + at, &value, sizeof value);
  return out;
}

uint64_t u64_at(const std::string& bytes, size_t at) {
  uint64_t value = 0;
  std::memcpy(&value, bytes.data() + at, sizeof value);
  return value;
}

size_t entry(size_t table, size_t field) {
  return kDirectoryAt + table * 24 + field * 8;
}

// Each test case has a file of its own: ctest runs them in parallel.
std::string damaged_message(const std::string& path) {
  return "snapshot " + path + " is cut short or damaged";
}

}  // namespace

TEST_CASE("Snapshot: the tables of a snapshot read are views of the mapped file") {
  const std::string path = "snapshot-views.bin";
  const ScreenIndex index = small_index();
  write_snapshot(index, path);
  const ScreenIndex back = read_snapshot(path);
  CHECK(back.leases.viewed());
  CHECK(back.slots.viewed());
  CHECK(back.trunk_ids.chars_.viewed());
  CHECK(reinterpret_cast<uintptr_t>(back.leases.data()) % 64 == 0);
  CHECK(back.find_trunk("T1") == 1);
  CHECK(back.find_trunk("GW") == 0);
  CHECK(back.find_trunk("T2") == kNone);
  CHECK(back.trunk_ids.at(1) == "T1");
  CHECK(back.holders.at(0) == "91460400MA5TDR015T");
  REQUIRE(back.leases.size() == 1);
  CHECK(back.permits(back.leases[0], parse_number("+8689866120042")->key()));
  CHECK_FALSE(back.permits(back.leases[0], parse_number("+8689866120100")->key()));
  CHECK(back.refusal(parse_number("13900000001")->key(), 0, back.leases[0].start_day) != nullptr);
  // A snapshot read can be written again, byte for byte.
  write_snapshot(back, "snapshot-views-2.bin");
  CHECK(read_file("snapshot-views-2.bin") == read_file(path));
  // The mapping outlives the file's name.
  std::remove(path.c_str());
  std::remove("snapshot-views-2.bin");
  CHECK(back.trunk_ids.at(0) == "GW");
  // A view is read-only: through a table that is not const, reading or
  // changing it throws instead of touching the table's empty own storage.
  ScreenIndex changing = back;
  CHECK(changing.leases.viewed());
  CHECK_THROWS_AS(changing.leases[0], std::logic_error);
  CHECK_THROWS_AS(changing.slots.data(), std::logic_error);
  CHECK_THROWS_AS(changing.ranges.push_back(KeyRange{1, 2}), std::logic_error);
  CHECK(std::as_const(changing).leases[0].start_day == back.leases[0].start_day);
  // Assigning a whole table makes it the table's own again.
  changing.ranges = {KeyRange{1, 2}};
  CHECK_FALSE(changing.ranges.viewed());
  CHECK(changing.ranges[0].last == 2);
}

TEST_CASE("Snapshot: a file cut anywhere is refused") {
  const std::string path = "snapshot-cut.bin";
  write_snapshot(small_index(), path);
  const std::string bytes = read_file(path);
  for (size_t size : {size_t{0}, size_t{10}}) {
    write_file(path, bytes.substr(0, size));
    CHECK_THROWS_WITH(read_snapshot(path),
                      (path + " is not a numreg screening snapshot (expected a file "
                              "written by `numreg screen --snapshot-out`)")
                          .c_str());
  }
  for (size_t size : {size_t{25}, size_t{64}, size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    CAPTURE(size);
    write_file(path, bytes.substr(0, size));
    CHECK_THROWS_WITH(read_snapshot(path), damaged_message(path).c_str());
  }
  std::remove(path.c_str());
}

TEST_CASE("Snapshot: a damaged directory or table is refused, not read out of bounds") {
  const std::string path = "snapshot-damaged.bin";
  write_snapshot(small_index(), path);
  const std::string bytes = read_file(path);
  const uint64_t leases_at = u64_at(bytes, entry(kLeasesEntry, 0));
  // IndexLease: ranges_begin and ranges_end at bytes 16 and 20; IndexRefusal:
  // holder and day at bytes 8 and 12.
  const uint64_t refusal_holder_at = u64_at(bytes, entry(kRefusalsEntry, 0)) + 8;
  const uint64_t refusal_day = u64_at(bytes, refusal_holder_at) >> 32;
  // T1's slot (TrunkSlot: id at byte 0, trunk at 20, then at 24 the u64 of
  // leases_begin, leases (u16), id_size (u8) and international (u8)).
  uint64_t t1_slot = 0;
  const uint64_t slots_at = u64_at(bytes, entry(kSlotsEntry, 0));
  for (uint64_t i = 0; i < u64_at(bytes, entry(kSlotsEntry, 1)); ++i) {
    if (bytes.compare(slots_at + 32 * i, 3, std::string("T1\0", 3)) == 0)
      t1_slot = slots_at + 32 * i;
  }
  REQUIRE(t1_slot != 0);
  const auto t1_leases = [&](uint64_t begin, uint64_t count) {
    return patched(bytes, t1_slot + 24, begin | count << 32 | uint64_t{2} << 48);
  };
  const std::string damaged[] = {
      t1_leases(1, 1),                                            // a lease past the table
      t1_leases(1000, TrunkSlot::kManyLeases),                    // the first past it
      patched(bytes, t1_slot + 16, uint64_t{9} << 32),            // a trunk not held
      patched(bytes, entry(kLeasesEntry, 0), leases_at + 8),      // misaligned
      patched(bytes, entry(kLeasesEntry, 0), bytes.size()),       // past the end
      patched(bytes, entry(kLeasesEntry, 0), 0),                  // over the header
      patched(bytes, entry(kLeasesEntry, 1), uint64_t{1} << 60),  // too many
      patched(bytes, entry(kLeasesEntry, 2), 48),                 // another layout
      patched(bytes, entry(kSlotsEntry, 1), 2),                   // no empty slot
      patched(bytes, leases_at + 16, 1),                          // ranges 1 to 0
      patched(bytes, leases_at + 16, uint64_t{7} << 32 | 7),      // ranges past the table
      patched(bytes, refusal_holder_at, refusal_day << 32 | 5),   // a holder not held
  };
  for (size_t i = 0; i < std::size(damaged); ++i) {
    CAPTURE(i);
    write_file(path, damaged[i]);
    CHECK_THROWS_WITH(read_snapshot(path), damaged_message(path).c_str());
  }
  std::remove(path.c_str());
}

TEST_CASE("Snapshot: one of format 2 is refused with what to do") {
  const std::string path = "snapshot-format2.bin";
  write_file(path, "numreg screen snapshot 2\n" + std::string(200, '\0'));
  CHECK_THROWS_WITH(read_snapshot(path), ("snapshot " + path +
                                          " is of format 2, this numreg reads format 4 "
                                          "(write it again with `numreg screen --snapshot-out`)")
                                             .c_str());
  std::remove(path.c_str());
}
