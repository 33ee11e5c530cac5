// Violations per caller for the worst offenders.
#include "registry/screen/caller_counts.hpp"

#include "registry/screen/mix.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kFirstSlots = 1024;

}  // namespace

CallerCounts::CallerCounts(size_t most) : most_(most), slots_(kFirstSlots) {}

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
  if (2 * ++size_ > slots_.size())
    grow();
}

// Twice the slots; the table stays at most half full.
void CallerCounts::grow() {
  rehash(slots_.size() * 2);
}

void CallerCounts::rehash(size_t slots) {
  HugeVector<Entry> old(slots);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Entry& e : old) {
    if (!e.count)
      continue;
    size_t i = home(e.caller);
    while (slots_[i].count)
      i = (i + 1) & mask;
    slots_[i] = e;
  }
}

}  // namespace numreg::screen
