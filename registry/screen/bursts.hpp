// Sliding windows over call records for S004 (one-ring) and S005 (call
// bombing): per key (a caller, or a caller and callee), the recent calls.
//
// Definition. For a key, a call is flagged when it belongs to a set of at
// least `calls` calls of that key whose times lie within `window` seconds of
// each other (latest - earliest < window). Every call of such a set is
// flagged, once. Equivalently: with the key's calls sorted by time, every
// run of `calls` consecutive calls spanning less than `window` is flagged.
//
// Order and memory. Records may arrive out of time order by up to
// `tolerance` seconds: each key keeps its calls sorted, and when a call
// arrives only the runs that contain it are checked (the others were
// checked when their latest member arrived). A call older than the newest
// time seen minus the tolerance minus the window can belong to no future
// run, so it is dropped; memory is bounded by the calls of one window plus
// the tolerance, whatever the file's size. A record later than the
// tolerance is still screened but may miss runs with calls already
// dropped; it is counted as late.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace numreg::screen {

/// What a flagged call is remembered by.
struct BurstCall {
  int64_t time = 0;
  uint64_t line = 0;
  int64_t other = 0;    // S004: the callee's key (0 when unreadable)
  uint32_t file = 0;
  uint32_t trunk = 0;   // trunk id (see Screener)
  uint32_t holder = 0;  // holder index or kNone
  uint32_t flagged = 0;
};

/// Key of a burst: a caller (callee 0) or a caller and a callee.
struct BurstKey {
  int64_t caller;
  int64_t callee;
  bool operator==(const BurstKey&) const = default;
};

struct BurstKeyHash {
  size_t operator()(const BurstKey& k) const {
    uint64_t h = static_cast<uint64_t>(k.caller) * 0x9E3779B97F4A7C15ull;
    h ^= static_cast<uint64_t>(k.callee) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
    return static_cast<size_t>(h ^ (h >> 31));
  }
};

class Bursts {
 public:
  /// Flag runs of at least `calls` calls within `window` seconds; accept
  /// records up to `tolerance` seconds out of order.
  Bursts(int calls, int64_t window, int64_t tolerance);

  /// Add a call of `key`; `flag(key, call)` is called once for each call
  /// (this one or an earlier one) that becomes flagged. Returns false when the call is
  /// late (see above).
  template <class Flag>
  bool add(const BurstKey& key, const BurstCall& call, Flag&& flag);

  /// Calls held now (for tests and memory checks).
  size_t held() const { return held_; }

 private:
  void expire();

  int calls_;
  int64_t window_;
  int64_t tolerance_;
  int64_t newest_ = INT64_MIN;
  int64_t next_sweep_ = INT64_MIN;
  size_t held_ = 0;
  std::unordered_map<BurstKey, std::vector<BurstCall>, BurstKeyHash> keys_;
};

template <class Flag>
bool Bursts::add(const BurstKey& key, const BurstCall& call, Flag&& flag) {
  const bool late = newest_ != INT64_MIN && call.time < newest_ - tolerance_;
  if (call.time > newest_) {
    newest_ = call.time;
    if (newest_ >= next_sweep_) expire();
  }
  std::vector<BurstCall>& list = keys_[key];
  // Insert in time order; in-order input appends.
  size_t at = list.size();
  while (at > 0 && list[at - 1].time > call.time) --at;
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), call);
  ++held_;
  const size_t k = static_cast<size_t>(calls_);
  if (list.size() >= k) {
    const size_t first = at + 1 >= k ? at + 1 - k : 0;
    for (size_t i = first; i <= at && i + k <= list.size(); ++i) {
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
