// An allocator for the screening index's large arrays: blocks of 2 MiB and
// more are aligned to 2 MiB and offered to the kernel as huge pages, so that
// random lookups in a million trunks miss the TLB less often.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

namespace numreg::screen {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;
  static constexpr size_t kSmallAlign = alignof(T) < 64 ? 64 : alignof(T);
  static size_t round_up(size_t bytes) { return (bytes + kHuge - 1) / kHuge * kHuge; }

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  // Large blocks come straight from mmap, so that freeing them gives the
  // memory back at once (malloc would keep blocks under 32 MiB in its heap,
  // where the windows of a long run would pile up).
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHuge) {
      return static_cast<T*>(::operator new (bytes, std::align_val_t{kSmallAlign}));
    }
    const size_t rounded = round_up(bytes);
    void* raw = ::mmap(nullptr, rounded + kHuge, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
      throw std::bad_alloc();
    // Keep the 2 MiB-aligned `rounded` bytes inside the mapping; give back
    // the `skip` bytes before them and the rest after them.
    char* const base = static_cast<char*>(raw);
    const size_t skip = (kHuge - reinterpret_cast<uintptr_t>(raw) % kHuge) % kHuge;
    char* const aligned = base + skip;
    if (skip > 0)
      ::munmap(base, skip);
    if (skip < kHuge)
      ::munmap(aligned + rounded, kHuge - skip);
    ::madvise(aligned, rounded, MADV_HUGEPAGE);
    return reinterpret_cast<T*>(aligned);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHuge) {
      ::operator delete (p, std::align_val_t{kSmallAlign});
    } else {
      ::munmap(p, round_up(bytes));
    }
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

/// A vector whose large buffers use huge pages.
template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace numreg::screen
