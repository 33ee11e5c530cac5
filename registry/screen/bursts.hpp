// Sliding windows over call records for S004 (one-ring) and S005 (call
// bombing): per key (a caller, or a caller and callee), the recent calls.
//
// Definition. For a key, a call is flagged when it belongs to a set of at
// least `calls` calls of that key whose times lie within `window` seconds of
// each other (latest - earliest < window). Every call of such a set is
// flagged, once. Equivalently: with the key's calls sorted by time, every
// run of `calls` consecutive calls spanning less than `window` is flagged.
//
// Order. Records may arrive out of time order by up to `tolerance` seconds:
// each key keeps its calls sorted, and when a call arrives only the runs
// that contain it are checked (the others were checked when their latest
// member arrived). A record later than the tolerance (older than the newest
// time seen minus the tolerance) is still added but may miss runs whose
// calls were already dropped; add() reports it as late.
//
// Time. The newest time is that of every record screened, not only of the
// calls added (advance()), so that what is held for a key depends on that
// key's calls and the records' times alone: screening threads that each hold
// some of the keys follow one BurstClock (follow()) and hold for each key
// exactly what one thread holding all keys would.
//
// Memory. Keys live in two generations of flat hash tables, each spanning
// `window + tolerance` seconds of call time. A key met again is carried
// into the current generation with its calls that can still share a run;
// when the current generation is full, the previous one is dropped whole.
// A dropped call is older than any future call's window, so memory is
// bounded by the calls of two generations, whatever the file's size.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "registry/screen/huge_pages.hpp"

namespace numreg::screen {

/// What a flagged call is remembered by (32 bytes: a window of a day's
/// records is millions of them).
struct BurstCall {
  int64_t time = 0;
  int64_t other = 0;    // S004: the callee's key (0 when unreadable)
  uint32_t line = 0;    // line in its file (files over 4G lines wrap)
  uint32_t trunk = 0;   // trunk id (see Screener)
  uint32_t holder = 0;  // holder index or kNone
  uint16_t file = 0;
  uint16_t flagged = 0;
};

/// When generations roll: the newest time seen, and the start of the current
/// generation (each spans the window plus the tolerance).
struct BurstClock {
  int64_t newest = INT64_MIN;
  int64_t start = 0;
  uint64_t generation = 0;

  /// Take a record's `time`; true when it starts a new generation.
  bool advance(int64_t time, int64_t span) {
    if (time <= newest)
      return false;
    newest = time;
    if (newest < start + span)
      return false;
    start = newest;
    ++generation;
    return true;
  }
};

/// Key of a burst: a caller (callee 0) or a caller and a callee.
struct BurstKey {
  int64_t caller;
  int64_t callee;
  bool operator==(const BurstKey&) const = default;
};

class Bursts {
 public:
  /// Flag runs of at least `calls` calls within `window` seconds; accept
  /// records up to `tolerance` seconds out of order.
  Bursts(int calls, int64_t window, int64_t tolerance);

  /// Take the time of a record screened (every record, added or not).
  void advance(int64_t time) {
    if (clock_.advance(time, span(window_, tolerance_)))
      roll();
  }
  /// Take the clock of a Bursts that is advanced by every record, where this
  /// one holds only some keys (see Time above).
  void follow(const BurstClock& clock) {
    if (clock.generation != clock_.generation)
      roll_to(clock.generation);
    clock_ = clock;
  }
  /// The clock advance() keeps.
  const BurstClock& clock() const { return clock_; }
  /// The length of a generation of Bursts(calls, `window`, `tolerance`)
  /// (window and tolerance clamped as the constructor clamps them), for a
  /// clock kept without the windows.
  static int64_t span(int64_t window, int64_t tolerance) {
    return std::max<int64_t>(window, 1) + std::max<int64_t>(tolerance, 0);
  }

  /// Add a call of `key` (its time taken by advance() first); `flag(key, call)` is called once for
  /// each call (this one or an earlier one) that becomes flagged. Returns false when the call is
  /// late (see above).
  template <class Flag>
  bool add(const BurstKey& key, const BurstCall& call, Flag&& flag);

  /// Start loading what add(key, ...) will read first: the key's tags in
  /// both generations and its home entry in the current one (batches
  /// overlap memory accesses this way).
  void prefetch(const BurstKey& key) const {
    const size_t h = hash(key);
    const size_t at = h & (current_.tags.size() - 1);
    __builtin_prefetch(&current_.tags[at], 1);
    __builtin_prefetch(&current_.entries[at], 1);
    if (!previous_.tags.empty()) {
      __builtin_prefetch(&previous_.tags[h & (previous_.tags.size() - 1)]);
    }
    // A new key appends a slot and a call: the lines past the arrays' ends
    // are taken for writing ahead of the calls that will write them, which
    // would otherwise each wait for a line to be read before its store.
    prefetch_append(current_.slots);
    prefetch_append(current_.pool);
  }

  /// Calls held now (for tests and memory checks).
  size_t held() const { return current_.pool.size() + previous_.pool.size(); }

 private:
  struct Slot {
    BurstKey key;
    uint32_t offset;  // first call in pool
    uint16_t size;
    uint16_t log_capacity;
  };
  // Open addressing with linear probing over a one-byte tag per entry: 0
  // for an empty entry, else 0x80 | 7 bits of the key's hash, so that
  // looking up a key not held (most keys of a day are met once) reads only
  // the small, cache-friendly tag array. An entry is the index of the key's
  // slot; slots are appended in the order keys come, so that a new key
  // writes at the end of an array rather than at a random place.
  struct Generation {
    HugeVector<uint8_t> tags;
    HugeVector<uint32_t> entries;  // into slots
    HugeVector<Slot> slots;
    HugeVector<BurstCall> pool;
  };

  /// Start taking for writing the line `kAppendAhead` bytes past the end of
  /// `items` (a prefetch never faults, so past its capacity does no harm; the
  /// address is computed as an integer, as it may lie past the array).
  template <class T>
  static void prefetch_append(const HugeVector<T>& items) {
    const auto end = reinterpret_cast<uintptr_t>(items.data() + items.size());
    __builtin_prefetch(
        reinterpret_cast<const void*>(end + kAppendAhead),  // NOLINT(performance-no-int-to-ptr)
        1);
  }
  static constexpr uintptr_t kAppendAhead = 512;

  static size_t hash(const BurstKey& key);
  static uint8_t tag(size_t hash) { return static_cast<uint8_t>(0x80 | (hash >> 57)); }
  static Slot* find(Generation& g, const BurstKey& key, size_t hash);
  /// Give `g` `entries` entries (a power of 2) and enter its keys again.
  static void rehash(Generation& g, size_t entries);
  Slot& insert_key(const BurstKey& key, size_t hash);
  void grow(Slot& slot, size_t needed);
  void roll();
  /// Roll to generation `generation` of another clock (follow()).
  void roll_to(uint64_t generation);
  /// The key's calls in the current generation, carried over if need be,
  /// with room for one more; returns its slot, valid until a new key.
  Slot& slot_for(const BurstKey& key);

  int calls_;
  int64_t window_;
  int64_t tolerance_;
  BurstClock clock_;
  Generation current_;
  Generation previous_;
};

template <class Flag>
bool Bursts::add(const BurstKey& key, const BurstCall& call, Flag&& flag) {
  const bool late = clock_.newest != INT64_MIN && call.time < clock_.newest - tolerance_;
  Slot& slot = slot_for(key);
  BurstCall* list = current_.pool.data() + slot.offset;
  // Insert in time order; in-order input appends.
  size_t at = slot.size;
  while (at > 0 && list[at - 1].time > call.time) {
    list[at] = list[at - 1];
    --at;
  }
  list[at] = call;
  const size_t n = ++slot.size;
  const size_t k = static_cast<size_t>(calls_);
  if (n >= k) {
    const size_t first = at + 1 >= k ? at + 1 - k : 0;
    for (size_t i = first; i <= at && i + k <= n; ++i) {
      if (list[i + k - 1].time - list[i].time < window_) {
        for (size_t j = i; j < i + k; ++j) {
          if (!list[j].flagged) {
            list[j].flagged = 1;
            flag(key, list[j]);
          }
        }
      }
    }
  }
  return !late;
}

}  // namespace numreg::screen
