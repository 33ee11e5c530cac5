// Text held back until what must come before it is known: a RecordSpool of
// the pieces appended (in memory while short, in an unnamed temporary file
// beyond that), so that memory stays flat.
#pragma once

#include <ostream>
#include <string_view>

#include "registry/util/record_spool.hpp"

namespace numreg {

/// Text appended now and copied out later, in the order appended.
class Spool {
 public:
  /// Add `text` at the end; throws an io Failure when the temporary file fails.
  void append(std::string_view text) { pieces_.append(text); }
  /// Write everything appended to `out`, then start empty again.
  void drain_to(std::ostream& out);

 private:
  RecordSpool pieces_;
};

}  // namespace numreg
