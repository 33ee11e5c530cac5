// Examples for every command's --help, the overview and the man pages.
#pragma once

#include <span>
#include <string_view>

namespace numreg::cli {

/// One example: the command it belongs to ("holder add"), what it does, and the line to type.
struct Example {
  std::string_view command;
  std::string_view what;
  std::string_view line;
};

/// Every example, grouped by command.
std::span<const Example> examples();

/// The daily tasks of a clerk, with the line for each (the overview shows them).
std::span<const Example> daily_tasks();

}  // namespace numreg::cli
