#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "registry/error.hpp"
#include "registry/import/journal_spool.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

store::JournalEntry entry(int64_t seq, size_t after_bytes) {
  store::JournalEntry e;
  e.seq = seq;
  e.time = "2026-11-29T09:30:00Z";
  e.actor = "clerk";
  e.action = "add";
  e.entity = "lease";
  e.key = "L-DZ-" + std::to_string(seq);
  if (seq % 3 == 0)
    e.before = "{\"status\":\"active\"}";
  e.after = std::string(after_bytes, static_cast<char>('a' + seq % 26)) + "儋州\n\"";
  if (seq % 2 == 0)
    e.reason = "nightly load";
  e.batch = "20261129T093000Z-0a1b2c3d";
  e.prev_hash = std::string(64, '0' + static_cast<char>(seq % 10));
  e.hash = std::string(64, 'f');
  return e;
}

bool same(const store::JournalEntry& a, const store::JournalEntry& b) {
  return a.seq == b.seq && a.time == b.time && a.actor == b.actor && a.action == b.action &&
         a.entity == b.entity && a.key == b.key && a.before == b.before && a.after == b.after &&
         a.reason == b.reason && a.batch == b.batch && a.prev_hash == b.prev_hash &&
         a.hash == b.hash;
}

void round_trip(size_t memory_bytes, size_t count, size_t after_bytes) {
  auto dir = std::filesystem::temp_directory_path();
  JournalSpool spool(dir.string(), false, memory_bytes);
  std::vector<store::JournalEntry> given;
  for (size_t i = 1; i <= count; ++i) {
    given.push_back(entry(static_cast<int64_t>(i), after_bytes * (i % 4)));
    spool.add(given.back());
  }
  CHECK(spool.size() == count);
  std::vector<store::JournalEntry> back;
  spool.drain([](const store::EncodedBlock&) { FAIL("a block without blocks"); },
              [&back](const store::JournalEntry& e) { back.push_back(e); });
  REQUIRE(back.size() == given.size());
  for (size_t i = 0; i < given.size(); ++i) {
    CHECK(same(back[i], given[i]));
  }
  CHECK(spool.size() == 0);
}

}  // namespace

TEST_CASE("JournalSpool gives back every entry, in order, field for field") {
  SUBCASE("held in memory") {
    round_trip(8 << 20, 500, 100);
  }
  SUBCASE("spilled to a file, entries spanning the megabyte reads") {
    round_trip(64 << 10, 40, 300000);
  }
  SUBCASE("spilled to a file, many small entries") {
    round_trip(4096, 5000, 50);
  }
}

namespace {

// Entries of an import: the same time, actor, reason and batch, except
// where `reason_changes_at` gives the rest another reason.
std::vector<store::JournalEntry> import_entries(size_t count, size_t reason_changes_at) {
  std::vector<store::JournalEntry> out;
  for (size_t i = 1; i <= count; ++i) {
    out.push_back(entry(static_cast<int64_t>(i), 40 + i % 7));
    out.back().reason = i >= reason_changes_at ? "second load" : "nightly load";
  }
  return out;
}

// The sizes of the blocks SqliteJournal::insert_sealed makes of `entries`.
std::vector<size_t> block_sizes(const std::vector<store::JournalEntry>& entries) {
  std::vector<size_t> sizes;
  const store::JournalEntry* first = nullptr;
  for (const auto& e : entries) {
    if (first && sizes.back() < store::kBlockEntries && store::same_block(*first, e)) {
      ++sizes.back();
      continue;
    }
    sizes.push_back(1);
    first = &e;
  }
  return sizes;
}

// Blocks and entries back from a spool holding `given` as blocks.
void block_round_trip(size_t memory_bytes, const std::vector<store::JournalEntry>& given) {
  JournalSpool spool(std::filesystem::temp_directory_path().string(), true, memory_bytes);
  for (const auto& e : given)
    spool.add(e);
  CHECK(spool.size() == given.size());
  std::vector<store::JournalEntry> back;
  std::vector<size_t> sizes;
  size_t entries_after_blocks = 0;
  spool.drain(
      [&](const store::EncodedBlock& b) {
        CHECK(entries_after_blocks == 0);
        auto from = given.begin() + static_cast<long>(back.size());
        auto expected =
            store::encode_entries(std::vector<store::JournalEntry>(from, from + b.count));
        CHECK(b.bytes == expected.bytes);
        CHECK(b.hash == expected.hash);
        CHECK(b.entities == expected.entities);
        CHECK(b.keys == expected.keys);
        auto decoded = store::decode_block(b.head, b.count, b.bytes, "", false);
        REQUIRE(decoded);
        back.insert(back.end(), decoded->begin(), decoded->end());
        sizes.push_back(static_cast<size_t>(b.count));
      },
      [&](const store::JournalEntry& e) {
        ++entries_after_blocks;
        back.push_back(e);
      });
  sizes.push_back(entries_after_blocks);  // the last block, left for the store to close
  CHECK(sizes == block_sizes(given));
  REQUIRE(back.size() == given.size());
  for (size_t i = 0; i < given.size(); ++i) {
    CHECK(back[i].seq == given[i].seq);
    CHECK(back[i].reason == given[i].reason);
    CHECK(back[i].key == given[i].key);
    CHECK(back[i].before == given[i].before);
    CHECK(back[i].after == given[i].after);
  }
  CHECK(spool.size() == 0);
}

}  // namespace

TEST_CASE("JournalSpool with blocks: the store's blocks, encoded, then the last one's entries") {
  SUBCASE("held in memory: 256 + 256 + 88") {
    block_round_trip(8 << 20, import_entries(600, 1000));
  }
  SUBCASE("spilled to a file") {
    block_round_trip(4096, import_entries(1000, 2000));
  }
  SUBCASE("a block closes early where the entries' reason changes") {
    block_round_trip(8 << 20, import_entries(700, 300));
  }
  SUBCASE("fewer entries than a block: all of them as entries") {
    block_round_trip(8 << 20, import_entries(3, 10));
  }
}

TEST_CASE("JournalSpool: a directory it cannot use is an I/O error saying where") {
  JournalSpool spool("/nonexistent/numreg-spool", false, 16);
  try {
    spool.add(entry(1, 100));
    FAIL("expected a Failure");
  } catch (const Failure& f) {
    CHECK(f.error().kind == ErrorKind::io);
    CHECK(f.error().message ==
          "cannot make a temporary file in /nonexistent/numreg-spool for the import's journal "
          "entries: No such file or directory");
  }
}
