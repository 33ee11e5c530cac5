// What every command shares: the global options, configuration, clock and
// the registry, opened only when a command needs it.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "registry/config.hpp"
#include "registry/ledger.hpp"
#include "registry/table.hpp"

namespace numreg::cli {

/// The options every command takes.
struct GlobalOptions {
  std::string db;
  std::string actor;
  std::string lang;
  std::string config_path;
  bool json = false;
  bool quiet = false;
  bool no_color = false;
  bool wide = false;
};

/// How tables and colour suit where the output goes.
struct Screen {
  int width = 0;        // columns of the terminal; 0: not a terminal, or --wide
  bool colour = false;  // a terminal, and neither --no-color nor NO_COLOR
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err) : out(out), err(err) {}

  GlobalOptions options;
  Screen screen;
  std::ostream& out;
  std::ostream& err;
  /// The command chosen on the command line; run after parsing succeeds.
  std::function<int()> action;

  /// The configuration (loaded on first use).
  const Config& config();
  /// The registry path after config, environment and flags.
  std::string db_path();
  /// The registry (opened on first use).
  Ledger& ledger();
  Clock clock();
  /// A change by the configured actor with this reason.
  Change change(const std::string& reason);
  /// Who makes changes: on a shared registry its database user (another
  /// name set explicitly is refused), else --actor or the login name.
  std::string actor();

  /// Print a table, or with --json the JSON document `json`.
  void print(const Table& table, const nlohmann::ordered_json& json);
  /// Print a line for people, or with --json the JSON document.
  void say(const std::string& line, const nlohmann::ordered_json& json);
  /// Print text for people on stdout, in the language of this run.
  void show(const std::string& text);
  /// Print a note for people on stderr, in the language of this run.
  void note(const std::string& text);
  /// `table` for people: headers translated, fitted to the screen, severities
  /// coloured on a colour terminal.
  std::string render(const Table& table) const;

 private:
  std::optional<Config> config_;
  std::unique_ptr<Ledger> ledger_;
};

/// The `lang` setting (NUMREG_LANG, or the config file at `config_path` or
/// the default path), or "" when none or when the file cannot be read.
std::string configured_language(const std::string& config_path);

/// Let `command` run `run` when chosen; `run` returns the exit code.
void on_run(CLI::App* command, Context& ctx, std::function<int()> run);

/// Parse a region option (code, Chinese name or pinyin), as a usage error when bad.
std::string region_option(const std::string& text);
/// Parse a date option, as a usage error when bad.
Date date_option(const std::string& text, const char* option);

}  // namespace numreg::cli
