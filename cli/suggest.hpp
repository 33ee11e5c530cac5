// "Did you mean ...?" for mistyped command names.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace numreg::cli {

/// The closest known name to `typed` among `names`, when close enough to be a typo.
std::optional<std::string> closest_name(const std::string& typed,
                                        const std::vector<std::string>& names);

/// If argv names an unknown command (at any level), the error message for it
/// and the command path whose --help lists the known ones.
std::optional<std::pair<std::string, std::string>> unknown_command(CLI::App& app, int argc,
                                                                   char** argv);

}  // namespace numreg::cli

namespace numreg::cli {

/// True when argv names a command or asks for help (not only global options).
bool names_a_command(int argc, char** argv);

/// If argv has an option that neither `command` nor a command above it
/// knows, the error message for it, with the closest known option when
/// close enough: "unknown option '--nmae' (did you mean '--name'?)".
std::optional<std::string> unknown_option(const CLI::App& command, int argc, char** argv);

}  // namespace numreg::cli
