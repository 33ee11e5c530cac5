#include "cli/help.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/examples.hpp"
#include "cli/i18n.hpp"
#include "registry/text/width.hpp"
#include "registry/text/wrap.hpp"

namespace numreg::cli {

namespace {

constexpr int kIndent = 2;
constexpr int kNameColumn = 26;

struct Entry {
  std::string name;
  std::string text;
};

// Entries as "  name  text", the text wrapped and aligned after the widest
// name (long names put their text on the next line).
std::string entries_text(const std::vector<Entry>& entries, int width) {
  int column = 0;
  for (const auto& e : entries) {
    int w = display_width(e.name);
    if (w <= kNameColumn)
      column = std::max(column, w);
  }
  int text_width = std::max(20, width - kIndent - column - 2);
  std::string out;
  for (const auto& e : entries) {
    std::string lead(kIndent, ' ');
    lead += e.name;
    int used = kIndent + display_width(e.name);
    auto lines = wrap_text(e.text, text_width);
    std::string gap(kIndent + column + 2, ' ');
    if (used > kIndent + column) {
      out += lead + "\n";
      lead = gap;
    } else {
      lead += std::string(kIndent + column + 2 - used, ' ');
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      out += (i == 0 ? lead : gap) + lines[i] + "\n";
    }
  }
  return out;
}

std::string section(const std::string& title, const std::string& body) {
  return body.empty() ? "" : "\n" + tr(title) + "\n" + body;
}

std::vector<Entry> option_entries(const CLI::App* app, bool positional) {
  std::vector<Entry> entries;
  for (const CLI::Option* opt : app->get_options()) {
    if (opt->get_positional() != positional || opt->get_group().empty())
      continue;
    std::string name = positional ? opt->get_name(true, false) : opt->get_name(false, true);
    if (!positional && opt->get_type_size() != 0 && !opt->get_type_name().empty()) {
      name += " " + opt->get_type_name();
    }
    std::string text = opt->get_description();
    if (opt->get_required() && !positional)
      text += " (required)";
    text = tr(text);
    entries.push_back({name, text});
  }
  return entries;
}

std::vector<Entry> command_entries(const CLI::App* app) {
  std::vector<Entry> entries;
  for (const CLI::App* sub : app->get_subcommands(
           [](const CLI::App* s) { return !s->get_group().empty() && !s->get_name().empty(); })) {
    entries.push_back({sub->get_name(), tr(sub->get_description())});
  }
  return entries;
}

std::string usage(const CLI::App* app) {
  std::string line = command_path(*app);
  if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty()) {
    line += " [" + tr("OPTIONS") + "]";
  }
  for (const CLI::Option* opt : app->get_options()) {
    if (!opt->get_positional())
      continue;
    std::string name = opt->get_name(true, false);
    if (opt->get_expected_max() > 1)
      name += "...";
    line += " " + (opt->get_required() ? name : "[" + name + "]");
  }
  if (!command_entries(app).empty())
    line += " " + tr("COMMAND");
  return tr(fmt::format("Usage: {}", line)) + "\n";
}

// "  # what\n  numreg ..." for an example, the line broken before options
// with " \\" as a shell continues it, to fit `width`.
std::string example_text(const Example& e, int width) {
  std::vector<std::string_view> pieces;  // the command, then each " --option value"
  std::string_view rest = e.line;
  while (!rest.empty()) {
    size_t next = rest.find(" --", 1);
    pieces.push_back(rest.substr(0, next));
    rest.remove_prefix(next == std::string_view::npos ? rest.size() : next);
  }
  std::string out = fmt::format("  # {}\n", tr(e.what));
  std::string line = "  ";
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string_view piece = pieces[i];
    if (i > 0 && display_width(line) + display_width(piece) + 2 > width) {
      out += line + " \\\n";
      line = "     ";
    }
    line += piece;
  }
  return out + line + "\n";
}

std::string examples_text(std::string_view path, int width) {
  std::string out;
  for (const auto& e : examples()) {
    if (e.command == path)
      out += example_text(e, width);
  }
  return out;
}

std::string global_options_text(int width) {
  std::string list =
      "--db PATH, --actor NAME, --json, --lang zh|en, --config PATH, -q/--quiet, "
      "--no-color, --wide";
  std::string out;
  for (const auto& line : wrap_text(list, width - kIndent))
    out += "  " + line + "\n";
  return out;
}

}  // namespace

std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* up = app.get_parent(); up; up = up->get_parent()) {
    path = up->get_name() + " " + path;
  }
  return path;
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const {
  if (!app->get_parent()) {
    return overview(*app, width_) +
           section("Global options:", entries_text(option_entries(app, false), width_));
  }
  std::string path = command_path(*app);
  std::string out = tr(app->get_description()) + "\n\n" + usage(app);
  out += section("Arguments:", entries_text(option_entries(app, true), width_));
  out += section("Options:", entries_text(option_entries(app, false), width_));
  out += section("Commands:", entries_text(command_entries(app), width_));
  out += section("Global options (see numreg --help):", global_options_text(width_));
  out += section("Examples:", examples_text(path.substr(path.find(' ') + 1), width_));
  return out;
}

void use_help_formatter(CLI::App& app, int width) {
  auto formatter = std::make_shared<HelpFormatter>(width);
  std::vector<CLI::App*> todo{&app};
  while (!todo.empty()) {
    CLI::App* a = todo.back();
    todo.pop_back();
    a->formatter(formatter);
    for (CLI::App* sub : a->get_subcommands([](CLI::App*) { return true; }))
      todo.push_back(sub);
  }
}

std::string overview(const CLI::App& app, int width) {
  std::string out = tr(app.get_description()) + "\n\n" +
                    tr(fmt::format("Usage: numreg [{}] {} ...", tr("OPTIONS"), tr("COMMAND"))) +
                    "\n";
  std::string tasks;
  for (const auto& t : daily_tasks())
    tasks += example_text(t, width);
  out += section("Daily work:", tasks);
  out += section("Commands:", entries_text(command_entries(&app), width));
  out += "\n" +
         tr("Run 'numreg COMMAND --help' for a command's options and examples, and 'man numreg' "
            "for the manual.") +
         "\n";
  return out;
}

}  // namespace numreg::cli
