// Completion of a command line being typed, for the shell scripts of
// `numreg completion`, which call `numreg __complete -- WORDS...`.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace numreg::cli {

/// Print on ctx.out, one a line, what may follow: `typed` are the words after
/// "numreg" (after an optional "--"), the last one being typed (maybe empty).
void complete_words(const CLI::App& app, Context& ctx, std::vector<std::string> typed);

}  // namespace numreg::cli
