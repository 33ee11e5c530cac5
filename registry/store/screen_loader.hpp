// Reading the permit index of a screening run out of the registry, for any
// store that reads rows in order through a cursor: the same SQL and the same
// walk for SQLite and PostgreSQL, so both build the same index byte for byte.
//
// Leases, their permits and their contracts are read in the same order (lease
// ID, each table's own), so they join by walking the result sets once, with
// no B-tree seek per lease and no map of a million lease IDs.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/model/value.hpp"
#include "registry/screen/number_key.hpp"
#include "registry/screen/screen_index.hpp"
#include "registry/types/date.hpp"
#include "registry/types/number.hpp"

namespace numreg::store::screen_loading {

using screen::IndexLease;
using screen::IndexRefusal;
using screen::KeyRange;
using screen::kNoEnd;
using screen::kNone;
using screen::ScreenIndex;

inline int32_t day_of(std::string_view text, int32_t otherwise) {
  auto date = parse_date(text);
  return date ? static_cast<int32_t>(date->days()) : otherwise;
}

template <class Cursor, class Source>
void load_trunks(Source& db, ScreenIndex& index) {
  Cursor st(db, "SELECT id, international FROM resources ORDER BY id");
  while (st.step()) {
    index.trunk_ids.add(st.view(0));
    index.trunks.push_back({0, 0, st.is_null(1) ? 0u : static_cast<uint32_t>(st.integer(1))});
  }
}

template <class Cursor, class Source>
void load_holders(Source& db, ScreenIndex& index) {
  Cursor st(db, "SELECT uscc FROM holders ORDER BY uscc");
  while (st.step()) {
    index.holders.add(st.view(0));
  }
}

// Contract windows by lease, for leases with purpose marketing.
inline void add_windows(IndexLease& lease, const std::optional<std::string>& text,
                        ScreenIndex& index) {
  lease.windows_begin = lease.windows_end = static_cast<uint32_t>(index.windows.size());
  if (!text || text->empty()) {
    return;
  }
  auto canonical = parse_time_windows(*text);
  if (!canonical) {
    return;
  }
  lease.windows_text = index.texts.add(*canonical);
  std::string_view rest = *canonical;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view item = rest.substr(0, end);  // "09:00-12:00"
    auto minutes = [&](size_t at) {
      return (item[at] - '0') * 600 + (item[at + 1] - '0') * 60 + (item[at + 3] - '0') * 10 +
             (item[at + 4] - '0');
    };
    index.windows.push_back({minutes(0), minutes(6)});
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  lease.windows_end = static_cast<uint32_t>(index.windows.size());
}

// A cursor over rows sorted by lease ID whose first column is the lease:
// take(id) steps past the rows of earlier leases (of leases not active, or
// not read) and stops after those of `id`. Rows are read as views, without
// copying their texts: a million rows.
template <class Cursor>
class LeaseCursor {
 public:
  template <class Source>
  LeaseCursor(Source& db, std::string_view sql) : st_(db, sql) {
    more_ = st_.step();
  }
  /// Calls `row(st)` for each row of lease `id`.
  template <class Row>
  void take(std::string_view id, Row&& row) {
    while (more_ && st_.view(0) < id)
      more_ = st_.step();
    while (more_ && st_.view(0) == id) {
      row(st_);
      more_ = st_.step();
    }
  }

 private:
  Cursor st_;
  bool more_ = false;
};

// Each lease's trunk, from the resource IDs of the leases read: the lookups
// of a few leases ahead start loading their slots while one is looked up (a
// lookup each as its row is read would wait on memory each time). Leases
// whose resource is gone (the foreign key forbids it) are dropped.
inline std::vector<uint32_t> trunks_of(ScreenIndex& index, const screen::StringTable& resources) {
  constexpr uint32_t kAhead = 16;
  const uint32_t n = resources.size();
  std::vector<uint32_t> trunk_of(n);
  uint64_t hashes[kAhead];
  for (uint32_t i = 0; i < n + kAhead; ++i) {
    // Lease i - kAhead is looked up, then lease i takes its place in `hashes`.
    if (i >= kAhead) {
      const uint32_t j = i - kAhead;
      const screen::TrunkSlot* slot = index.find_slot(resources.at(j), hashes[j % kAhead]);
      trunk_of[j] = slot ? slot->trunk : kNone;
    }
    if (i < n) {
      hashes[i % kAhead] = ScreenIndex::trunk_hash(resources.at(i));
      index.prefetch_slot(hashes[i % kAhead]);
    }
  }
  uint32_t kept = 0;
  for (uint32_t j = 0; j < n; ++j) {
    if (trunk_of[j] == kNone)
      continue;
    index.leases[kept] = index.leases[j];
    trunk_of[kept++] = trunk_of[j];
  }
  index.leases.resize(kept);
  trunk_of.resize(kept);
  return trunk_of;
}

// The active leases, grouped by trunk and in ID order within a trunk. Leases,
// their permits and their contracts are each read in lease ID order (their
// tables' own order: no B-tree seek per lease) and joined as they go; the
// leases are then put in trunk order where they lie (a counting sort by
// trunk, stable, so ID order holds within a trunk). Ranges, windows and texts
// stay in ID order: each lease names its own.
template <class Cursor, class Source>
void load_leases(Source& db, ScreenIndex& index) {
  Cursor st(db,
            "SELECT id, resource, holder, purpose, \"start\", \"end\" FROM leases "
            "WHERE status = 'active' ORDER BY id");
  LeaseCursor<Cursor> permits(
      db, "SELECT lease, first_key, last_key FROM permits ORDER BY lease, first_key");
  LeaseCursor<Cursor> contracts(db, "SELECT lease, time_windows FROM contracts ORDER BY lease");
  screen::StringTable resources;  // of each lease read
  std::vector<KeyRange> ranges;
  while (st.step()) {
    // Views of this row, valid until the next step of `st`.
    const std::string_view id = st.view(0);
    resources.add(st.view(1));
    IndexLease lease;
    lease.id = index.lease_ids.add(id);
    lease.holder = index.find_holder(st.view(2));
    lease.marketing = st.view(3) == "marketing" ? 1 : 0;
    lease.start_day = day_of(st.view(4), kNoEnd);
    lease.end_day = st.is_null(5) ? kNoEnd : day_of(st.view(5), kNoEnd);
    ranges.clear();
    permits.take(id, [&](Cursor& p) { ranges.push_back({p.integer(1), p.integer(2)}); });
    if (ranges.size() > 1)
      ranges = screen::merge_ranges(std::move(ranges));
    lease.ranges_begin = static_cast<uint32_t>(index.ranges.size());
    index.ranges.append(ranges.data(), ranges.size());
    lease.ranges_end = static_cast<uint32_t>(index.ranges.size());
    std::optional<std::string> windows;
    contracts.take(id, [&](Cursor& c) { windows = c.optional_text(1); });
    add_windows(lease, lease.marketing ? windows : std::nullopt, index);
    index.leases.push_back(lease);
  }
  const std::vector<uint32_t> trunk_of = trunks_of(index, resources);
  // Each trunk's leases: counted, then placed after the earlier trunks'.
  for (const uint32_t t : trunk_of)
    ++index.trunks[t].leases_end;
  uint32_t at = 0;
  for (size_t t = 0; t < index.trunks.size(); ++t) {
    index.trunks[t].leases_begin = at;
    at += index.trunks[t].leases_end;
    index.trunks[t].leases_end = index.trunks[t].leases_begin;
  }
  std::vector<uint32_t> place(trunk_of.size());
  for (size_t i = 0; i < trunk_of.size(); ++i)
    place[i] = index.trunks[trunk_of[i]].leases_end++;
  // Move each lease to its place, following the permutation's cycles.
  for (uint32_t i = 0; i < place.size(); ++i) {
    while (place[i] != i) {
      const uint32_t j = place[i];
      std::swap(index.leases[i], index.leases[j]);
      std::swap(place[i], place[j]);
    }
  }
}

template <class Cursor, class Source>
void load_refusals(Source& db, ScreenIndex& index) {
  Cursor st(db, "SELECT number, holder, date FROM refusals");
  while (st.step()) {
    // Stored numbers are canonical: most take number_key's fast path, which
    // gives parse_number's key without reading the number plan.
    const Result<int64_t> number = screen::number_key(st.text(0));
    auto day = parse_date(st.text(2));
    if (!number || !day) {
      continue;  // the audit reports stored numbers that cannot be read (R013)
    }
    const uint32_t holder =
        st.is_null(1) || st.text(1).empty() ? kNone : index.find_holder(st.text(1));
    if (!st.is_null(1) && !st.text(1).empty() && holder == kNone) {
      continue;
    }
    index.refusals.push_back({*number, holder, static_cast<int32_t>(day->days())});
  }
  std::sort(index.refusals.begin(), index.refusals.end(),
            [](const IndexRefusal& a, const IndexRefusal& b) {
              if (a.number != b.number)
                return a.number < b.number;
              return a.day != b.day ? a.day < b.day : a.holder < b.holder;
            });
}

/// The screening index read through `Cursor`s over `db`: a Cursor is made of
/// (db, sql), steps with step() and reads its row with Row's accessors.
template <class Cursor, class Source>
ScreenIndex load(Source& db) {
  ScreenIndex index;
  load_trunks<Cursor>(db, index);
  // The trunks' lookup table now, for the leases to find their trunk by ID
  // (leases are read in their own IDs' order); sealed again once they are in.
  index.seal();
  load_holders<Cursor>(db, index);
  load_leases<Cursor>(db, index);
  load_refusals<Cursor>(db, index);
  index.seal();
  return index;
}

}  // namespace numreg::store::screen_loading
