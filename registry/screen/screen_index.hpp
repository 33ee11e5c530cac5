// The permit index of a screening run: built once from the registry (or read
// from a snapshot), then asked per call record without SQL. Trunks map to
// their active-status leases with date intervals; each lease holds its
// permitted caller ranges as sorted, disjoint integer intervals of
// Number::key(), searched by binary search.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "registry/screen/index_table.hpp"
#include "registry/types/date.hpp"

namespace numreg::screen {

/// Strings stored end to end, addressed by their index.
class StringTable {
 public:
  /// Append `text`; returns its index.
  uint32_t add(std::string_view text);
  std::string_view at(uint32_t index) const {
    return std::string_view(chars_.data() + ends_[index] - length(index), length(index));
  }
  uint32_t size() const { return static_cast<uint32_t>(ends_.size()); }

  IndexTable<char> chars_;
  IndexTable<uint32_t> ends_;  // non-decreasing; the last is chars_.size()

 private:
  uint32_t length(uint32_t index) const { return ends_[index] - (index ? ends_[index - 1] : 0); }
};

constexpr int32_t kNoEnd = std::numeric_limits<int32_t>::max();
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

/// An inclusive interval of Number::key() values.
struct KeyRange {
  int64_t first;
  int64_t last;
};

/// A contract's time window, in minutes since midnight: from <= t < to.
struct Window {
  int32_t from;
  int32_t to;
};

/// Windows a lease holds inline (contracts rarely have more).
constexpr int kInlineWindows = 2;

/// A lease whose status is active (no other status is active on any date).
/// One cache line: a lookup of a call's lease costs one memory access.
struct alignas(64) IndexLease {
  int32_t start_day = 0;      // Date::days()
  int32_t end_day = kNoEnd;   // inclusive; kNoEnd when open
  uint32_t id = 0;            // into lease_ids
  uint32_t holder = kNone;    // into holders
  uint32_t ranges_begin = 0;  // into ranges
  uint32_t ranges_end = 0;
  uint32_t windows_begin = 0;  // into windows
  uint32_t windows_end = 0;
  uint32_t windows_text = kNone;            // into texts: the contract's time_windows
  uint32_t marketing = 0;                   // 1 when purpose is marketing
  KeyRange range0{0, -1};                   // the first permitted range, filled by seal()
  int16_t window0[kInlineWindows][2] = {};  // the first windows (from, to), filled by seal()

  bool active_on(int32_t day) const { return start_day <= day && day <= end_day; }
};
static_assert(sizeof(IndexLease) == 64);

/// A trunk (or any resource a call record may name) and its leases.
struct IndexTrunk {
  uint32_t leases_begin = 0;
  uint32_t leases_end = 0;
  uint32_t international = 0;
};

/// A slot of the lookup table of trunk IDs: the trunk's ID (whole when of
/// kWholeId bytes or fewer, else its first 12 and last 8 bytes) and what
/// screening asks of the trunk, so that a lookup touches one cache line,
/// which a batch can start loading ahead.
struct alignas(32) TrunkSlot {
  static constexpr size_t kWholeId = 20;
  static constexpr uint16_t kManyLeases = UINT16_MAX;  // counted in trunks[trunk]
  char id[kWholeId] = {};                              // zero-padded
  uint32_t trunk = kNone;                              // index into trunks and trunk_ids
  uint32_t leases_begin = 0;
  uint16_t leases = 0;        // how many, or kManyLeases
  uint8_t id_size = 0;        // 0: an empty slot; 255: 255 bytes or more
  uint8_t international = 0;  // 0 or 1
};
static_assert(sizeof(TrunkSlot) == 32);

/// A refusal: callee `number` refused `holder` (kNone: everyone) on `day`.
struct IndexRefusal {
  int64_t number;
  uint32_t holder;
  int32_t day;
};

/// Everything a screening run asks of the registry.
class ScreenIndex {
 public:
  StringTable trunk_ids;  // sorted
  StringTable lease_ids;
  StringTable holders;                // USCCs, sorted
  StringTable texts;                  // contract time_windows as written
  IndexTable<IndexTrunk> trunks;      // parallel to trunk_ids
  IndexTable<IndexLease> leases;      // grouped by trunk
  IndexTable<KeyRange> ranges;        // grouped by lease, sorted, disjoint
  IndexTable<Window> windows;         // grouped by lease
  IndexTable<IndexRefusal> refusals;  // sorted by number, then day
  // The lookup table of trunk IDs, made by seal(): open addressing with
  // linear probing over about 1.5 slots a trunk, at least one slot empty.
  IndexTable<TrunkSlot> slots;
  // The mapped snapshot the tables view, when they are views.
  std::shared_ptr<const void> mapping;

  /// Build the lookup table of trunk IDs and the inline copies; call once
  /// after filling the index (a snapshot holds the index sealed).
  void seal();
  /// The index of trunk `id`, or kNone.
  uint32_t find_trunk(std::string_view id) const {
    const TrunkSlot* slot = find_slot(id, trunk_hash(id));
    return slot ? slot->trunk : kNone;
  }
  /// The slot of trunk `id`, with `hash` = trunk_hash(id), or nullptr.
  const TrunkSlot* find_slot(std::string_view id, uint64_t hash) const;
  /// The hash find_slot uses.
  static uint64_t trunk_hash(std::string_view id);
  /// Start loading what find_slot(id, hash) will read (batches overlap
  /// their memory accesses this way).
  void prefetch_slot(uint64_t hash) const { __builtin_prefetch(&slots[home(hash)]); }
  /// Start loading the first lease of the trunk in `slot`.
  void prefetch_leases(const TrunkSlot& slot) const {
    if (slot.leases != 0)
      __builtin_prefetch(&leases[slot.leases_begin]);
  }
  /// The end of the leases of the trunk in `slot`.
  uint32_t leases_end(const TrunkSlot& slot) const {
    return slot.leases != TrunkSlot::kManyLeases ? slot.leases_begin + slot.leases
                                                 : trunks[slot.trunk].leases_end;
  }
  /// The index of holder `uscc`, or kNone.
  uint32_t find_holder(std::string_view uscc) const;
  /// True when lease `lease` permits the caller with this key.
  bool permits(const IndexLease& lease, int64_t caller) const;
  /// The earliest refusal of `callee` for `holder` or for all on or before
  /// `day`, or nullptr.
  const IndexRefusal* refusal(int64_t callee, uint32_t holder, int32_t day) const;
  /// True when `second` (of the day) lies inside one of the lease's windows.
  bool within_windows(const IndexLease& lease, int32_t second) const;

 private:
  size_t home(uint64_t hash) const {
    return static_cast<size_t>((static_cast<unsigned __int128>(hash) * slots.size()) >> 64);
  }
};

/// Sort ranges by first key and merge the overlapping or adjacent ones.
std::vector<KeyRange> merge_ranges(std::vector<KeyRange> ranges);

}  // namespace numreg::screen
