#include <doctest/doctest.h>

#include "registry/checkpoint.hpp"
#include "registry/replay.hpp"
#include "registry_fixture.hpp"
#include "testutil.hpp"

using namespace numreg;
using numreg::testing::kCentre;
using numreg::testing::kGood;
using numreg::testing::TempRegistry;
using What = RecordDifference::What;

namespace {

// Two holders, a trunk, a lease with permits, a permit added and one removed,
// and the lease moved.
void fill(TempRegistry& reg) {
  reg.holder(kGood);
  reg.holder(kCentre, "call_centre");
  reg.trunk("TRK-HK-0001");
  reg.lease("L-HK-0001", "TRK-HK-0001", kGood,
            {{"permitted_callers", "0898-6610 0100..0898-6610 0199;0898-6610 0300"}});
  reg.add("permits", {{"lease", "L-HK-0001"}, {"first", "0898-6610 0500"}});
  reg.ledger().remove(kind("permits"), "L-HK-0001/+8689866100300", reg.change());
  reg.ledger().update(kind("leases"), "L-HK-0001", {{"location", "海口市美兰区海甸岛 2 号"}},
                      reg.change());
}

void sql(TempRegistry& reg, const char* text) {
  test::sqlite_of(reg.ledger()).exec(text);
}

}  // namespace

TEST_CASE("HashSum: the same multiset gives the same sum in any order") {
  HashSum a, b, c;
  a.add("x");
  a.add("y");
  b.add("y");
  b.add("x");
  CHECK(a == b);
  c.add("x");
  CHECK_FALSE(a == c);
  a.subtract("y");
  CHECK(a == c);
  HashSum zero;
  c.subtract("x");
  CHECK(c == zero);
}

TEST_CASE("verify: a registry written through the ledger replays to its tables") {
  TempRegistry reg;
  fill(reg);
  VerifyReport r = reg.ledger().verify();
  CHECK(r.ok());
  CHECK(r.replay.differences.empty());
  int64_t permits = -1;
  for (const auto& k : r.replay.counts)
    if (k.kind == "permits")
      permits = k.records;
  CHECK(permits == 2);  // 0100..0199 and 0500; 0300 was removed
}

TEST_CASE("verify: a row changed behind the ledger is named by kind, key, field and entry") {
  TempRegistry reg;
  fill(reg);
  int64_t newest = reg.ledger().journal().tail().seq;
  sql(reg, "UPDATE leases SET location = '三亚市吉阳区' WHERE id = 'L-HK-0001'");
  VerifyReport r = reg.ledger().verify();
  CHECK_FALSE(r.ok());
  CHECK(!r.chain.bad);
  REQUIRE(r.replay.differences.size() == 1);
  const auto& d = r.replay.differences[0];
  CHECK(d.what == What::field);
  CHECK(d.entity == "lease");
  CHECK(d.key == "L-HK-0001");
  CHECK(d.field == "location");
  CHECK(d.table_value == "三亚市吉阳区");
  CHECK(d.journal_value == "海口市美兰区海甸岛 2 号");
  CHECK(d.seq == newest);
}

TEST_CASE("verify: rows deleted or inserted without an entry, permits too") {
  TempRegistry reg;
  fill(reg);
  sql(reg,
      "DELETE FROM holders WHERE uscc = '91469007MA5TDF0204';"
      "INSERT INTO resources (id, kind) VALUES ('TRK-HK-0009', 'trunk');"
      "DELETE FROM permits WHERE first = '+8689866100500';"
      "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) "
      "SELECT lease, '+8689866100300', '+8689866100300', first_key + 200, first_key + 200, 0 "
      "FROM permits WHERE first = '+8689866100100'");
  VerifyReport r = reg.ledger().verify();
  REQUIRE(r.replay.differences.size() == 4);
  auto find = [&](const std::string& entity) {
    for (const auto& d : r.replay.differences)
      if (d.entity == entity)
        return d;
    return RecordDifference{};
  };
  CHECK(find("holder").what == What::missing);
  CHECK(find("holder").key == kCentre);
  CHECK(find("holder").seq == 2);
  CHECK(find("resource").what == What::extra);
  CHECK(find("resource").key == "TRK-HK-0009");
  int permits = 0;
  for (const auto& d : r.replay.differences) {
    if (d.entity != "permit")
      continue;
    ++permits;
    if (d.key == "L-HK-0001/+8689866100500")
      CHECK(d.what == What::missing);
    else
      CHECK(d.key == "L-HK-0001/+8689866100300");
  }
  CHECK(permits == 2);
}

TEST_CASE("verify: the newest entry deleted leaves a record no entry made") {
  TempRegistry reg;
  reg.holder(kGood);
  reg.trunk("TRK-HK-0001");
  sql(reg, "DELETE FROM journal_blocks WHERE first_seq = 2");
  VerifyReport r = reg.ledger().verify();
  CHECK(!r.chain.bad);
  REQUIRE(r.replay.differences.size() == 1);
  CHECK(r.replay.differences[0].what == What::extra);
  CHECK(r.replay.differences[0].key == "TRK-HK-0001");
}

TEST_CASE("verify: a region code as written, kept by the journal alone, is no difference") {
  TempRegistry reg;
  reg.add("holders", {{"uscc", kGood},
                      {"name", "儋州海韵科技有限公司"},
                      {"kind", "enterprise"},
                      {"region", "460003"}});
  reg.ledger().update(kind("holders"), kGood, {{"region", "460005"}}, reg.change());
  auto entries = reg.ledger().log({});
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].after->find("\"as_written\":{\"region\":\"460003\"}") != std::string::npos);
  CHECK(entries[1].after->find("\"as_written\":{\"region\":\"460005\"}") != std::string::npos);
  VerifyReport r = reg.ledger().verify();
  CHECK(r.replay.ok());
  sql(reg, "UPDATE holders SET region = '460003'");
  r = reg.ledger().verify();
  REQUIRE(r.replay.differences.size() == 1);
  CHECK(r.replay.differences[0].field == "region");
}

TEST_CASE("verify: differences beyond the listed ones are counted") {
  TempRegistry reg;
  reg.holder(kGood);
  sql(reg,
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
      "INSERT INTO resources (id, kind) SELECT 'TRK-X-' || i, 'trunk' FROM n");
  Replay replay(reg.ledger().store());
  reg.ledger().journal().check([&replay](const store::JournalEntry& e) { replay.entry(e); });
  ReplayCheck check = replay.compare(50);
  CHECK(check.differences.size() == 50);
  CHECK(check.unlisted == 10);
}

TEST_CASE("checkpoint: written, read back, signature checked") {
  TempRegistry reg;
  fill(reg);
  Checkpoint c = take_checkpoint(reg.ledger().store(), "2026-11-29T09:30:00Z");
  CHECK(c.seq == reg.ledger().journal().tail().seq);
  std::string text = checkpoint_text(c);
  Checkpoint back = parse_checkpoint(text, "cp.txt");
  CHECK(back.seq == c.seq);
  CHECK(back.head == c.head);
  CHECK(back.counts.size() == c.counts.size());
  CHECK(check_head_at(reg.ledger().store(), back.seq, back.head).empty());
  CHECK(check_head_at(reg.ledger().store(), back.seq + 1, back.head).size() == 1);
  CHECK(check_head_at(reg.ledger().store(), back.seq - 1, back.head).size() == 1);
  CHECK_THROWS_AS(check_signature(back, "/nonexistent.pem", "cp.txt"), Failure);
  CHECK_THROWS_AS(parse_checkpoint("seq 3\n", "cp.txt"), Failure);
  try {
    parse_checkpoint("format 1\nseq x\nhead 00\n", "cp.txt");
    FAIL("no error");
  } catch (const Failure& f) {
    CHECK(f.errors().size() == 2);
    CHECK(f.errors()[0].where.line == 2);
  }
}

TEST_CASE("find_head: full, short and too short") {
  TempRegistry reg;
  fill(reg);
  auto tail = reg.ledger().journal().tail();
  CHECK(find_head(reg.ledger().store(), tail.hash).first == tail.seq);
  CHECK(find_head(reg.ledger().store(), tail.hash.substr(0, 12)).first == tail.seq);
  CHECK_THROWS_AS(find_head(reg.ledger().store(), tail.hash.substr(0, 8)), Failure);
  CHECK_THROWS_AS(find_head(reg.ledger().store(), std::string(64, 'f')), Failure);
}
