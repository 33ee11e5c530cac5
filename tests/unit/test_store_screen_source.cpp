// Tests for registry/store/screen_source: the screening index read out of the
// registry (trunks, their active leases in ID order, merged permit ranges,
// contract windows of marketing leases, refusals).
#include "registry/store/screen_source.hpp"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "registry/types/number.hpp"
#include "testutil.hpp"

using namespace numreg;
using namespace numreg::screen;

namespace {

int64_t key(std::string_view number) {
  CAPTURE(number);
  auto parsed = parse_number(number);
  REQUIRE(parsed);
  return parsed->key();
}

// Rows written as SQL, as another tool (or an older numreg) could have.
void fill(store::Database& db) {
  db.exec(
      "INSERT INTO holders (uscc, name, kind) VALUES"
      " ('91460400MA5TDR015T', '儋州海韵通信服务有限公司', 'call_centre'),"
      " ('91469007MA5TDF0204', '东方市海岸营销有限公司', 'enterprise');"
      "INSERT INTO resources (id, kind, international) VALUES"
      " ('TR-DF-01', 'trunk', 0), ('TR-DZ-01', 'trunk', 0), ('TR-GW', 'trunk', 1),"
      " ('TR-IDLE', 'trunk', 0);"
      // L-1 and L-3 on TR-DZ-01, L-2 on TR-DF-01: the IDs' order is not the
      // trunks' order. L-4 ended: not in the index.
      "INSERT INTO leases (id, resource, holder, purpose, \"start\", \"end\", status) VALUES"
      " ('L-1', 'TR-DZ-01', '91460400MA5TDR015T', 'customer_service', '2024-01-01', NULL, "
      "'active'),"
      " ('L-2', 'TR-DF-01', '91469007MA5TDF0204', 'marketing', '2025-03-01', '2026-12-31', "
      "'active'),"
      " ('L-3', 'TR-DZ-01', '91469007MA5TDF0204', 'marketing', '2026-01-01', NULL, 'active'),"
      " ('L-4', 'TR-GW', '91460400MA5TDR015T', 'other', '2020-01-01', '2021-01-01', "
      "'ended');"
      "INSERT INTO contracts (lease, time_windows) VALUES ('L-2', '09:00-12:00;14:00-18:00'),"
      " ('L-1', '08:00-20:00');");
  const auto permit = [&](const char* lease, const char* first, const char* last) {
    store::Statement st(db,
                        "INSERT INTO permits (lease, first, last, first_key, last_key, span_class)"
                        " VALUES (?, ?, ?, ?, ?, 0)");
    st.bind(1, lease).bind(2, first).bind(3, last).bind(4, key(first)).bind(5, key(last));
    st.run();
  };
  permit("L-1", "+8689866120000", "+8689866120049");
  permit("L-1", "+8689866120050", "+8689866120099");  // adjacent: merged with the one before
  permit("L-1", "95105", "95105");
  permit("L-2", "+8689836800000", "+8689836800099");
  permit("L-3", "+8689866130000", "+8689866130009");
  permit("L-4", "+8689866140000", "+8689866140009");
  db.exec(
      "INSERT INTO refusals (number, holder, date) VALUES"
      " ('+8613800138000', NULL, '2026-05-01'),"
      " ('+8613800138000', '91469007MA5TDF0204', '2026-02-01'),"
      " ('+8613900000001', '91460400MA5TDR015T', '2026-03-01');");
}

}  // namespace

TEST_CASE("load_screen_index: trunks, active leases by trunk in ID order, ranges, windows") {
  test::ScratchRegistry reg;
  store::Database db(reg.path(), {});
  fill(db);
  const ScreenIndex x = store::load_screen_index(db);

  REQUIRE(x.trunk_ids.size() == 4);
  CHECK(x.trunk_ids.at(0) == "TR-DF-01");
  CHECK(x.trunk_ids.at(3) == "TR-IDLE");
  REQUIRE(x.leases.size() == 3);  // L-4 ended

  const uint32_t dz = x.find_trunk("TR-DZ-01");
  REQUIRE(dz == 1);
  REQUIRE(x.trunks[dz].leases_end - x.trunks[dz].leases_begin == 2);
  const IndexLease& l1 = x.leases[x.trunks[dz].leases_begin];
  const IndexLease& l3 = x.leases[x.trunks[dz].leases_begin + 1];
  CHECK(x.lease_ids.at(l1.id) == "L-1");
  CHECK(x.lease_ids.at(l3.id) == "L-3");
  CHECK(x.holders.at(l1.holder) == "91460400MA5TDR015T");
  CHECK(l1.start_day == Date{2024, 1, 1}.days());
  CHECK(l1.end_day == kNoEnd);
  CHECK(l1.marketing == 0);
  // The two adjacent ranges of L-1 are one; 95105 is its own.
  REQUIRE(l1.ranges_end - l1.ranges_begin == 2);
  CHECK(x.permits(l1, key("+8689866120099")));
  CHECK(x.permits(l1, key("95105")));
  CHECK_FALSE(x.permits(l1, key("+8689866120100")));
  // A contract's windows count for marketing leases only.
  CHECK(l1.windows_end == l1.windows_begin);
  CHECK(l3.marketing == 1);
  CHECK(l3.windows_end == l3.windows_begin);  // no contract

  const uint32_t df = x.find_trunk("TR-DF-01");
  REQUIRE(x.trunks[df].leases_end - x.trunks[df].leases_begin == 1);
  const IndexLease& l2 = x.leases[x.trunks[df].leases_begin];
  CHECK(x.lease_ids.at(l2.id) == "L-2");
  CHECK(l2.end_day == Date{2026, 12, 31}.days());
  REQUIRE(l2.windows_end - l2.windows_begin == 2);
  CHECK(x.texts.at(l2.windows_text) == "09:00-12:00;14:00-18:00");
  CHECK(x.within_windows(l2, 9 * 3600));
  CHECK_FALSE(x.within_windows(l2, 13 * 3600));
  CHECK(x.within_windows(l2, 17 * 3600 + 59 * 60));

  // A trunk whose only lease ended, and one that never had a lease.
  const uint32_t gw = x.find_trunk("TR-GW");
  CHECK(x.trunks[gw].international == 1);
  CHECK(x.trunks[gw].leases_end == x.trunks[gw].leases_begin);
  const uint32_t idle = x.find_trunk("TR-IDLE");
  CHECK(x.trunks[idle].leases_end == x.trunks[idle].leases_begin);
  CHECK(x.find_trunk("TR-NONE") == kNone);

  // Refusals sorted by number and day; by holder or for all.
  REQUIRE(x.refusals.size() == 3);
  const uint32_t df_holder = x.find_holder("91469007MA5TDF0204");
  const IndexRefusal* r = x.refusal(key("+8613800138000"), df_holder, Date{2026, 3, 1}.days());
  REQUIRE(r != nullptr);
  CHECK(r->holder == df_holder);
  CHECK(x.refusal(key("+8613800138000"), l1.holder, Date{2026, 3, 1}.days()) == nullptr);
  CHECK(x.refusal(key("+8613800138000"), l1.holder, Date{2026, 5, 1}.days()) != nullptr);
}

TEST_CASE(
    "load_screen_index: each of 300 leases on its own trunk, IDs and trunks in other orders") {
  // More leases than the lookups that run ahead of each other, with lease
  // IDs in an order unlike their trunks': lease L-i is on trunk i * 7 % 300.
  test::ScratchRegistry reg;
  store::Database db(reg.path(), {});
  db.exec(
      "INSERT INTO holders (uscc, name, kind) VALUES"
      " ('91460400MA5TDR015T', '儋州海韵通信服务有限公司', 'call_centre')");
  constexpr int kLeases = 300;
  for (int t = 0; t < kLeases; ++t) {
    store::Statement st(db, "INSERT INTO resources (id, kind) VALUES (?, 'trunk')");
    st.bind(1, fmt::format("TRK-460400-{:07}", t)).run();
  }
  for (int i = 0; i < kLeases; ++i) {
    store::Statement st(db,
                        "INSERT INTO leases (id, resource, holder, purpose, \"start\", status)"
                        " VALUES (?, ?, '91460400MA5TDR015T', 'other', '2024-01-01', 'active')");
    st.bind(1, fmt::format("L-{:03}", i)).bind(2, fmt::format("TRK-460400-{:07}", i * 7 % kLeases));
    st.run();
  }
  const ScreenIndex x = store::load_screen_index(db);
  REQUIRE(x.leases.size() == kLeases);
  for (int i = 0; i < kLeases; ++i) {
    const std::string trunk = fmt::format("TRK-460400-{:07}", i * 7 % kLeases);
    CAPTURE(trunk);
    const uint32_t t = x.find_trunk(trunk);
    REQUIRE(t != kNone);
    REQUIRE(x.trunks[t].leases_end == x.trunks[t].leases_begin + 1);
    CHECK(x.lease_ids.at(x.leases[x.trunks[t].leases_begin].id) == fmt::format("L-{:03}", i));
  }
}
