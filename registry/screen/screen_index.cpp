// The permit index of a screening run.
#include "registry/screen/screen_index.hpp"

#include <algorithm>

namespace numreg::screen {

namespace {

// FNV-1a: short IDs, one pass, no allocation.
uint64_t hash_text(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h ^ (h >> 29);
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
  chars_.append(text);
  ends_.push_back(static_cast<uint32_t>(chars_.size()));
  return static_cast<uint32_t>(ends_.size() - 1);
}

void ScreenIndex::seal() {
  size_t capacity = 16;
  while (capacity < 2 * static_cast<size_t>(trunk_ids.size())) {
    capacity *= 2;
  }
  slots_.assign(capacity, 0);
  for (uint32_t i = 0; i < trunk_ids.size(); ++i) {
    size_t slot = hash_text(trunk_ids.at(i)) & (capacity - 1);
    while (slots_[slot] != 0) {
      slot = (slot + 1) & (capacity - 1);
    }
    slots_[slot] = i + 1;
  }
}

uint32_t ScreenIndex::find_trunk(std::string_view id) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash_text(id) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (trunk_ids.at(slots_[slot] - 1) == id) {
      return slots_[slot] - 1;
    }
  }
  return kNone;
}

uint32_t ScreenIndex::find_holder(std::string_view uscc) const { return find_sorted(holders, uscc); }

bool ScreenIndex::permits(const IndexLease& lease, int64_t caller) const {
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
  for (uint32_t i = lease.windows_begin; i < lease.windows_end; ++i) {
    if (windows[i].from * 60 <= second && second < windows[i].to * 60) {
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
