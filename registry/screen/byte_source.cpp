// Sources of bytes for the call-record reader: files, standard input, gzip.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <zlib.h>

#include "registry/screen/cdr_reader.hpp"

namespace numreg::screen {

namespace {

class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  ~FdSource() override {
    if (fd_ > 0) {
      ::close(fd_);
    }
  }
  size_t read(char* buffer, size_t n) override {
    while (true) {
      const ssize_t got = ::read(fd_, buffer, n);
      if (got >= 0) {
        consumed_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno != EINTR) {
        throw Failure(make_error(ErrorKind::io, "read",
                                 fmt::format("cannot read {}: {}", name_, std::strerror(errno))));
      }
    }
  }
  uint64_t consumed() const override { return consumed_; }

 private:
  int fd_;
  std::string name_;
  uint64_t consumed_ = 0;
};

// A plain regular file, mapped: the reader splits lines where they lie
// instead of copying the file into a buffer. The part read is unmapped as
// reading goes on, so that memory does not grow with the file's size.
class MappedSource : public ByteSource {
 public:
  static constexpr size_t kReleaseStep = size_t{4} << 20;
  static constexpr size_t kHuge = size_t{2} << 20;

  MappedSource(const char* data, size_t size) : data_(data), size_(size) {}
  ~MappedSource() override { ::munmap(const_cast<char*>(data_) + released_, size_ - released_); }
  size_t read(char* buffer, size_t n) override {
    const size_t take = std::min(n, size_ - at_);
    std::memcpy(buffer, data_ + at_, take);
    at_ += take;
    return take;
  }
  uint64_t consumed() const override { return at_; }
  std::string_view whole() const override { return {data_, size_}; }
  void done_before(uint64_t offset) override {
    at_ = std::max<size_t>(at_, offset);
    if (offset < released_ + kReleaseStep)
      return;
    const size_t upto = offset / kHuge * kHuge;
    ::munmap(const_cast<char*>(data_) + released_, upto - released_);
    released_ = upto;
  }

 private:
  const char* data_;
  size_t size_;
  size_t at_ = 0;
  size_t released_ = 0;  // bytes unmapped from the start
};

// Map `fd` when it is a non-empty regular file that is not gzip; nullptr
// otherwise (the caller reads it instead).
std::unique_ptr<ByteSource> map_plain(int fd) {
  struct stat st {};
  unsigned char magic[2] = {0, 0};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 2 ||
      ::pread(fd, magic, 2, 0) != 2 || (magic[0] == 0x1f && magic[1] == 0x8b)) {
    return nullptr;
  }
  const auto size = static_cast<size_t>(st.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED)
    return nullptr;
  ::madvise(data, size, MADV_SEQUENTIAL);
  return std::make_unique<MappedSource>(static_cast<const char*>(data), size);
}

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t read(char* buffer, size_t n) override {
    const size_t take = std::min(n, bytes_.size() - at_);
    std::memcpy(buffer, bytes_.data() + at_, take);
    at_ += take;
    return take;
  }
  uint64_t consumed() const override { return at_; }

 private:
  std::string bytes_;
  size_t at_ = 0;
};

// Inflates gzip data (one or more members) from another source.
class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> raw, std::string first, std::string name)
      : raw_(std::move(raw)), input_(std::move(first)), name_(std::move(name)) {
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
      fail("cannot start inflating");
    }
    const size_t first_size = input_.size();
    input_.resize(std::max<size_t>(first_size, 1 << 16));
    z_.next_in = reinterpret_cast<Bytef*>(input_.data());
    z_.avail_in = static_cast<uInt>(first_size);
  }
  ~GzipSource() override { inflateEnd(&z_); }

  size_t read(char* buffer, size_t n) override {
    const auto room = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(buffer);
    z_.avail_out = room;
    while (z_.avail_out == room && !done_) {
      if (z_.avail_in == 0 && !refill()) {
        if (!at_member_start_) {
          fail("gzip data is cut short");
        }
        done_ = true;
        break;
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      at_member_start_ = false;
      if (rc == Z_STREAM_END) {
        inflateReset(&z_);  // another member may follow
        at_member_start_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail(z_.msg ? z_.msg : "bad gzip data");
      }
    }
    return room - z_.avail_out;
  }
  uint64_t consumed() const override { return raw_->consumed(); }

 private:
  bool refill() {
    const size_t got = raw_->read(input_.data(), input_.size());
    z_.next_in = reinterpret_cast<Bytef*>(input_.data());
    z_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }
  [[noreturn]] void fail(const std::string& what) {
    throw Failure(make_error(ErrorKind::data, "gzip", fmt::format("{}: {}", name_, what)));
  }

  std::unique_ptr<ByteSource> raw_;
  std::string input_;
  std::string name_;
  z_stream z_{};
  bool done_ = false;
  bool at_member_start_ = true;
};

// Hands out `first` (bytes already read) before the rest of `raw`.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::unique_ptr<ByteSource> raw, std::string first)
      : raw_(std::move(raw)), first_(std::move(first)) {}
  size_t read(char* buffer, size_t n) override {
    if (at_ < first_.size()) {
      const size_t take = std::min(n, first_.size() - at_);
      std::memcpy(buffer, first_.data() + at_, take);
      at_ += take;
      return take;
    }
    return raw_->read(buffer, n);
  }
  uint64_t consumed() const override { return raw_->consumed(); }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::string first_;
  size_t at_ = 0;
};

// Read the first bytes to tell gzip (1f 8b) from plain text.
std::unique_ptr<ByteSource> detect(std::unique_ptr<ByteSource> raw, const std::string& name) {
  std::string first(1 << 16, '\0');
  size_t got = 0;
  while (got < 2) {
    const size_t n = raw->read(first.data() + got, first.size() - got);
    if (n == 0) {
      break;
    }
    got += n;
  }
  first.resize(got);
  if (got >= 2 && static_cast<unsigned char>(first[0]) == 0x1f &&
      static_cast<unsigned char>(first[1]) == 0x8b) {
    return std::make_unique<GzipSource>(std::move(raw), std::move(first), name);
  }
  return std::make_unique<PrefixedSource>(std::move(raw), std::move(first));
}

}  // namespace

std::unique_ptr<ByteSource> open_source(const std::string& path) {
  if (path == "-") {
    return detect(std::make_unique<FdSource>(0, "<stdin>"), "<stdin>");
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const ErrorKind kind = errno == ENOENT ? ErrorKind::no_input : ErrorKind::io;
    throw Failure(
        make_error(kind, "open", fmt::format("cannot open {}: {}", path, std::strerror(errno))));
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  if (auto mapped = map_plain(fd)) {
    ::close(fd);  // the mapping keeps the file
    return mapped;
  }
  return detect(std::make_unique<FdSource>(fd, path), path);
}

std::unique_ptr<ByteSource> memory_source(std::string bytes) {
  return detect(std::make_unique<MemorySource>(std::move(bytes)), "<memory>");
}

}  // namespace numreg::screen
