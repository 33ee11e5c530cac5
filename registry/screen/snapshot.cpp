// The screening index in a binary file.
//
// Layout: the magic line "numreg screen snapshot 2\n" (2: the format's
// version, changed whenever the tables' layout changes), then each table as a
// little-endian u64 count followed by its elements' bytes as they lie in
// memory (plain structs of fixed-width integers), then the magic line again
// so that a cut file is noticed.
#include "registry/screen/snapshot.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace numreg::screen {

namespace {

constexpr int kFormat = 2;
constexpr std::string_view kMagicStart = "numreg screen snapshot ";
const std::string kMagic = fmt::format("{}{}\n", kMagicStart, kFormat);

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
  }
  template <class T, class A>
  void table(const std::vector<T, A>& items) {
    const uint64_t n = items.size();
    bytes(&n, sizeof n);
    bytes(items.data(), n * sizeof(T));
  }
  void strings(const StringTable& t) {
    const uint64_t n = t.chars_.size();
    bytes(&n, sizeof n);
    bytes(t.chars_.data(), n);
    table(t.ends_);
  }
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
};

class Reader {
 public:
  Reader(const std::string& path)
      : path_(path), file_(std::fopen(path.c_str(), "rb"), &std::fclose) {
    if (!file_) {
      throw Failure(
          make_error(errno == ENOENT ? ErrorKind::no_input : ErrorKind::io, "snapshot-open",
                     fmt::format("cannot open snapshot {}: {}", path, std::strerror(errno))));
    }
  }
  void bytes(void* data, size_t n) {
    if (n && std::fread(data, 1, n, file_.get()) != n) {
      damaged();
    }
  }
  void magic(bool trailing) {
    std::string text(kMagic.size(), '\0');
    const bool read = std::fread(text.data(), 1, text.size(), file_.get()) == text.size();
    if (trailing && (!read || text != kMagic || std::fgetc(file_.get()) != EOF)) {
      damaged();
    }
    if (read && text != kMagic && text.starts_with(kMagicStart) && text.back() == '\n') {
      throw Failure(make_error(
          ErrorKind::data, "snapshot-format",
          fmt::format("snapshot {} is of format {}, this numreg reads format {} (write it again "
                      "with `numreg screen --snapshot-out`)",
                      path_, text.substr(kMagicStart.size(), text.size() - kMagicStart.size() - 1),
                      kFormat)));
    }
    if (!read || text != kMagic) {
      throw Failure(make_error(ErrorKind::data, "snapshot-form",
                               fmt::format("{} is not a numreg screening snapshot (expected a "
                                           "file written by `numreg screen --snapshot-out`)",
                                           path_)));
    }
  }
  template <class T, class A>
  void table(std::vector<T, A>& items) {
    uint64_t n = 0;
    bytes(&n, sizeof n);
    if (n > (uint64_t{1} << 34) / sizeof(T)) {
      damaged();
    }
    items.resize(n);
    bytes(items.data(), n * sizeof(T));
  }
  void strings(StringTable& t) {
    uint64_t n = 0;
    bytes(&n, sizeof n);
    if (n > (uint64_t{1} << 34)) {
      damaged();
    }
    t.chars_.resize(n);
    bytes(t.chars_.data(), n);
    table(t.ends_);
    if (!t.ends_.empty() && t.ends_.back() != n) {
      damaged();
    }
  }
  [[noreturn]] void damaged() {
    throw Failure(make_error(ErrorKind::data, "snapshot-damaged",
                             fmt::format("snapshot {} is cut short or damaged", path_)));
  }

 private:
  std::string path_;
  File file_;
};

// Check that every index into another table lies inside it.
void check_bounds(const ScreenIndex& x, Reader& in) {
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
}

}  // namespace

void write_snapshot(const ScreenIndex& index, const std::string& path) {
  Writer out(path);
  out.bytes(kMagic.data(), kMagic.size());
  out.strings(index.trunk_ids);
  out.strings(index.lease_ids);
  out.strings(index.holders);
  out.strings(index.texts);
  out.table(index.trunks);
  out.table(index.leases);
  out.table(index.ranges);
  out.table(index.windows);
  out.table(index.refusals);
  out.bytes(kMagic.data(), kMagic.size());
  out.close();
}

ScreenIndex read_snapshot(const std::string& path) {
  Reader in(path);
  ScreenIndex index;
  in.magic(false);
  in.strings(index.trunk_ids);
  in.strings(index.lease_ids);
  in.strings(index.holders);
  in.strings(index.texts);
  in.table(index.trunks);
  in.table(index.leases);
  in.table(index.ranges);
  in.table(index.windows);
  in.table(index.refusals);
  in.magic(true);
  check_bounds(index, in);
  index.seal();
  return index;
}

}  // namespace numreg::screen
