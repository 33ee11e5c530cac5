#include <doctest/doctest.h>

#include "registry/store/journal.hpp"
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
    test::sqlite_of(ledger).exec("UPDATE journal SET reason = 'other' WHERE seq = 2");
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 2);
    CHECK(check.problem == "entry 2 does not match its hash: it was changed after it was written");
  }
  SUBCASE("rehashed entry breaks the next link") {
    auto e = ledger.log({.entity = "holder", .key = "91460400MA5TDR015T"})[1];
    e.reason = "other";
    e.hash = store::entry_hash(e);
    store::Statement st(test::sqlite_of(ledger),
                        "UPDATE journal SET reason = ?, hash = ? WHERE seq = 2");
    st.bind(1, *e.reason).bind(2, e.hash);
    st.run();
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 3);
    CHECK(check.problem == "entry 3 does not link to entry 2");
  }
  SUBCASE("deleted entry") {
    test::sqlite_of(ledger).exec("DELETE FROM journal WHERE seq = 2");
    auto check = ledger.journal().check();
    REQUIRE(check.bad);
    CHECK(*check.bad == 2);
    CHECK(check.problem == "entry 2 is missing (the next entry is 3)");
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
