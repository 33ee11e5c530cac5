// A screening index built by hand, shared by the screening tests.
// Trunks: GW (international), T1 (customer service lease of H1, callers
// +86 898 6612 00xx, from 2026-01-01), T2 (marketing lease of H2, callers
// +86 898 3680 00xx, windows 09:00-12:00, from 2026-01-01). Refusals:
// 13900000001 for H2 from 2026-11-20, 13900000002 for all from
// `refusal_for_all`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "registry/screen/screen_index.hpp"
#include "registry/types/date.hpp"
#include "registry/types/number.hpp"

namespace numreg::screen::test {

inline int64_t key(std::string_view number) {
  return parse_number(number)->key();
}

inline int32_t day(int y, int m, int d) {
  return static_cast<int32_t>(Date{y, m, d}.days());
}

/// The index above; T2's lease ends on `marketing_end` when given.
inline ScreenIndex sample_index(std::optional<int32_t> marketing_end, int32_t refusal_for_all) {
  ScreenIndex x;
  x.holders.add("91460400MA5TDR015T");
  x.holders.add("91469007MA5TDF0204");
  x.texts.add("09:00-12:00");
  for (auto id : {"GW", "T1", "T2"})
    x.trunk_ids.add(id);
  x.trunks = {{0, 0, 1}, {0, 1, 0}, {1, 2, 0}};
  x.lease_ids.add("L1");
  x.lease_ids.add("L2");
  x.ranges = {{key("+8689866120000"), key("+8689866120099")},
              {key("+8689836800000"), key("+8689836800099")}};
  x.windows = {{9 * 60, 12 * 60}};
  IndexLease l1;
  l1.start_day = day(2026, 1, 1);
  l1.id = 0;
  l1.holder = 0;
  l1.ranges_begin = 0;
  l1.ranges_end = 1;
  IndexLease l2;
  l2.start_day = day(2026, 1, 1);
  if (marketing_end)
    l2.end_day = *marketing_end;
  l2.id = 1;
  l2.holder = 1;
  l2.ranges_begin = 1;
  l2.ranges_end = 2;
  l2.windows_begin = 0;
  l2.windows_end = 1;
  l2.windows_text = 0;
  l2.marketing = 1;
  x.leases = {l1, l2};
  x.refusals = {{key("13900000001"), 1, day(2026, 11, 20)},
                {key("13900000002"), kNone, refusal_for_all}};
  x.seal();
  return x;
}

}  // namespace numreg::screen::test
