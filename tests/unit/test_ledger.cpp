#include <doctest/doctest.h>

#include "registry/store/ranges.hpp"
#include "registry/store/sqlite_journal.hpp"
#include "testutil.hpp"

using namespace numreg;

namespace {

// A Danzhou holder with a trunk lease presenting 0898-6610 0000..0099, a block
// lease, and a 96 number lease.
void seed(Ledger& l) {
  auto c = test::change();
  l.add(kind("holders"),
        {{"uscc", "91460400MA5TDR015T"},
         {"name", "儋州海韵科技有限公司"},
         {"kind", "enterprise"},
         {"region", "儋州"}},
        c);
  l.add(kind("resources"), {{"id", "TRK-DZ-0001"}, {"kind", "trunk"}}, c);
  l.add(kind("resources"),
        {{"id", "BLK-DZ-6610"},
         {"kind", "block"},
         {"first", "+8689866100000"},
         {"last", "+8689866100999"}},
        c);
  l.add(kind("resources"), {{"id", "0898 96166"}, {"kind", "n96"}}, c);
  l.add(kind("leases"),
        {{"id", "L-1"},
         {"resource", "TRK-DZ-0001"},
         {"holder", "91460400MA5TDR015T"},
         {"purpose", "customer_service"},
         {"start", "2025-01-01"},
         {"end", "2026-12-31"},
         {"region", "460400"},
         {"permitted_callers", "0898-66100000..0898-66100099"}},
        c);
  l.add(kind("leases"),
        {{"id", "L-2"},
         {"resource", "BLK-DZ-6610"},
         {"holder", "91460400MA5TDR015T"},
         {"purpose", "customer_service"},
         {"start", "2026-01-01"}},
        c);
  l.add(kind("leases"),
        {{"id", "L-3"},
         {"resource", "96166"},
         {"holder", "91460400MA5TDR015T"},
         {"purpose", "notification"},
         {"start", "2026-01-01"},
         {"status", "suspended"}},
        c);
}

std::vector<std::string> who_leases(Ledger& l, const char* number, Date d) {
  std::vector<std::string> out;
  for (const auto& m : l.who(parse_number(number).value(), d))
    out.push_back(m.lease + ":" + m.as);
  return out;
}

}  // namespace

TEST_CASE("span_class is the bit length of the range width") {
  CHECK(store::span_class(5, 5) == 0);
  CHECK(store::span_class(5, 6) == 1);
  CHECK(store::span_class(0, 99) == 7);
  CHECK(store::span_class(0, 128) == 8);
}

TEST_CASE("Ledger::who answers by resource and by permit, on a date") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  CHECK(who_leases(l, "0898-66100050", {2026, 6, 1}) ==
        std::vector<std::string>{"L-2:resource", "L-1:permit"});
  CHECK(who_leases(l, "0898-66100050", {2025, 6, 1}) == std::vector<std::string>{"L-1:permit"});
  CHECK(who_leases(l, "0898-66100100", {2026, 6, 1}) == std::vector<std::string>{"L-2:resource"});
  CHECK(who_leases(l, "0898-66101000", {2026, 6, 1}).empty());
  CHECK(who_leases(l, "0898-66100000", {2027, 1, 1}) == std::vector<std::string>{"L-2:resource"});
  // A suspended lease is not active.
  CHECK(who_leases(l, "96166", {2026, 6, 1}).empty());
}

TEST_CASE("Ledger::add validates everything and writes nothing on failure") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  auto before = l.log({}).size();
  try {
    l.add(kind("leases"),
          {{"id", "L-9"},
           {"resource", "NOPE"},
           {"holder", "91460400MA5TDR015T"},
           {"purpose", "sales"},
           {"start", "2026-02-30"},
           {"permitted_callers", "0898-123"}},
          test::change());
    FAIL("expected a failure");
  } catch (const Failure& f) {
    std::vector<std::string> codes;
    for (const auto& e : f.errors())
      codes.push_back(e.code + "@" + e.field);
    CHECK(codes == std::vector<std::string>{"enum-value@purpose", "date-impossible@start",
                                            "number-form@permitted_callers",
                                            "ref-missing@resource"});
  }
  CHECK(l.log({}).size() == before);
  CHECK_FALSE(l.find(kind("leases"), "L-9"));
}

TEST_CASE("Ledger::update journals only real changes; keys cannot change") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  auto n = l.log({}).size();
  auto [r, outcome] =
      l.update(kind("leases"), "L-1", {{"location", "儋州市那大镇"}}, test::change());
  CHECK(outcome == Outcome::changed);
  CHECK(r.text("location") == "儋州市那大镇");
  CHECK(r.text("permitted_callers") == "+8689866100000..+8689866100099");
  CHECK(l.update(kind("leases"), "L-1", {{"location", "儋州市那大镇"}}, test::change()).second ==
        Outcome::unchanged);
  CHECK(l.log({}).size() == n + 1);
  CHECK_THROWS_WITH(l.update(kind("leases"), "L-1", {{"id", "L-7"}}, test::change()),
                    "id is the key of a lease and cannot change");
}

TEST_CASE("Ledger: permitted_callers replaces the permits of a lease") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  l.update(kind("leases"), "L-1", {{"permitted_callers", "0898-66124000"}}, test::change());
  CHECK(who_leases(l, "0898-66100050", {2025, 6, 1}).empty());
  CHECK(who_leases(l, "0898-66124000", {2025, 6, 1}) == std::vector<std::string>{"L-1:permit"});
  ListQuery q;
  q.lease = "L-1";
  CHECK(l.list(kind("permits"), q).size() == 1);
}

TEST_CASE("Ledger::write upsert keeps permits when they are the same, rewrites them when not") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  Record lease = l.get(kind("leases"), "L-1");
  // Rows the write changed: the lease and its journal entry (a block and a
  // key row, written when the journal flushes, as before a commit); when
  // permits are rewritten, also their delete and insert, and here a new span
  // class.
  auto rows_changed_by = [&](const Record& r) {
    int64_t before = test::sqlite_of(l).scalar("SELECT total_changes()").value();
    CHECK(l.write(r, true, test::change()) == Outcome::changed);
    dynamic_cast<store::SqliteJournal&>(l.journal()).flush();
    return test::sqlite_of(l).scalar("SELECT total_changes()").value() - before;
  };
  Record other = lease;
  other.values[kind("leases").index("purpose")] = "notification";
  CHECK(rows_changed_by(other) == 3);
  CHECK(who_leases(l, "0898-66100050", {2025, 6, 1}) == std::vector<std::string>{"L-1:permit"});
  other.values[kind("leases").index("permitted_callers")] = "+8689866124000";
  CHECK(rows_changed_by(other) == 6);
  CHECK(who_leases(l, "0898-66100050", {2025, 6, 1}).empty());
  CHECK(who_leases(l, "0898-66124000", {2025, 6, 1}) == std::vector<std::string>{"L-1:permit"});
  CHECK(l.write(other, true, test::change()) == Outcome::unchanged);
}

TEST_CASE("Ledger: USCC with a wrong check character needs an override and a reason") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  RawValues raw{{"uscc", "91350203M0001QAY9B"}, {"name", "早期试点企业"}, {"kind", "enterprise"}};
  CHECK_THROWS_WITH(l.add(kind("holders"), raw, test::change()),
                    "check character at position 18 is 'B', expected '9'");
  Change override_without_reason = test::change();
  override_without_reason.allow_bad_uscc_check = true;
  CHECK_THROWS_WITH(l.add(kind("holders"), raw, override_without_reason),
                    "accepting a USCC with a wrong check character needs --reason");
  Change ok = test::change("营业执照原件核对无误");
  ok.allow_bad_uscc_check = true;
  CHECK(l.add(kind("holders"), raw, ok).key() == "91350203M0001QAY9B");
  CHECK(test::sqlite_of(l).scalar("SELECT uscc_check_ok FROM holders") == 0);
}

TEST_CASE("Ledger::list filters leases by region scope, kind, status and expiry") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  auto ids = [&](const ListQuery& q) {
    std::vector<std::string> out;
    for (const auto& r : l.list(kind("leases"), q))
      out.push_back(r.text("id"));
    return out;
  };
  CHECK(ids({.regions = {"460400"}}) == std::vector<std::string>{"L-1"});
  CHECK(ids({.regions = {"460000"}}) == std::vector<std::string>{"L-1"});
  CHECK(ids({.kinds = {"block", "n96"}}) == std::vector<std::string>{"L-2", "L-3"});
  CHECK(ids({.status = "suspended"}) == std::vector<std::string>{"L-3"});
  CHECK(ids({.as_of = Date{2025, 6, 1}}) == std::vector<std::string>{"L-1"});
  CHECK(ids({.expiring_days = 30}) == std::vector<std::string>{});
  CHECK(ids({.expiring_days = 40}) == std::vector<std::string>{"L-1"});
}

TEST_CASE("Ledger::end_lease sets the end and, once past, the status") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  Record later = l.end_lease("L-2", Date{2027, 3, 31}, test::change());
  CHECK(later.text("end") == "2027-03-31");
  CHECK(later.text("status") == "active");
  Record now = l.end_lease("L-2", std::nullopt, test::change());
  CHECK(now.text("end") == "2026-11-29");
  CHECK(now.text("status") == "ended");
}

TEST_CASE("Ledger: a one-number permit is stored as first..first and re-writes unchanged") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  seed(l);
  Record p = l.add(kind("permits"), {{"lease", "L-2"}, {"first", "0898-66109999"}}, test::change());
  CHECK(p.text("last") == "+8689866109999");
  std::vector<Error> errors;
  Record again = l.build(kind("permits"), {{"lease", "L-2"}, {"first", "+8689866109999"}},
                         test::change(), errors);
  REQUIRE(errors.empty());
  store::WriteTransaction tx(l.store());
  l.journal().forget_head();
  CHECK(l.write(again, true, test::change()) == Outcome::unchanged);
  tx.commit();
}

TEST_CASE("Ledger: a retired region code is stored as its successor, journaled as written") {
  test::ScratchRegistry reg;
  Ledger l = reg.open();
  l.add(kind("holders"),
        {{"uscc", "9146 9005-ma5t wc01 0l"},
         {"name", "文昌椰林通信服务有限公司"},
         {"kind", "enterprise"},
         {"region", "460005"},
         {"legal_rep_id", "４６００２５ 19650301-2346"}},
        test::change());
  const auto stored = l.find(kind("holders"), "91469005MA5TWC010L");
  REQUIRE(stored);
  CHECK(stored->text("region") == "469005");
  CHECK(stored->text("legal_rep_id") == "460025196503012346");
  CHECK(stored->as_written.empty());
  auto entries = l.log({});
  REQUIRE(entries.size() == 1);
  const auto after = nlohmann::json::parse(*entries.back().after);
  CHECK(after["region"] == "469005");
  CHECK(after["as_written"] == nlohmann::json{{"region", "460005"}});

  SUBCASE("an update with a retired code keeps it as written too") {
    // 460024 万宁县 (1988) is 469006 万宁市 now.
    l.update(kind("holders"), "91469005MA5TWC010L", {{"region", "460024"}}, test::change());
    REQUIRE(l.log({}).size() == 2);
    const auto update = nlohmann::json::parse(*l.log({}).back().after);
    CHECK(update["region"] == "469006");
    CHECK(update["as_written"] == nlohmann::json{{"region", "460024"}});
    // The code as stored changes nothing and journals nothing.
    CHECK(l.update(kind("holders"), "91469005MA5TWC010L", {{"region", "469006"}}, test::change())
              .second == Outcome::unchanged);
  }
  SUBCASE("a current code or a name keeps nothing") {
    l.update(kind("holders"), "91469005MA5TWC010L", {{"region", "万宁"}}, test::change());
    REQUIRE(l.log({}).size() == 2);
    CHECK_FALSE(nlohmann::json::parse(*l.log({}).back().after).contains("as_written"));
  }
  SUBCASE("a refused value leaves the registry unchanged") {
    CHECK_THROWS_WITH(
        l.update(kind("holders"), "91469005MA5TWC010L", {{"region", "469033"}}, test::change()),
        "retired code 469033 named 乐东黎族自治县 (NBS 2004), "
        "中沙群岛的岛礁及其海域 (NBS later) in turn (give the current code or the "
        "name of the place)");
    CHECK(l.log({}).size() == 1);
    CHECK(l.find(kind("holders"), "91469005MA5TWC010L")->text("region") == "469005");
  }
}

TEST_CASE(
    "Ledger::set_verified_on journals the lease's update as write() does, setting one column") {
  test::ScratchRegistry whole;
  test::ScratchRegistry narrow;
  Ledger a = whole.open();
  Ledger b = narrow.open();
  seed(a);
  seed(b);
  // An UPDATE whose SET names another column fails, as a shared registry's
  // column privilege refuses an inspector's.
  test::sqlite_of(b).exec(
      "CREATE TEMP TRIGGER only_verified_on BEFORE UPDATE OF id, resource, holder, carrier, "
      "location, region, purpose, start, \"end\", status, contract ON leases "
      "BEGIN SELECT RAISE(ABORT, 'a column other than verified_on'); END");
  CHECK_THROWS(b.update(kind("leases"), "L-1", {{"location", "儋州市那大镇"}}, test::change()));

  Record lease = a.get(kind("leases"), "L-1");
  lease.set("verified_on", "2026-11-28");
  {
    store::WriteTransaction tx(a.store());
    a.journal().forget_head();
    CHECK(a.write(lease, true, test::change("on site")) == Outcome::changed);
    tx.commit();
  }
  {
    store::WriteTransaction tx(b.store());
    b.journal().forget_head();
    CHECK(b.set_verified_on("L-1", {2026, 11, 28}, test::change("on site")) == Outcome::changed);
    CHECK(b.set_verified_on("L-1", {2026, 11, 28}, test::change("on site")) == Outcome::unchanged);
    tx.commit();
  }
  CHECK(b.get(kind("leases"), "L-1").values == lease.values);
  auto by_write = a.log({});
  auto narrowly = b.log({});
  REQUIRE(by_write.size() == narrowly.size());
  CHECK(narrowly.back().action == "update");
  CHECK(narrowly.back().before == by_write.back().before);
  CHECK(narrowly.back().after == by_write.back().after);
  CHECK(narrowly.back().hash == by_write.back().hash);
  CHECK(b.verify().ok());
}
