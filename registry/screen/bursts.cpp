// Sliding windows over call records for S004 and S005.
#include "registry/screen/bursts.hpp"

#include <algorithm>
#include <limits>

#include "registry/screen/mix.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kMinimumSlots = 1024;
constexpr size_t kMostCalls = std::numeric_limits<uint16_t>::max();

}  // namespace

Bursts::Bursts(int calls, int64_t window, int64_t tolerance)
    : calls_(std::clamp(calls, 1, static_cast<int>(kMostCalls / 2))),
      window_(std::max<int64_t>(window, 1)),
      tolerance_(std::max<int64_t>(tolerance, 0)) {
  rehash(current_, kMinimumSlots);
}

size_t Bursts::hash(const BurstKey& key) {
  return static_cast<size_t>(
      mix64(static_cast<uint64_t>(key.caller) * 31 + mix64(static_cast<uint64_t>(key.callee))));
}

Bursts::Slot* Bursts::find(Generation& g, const BurstKey& key, size_t h) {
  if (g.tags.empty())
    return nullptr;
  const size_t mask = g.tags.size() - 1;
  const uint8_t t = tag(h);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (g.tags[i] == 0)
      return nullptr;
    if (g.tags[i] == t) {
      Slot& s = g.slots[g.entries[i]];
      if (s.key == key)
        return &s;
    }
  }
}

void Bursts::rehash(Generation& g, size_t entries) {
  if (g.tags.size() == entries) {
    std::fill(g.tags.begin(), g.tags.end(), uint8_t{0});
  } else {
    g.tags = HugeVector<uint8_t>(entries, 0);
    g.entries = HugeVector<uint32_t>(entries);
  }
  const size_t mask = entries - 1;
  for (size_t j = 0; j < g.slots.size(); ++j) {
    const size_t h = hash(g.slots[j].key);
    size_t i = h & mask;
    while (g.tags[i] != 0)
      i = (i + 1) & mask;
    g.tags[i] = tag(h);
    g.entries[i] = static_cast<uint32_t>(j);
  }
}

// A new key in the current generation (the table grows at half load).
Bursts::Slot& Bursts::insert_key(const BurstKey& key, size_t h) {
  if (2 * (current_.slots.size() + 1) > current_.tags.size())
    rehash(current_, current_.tags.size() * 2);
  const size_t mask = current_.tags.size() - 1;
  size_t i = h & mask;
  while (current_.tags[i] != 0)
    i = (i + 1) & mask;
  current_.tags[i] = tag(h);
  current_.entries[i] = static_cast<uint32_t>(current_.slots.size());
  current_.slots.push_back(Slot{key, static_cast<uint32_t>(current_.pool.size()), 0, 0});
  current_.pool.emplace_back();
  return current_.slots.back();
}

// Make room for `needed` calls: a key's calls lie together in the pool, and
// move to its end, at twice the room, when they outgrow it.
void Bursts::grow(Slot& slot, size_t needed) {
  if (needed <= (size_t{1} << slot.log_capacity))
    return;
  uint16_t log = slot.log_capacity;
  while ((size_t{1} << log) < needed)
    ++log;
  const auto offset = static_cast<uint32_t>(current_.pool.size());
  current_.pool.resize(current_.pool.size() + (size_t{1} << log));
  std::copy_n(current_.pool.begin() + slot.offset, slot.size, current_.pool.begin() + offset);
  slot.offset = offset;
  slot.log_capacity = log;
}

namespace {

// Room for about `n` more than the last generation held. Capacity is kept
// when it suffices, and made twice `n` when not, so that a rate of calls
// that wavers does not reallocate (and fault in fresh pages) at each
// generation; pages never touched cost no memory.
template <class T>
void make_room(HugeVector<T>& items, size_t n) {
  items.clear();
  if (items.capacity() < n + n / 4)
    items.reserve(2 * n);
}

}  // namespace

// Start a new generation; the previous one is dropped, and its memory
// (already mapped: no page faults) holds the new one.
void Bursts::roll() {
  const size_t keys = current_.slots.size();
  const size_t calls = current_.pool.size();
  std::swap(previous_, current_);
  size_t entries = kMinimumSlots;
  while (entries < 2 * keys)
    entries *= 2;
  // Keep the table when it is at most four times that (half full at most).
  if (current_.tags.size() >= entries && current_.tags.size() <= 4 * entries)
    entries = current_.tags.size();
  make_room(current_.slots, keys);
  make_room(current_.pool, calls);
  rehash(current_, entries);
}

void Bursts::roll_to(uint64_t generation) {
  const uint64_t rolls = generation - clock_.generation;
  // Two rolls or more leave nothing of this Bursts' keys: none came since.
  for (uint64_t i = 0; i < std::min<uint64_t>(rolls, 2); ++i)
    roll();
}

Bursts::Slot& Bursts::slot_for(const BurstKey& key) {
  const size_t h = hash(key);
  Slot* slot = find(current_, key, h);
  if (!slot) {
    Slot* old = find(previous_, key, h);
    slot = &insert_key(key, h);
    if (old) {
      // Carry the calls that can still share a run with a future call.
      const int64_t horizon = clock_.newest - tolerance_ - window_;
      const BurstCall* calls = previous_.pool.data() + old->offset;
      size_t from = 0;
      while (from < old->size && calls[from].time <= horizon)
        ++from;
      grow(*slot, old->size - from + 1);
      std::copy(calls + from, calls + old->size, current_.pool.begin() + slot->offset);
      slot->size = static_cast<uint16_t>(old->size - from);
    }
  }
  if (slot->size + size_t{1} > kMostCalls) {
    // A key with more calls than a slot counts: keep the newest half.
    BurstCall* calls = current_.pool.data() + slot->offset;
    std::copy(calls + slot->size / 2, calls + slot->size, calls);
    slot->size = static_cast<uint16_t>(slot->size - slot->size / 2);
  }
  grow(*slot, slot->size + size_t{1});
  return *slot;
}

}  // namespace numreg::screen
