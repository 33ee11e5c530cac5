// Help for people: each command's --help in the language of this run, laid
// out by display width, ending with examples; and the overview `numreg`
// prints alone.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace numreg::cli {

/// The help formatter: translated text, aligned and wrapped by display width.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(int width) : width_(width) {}
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override;

 private:
  int width_;
};

/// Use HelpFormatter for `app` and every command below it (`width`: the
/// screen's columns, 80 when output is no terminal).
void use_help_formatter(CLI::App& app, int width);

/// "numreg holder add" for the app of `holder add`.
std::string command_path(const CLI::App& app);

/// What `numreg` alone prints: the daily tasks with an example each, and the commands.
std::string overview(const CLI::App& app, int width);

}  // namespace numreg::cli
