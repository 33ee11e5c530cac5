// numreg init, backup, copy and config.
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "registry/copy.hpp"
#include "registry/error.hpp"

namespace numreg::cli {

void add_init(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "create the registry, or bring it to this version");
  auto roles = std::make_shared<bool>(false);
  cmd->add_flag("--roles", *roles,
                "on PostgreSQL: also create the roles numreg_clerk and numreg_inspector, their "
                "grants and row-level security (run as the registry's owner)");
  on_run(cmd, ctx, [&ctx, roles] {
    std::string path = ctx.db_path();
    LedgerOptions opts{path, static_cast<int>(ctx.config().get_int("busy_timeout_ms"))};
    bool created = *roles ? Ledger::init_roles(opts) : Ledger::init(opts);
    nlohmann::ordered_json json{{"db", path}, {"created", created}};
    if (*roles)
      json["roles"] = {"numreg_clerk", "numreg_inspector"};
    ctx.say(fmt::format("{} registry {}", created ? "created" : "up to date:", path), json);
    if (*roles && !ctx.options.json && !ctx.options.quiet) {
      ctx.show(
          fmt::format("roles numreg_clerk and numreg_inspector: grants and row-level "
                      "security in place in {}\n",
                      path));
    }
    return 0;
  });
}

void add_backup(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("backup", "copy the registry to a new file, safely while in use");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "the new file (must not exist)")->required();
  on_run(cmd, ctx, [&ctx, file] {
    ctx.ledger().backup(*file);
    const std::string from = ctx.ledger().store().location();  // a password hidden
    ctx.say(fmt::format("backed up {} to {}", from, *file), {{"db", from}, {"backup", *file}});
    return 0;
  });
}

namespace {

struct CopyOptions {
  std::string from;
  std::string to;
};

nlohmann::ordered_json copy_json(const CopyReport& r) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  for (const auto& [table, rows] : r.records)
    tables[table] = rows;
  return {{"from", r.from},         {"to", r.to},           {"created", r.created},
          {"tables", tables},       {"entries", r.entries}, {"head", r.head},
          {"replayed", r.replayed}, {"checked", r.checked}};
}

}  // namespace

void add_copy(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "copy", "move a registry (journal included) to another store, all or nothing");
  auto o = std::make_shared<CopyOptions>();
  cmd->add_option("--from", o->from, "the registry to copy: a file path or postgresql://...")
      ->type_name("DB")
      ->required();
  cmd->add_option("--to", o->to,
                  "an empty registry to copy into, created when there is none (a file path or "
                  "postgresql://...)")
      ->type_name("DB")
      ->required();
  on_run(cmd, ctx, [&ctx, o] {
    int busy = static_cast<int>(ctx.config().get_int("busy_timeout_ms"));
    CopyReport r = copy_registry({.location = o->from, .busy_timeout_ms = busy},
                                 {.location = o->to, .busy_timeout_ms = busy});
    if (ctx.options.json) {
      ctx.out << copy_json(r).dump(2) << "\n";
      return 0;
    }
    if (ctx.options.quiet)
      return 0;
    Table table{{"TABLE", "ROWS"}, {}};
    for (const auto& [name, rows] : r.records)
      table.rows.push_back({name, std::to_string(rows)});
    ctx.show(r.created ? fmt::format("copied {} to {}, a new registry\n", r.from, r.to)
                       : fmt::format("copied {} to {}\n", r.from, r.to));
    ctx.out << ctx.render(table);
    ctx.show(fmt::format(
        "ok: {} journal entries, chain intact, head {}\nok: {} records in the tables match the "
        "journal's replay\nok: {}\n",
        r.entries, r.head, r.replayed, r.checked));
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
