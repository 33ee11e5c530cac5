#include "cli/progress.hpp"

#include <chrono>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "registry/i18n/catalogue.hpp"
#include "registry/text/width.hpp"

namespace numreg::cli {

namespace {

constexpr double kInterval = 0.25;  // seconds between redraws

// "12 s left", "4 min 5 s left", "2 h 5 min left", to the nearest second.
std::string time_left(double seconds) {
  long long s = std::llround(seconds);
  if (s < 60)
    return fmt::format("{} s left", s);
  if (s < 3600)
    return fmt::format("{} min {} s left", s / 60, s % 60);
  return fmt::format("{} h {} min left", s / 3600, s % 3600 / 60);
}

}  // namespace

std::string progress_text(std::string_view what, const WorkProgress& p, double seconds,
                          i18n::Lang lang, int width) {
  double rate = seconds > 0 ? static_cast<double>(p.records) / seconds : 0;
  std::string line = fmt::format("{}: {} records, {:.0f} records/s", what, p.records, rate);
  if (p.total > 0 && p.done > 0 && p.done < p.total && seconds > 0) {
    double share = static_cast<double>(p.done) / static_cast<double>(p.total);
    line += fmt::format(", {:.0f}% done, {}", std::floor(share * 100),
                        time_left(seconds * (1 - share) / share));
  }
  line = i18n::translate(line, lang);
  // One column short of the width: a full last column would wrap the line
  // on some terminals, and "\r" would then erase only its second half.
  return width > 1 ? truncate_to_width(line, width - 1) : line;
}

ProgressLine::ProgressLine(std::ostream& err, std::string what, bool shown, int width,
                           i18n::Lang lang, Now now)
    : err_(err),
      what_(std::move(what)),
      shown_(shown),
      width_(width),
      lang_(lang),
      now_(std::move(now)),
      start_(now_()) {}

ProgressLine::~ProgressLine() {
  done();
}

void ProgressLine::update(const WorkProgress& progress) {
  if (!shown_)
    return;
  double now = now_();
  if (drawn_ && now - last_ < kInterval)
    return;
  last_ = now;
  drawn_ = true;
  err_ << "\r" << progress_text(what_, progress, now - start_, lang_, width_) << "\x1b[K"
       << std::flush;
}

void ProgressLine::done() {
  if (!drawn_)
    return;
  drawn_ = false;
  err_ << "\r\x1b[K" << std::flush;
}

ProgressCallback ProgressLine::callback() {
  if (!shown_)
    return {};
  return [this](const WorkProgress& p) { update(p); };
}

double ProgressLine::steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace numreg::cli
