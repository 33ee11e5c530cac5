#include "cli/progress.hpp"

#include <ostream>

#include "cli/i18n.hpp"
#include "cli/style.hpp"

namespace numreg::cli {

namespace {

constexpr auto kInterval = std::chrono::milliseconds(250);

}  // namespace

Progress::Progress(Context& ctx) : ctx_(ctx), shown_(!ctx.options.quiet && stderr_is_terminal()) {}

Progress::~Progress() {
  done();
}

void Progress::update(const std::string& line) {
  if (!shown_)
    return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < kInterval)
    return;
  last_ = now;
  drawn_ = true;
  ctx_.err << "\r" << tr(line) << "\x1b[K" << std::flush;
}

void Progress::done() {
  if (!drawn_)
    return;
  drawn_ = false;
  ctx_.err << "\r\x1b[K" << std::flush;
}

}  // namespace numreg::cli
