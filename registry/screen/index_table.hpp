// A table of the screening index: built in memory (from the registry, or by
// a test), or a read-only view over a mapped snapshot, so that loading a
// snapshot copies nothing. Readers see one pointer and a size either way.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <stdexcept>

#include "registry/screen/huge_pages.hpp"

namespace numreg::screen {

template <class T>
class IndexTable {
 public:
  IndexTable() = default;
  IndexTable(std::initializer_list<T> items) : owned_(items) { sync(); }
  IndexTable(const IndexTable& other) : owned_(other.owned_) {
    if (other.viewed())
      view(other.data_, other.size_);
    else
      sync();
  }
  IndexTable(IndexTable&& other) noexcept { *this = std::move(other); }
  IndexTable& operator=(const IndexTable& other) {
    if (this != &other)
      *this = IndexTable(other);
    return *this;
  }
  IndexTable& operator=(IndexTable&& other) noexcept {
    const bool viewed = other.viewed();
    owned_ = std::move(other.owned_);
    if (viewed)
      view(other.data_, other.size_);
    else
      sync();
    other.sync();
    return *this;
  }
  IndexTable& operator=(std::initializer_list<T> items) {
    owned_.assign(items);
    return sync();
  }

  // Reading: the same for owned and viewed tables.
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T& back() const { return data_[size_ - 1]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

  // Building: an owned table only. A view is read-only (its memory is a
  // file mapped for reading): changing one, or reading it through these,
  // throws rather than touching the empty owned storage. Read a view through
  // a const table.
  T& operator[](size_t i) { return owned()[i]; }
  T* begin() { return owned().data(); }
  T* end() { return owned().data() + owned_.size(); }
  T* data() { return owned().data(); }
  void push_back(const T& item) {
    owned().push_back(item);
    sync();
  }
  void append(const T* items, size_t n) {
    owned().insert(owned_.end(), items, items + n);
    sync();
  }
  void assign(size_t n, const T& item) {
    owned().assign(n, item);
    sync();
  }
  void resize(size_t n) {
    owned().resize(n);
    sync();
  }
  /// Point at `n` items that live elsewhere (a mapped snapshot), which must
  /// outlive the table; drops what the table owned.
  void view(const T* items, size_t n) {
    owned_ = HugeVector<T>();
    data_ = items;
    size_ = n;
    viewed_ = true;
  }
  bool viewed() const { return viewed_; }

 private:
  HugeVector<T>& owned() {
    if (viewed_)
      throw std::logic_error("a table of a mapped snapshot is read-only");
    return owned_;
  }
  IndexTable& sync() {
    data_ = owned_.data();
    size_ = owned_.size();
    viewed_ = false;
    return *this;
  }
  HugeVector<T> owned_;
  const T* data_ = nullptr;
  size_t size_ = 0;
  bool viewed_ = false;
};

}  // namespace numreg::screen
