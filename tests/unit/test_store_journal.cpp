#include <doctest/doctest.h>

#include "registry/store/journal.hpp"
#include "registry/store/journal_block.hpp"
#include "registry/util/sha256.hpp"
#include "testutil.hpp"

using namespace numreg;

namespace {

Ledger with_three_changes(const test::ScratchRegistry& reg) {
  Ledger ledger = reg.open();
  ledger.add(
      kind("holders"),
      {{"uscc", "91460400MA5TDR015T"}, {"name", "儋州海韵科技有限公司"}, {"kind", "enterprise"}},
      test::change());
  ledger.update(kind("holders"), "91460400MA5TDR015T", {{"scope", "呼叫中心业务"}},
                test::change("补录经营范围"));
  ledger.add(kind("resources"), {{"id", "TRK-DZ-0001"}, {"kind", "trunk"}}, test::change());
  return ledger;
}

}  // namespace

TEST_CASE("sha256_hex") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("Journal: entries chain by SHA-256") {
  test::ScratchRegistry reg;
  Ledger ledger = with_three_changes(reg);
  auto entries = ledger.log({});
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].prev_hash == store::genesis_hash());
  CHECK(entries[1].prev_hash == entries[0].hash);
  CHECK(entries[2].prev_hash == entries[1].hash);
  for (const auto& e : entries) {
    CHECK(store::entry_hash(e) == e.hash);
  }
  CHECK(entries[1].action == "update");
  CHECK(entries[1].reason == "补录经营范围");
  auto check = ledger.journal().check();
  CHECK_FALSE(check.bad);
  CHECK(check.entries == 3);
  CHECK(check.head == entries[2].hash);
}

TEST_CASE("Journal: a changed entry is found") {
  test::ScratchRegistry reg;
  Ledger ledger = with_three_changes(reg);
  SUBCASE("edited field") {
    test::sqlite_of(ledger).exec("UPDATE journal_blocks SET reason = 'other' WHERE first_seq = 2");
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 2);
    CHECK(check.problem == "entry 2 does not match its hash: it was changed after it was written");
  }
  SUBCASE("rehashed entry breaks the next entry's hash") {
    auto e = ledger.log({.entity = "holder", .key = "91460400MA5TDR015T"})[1];
    e.reason = "other";
    e.hash = store::entry_hash(e);
    store::Statement st(test::sqlite_of(ledger),
                        "UPDATE journal_blocks SET reason = ?, hash = ? WHERE first_seq = 2");
    st.bind(1, *e.reason).bind(2, e.hash);
    st.run();
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 3);
    CHECK(check.problem == "entry 3 does not match its hash: it was changed after it was written");
  }
  SUBCASE("deleted entry") {
    test::sqlite_of(ledger).exec("DELETE FROM journal_blocks WHERE first_seq = 2");
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 2);
    CHECK(check.problem == "entry 2 is missing (the next entry is 3)");
  }
  SUBCASE("payload edited") {
    test::sqlite_of(ledger).exec(
        "UPDATE journal_blocks SET entries = substr(entries, 1, length(entries) - 1) || x'00' "
        "WHERE first_seq = 2");
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 2);
    CHECK(check.problem ==
          "entries 2 to 2 do not decode: their block was changed after it was "
          "written");
  }
}

TEST_CASE("Journal: queries") {
  test::ScratchRegistry reg;
  Ledger ledger = with_three_changes(reg);
  CHECK(ledger.log({.entity = "resource"}).size() == 1);
  CHECK(ledger.log({.key = "91460400MA5TDR015T"}).size() == 2);
  auto newest = ledger.log({.limit = 2});
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].seq == 2);
  CHECK(newest[1].seq == 3);
  CHECK(ledger.log({.since = "2026-11-30"}).empty());
}

namespace {

// A clerk's "add" of one record, not yet sealed.
store::JournalEntry clerk_adds(const char* entity, const char* key) {
  store::JournalEntry e;
  e.time = "2026-11-29T09:30:00Z";
  e.actor = "clerk";
  e.action = "add";
  e.entity = entity;
  e.key = key;
  return e;
}

// The i-th add of a nightly load of holders and resources, keyed `key`.
store::JournalEntry load_adds(int i, const std::string& key) {
  store::JournalEntry e = clerk_adds(i % 3 == 0 ? "holder" : "resource", key.c_str());
  e.after = R"({"id":"K-)" + std::to_string(i) + R"(","note":"海口"})";
  e.batch = "20261129T093000Z-0a1b2c3d";
  return e;
}

}  // namespace

TEST_CASE("Journal: one transaction's entries are one block, read back entry by entry") {
  test::ScratchRegistry reg;
  Ledger ledger = reg.open();
  {
    store::WriteTransaction tx(ledger.store());
    ledger.journal().forget_head();
    for (int i = 0; i < 600; ++i) {
      store::JournalEntry e = load_adds(i, "K-" + std::to_string(i % 100));
      ledger.journal().append(e);
    }
    tx.commit();
  }
  auto& db = test::sqlite_of(ledger);
  CHECK(db.scalar("SELECT count(*) FROM journal_blocks") == 3);  // 256 + 256 + 88
  CHECK(db.scalar("SELECT count(*) FROM journal_batches") == 1);
  CHECK(db.scalar("SELECT count(*) FROM journal_keys") == 600);
  auto all = ledger.log({});
  REQUIRE(all.size() == 600);
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].seq == static_cast<int64_t>(i + 1));
    CHECK(all[i].prev_hash == (i ? all[i - 1].hash : store::genesis_hash()));
    CHECK(store::entry_hash(all[i]) == all[i].hash);
  }
  auto check = ledger.journal().check();
  CHECK_FALSE(check.bad);
  CHECK(check.entries == 600);
  CHECK(check.head == all.back().hash);
  auto k7 = ledger.log({.entity = "resource", .key = "K-7"});
  REQUIRE(k7.size() == 4);  // i = 7, 107, 307, 407 (207 and 507 are holders)
  CHECK(k7[0].seq == 8);
  CHECK(k7[3].seq == 408);
  CHECK(*k7[3].after == R"({"id":"K-407","note":"海口"})");
  CHECK(k7[3].hash == all[407].hash);
  auto newest = ledger.log({.key = "K-7", .limit = 2});
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].seq == 408);
  CHECK(ledger.log({.batch = "20261129T093000Z-0a1b2c3d"}).size() == 600);
  CHECK(ledger.log({.entity = "holder"}).size() == 200);
  CHECK(ledger.log({.limit = 300}).front().seq == 301);
  CHECK(ledger.store().journal_size() == 600);
  CHECK(ledger.store().entry_hash_at(300) == all[299].hash);
  CHECK_FALSE(ledger.store().entry_hash_at(601));
  auto found = ledger.store().entries_with_hash_prefix(all[299].hash.substr(0, 12), 2);
  REQUIRE(found.size() == 1);
  CHECK(found[0].first == 300);

  SUBCASE("an entry removed from a block") {
    // Decoded, one entry's fields taken out, encoded again with one fewer.
    auto block = ledger.log({});
    std::vector<store::JournalEntry> kept(block.begin() + 256, block.begin() + 512);
    kept.erase(kept.begin() + 10);
    store::Statement st(db,
                        "UPDATE journal_blocks SET count = 255, entries = ? WHERE first_seq = 257");
    st.bind_blob(1, store::encode_block(kept));
    st.run();
    auto bad = ledger.journal().check();
    REQUIRE(bad.bad);
    CHECK(*bad.bad == 257);
    CHECK(bad.problem ==
          "entries 257 to 511 do not match their hash: one was changed after it "
          "was written");
  }
  SUBCASE("a block's payload edited") {
    auto block = ledger.log({});
    std::vector<store::JournalEntry> edited(block.begin() + 256, block.begin() + 512);
    edited[3].after = R"({"id":"K-259","note":"三亚"})";
    store::Statement st(db, "UPDATE journal_blocks SET entries = ? WHERE first_seq = 257");
    st.bind_blob(1, store::encode_block(edited));
    st.run();
    auto bad = ledger.journal().check();
    REQUIRE(bad.bad);
    CHECK(*bad.bad == 257);
    CHECK(bad.problem ==
          "entries 257 to 512 do not match their hash: one was changed after it "
          "was written");
  }
}

namespace {

// 600 entries of one import (the last 100 with another reason), sealed
// after the journal's tail, in one transaction: appended one by one, or, with
// `blocks`, the full blocks encoded ahead and inserted whole.
void import_entries(Ledger& ledger, bool blocks) {
  store::WriteTransaction tx(ledger.store());
  store::Journal& journal = ledger.journal();
  journal.forget_head();
  store::JournalTail tail = journal.tail();
  std::vector<store::JournalEntry> block;
  for (int i = 0; i < 600; ++i) {
    store::JournalEntry e = load_adds(i, "K-" + std::to_string(i));
    e.reason = i < 500 ? "nightly load" : "second load";
    store::seal(e, tail.seq, tail.hash);
    tail = {e.seq, e.hash};
    if (!blocks) {
      journal.insert_sealed(e);
      continue;
    }
    if (store::closes_block(block, e)) {
      journal.insert_block(store::encode_entries(block));
      block.clear();
    }
    block.push_back(e);
  }
  for (const auto& e : block)
    journal.insert_sealed(e);
  tx.commit();
}

std::string journal_rows(Ledger& ledger) {
  std::string rows;
  for (const char* sql :
       {"SELECT * FROM journal_blocks ORDER BY first_seq",
        "SELECT * FROM journal_keys ORDER BY seq", "SELECT * FROM journal_batches ORDER BY id"}) {
    store::Statement st(test::sqlite_of(ledger), sql);
    while (st.step()) {
      for (int c = 0; c < st.columns(); ++c)
        rows += std::string(st.view(c)) + "|";
      rows += "\n";
    }
  }
  return rows;
}

// A journal of entries, as a store without blocks keeps them.
class EntryJournal final : public store::Journal {
 public:
  void insert_sealed(const store::JournalEntry& e) override { entries.push_back(e); }
  store::JournalTail tail() override {
    return entries.empty() ? store::JournalTail{0, store::genesis_hash()}
                           : store::JournalTail{entries.back().seq, entries.back().hash};
  }
  void forget_head() override {}
  std::vector<store::JournalEntry> read(const store::JournalQuery&) override { return entries; }
  std::vector<store::JournalEntry> entries;

 protected:
  void scan(const std::function<void(const store::JournalEntry&)>& visit) override {
    for (const auto& e : entries)
      visit(e);
  }
};

}  // namespace

TEST_CASE("Journal: blocks encoded ahead are stored as the entries appended one by one are") {
  test::ScratchRegistry one_by_one;
  test::ScratchRegistry in_blocks;
  Ledger a = with_three_changes(one_by_one);
  Ledger b = with_three_changes(in_blocks);
  CHECK(b.journal().keeps_blocks());
  import_entries(a, false);
  import_entries(b, true);
  CHECK(test::sqlite_of(b).scalar("SELECT count(*) FROM journal_blocks") == 3 + 3);  // 256 244 100
  CHECK(journal_rows(a) == journal_rows(b));
  CHECK(a.journal().check().head == b.journal().check().head);
  CHECK_FALSE(b.journal().check().bad);
}

TEST_CASE("Journal: a store without blocks is not handed one") {
  EntryJournal journal;
  CHECK_FALSE(journal.keeps_blocks());
  store::JournalEntry e = clerk_adds("lease", "L-DZ-0001");
  store::seal(e, 0, store::genesis_hash());
  CHECK_THROWS_AS(journal.insert_block(store::encode_entries({e})), std::logic_error);
  CHECK(journal.entries.empty());
}

TEST_CASE("Journal: entries of a rolled-back transaction are not written") {
  test::ScratchRegistry reg;
  Ledger ledger = with_three_changes(reg);
  std::string head = ledger.journal().head();
  {
    store::WriteTransaction tx(ledger.store());
    ledger.journal().forget_head();
    store::JournalEntry e = clerk_adds("holder", "X");
    ledger.journal().append(e);
  }
  ledger.journal().forget_head();
  CHECK(ledger.journal().head() == head);
  CHECK(ledger.log({}).size() == 3);
}

TEST_CASE("Journal: a batch named in a rolled-back transaction is written again after it") {
  test::ScratchRegistry reg;
  Ledger ledger = with_three_changes(reg);
  auto append = [&](int n) {
    for (int i = 0; i < n; ++i) {
      store::JournalEntry e;
      e.time = "2026-11-29T09:30:00Z";
      e.actor = "clerk";
      e.action = "add";
      e.entity = "holder";
      e.key = "H" + std::to_string(i);
      e.batch = "20261129T093000Z-c0bfdf7d";
      ledger.journal().append(e);
    }
  };
  {
    // More entries than a block holds: a block, and its batch, are written
    // before the transaction rolls back.
    store::WriteTransaction tx(ledger.store());
    ledger.journal().forget_head();
    append(300);
  }
  {
    store::WriteTransaction tx(ledger.store());
    ledger.journal().forget_head();
    append(300);
    tx.commit();
  }
  ledger.journal().forget_head();
  auto check = ledger.journal().check();
  CHECK_FALSE(check.bad);
  CHECK(check.entries == 303);
  auto entries = ledger.log({});
  REQUIRE(entries.size() == 303);
  CHECK(entries.back().batch == "20261129T093000Z-c0bfdf7d");
  CHECK(entries[3].batch == "20261129T093000Z-c0bfdf7d");
}
