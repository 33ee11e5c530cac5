// An allocator for the screening index's large arrays: blocks of 2 MiB and
// more are aligned to 2 MiB and offered to the kernel as huge pages, so that
// random lookups in a million trunks miss the TLB less often.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
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

/// A fixed number of items whose bytes are all zero at first, for a table
/// made as large as it may ever need to be: a large block is mapped, and
/// the kernel clears each page when it is first written, so that the table
/// costs what it holds as it fills, and never grows (a growth copies every
/// item into new pages, on the thread that happens to add the one too many).
/// All-zero bytes must be a value of `T` (an aggregate of integers).
template <class T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  explicit ZeroedArray(size_t n) : items_(HugePageAllocator<T>().allocate(n)), size_(n) {
    if (n * sizeof(T) < HugePageAllocator<T>::kHuge)  // from the heap: not cleared
      std::memset(static_cast<void*>(items_), 0, n * sizeof(T));
  }
  ~ZeroedArray() { release(); }
  ZeroedArray(ZeroedArray&& other) noexcept
      : items_(std::exchange(other.items_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& other) noexcept {
    if (this != &other) {
      release();
      items_ = std::exchange(other.items_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;

  size_t size() const { return size_; }
  T& operator[](size_t i) { return items_[i]; }
  const T& operator[](size_t i) const { return items_[i]; }
  const T* begin() const { return items_; }
  const T* end() const { return items_ + size_; }

 private:
  void release() {
    if (items_)
      HugePageAllocator<T>().deallocate(items_, size_);
    items_ = nullptr;
  }
  T* items_;
  size_t size_;
};

}  // namespace numreg::screen
