// How far long work (import, audit, screening) has got. The core never
// prints: it calls a callback now and then, and the front end draws a line.
#pragma once

#include <cstdint>
#include <functional>

namespace numreg {

/// A report of progress: the records handled so far and, when the whole
/// is known, how much of it is done (bytes of input read, rules run).
struct WorkProgress {
  uint64_t records = 0;  // records (rows, calls) handled so far
  uint64_t done = 0;     // of `total`
  uint64_t total = 0;    // 0 when unknown (standard input)
};

/// Called now and then during long work; may be empty (then nothing is counted
/// beyond a counter increment).
using ProgressCallback = std::function<void(const WorkProgress&)>;

}  // namespace numreg
