#include "cli/style.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

#include "cli/i18n.hpp"

namespace numreg::cli {

namespace {

constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kReset = "\x1b[0m";

// The width of the terminal on `fd`: COLUMNS, else the terminal's own size.
int terminal_width(int fd = STDOUT_FILENO) {
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    int n = std::atoi(columns);
    if (n > 0)
      return n;
  }
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

}  // namespace

Screen detect_screen(bool wide, bool no_color) {
  Screen screen;
  if (!isatty(STDOUT_FILENO))
    return screen;
  screen.width = wide ? 0 : terminal_width();
  const char* no_colour_env = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  screen.colour = !no_color && !(no_colour_env && *no_colour_env) &&
                  !(term && std::string_view(term) == "dumb");
  return screen;
}

std::function<std::pair<std::string, std::string>(size_t, std::string_view)> severity_colour(
    const std::vector<std::string>& columns) {
  size_t severity = columns.size();
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c] == "SEVERITY")
      severity = c;
  }
  return [severity](size_t column, std::string_view cell) -> std::pair<std::string, std::string> {
    if (column != severity)
      return {};
    if (cell == "error" || cell == "错误")
      return {std::string(kRed), std::string(kReset)};
    if (cell == "warning" || cell == "警告")
      return {std::string(kYellow), std::string(kReset)};
    return {};
  };
}

bool stderr_is_terminal() {
  return isatty(STDERR_FILENO) == 1;
}

ProgressLine progress_line(Context& ctx, std::string what) {
  bool shown = !ctx.options.quiet && stderr_is_terminal();
  return ProgressLine(ctx.err, std::move(what), shown, shown ? terminal_width(STDERR_FILENO) : 0,
                      language());
}

}  // namespace numreg::cli
