// Text held back until what must come before it is known: in memory while
// short, in an unnamed temporary file beyond that, so that memory stays flat.
#pragma once

#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>

namespace numreg {

/// Text appended now and copied out later, in the order appended.
class Spool {
 public:
  Spool() = default;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  /// Add `text` at the end; throws an io Failure when the temporary file fails.
  void append(std::string_view text);
  /// Write everything appended to `out`, then start empty again.
  void drain_to(std::ostream& out);

 private:
  static constexpr size_t kInMemory = 1 << 20;
  std::string buffer_;
  std::FILE* file_ = nullptr;  // once the text outgrew the buffer
};

}  // namespace numreg
