// What the terminal can show: its width, and whether to colour.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"
#include "cli/progress.hpp"

namespace numreg::cli {

/// The screen stdout goes to: its width when it is a terminal (COLUMNS, else
/// the terminal's own size) unless `wide`; colour when it is a terminal,
/// `no_color` is false and NO_COLOR is unset or empty, and TERM is not "dumb".
Screen detect_screen(bool wide, bool no_color);

/// Colour for the severity column of a table with these (English) headers:
/// errors red, warnings yellow; cells of other columns stay plain.
std::function<std::pair<std::string, std::string>(size_t, std::string_view)> severity_colour(
    const std::vector<std::string>& columns);

/// True when standard error is a terminal (progress is shown only there).
bool stderr_is_terminal();

/// The progress line of `what` ("import") for this run: shown when stderr is
/// a terminal and --quiet is not given, as wide as that terminal.
ProgressLine progress_line(Context& ctx, std::string what);

}  // namespace numreg::cli
