#include "registry/util/record_spool.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "registry/error.hpp"

namespace numreg {

namespace {

Failure spool_error() {
  return Failure(make_error(ErrorKind::io, "spool", "cannot use a temporary file"));
}

constexpr size_t kChunk = 1 << 16;

}  // namespace

RecordSpool::~RecordSpool() {
  if (file_)
    std::fclose(file_);
}

void RecordSpool::clear() {
  if (file_)
    std::fclose(file_);
  file_ = nullptr;
  on_file_ = 0;
  buffer_.clear();
}

void RecordSpool::append(std::string_view record) {
  // The length first, four bytes little-endian.
  const auto n = static_cast<uint32_t>(record.size());
  const char length[4] = {static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF),
                          static_cast<char>((n >> 16) & 0xFF), static_cast<char>(n >> 24)};
  buffer_.append(length, sizeof length);
  buffer_.append(record);
  if (buffer_.size() < kInMemory)
    return;
  if (!file_ && !(file_ = std::tmpfile()))
    throw spool_error();
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size() ||
      std::fflush(file_) != 0) {
    throw spool_error();
  }
  on_file_ += buffer_.size();
  buffer_.clear();
}

void RecordSpool::Reader::read(char* out, size_t n) {
  while (n > 0) {
    size_t got = 0;
    if (at_ >= spool_->on_file_) {
      const std::string& tail = spool_->buffer_;
      const auto from = static_cast<size_t>(at_ - spool_->on_file_);
      if (from + n > tail.size())
        throw spool_error();
      std::memcpy(out, tail.data() + from, n);
      got = n;
    } else {
      if (at_ < chunk_at_ || at_ >= chunk_at_ + chunk_.size()) {
        // Each reader reads the file at its own place.
        chunk_.resize(kChunk);
        ssize_t r = pread(fileno(spool_->file_), chunk_.data(), kChunk, static_cast<off_t>(at_));
        if (r <= 0)
          throw spool_error();
        chunk_.resize(static_cast<size_t>(r));
        chunk_at_ = at_;
      }
      const auto from = static_cast<size_t>(at_ - chunk_at_);
      got = std::min(n, chunk_.size() - from);
      std::memcpy(out, chunk_.data() + from, got);
    }
    out += got;
    n -= got;
    at_ += got;
  }
}

bool RecordSpool::Reader::next(std::string& record) {
  if (at_ >= to_)
    return false;
  unsigned char length[4];
  read(reinterpret_cast<char*>(length), sizeof length);
  const uint32_t n =
      length[0] | (length[1] << 8) | (length[2] << 16) | (static_cast<uint32_t>(length[3]) << 24);
  record.resize(n);
  read(record.data(), n);
  return true;
}

}  // namespace numreg
