// numreg refusal add|list|import|check: the do-not-call list (S006).
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "cli/import_errors.hpp"
#include "cli/records.hpp"
#include "cli/style.hpp"
#include "registry/import/importer.hpp"
#include "registry/screen/refusals.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::cli {

namespace {

void add_import(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand(
      "import",
      "import refusals from a file (CSV: number,holder,date,channel); stored ones are "
      "updated");
  auto file = std::make_shared<std::string>();
  auto encoding = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("file", *file,
                  "CSV with a header row (or YAML, TOML, JSON, JSON Lines); '-' reads standard "
                  "input")
      ->required();
  cmd->add_option("--encoding", *encoding,
                  "the files' encoding: utf-8, gb18030, or any name iconv knows (big5, shift_jis, "
                  "windows-1252 ...); default: UTF-8 or GB18030, detected");
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, file, encoding, reason] {
    // The import of every kind, with the kind fixed and stored refusals updated.
    import::ImportOptions o;
    o.kind = "refusals";
    o.encoding = import::parse_encoding(*encoding);
    o.upsert = true;
    ProgressLine progress = progress_line(ctx, "import");
    o.progress = progress.callback();
    import::ImportReport r = import::import_files(ctx.ledger(), {*file}, o, ctx.change(*reason));
    progress.done();
    if (!r.ok())
      return print_import_errors(ctx, r);
    import::KindCounts c;
    for (const auto& [k, counts] : r.counts) {
      if (k->name == "refusals")
        c = counts;
    }
    const std::string& name = r.files.empty() ? *file : r.files.front().name;
    ctx.say(fmt::format("imported {}: {} added, {} changed, {} unchanged", name, c.added, c.changed,
                        c.unchanged),
            {{"file", name},
             {"added", c.added},
             {"changed", c.changed},
             {"unchanged", c.unchanged},
             {"batch", r.batch.empty() ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(r.batch)}});
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
    const std::string uscc = holder->empty() ? "" : normalise_uscc(*holder);
    auto check = screen::check_refusal(ctx.ledger(), *number, uscc, date);
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
