// numreg init, backup and config.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace numreg::cli {

void add_init(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "create the registry, or bring it to this version");
  on_run(cmd, ctx, [&ctx] {
    std::string path = ctx.db_path();
    LedgerOptions opts{path, static_cast<int>(ctx.config().get_int("busy_timeout_ms"))};
    bool created = Ledger::init(opts);
    ctx.say(fmt::format("{} registry {}", created ? "created" : "up to date:", path),
            {{"db", path}, {"created", created}});
    return 0;
  });
}

void add_backup(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("backup", "copy the registry to a new file, safely while in use");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "the new file (must not exist)")->required();
  on_run(cmd, ctx, [&ctx, file] {
    ctx.ledger().backup(*file);
    ctx.say(fmt::format("backed up {} to {}", ctx.db_path(), *file),
            {{"db", ctx.db_path()}, {"backup", *file}});
    return 0;
  });
}

void add_config(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("config", "show each setting, its value and where it came from");
  on_run(cmd, ctx, [&ctx] {
    const Config& config = ctx.config();
    Table table{{"KEY", "VALUE", "FROM", "ENVIRONMENT"}, {}};
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& k : config_keys()) {
      const ConfigValue& v = config.at(k.name);
      std::string value = v.value;
      if (k.name == "db" && value.empty())
        value = ctx.db_path();
      table.rows.push_back({std::string(k.name), value, v.origin, env_name(k.name)});
      json[std::string(k.name)] = {{"value", value}, {"origin", v.origin}};
    }
    if (!ctx.options.json)
      ctx.show("# file: " + config.file() + "\n");
    ctx.print(table, json);
    return 0;
  });
}

}  // namespace numreg::cli
