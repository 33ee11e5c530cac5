// numreg refusal add|list|import|check: the do-not-call list (S006).
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "cli/records.hpp"
#include "registry/screen/refusals.hpp"

namespace numreg::cli {

namespace {

std::string read_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Failure(make_error(ErrorKind::no_input, "open", fmt::format("cannot open {}", path)));
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void add_import(CLI::App* group, Context& ctx) {
  auto* cmd =
      group->add_subcommand("import", "import refusals from CSV (number,holder,date,channel)");
  auto file = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("file", *file, "CSV file with a header row")->required();
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, file, reason] {
    auto r = screen::import_refusals(ctx.ledger(), read_input(*file), *file, ctx.change(*reason));
    ctx.say(
        fmt::format("imported {}: {} added, {} changed, {} unchanged", *file, r.added, r.changed,
                    r.unchanged),
        {{"file", *file}, {"added", r.added}, {"changed", r.changed}, {"unchanged", r.unchanged}});
    return 0;
  });
}

void add_check(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("check", "has this number refused calls (from a holder)?");
  auto number = std::make_shared<std::string>();
  auto holder = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("number", *number, "the callee number, in any common form")->required();
  cmd->add_option("--holder", *holder, "the calling holder's USCC (default: any holder)");
  cmd->add_option("--as-of", *as_of, "the date of the call (default today)");
  on_run(cmd, ctx, [&ctx, number, holder, as_of] {
    Date date = as_of->empty() ? ctx.clock().today : date_option(*as_of, "--as-of");
    auto check = screen::check_refusal(ctx.ledger(), *number, *holder, date);
    nlohmann::ordered_json json{{"number", check.number},
                                {"refused", check.refused},
                                {"refusals", nlohmann::ordered_json::array()}};
    Table table{{"NUMBER", "HOLDER", "DATE", "CHANNEL"}, {}};
    for (const auto& r : check.rows) {
      json["refusals"].push_back(
          {{"number", r.number},
           {"holder", r.holder ? nlohmann::ordered_json(*r.holder) : nullptr},
           {"date", r.date},
           {"channel", r.channel ? nlohmann::ordered_json(*r.channel) : nullptr}});
      table.rows.push_back({r.number, r.holder.value_or("(all)"), r.date, r.channel.value_or("")});
    }
    if (ctx.options.json) {
      ctx.out << json.dump(2) << "\n";
    } else if (!check.refused) {
      ctx.show(fmt::format("{}: no refusal on or before {}\n", check.number, date.iso()));
    } else {
      ctx.show(fmt::format("{}: refused on or before {}\n", check.number, date.iso()));
      ctx.out << ctx.render(table);
    }
    return 0;
  });
}

}  // namespace

void add_refusal(CLI::App& app, Context& ctx) {
  auto* group = add_record_group(app, ctx, kind("refusals"),
                                 "refusals (拒绝再拨): the do-not-call list, per holder or for all",
                                 {.update = false, .show = false});
  add_import(group, ctx);
  add_check(group, ctx);
}

}  // namespace numreg::cli
