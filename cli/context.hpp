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
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err) : out(out), err(err) {}

  GlobalOptions options;
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

  /// Print a table, or with --json the JSON document `json`.
  void print(const Table& table, const nlohmann::ordered_json& json);
  /// Print a line for people, or with --json the JSON document.
  void say(const std::string& line, const nlohmann::ordered_json& json);

 private:
  std::optional<Config> config_;
  std::unique_ptr<Ledger> ledger_;
};

/// Let `command` run `run` when chosen; `run` returns the exit code.
void on_run(CLI::App* command, Context& ctx, std::function<int()> run);

/// Parse a region option (code, Chinese name or pinyin), as a usage error when bad.
std::string region_option(const std::string& text);
/// Parse a date option, as a usage error when bad.
Date date_option(const std::string& text, const char* option);

}  // namespace numreg::cli
