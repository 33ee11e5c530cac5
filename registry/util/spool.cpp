#include "registry/util/spool.hpp"

#include "registry/error.hpp"

namespace numreg {

namespace {

Failure spool_error() {
  return Failure(make_error(ErrorKind::io, "spool", "cannot write a temporary file"));
}

}  // namespace

Spool::~Spool() {
  if (file_)
    std::fclose(file_);
}

void Spool::append(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() < kInMemory)
    return;
  if (!file_ && !(file_ = std::tmpfile()))
    throw spool_error();
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    throw spool_error();
  buffer_.clear();
}

void Spool::drain_to(std::ostream& out) {
  if (file_) {
    std::rewind(file_);
    char chunk[1 << 16];
    size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, file_)) > 0)
      out.write(chunk, static_cast<std::streamsize>(n));
    if (std::ferror(file_))
      throw spool_error();
    std::fclose(file_);
    file_ = nullptr;
  }
  out << buffer_;
  buffer_.clear();
}

}  // namespace numreg
