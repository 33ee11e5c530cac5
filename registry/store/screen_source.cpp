// Reading the permit index of a screening run out of the registry.
//
// Leases and their permits are read in the same order (resource, lease id),
// so they join by walking both result sets once; no map of a million IDs.
#include "registry/store/screen_source.hpp"

#include <algorithm>

#include "registry/model/value.hpp"
#include "registry/types/date.hpp"
#include "registry/types/number.hpp"

namespace numreg::store {

namespace {

using screen::IndexLease;
using screen::IndexRefusal;
using screen::KeyRange;
using screen::kNoEnd;
using screen::kNone;
using screen::ScreenIndex;

int32_t day_of(std::string_view text, int32_t otherwise) {
  auto date = parse_date(text);
  return date ? static_cast<int32_t>(date->days()) : otherwise;
}

void load_trunks(Database& db, ScreenIndex& index) {
  Statement st(db, "SELECT id, international FROM resources ORDER BY id");
  while (st.step()) {
    index.trunk_ids.add(st.view(0));
    index.trunks.push_back({0, 0, st.is_null(1) ? 0u : static_cast<uint32_t>(st.integer(1))});
  }
}

void load_holders(Database& db, ScreenIndex& index) {
  Statement st(db, "SELECT uscc FROM holders ORDER BY uscc");
  while (st.step()) {
    index.holders.add(st.view(0));
  }
}

// Contract windows by lease, for leases with purpose marketing.
void add_windows(IndexLease& lease, const std::optional<std::string>& text, ScreenIndex& index) {
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

// Permits of the active leases, in the leases' order.
class PermitCursor {
 public:
  explicit PermitCursor(Database& db)
      : st_(db,
            "SELECT l.resource, p.lease, p.first_key, p.last_key FROM permits AS p "
            "JOIN leases AS l ON l.id = p.lease WHERE l.status = 'active' "
            "ORDER BY l.resource, p.lease") {
    more_ = st_.step();
  }
  // The ranges of lease `id` of `resource`, merged (read without copying
  // the texts: a million rows).
  const std::vector<KeyRange>& take(std::string_view resource, std::string_view id) {
    out_.clear();
    while (more_ && std::make_pair(st_.view(0), st_.view(1)) < std::make_pair(resource, id)) {
      more_ = st_.step();
    }
    while (more_ && st_.view(0) == resource && st_.view(1) == id) {
      out_.push_back({st_.integer(2), st_.integer(3)});
      more_ = st_.step();
    }
    if (out_.size() > 1)
      out_ = screen::merge_ranges(std::move(out_));
    return out_;
  }

 private:
  Statement st_;
  bool more_ = false;
  std::vector<KeyRange> out_;
};

void load_leases(Database& db, ScreenIndex& index) {
  Statement st(db,
               "SELECT l.resource, l.id, l.holder, l.purpose, l.\"start\", l.\"end\", "
               "c.time_windows FROM leases AS l LEFT JOIN contracts AS c ON c.lease = l.id "
               "WHERE l.status = 'active' ORDER BY l.resource, l.id");
  PermitCursor permits(db);
  uint32_t trunk = 0;
  while (st.step()) {
    // Views of this row, valid until the next step of `st`.
    const std::string_view resource = st.view(0);
    while (trunk < index.trunk_ids.size() && index.trunk_ids.at(trunk) < resource) {
      index.trunks[trunk++].leases_end = static_cast<uint32_t>(index.leases.size());
    }
    if (trunk == index.trunk_ids.size() || index.trunk_ids.at(trunk) != resource) {
      continue;  // a lease of a resource that is gone: the foreign key forbids it
    }
    IndexLease lease;
    const std::string_view id = st.view(1);
    lease.id = index.lease_ids.add(id);
    lease.holder = index.find_holder(st.view(2));
    lease.marketing = st.view(3) == "marketing" ? 1 : 0;
    lease.start_day = day_of(st.view(4), kNoEnd);
    lease.end_day = st.is_null(5) ? kNoEnd : day_of(st.view(5), kNoEnd);
    lease.ranges_begin = static_cast<uint32_t>(index.ranges.size());
    const std::vector<KeyRange>& ranges = permits.take(resource, id);
    index.ranges.append(ranges.data(), ranges.size());
    lease.ranges_end = static_cast<uint32_t>(index.ranges.size());
    add_windows(lease, lease.marketing ? st.optional_text(6) : std::nullopt, index);
    index.leases.push_back(lease);
  }
  for (; trunk < index.trunk_ids.size(); ++trunk) {
    index.trunks[trunk].leases_end = static_cast<uint32_t>(index.leases.size());
  }
  // Each trunk's leases begin where the previous trunk's end.
  for (size_t i = 0; i < index.trunks.size(); ++i) {
    index.trunks[i].leases_begin = i ? index.trunks[i - 1].leases_end : 0;
  }
}

void load_refusals(Database& db, ScreenIndex& index) {
  Statement st(db, "SELECT number, holder, date FROM refusals");
  while (st.step()) {
    auto number = parse_number(st.text(0));
    auto day = parse_date(st.text(2));
    if (!number || !day) {
      continue;  // the audit reports stored numbers that cannot be read (R013)
    }
    const uint32_t holder =
        st.is_null(1) || st.text(1).empty() ? kNone : index.find_holder(st.text(1));
    if (!st.is_null(1) && !st.text(1).empty() && holder == kNone) {
      continue;
    }
    index.refusals.push_back({number->key(), holder, static_cast<int32_t>(day->days())});
  }
  std::sort(index.refusals.begin(), index.refusals.end(),
            [](const IndexRefusal& a, const IndexRefusal& b) {
              return a.number != b.number ? a.number < b.number : a.day < b.day;
            });
}

}  // namespace

ScreenIndex load_screen_index(Database& db) {
  ScreenIndex index;
  load_trunks(db, index);
  load_holders(db, index);
  load_leases(db, index);
  load_refusals(db, index);
  index.seal();
  return index;
}

}  // namespace numreg::store
