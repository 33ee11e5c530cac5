// numreg: the command line. Builds the app, parses, runs the chosen command,
// and maps every error to one line and a sysexits code. The only catch.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_code.hpp"
#include "cli/suggest.hpp"

namespace numreg::cli {

namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--db", o.db, "registry file (env NUMREG_DB)")->type_name("PATH");
  app.add_option("--actor", o.actor, "who makes changes (env NUMREG_ACTOR; default login name)");
  app.add_flag("--json", o.json, "machine output: one JSON document on stdout");
  app.add_option("--lang", o.lang, "language: zh or en (env NUMREG_LANG)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--config", o.config_path, "TOML configuration file (env NUMREG_CONFIG)")
      ->type_name("PATH");
  app.add_flag("-q,--quiet", o.quiet, "say nothing on success");
  app.add_flag("--no-color", o.no_color, "no colour (also NO_COLOR)");
}

// The subcommand chain the user typed, for the "see --help" hint.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  const CLI::App* cur = &app;
  while (true) {
    auto subs = cur->get_subcommands();
    if (subs.empty()) break;
    cur = subs.front();
    path += " " + cur->get_name();
  }
  return path;
}

int run(int argc, char** argv) {
  Context ctx(std::cout, std::cerr);
  CLI::App app{"numreg: registry of leased voice trunks, dedicated lines and 95/96/400 numbers",
               "numreg"};
  app.fallthrough();
  app.require_subcommand(1);
  add_global_options(app, ctx.options);
  add_init(app, ctx);
  add_ledger_commands(app, ctx);
  add_who(app, ctx);
  add_log(app, ctx);
  add_verify(app, ctx);
  add_backup(app, ctx);
  add_config(app, ctx);
  add_import(app, ctx);
  add_export(app, ctx);
  add_rules(app, ctx);
  add_audit(app, ctx);
  add_inspection(app, ctx);
  add_contract_campaign(app, ctx);
  add_screen(app, ctx);
  add_refusal(app, ctx);
  if (argc == 1) {
    std::cout << app.help();
    return kExitOk;
  }
  if (auto unknown = unknown_command(app, argc, argv)) {
    std::cerr << "numreg: error: " << unknown->first << "\n"
              << "run '" << unknown->second << " --help' for help\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    std::cerr << "numreg: error: " << what << "\n"
              << "run '" << command_path(app) << " --help' for help\n";
    return kExitUsage;
  }
  if (std::getenv("NO_COLOR")) ctx.options.no_color = true;
  try {
    return ctx.action ? ctx.action() : kExitUsage;
  } catch (const Failure& f) {
    for (const auto& e : f.errors()) print_error(std::cerr, e, ctx.options.json);
    return exit_code(f.error().kind);
  } catch (const std::exception& e) {
    print_error(std::cerr, make_error(ErrorKind::internal, "internal", e.what()),
                ctx.options.json);
    return kExitSoftware;
  }
}

}  // namespace

}  // namespace numreg::cli

int main(int argc, char** argv) { return numreg::cli::run(argc, argv); }
