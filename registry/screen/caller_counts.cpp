// Violations per caller for the worst offenders.
#include "registry/screen/caller_counts.hpp"

#include "registry/screen/mix.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kLeastSlots = 1024;

// Slots for `most` callers at most half full.
size_t slots_for(size_t most) {
  size_t slots = kLeastSlots;
  while (slots < 2 * most)
    slots *= 2;
  return slots;
}

}  // namespace

CallerCounts::CallerCounts(size_t most) : most_(most), slots_(slots_for(most)) {}

size_t CallerCounts::home(int64_t caller) const {
  return mix64(static_cast<uint64_t>(caller)) & (slots_.size() - 1);
}

void CallerCounts::add(int64_t caller, uint64_t order) {
  const size_t mask = slots_.size() - 1;
  size_t i = home(caller);
  for (; slots_[i].count; i = (i + 1) & mask) {
    if (slots_[i].caller == caller) {
      ++slots_[i].count;
      return;
    }
  }
  if (size_ >= most_)
    return;
  slots_[i] = Entry{caller, 1, order};
  ++size_;
}

}  // namespace numreg::screen
