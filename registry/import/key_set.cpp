#include "registry/import/key_set.hpp"

#include <cstring>
#include <functional>

namespace numreg::import {

namespace {

constexpr uint64_t kOffsetBits = 40;  // up to a terabyte of keys
constexpr uint64_t kOffsetMask = (uint64_t{1} << kOffsetBits) - 1;

uint64_t hash_of(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

uint64_t tag_of(uint64_t hash) {
  return hash & ~kOffsetMask;
}

}  // namespace

std::string_view KeySet::key_at(uint64_t slot) const {
  size_t at = (slot & kOffsetMask) - 1;
  uint32_t length = 0;
  std::memcpy(&length, bytes_.data() + at, 4);
  return {bytes_.data() + at + 4, length};
}

// The slot holding `key`, or the empty slot where it would go.
size_t KeySet::find(std::string_view key, uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint64_t slot = slots_[i];
    if (slot == 0 || (tag_of(slot) == tag_of(hash) && key_at(slot) == key))
      return i;
  }
}

bool KeySet::contains(std::string_view key) const {
  if (size_ == 0)
    return false;
  return slots_[find(key, hash_of(key))] != 0;
}

void KeySet::insert(std::string_view key) {
  if ((size_ + 1) * 2 > slots_.size())
    grow();
  uint64_t hash = hash_of(key);
  size_t i = find(key, hash);
  if (slots_[i] != 0)
    return;
  uint64_t offset = bytes_.size();
  auto length = static_cast<uint32_t>(key.size());
  bytes_.append(reinterpret_cast<const char*>(&length), 4);
  bytes_.append(key);
  slots_[i] = tag_of(hash) | (offset + 1);
  ++size_;
}

// Twice the slots (at least 1,024), every key placed again.
void KeySet::grow() {
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  size_t mask = slots_.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0)
      continue;
    size_t i = hash_of(key_at(slot)) & mask;
    while (slots_[i] != 0)
      i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace numreg::import
