// The one progress line of long work (import, audit, screen): on standard
// error, only when it is a terminal and --quiet is not given, redrawn at
// most four times a second, cut to the terminal's width, in the language of
// the run, and erased when the work is done.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "registry/i18n/language.hpp"
#include "registry/progress.hpp"

namespace numreg::cli {

/// The text of a progress line for work `what` ("import") that has run for
/// `seconds`: records and records/s, and when the total is known the share
/// done and the time left; in `lang`, cut to `width` columns (0: no limit).
std::string progress_text(std::string_view what, const WorkProgress& progress, double seconds,
                          i18n::Lang lang, int width);

class ProgressLine {
 public:
  /// Seconds on a steady clock (a fake one in tests).
  using Now = std::function<double()>;

  /// A line on `err` when `shown`, `width` columns wide (0: no limit).
  ProgressLine(std::ostream& err, std::string what, bool shown, int width, i18n::Lang lang,
               Now now = steady_seconds);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// True when the line is drawn at all (else the core need not report).
  bool shown() const { return shown_; }
  /// Redraw the line, unless it was drawn under 250 ms ago.
  void update(const WorkProgress& progress);
  /// Erase the line, before the command prints its result.
  void done();
  /// A callback for the core that updates this line; empty when not shown.
  ProgressCallback callback();

  /// Seconds since an arbitrary start, on the steady clock.
  static double steady_seconds();

 private:
  std::ostream& err_;
  std::string what_;
  bool shown_;
  int width_;
  i18n::Lang lang_;
  Now now_;
  double start_;
  double last_ = 0;
  bool drawn_ = false;
};

}  // namespace numreg::cli
