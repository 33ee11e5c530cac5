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
  JournalSpool spool(dir.string(), memory_bytes);
  std::vector<store::JournalEntry> given;
  for (size_t i = 1; i <= count; ++i) {
    given.push_back(entry(static_cast<int64_t>(i), after_bytes * (i % 4)));
    spool.add(given.back());
  }
  CHECK(spool.size() == count);
  std::vector<store::JournalEntry> back;
  spool.drain([&back](const store::JournalEntry& e) { back.push_back(e); });
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

TEST_CASE("JournalSpool: a directory it cannot use is an I/O error saying where") {
  JournalSpool spool("/nonexistent/numreg-spool", 16);
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
