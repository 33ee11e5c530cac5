#include "cli/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace numreg::cli {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      // A swap of two neighbours counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], diag);
      }
      diag = up;
    }
  }
  return row[b.size()];
}

// Options of the top level that take a value: their value is no command.
bool takes_value(const std::string& arg) {
  return arg == "--db" || arg == "--actor" || arg == "--lang" || arg == "--config";
}

}  // namespace

std::optional<std::string> closest_name(const std::string& typed,
                                        const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_distance = 3;
  for (const auto& name : names) {
    size_t d = edit_distance(typed, name);
    if (d < best_distance && d * 3 <= std::max<size_t>(typed.size(), 3)) {
      best_distance = d;
      best = name;
    }
  }
  return best;
}

std::optional<std::pair<std::string, std::string>> unknown_command(CLI::App& app, int argc,
                                                                   char** argv) {
  CLI::App* current = &app;
  std::string path = "numreg";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.starts_with("-")) {
      i += takes_value(arg) && current == &app ? 1 : 0;
      continue;
    }
    auto subs = current->get_subcommands([](CLI::App*) { return true; });
    if (subs.empty())
      return std::nullopt;  // a positional argument, not a command
    std::vector<std::string> names;
    for (const auto* s : subs)
      names.push_back(s->get_name());
    auto found = std::find(names.begin(), names.end(), arg);
    if (found == names.end()) {
      auto near = closest_name(arg, names);
      std::string hint = near ? fmt::format(" (did you mean '{}'?)", *near) : "";
      return std::make_pair(fmt::format("unknown command '{}'{}", arg, hint), path);
    }
    current = subs[found - names.begin()];
    path += " " + arg;
  }
  return std::nullopt;
}

bool names_a_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help")
      return true;
    if (!arg.starts_with("-"))
      return true;
    i += takes_value(arg) ? 1 : 0;
  }
  return false;
}

std::optional<std::string> unknown_option(const CLI::App& command, int argc, char** argv) {
  std::vector<std::string> known;
  for (const CLI::App* app = &command; app; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options()) {
      for (const auto& name : opt->get_lnames())
        known.push_back("--" + name);
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--")
      break;
    if (!arg.starts_with("--"))
      continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), arg) != known.end())
      continue;
    auto near = closest_name(arg, known);
    std::string hint = near ? fmt::format(" (did you mean '{}'?)", *near) : "";
    return fmt::format("unknown option '{}'{}", arg, hint);
  }
  return std::nullopt;
}

}  // namespace numreg::cli
