// The permit index of a screening run.
#include "registry/screen/screen_index.hpp"

#include <algorithm>
#include <cstring>

#include "registry/screen/digits.hpp"
#include "registry/screen/mix.hpp"

namespace numreg::screen {

// Eight bytes at a time (the last eight overlapping the ones before), then
// the MurmurHash3 finaliser; IDs under eight bytes byte by byte. A snapshot
// holds the slots this hash placed: changing it changes the snapshot format.
uint64_t ScreenIndex::trunk_hash(std::string_view text) {
  const char* p = text.data();
  const size_t n = text.size();
  uint64_t h = n * 0x9E3779B97F4A7C15ull;
  if (n >= 8) {
    for (size_t at = 0; at + 8 < n; at += 8)
      h = (h ^ load8(p + at)) * 0xff51afd7ed558ccdull;
    h = (h ^ load8(p + n - 8)) * 0xc4ceb9fe1a85ec53ull;
  } else {
    for (size_t at = 0; at < n; ++at)
      h = (h ^ static_cast<unsigned char>(p[at])) * 0x100000001b3ull;
  }
  return mix64(h);
}

namespace {

// `id` against a slot's ID of the same length (see TrunkSlot): the whole of
// IDs of up to 20 bytes, the first 12 and last 8 bytes of longer ones. Eight
// bytes at a time, overlapping where the ID is not a multiple of eight.
bool same_kept_id(std::string_view id, const char* slot) {
  const size_t n = id.size();
  const char* p = id.data();
  if (n < 8)
    return std::memcmp(p, slot, n) == 0;
  if (n <= 16)
    return load8(p) == load8(slot) && load8(p + n - 8) == load8(slot + n - 8);
  if (n <= TrunkSlot::kWholeId) {
    return load8(p) == load8(slot) && load8(p + 8) == load8(slot + 8) &&
           load8(p + n - 8) == load8(slot + n - 8);
  }
  return load8(p) == load8(slot) && std::memcmp(p + 8, slot + 8, 4) == 0 &&
         load8(p + n - 8) == load8(slot + 12);
}

uint8_t id_size(std::string_view id) {
  return static_cast<uint8_t>(std::min<size_t>(id.size(), UINT8_MAX));
}

uint32_t find_sorted(const StringTable& table, std::string_view text) {
  uint32_t lo = 0;
  uint32_t hi = table.size();
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    if (table.at(mid) < text) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < table.size() && table.at(lo) == text ? lo : kNone;
}

}  // namespace

uint32_t StringTable::add(std::string_view text) {
  chars_.append(text.data(), text.size());
  ends_.push_back(static_cast<uint32_t>(chars_.size()));
  return static_cast<uint32_t>(ends_.size() - 1);
}

void ScreenIndex::seal() {
  slots.assign(trunk_ids.size() + trunk_ids.size() / 2 + 16, TrunkSlot{});
  for (uint32_t i = 0; i < trunk_ids.size(); ++i) {
    const std::string_view id = trunk_ids.at(i);
    size_t slot = home(trunk_hash(id));
    while (slots[slot].id_size != 0) {
      slot = slot + 1 == slots.size() ? 0 : slot + 1;
    }
    TrunkSlot& t = slots[slot];
    if (id.size() <= TrunkSlot::kWholeId) {
      std::copy_n(id.data(), id.size(), t.id);
    } else {
      std::copy_n(id.data(), 12, t.id);
      std::copy_n(id.data() + id.size() - 8, 8, t.id + 12);
    }
    t.trunk = i;
    t.leases_begin = trunks[i].leases_begin;
    t.leases = static_cast<uint16_t>(
        std::min<uint32_t>(trunks[i].leases_end - trunks[i].leases_begin, TrunkSlot::kManyLeases));
    t.id_size = id_size(id);
    t.international = trunks[i].international != 0;
  }
  for (IndexLease& lease : leases) {
    lease.range0 =
        lease.ranges_end > lease.ranges_begin ? ranges[lease.ranges_begin] : KeyRange{0, -1};
    for (uint32_t i = 0; i < kInlineWindows; ++i) {
      const uint32_t w = lease.windows_begin + i;
      const Window window = w < lease.windows_end ? windows[w] : Window{0, 0};
      lease.window0[i][0] = static_cast<int16_t>(window.from);
      lease.window0[i][1] = static_cast<int16_t>(window.to);
    }
  }
}

const TrunkSlot* ScreenIndex::find_slot(std::string_view id, uint64_t hash) const {
  if (id.empty() || slots.empty())
    return nullptr;
  const uint8_t size = id_size(id);
  for (size_t slot = home(hash); slots[slot].id_size != 0;
       slot = slot + 1 == slots.size() ? 0 : slot + 1) {
    const TrunkSlot& t = slots[slot];
    if (t.id_size == size && same_kept_id(id, t.id) &&
        (id.size() <= TrunkSlot::kWholeId || trunk_ids.at(t.trunk) == id)) {
      return &t;
    }
  }
  return nullptr;
}

uint32_t ScreenIndex::find_holder(std::string_view uscc) const {
  return find_sorted(holders, uscc);
}

bool ScreenIndex::permits(const IndexLease& lease, int64_t caller) const {
  if (lease.range0.first <= caller && caller <= lease.range0.last) {
    return true;
  }
  if (lease.ranges_end - lease.ranges_begin < 2) {
    return false;
  }
  const KeyRange* begin = ranges.data() + lease.ranges_begin;
  const KeyRange* end = ranges.data() + lease.ranges_end;
  // The last range starting at or before the caller is the only candidate.
  const KeyRange* after = std::upper_bound(
      begin, end, caller, [](int64_t key, const KeyRange& r) { return key < r.first; });
  return after != begin && caller <= (after - 1)->last;
}

const IndexRefusal* ScreenIndex::refusal(int64_t callee, uint32_t holder, int32_t day) const {
  auto it = std::lower_bound(refusals.begin(), refusals.end(), callee,
                             [](const IndexRefusal& r, int64_t key) { return r.number < key; });
  for (; it != refusals.end() && it->number == callee && it->day <= day; ++it) {
    if (it->holder == kNone || it->holder == holder) {
      return &*it;
    }
  }
  return nullptr;
}

bool ScreenIndex::within_windows(const IndexLease& lease, int32_t second) const {
  const uint32_t n = lease.windows_end - lease.windows_begin;
  if (n <= kInlineWindows) {
    for (uint32_t i = 0; i < n; ++i) {
      if (lease.window0[i][0] * 60 <= second && second < lease.window0[i][1] * 60)
        return true;
    }
    return false;
  }
  // Minutes widened before they become seconds: a damaged snapshot may hold
  // any value there, and gives a wrong answer at worst, never an overflow.
  for (uint32_t i = lease.windows_begin; i < lease.windows_end; ++i) {
    if (int64_t{windows[i].from} * 60 <= second && second < int64_t{windows[i].to} * 60) {
      return true;
    }
  }
  return false;
}

std::vector<KeyRange> merge_ranges(std::vector<KeyRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const KeyRange& a, const KeyRange& b) { return a.first < b.first; });
  std::vector<KeyRange> out;
  for (const KeyRange& r : ranges) {
    if (!out.empty() && r.first <= out.back().last + 1) {
      out.back().last = std::max(out.back().last, r.last);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace numreg::screen
