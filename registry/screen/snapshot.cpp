// The screening index in a binary file, mapped in place when read.
//
// Layout (format 4): the magic line "numreg screen snapshot 4\n" (4: the
// format's version, changed whenever the tables' layout changes), padded with
// zero bytes to 64; then a directory of kTables entries {offset, count,
// element size} (little-endian u64s); then each table's elements as they lie
// in memory (plain structs of fixed-width integers) at the offset its entry
// gives, a multiple of 64; then the magic line again, so that a cut file is
// noticed. The index is written sealed (with its lookup table of trunk IDs),
// so that a reader maps the file and uses the tables where they lie: nothing
// is copied, and the kernel can map the file with huge pages.
#include "registry/screen/snapshot.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace numreg::screen {

namespace {

constexpr int kFormat = 4;
constexpr std::string_view kMagicStart = "numreg screen snapshot ";
const std::string kMagic = fmt::format("{}{}\n", kMagicStart, kFormat);
constexpr uint64_t kAlign = 64;
constexpr size_t kTables = 14;

struct Entry {
  uint64_t offset;
  uint64_t count;
  uint64_t size;  // of one element
};
using Directory = std::array<Entry, kTables>;
constexpr uint64_t kDirectoryAt = kAlign;
constexpr uint64_t kFirstTableAt =
    kDirectoryAt + (sizeof(Directory) + kAlign - 1) / kAlign * kAlign;

uint64_t align(uint64_t at) {
  return (at + kAlign - 1) / kAlign * kAlign;
}

// Call `f(table)` for each table of `index`, in the order of the directory.
template <class Index, class F>
void each_table(Index& x, F&& f) {
  f(x.trunk_ids.chars_);
  f(x.trunk_ids.ends_);
  f(x.lease_ids.chars_);
  f(x.lease_ids.ends_);
  f(x.holders.chars_);
  f(x.holders.ends_);
  f(x.texts.chars_);
  f(x.texts.ends_);
  f(x.trunks);
  f(x.leases);
  f(x.ranges);
  f(x.windows);
  f(x.refusals);
  f(x.slots);
}

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

class Writer {
 public:
  Writer(const std::string& path)
      : path_(path), file_(std::fopen(path.c_str(), "wb"), &std::fclose) {
    if (!file_) {
      throw Failure(
          make_error(ErrorKind::cant_create, "snapshot-create",
                     fmt::format("cannot create snapshot {}: {}", path, std::strerror(errno))));
    }
  }
  void bytes(const void* data, size_t n) {
    if (n && std::fwrite(data, 1, n, file_.get()) != n) {
      fail();
    }
    at_ += n;
  }
  void pad_to(uint64_t at) {
    static const char zeros[kAlign] = {};
    bytes(zeros, at - at_);
  }
  uint64_t at() const { return at_; }
  void close() {
    if (std::fclose(file_.release()) != 0) {
      fail();
    }
  }

 private:
  [[noreturn]] void fail() {
    throw Failure(
        make_error(ErrorKind::io, "snapshot-write",
                   fmt::format("cannot write snapshot {}: {}", path_, std::strerror(errno))));
  }
  std::string path_;
  File file_;
  uint64_t at_ = 0;
};

// A snapshot file mapped read-only; unmapped when the last table viewing it
// is gone.
struct Mapping {
  const char* data = nullptr;
  size_t size = 0;
  ~Mapping() {
    if (data)
      ::munmap(const_cast<char*>(data), size);
  }
};

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

  std::shared_ptr<const Mapping> map() {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw Failure(
          make_error(errno == ENOENT ? ErrorKind::no_input : ErrorKind::io, "snapshot-open",
                     fmt::format("cannot open snapshot {}: {}", path_, std::strerror(errno))));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      const int error = errno;
      ::close(fd);
      io_error(error);
    }
    auto mapping = std::make_shared<Mapping>();
    mapping->size = static_cast<size_t>(st.st_size);
    if (mapping->size > 0) {
      void* data = ::mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
      const int error = errno;
      if (data == MAP_FAILED) {
        ::close(fd);
        io_error(error);
      }
      mapping->data = static_cast<const char*>(data);
      // Huge pages where the file system offers them (fewer TLB misses for
      // the random lookups), and every page in at once rather than by faults.
      ::madvise(data, mapping->size, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_READ
      ::madvise(data, mapping->size, MADV_POPULATE_READ);
#endif
    }
    ::close(fd);
    file_ = std::string_view(mapping->data, mapping->size);
    return mapping;
  }

  void magic() {
    const std::string_view head = file_.substr(0, kMagic.size());
    if (head == kMagic)
      return;
    const size_t newline = file_.substr(0, 32).find('\n');
    if (file_.starts_with(kMagicStart) && newline != std::string_view::npos) {
      const std::string_view version =
          file_.substr(kMagicStart.size(), newline - kMagicStart.size());
      throw Failure(make_error(
          ErrorKind::data, "snapshot-format",
          fmt::format("snapshot {} is of format {}, this numreg reads format {} (write it again "
                      "with `numreg screen --snapshot-out`)",
                      path_, version, kFormat)));
    }
    throw Failure(make_error(ErrorKind::data, "snapshot-form",
                             fmt::format("{} is not a numreg screening snapshot (expected a "
                                         "file written by `numreg screen --snapshot-out`)",
                                         path_)));
  }

  void directory() {
    if (file_.size() < kFirstTableAt + kMagic.size() ||
        file_.substr(file_.size() - kMagic.size()) != kMagic) {
      damaged();
    }
    std::memcpy(directory_.data(), file_.data() + kDirectoryAt, sizeof directory_);
  }

  template <class T>
  void table(IndexTable<T>& items) {
    const Entry& e = directory_[next_++];
    const uint64_t end = file_.size() - kMagic.size();
    if (e.size != sizeof(T) || e.offset % kAlign != 0 || e.offset < kFirstTableAt ||
        e.offset > end || e.count > (end - e.offset) / sizeof(T)) {
      damaged();
    }
    items.view(reinterpret_cast<const T*>(file_.data() + e.offset), e.count);
  }

  [[noreturn]] void damaged() {
    throw Failure(make_error(ErrorKind::data, "snapshot-damaged",
                             fmt::format("snapshot {} is cut short or damaged", path_)));
  }

 private:
  [[noreturn]] void io_error(int error) {
    throw Failure(
        make_error(ErrorKind::io, "snapshot-read",
                   fmt::format("cannot read snapshot {}: {}", path_, std::strerror(error))));
  }
  std::string path_;
  std::string_view file_;
  Directory directory_{};
  size_t next_ = 0;
};

void check_strings(const StringTable& t, Reader& in) {
  uint32_t before = 0;
  for (const uint32_t end : t.ends_) {
    if (end < before)
      in.damaged();
    before = end;
  }
  if (before != t.chars_.size())
    in.damaged();
}

// Check that every index into another table lies inside it, so that a
// damaged file gives wrong answers at worst, never a read out of bounds.
void check_bounds(const ScreenIndex& x, Reader& in) {
  check_strings(x.trunk_ids, in);
  check_strings(x.lease_ids, in);
  check_strings(x.holders, in);
  check_strings(x.texts, in);
  if (x.trunks.size() != x.trunk_ids.size()) {
    in.damaged();
  }
  for (const auto& t : x.trunks) {
    if (t.leases_begin > t.leases_end || t.leases_end > x.leases.size())
      in.damaged();
  }
  for (const auto& l : x.leases) {
    if (l.ranges_begin > l.ranges_end || l.ranges_end > x.ranges.size() ||
        l.windows_begin > l.windows_end || l.windows_end > x.windows.size() ||
        l.id >= x.lease_ids.size() || (l.holder != kNone && l.holder >= x.holders.size()) ||
        (l.windows_text != kNone && l.windows_text >= x.texts.size())) {
      in.damaged();
    }
  }
  for (const auto& r : x.refusals) {
    if (r.holder != kNone && r.holder >= x.holders.size())
      in.damaged();
  }
  // Lookups stop at an empty slot: there must be one.
  if (x.slots.size() <= x.trunks.size())
    in.damaged();
  for (const auto& s : x.slots) {
    // A trunk of kManyLeases has its leases' end in trunks, checked above;
    // the first lease is checked whatever the count (it is prefetched).
    if (s.id_size != 0 && (s.trunk >= x.trunks.size() || s.leases_begin > x.leases.size() ||
                           (s.leases != TrunkSlot::kManyLeases &&
                            uint64_t{s.leases_begin} + s.leases > x.leases.size()))) {
      in.damaged();
    }
  }
}

}  // namespace

void write_snapshot(const ScreenIndex& index, const std::string& path) {
  Directory directory{};
  uint64_t at = kFirstTableAt;
  size_t n = 0;
  each_table(index, [&](const auto& items) {
    using T = std::remove_cvref_t<decltype(items[0])>;
    directory[n++] = Entry{at, items.size(), sizeof(T)};
    at = align(at + items.size() * sizeof(T));
  });
  Writer out(path);
  out.bytes(kMagic.data(), kMagic.size());
  out.pad_to(kDirectoryAt);
  out.bytes(directory.data(), sizeof directory);
  n = 0;
  each_table(index, [&](const auto& items) {
    using T = std::remove_cvref_t<decltype(items[0])>;
    out.pad_to(directory[n++].offset);
    out.bytes(items.data(), items.size() * sizeof(T));
  });
  out.pad_to(at);
  out.bytes(kMagic.data(), kMagic.size());
  out.close();
}

ScreenIndex read_snapshot(const std::string& path) {
  Reader in(path);
  ScreenIndex index;
  index.mapping = in.map();
  in.magic();
  in.directory();
  each_table(index, [&](auto& items) { in.table(items); });
  check_bounds(index, in);
  return index;
}

}  // namespace numreg::screen
