// numreg: the command line. Builds the app, parses, runs the chosen command,
// and maps every error to one line and a sysexits code. The only catch.
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_code.hpp"
#include "cli/help.hpp"
#include "cli/i18n.hpp"
#include "cli/style.hpp"
#include "cli/suggest.hpp"

namespace numreg::cli {

namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--db", o.db, "registry file (env NUMREG_DB)")->type_name("PATH");
  app.add_option("--actor", o.actor, "who makes changes (env NUMREG_ACTOR; default login name)")
      ->type_name("NAME");
  app.add_flag("--json", o.json, "machine output: one JSON document on stdout");
  app.add_option("--lang", o.lang, "language: zh or en (env NUMREG_LANG; default from LANG)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->type_name("zh|en");
  app.add_option("--config", o.config_path, "TOML configuration file (env NUMREG_CONFIG)")
      ->type_name("PATH");
  app.add_flag("-q,--quiet", o.quiet, "say nothing on success");
  app.add_flag("--no-color", o.no_color, "no colour (also NO_COLOR)");
  app.add_flag("--wide", o.wide, "do not cut tables to the terminal's width");
}

// The deepest command the parse reached.
const CLI::App& chosen_command(const CLI::App& app) {
  const CLI::App* cur = &app;
  while (!cur->get_subcommands().empty())
    cur = cur->get_subcommands().front();
  return *cur;
}

void print_usage_error(const std::string& message, const std::string& path) {
  std::cerr << tr("numreg: error: ") << tr(message) << "\n"
            << tr(fmt::format("run '{} --help' for help", path)) << "\n";
}

// CLI11's message, lower-case like numreg's own.
std::string parse_message(const CLI::ParseError& e) {
  std::string what = e.what();
  if (!what.empty())
    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  return what;
}

void build(CLI::App& app, Context& ctx) {
  app.set_help_flag("-h,--help", "print this help and exit");
  app.fallthrough();
  app.require_subcommand(1);
  add_global_options(app, ctx.options);
  add_init(app, ctx);
  add_ledger_commands(app, ctx);
  add_who(app, ctx);
  add_log(app, ctx);
  add_verify(app, ctx);
  add_checkpoint(app, ctx);
  add_backup(app, ctx);
  add_copy(app, ctx);
  add_config(app, ctx);
  add_import(app, ctx);
  add_export(app, ctx);
  add_rules(app, ctx);
  add_audit(app, ctx);
  add_inspection(app, ctx);
  add_contract_campaign(app, ctx);
  add_screen(app, ctx);
  add_refusal(app, ctx);
  add_completion(app, ctx);
  add_manual(app, ctx);
}

int run_command(Context& ctx) {
  try {
    return ctx.action ? ctx.action() : kExitUsage;
  } catch (const Failure& f) {
    for (const auto& e : f.errors())
      print_error(std::cerr, e, ctx.options.json);
    return exit_code(f.error().kind);
  } catch (const std::exception& e) {
    print_error(std::cerr, make_error(ErrorKind::internal, "internal", e.what()), ctx.options.json);
    return kExitSoftware;
  }
}

int run(int argc, char** argv) {
  set_language(detect_language(argc, argv));
  Context ctx(std::cout, std::cerr);
  CLI::App app{"numreg: registry of leased voice trunks, dedicated lines and 95/96/400 numbers",
               "numreg"};
  build(app, ctx);
  Screen help_screen = detect_screen(false, true);
  use_help_formatter(app, help_screen.width > 0 ? help_screen.width : 80);
  if (argc > 1 && std::string_view(argv[1]) == "__complete") {
    complete_words(app, ctx, std::vector<std::string>(argv + 2, argv + argc));
    return kExitOk;
  }
  if (!names_a_command(argc, argv)) {
    std::cout << overview(app, help_screen.width > 0 ? help_screen.width : 80);
    return kExitOk;
  }
  if (auto unknown = unknown_command(app, argc, argv)) {
    print_usage_error(unknown->first, unknown->second);
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    const CLI::App& command = chosen_command(app);
    auto option = unknown_option(command, argc, argv);
    print_usage_error(option ? *option : parse_message(e), command_path(command));
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    print_usage_error(parse_message(e), command_path(chosen_command(app)));
    return kExitUsage;
  }
  if (const char* no_colour = std::getenv("NO_COLOR"); no_colour && *no_colour) {
    ctx.options.no_color = true;
  }
  ctx.screen = detect_screen(ctx.options.wide, ctx.options.no_color);
  return run_command(ctx);
}

}  // namespace

}  // namespace numreg::cli

int main(int argc, char** argv) {
  int code = numreg::cli::run(argc, argv);
  numreg::cli::report_untranslated(std::cerr);
  return code;
}
