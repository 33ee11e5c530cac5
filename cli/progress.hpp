// Progress of long work (import, audit, screen) on standard error: shown
// only when standard error is a terminal and --quiet is not given, at most a
// few times a second, in the language of this run, and erased when done.
#pragma once

#include <chrono>
#include <string>

#include "cli/context.hpp"

namespace numreg::cli {

class Progress {
 public:
  /// Progress for `ctx`; silent unless stderr is a terminal and not --quiet.
  explicit Progress(Context& ctx);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// True when progress is shown at all (callers may skip the work of counting).
  bool shown() const { return shown_; }
  /// Show `line` (English; translated here), unless one was shown under 250 ms ago.
  void update(const std::string& line);
  /// Erase the line, before the command prints its result.
  void done();

 private:
  Context& ctx_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace numreg::cli
