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
void add_checkpoint(CLI::App& app, Context& ctx);
void add_backup(CLI::App& app, Context& ctx);
void add_copy(CLI::App& app, Context& ctx);
void add_config(CLI::App& app, Context& ctx);
void add_import(CLI::App& app, Context& ctx);  // import, and the hidden import-manual
void add_export(CLI::App& app, Context& ctx);
void add_rules(CLI::App& app, Context& ctx);
void add_audit(CLI::App& app, Context& ctx);
void add_inspection(CLI::App& app, Context& ctx);
void add_contract_campaign(CLI::App& app, Context& ctx);  // contract campaign
void add_screen(CLI::App& app, Context& ctx);
void add_refusal(CLI::App& app, Context& ctx);
void add_completion(CLI::App& app, Context& ctx);  // completion bash|zsh|fish
void add_manual(CLI::App& app, Context& ctx);      // the hidden man PAGE

}  // namespace numreg::cli
