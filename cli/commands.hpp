// One function per command group; main() calls each to build the app.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace numreg::cli {

void add_init(CLI::App& app, Context& ctx);
void add_ledger_commands(CLI::App& app, Context& ctx);  // holder credential resource lease permit
void add_who(CLI::App& app, Context& ctx);
void add_log(CLI::App& app, Context& ctx);
void add_verify(CLI::App& app, Context& ctx);
void add_backup(CLI::App& app, Context& ctx);
void add_config(CLI::App& app, Context& ctx);
void add_completion(CLI::App& app, Context& ctx);  // completion bash|zsh|fish
void add_manual(CLI::App& app, Context& ctx);      // the hidden man PAGE

}  // namespace numreg::cli
