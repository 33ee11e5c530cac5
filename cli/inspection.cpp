// numreg inspection list|show|results.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "registry/audit/inspection.hpp"
#include "registry/import/text_source.hpp"

namespace numreg::cli {

namespace {

// A filled-in Sample sheet: a few thousand rows at most.
constexpr size_t kMaxSheetBytes = 64 << 20;

void add_list(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("list", "list recorded inspections");
  on_run(cmd, ctx, [&ctx] {
    auto all = list_inspections(ctx.ledger());
    Table table{
        {"ID", "DATE", "INSPECTOR", "SCOPE", "PLAN", "SEED", "SAMPLE", "FINDINGS", "RESULTS"}, {}};
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& i : all) {
      table.rows.push_back({i.id, i.date, i.inspector, i.scope, i.plan, i.seed,
                            std::to_string(i.sample.size()), std::to_string(i.findings.size()),
                            i.results.is_null() ? "" : std::to_string(i.results.size())});
      json.push_back(i.to_json());
    }
    ctx.print(table, json);
    return 0;
  });
}

void add_show(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("show", "show one inspection");
  auto id = std::make_shared<std::string>();
  cmd->add_option("id", *id, "the inspection ID")->required();
  on_run(cmd, ctx, [&ctx, id] {
    Inspection i = get_inspection(ctx.ledger(), *id);
    Table table{{"FIELD", "VALUE"},
                {{"id", i.id},
                 {"inspector", i.inspector},
                 {"date", i.date},
                 {"scope", i.scope},
                 {"plan", i.plan},
                 {"seed", i.seed},
                 {"journal_head", i.journal_head},
                 {"sample", fmt::format("{}", fmt::join(i.sample, " "))}}};
    for (const auto& f : i.findings) {
      table.rows.push_back({"finding", fmt::format("{} {} {}: {}", f["rule"].get<std::string>(),
                                                   tr_value(f["entity"].get<std::string>()),
                                                   f["key"].get<std::string>(),
                                                   tr(f["message"].get<std::string>()))});
    }
    if (i.results.is_array()) {
      for (const auto& r : i.results) {
        std::string when = r["checked_on"].is_null()
                               ? tr("not checked")
                               : tr("checked " + r["checked_on"].get<std::string>());
        std::string notes = r["notes"].get<std::string>();
        table.rows.push_back({"result", fmt::format("{} {}{}", r["lease"].get<std::string>(), when,
                                                    notes.empty() ? "" : ": " + notes)});
      }
    }
    ctx.print(table, i.to_json());
    return 0;
  });
}

void add_results(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand(
      "results", "take the filled-in sample sheet back (CSV): set verified_on, keep the notes");
  auto file = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto encoding = std::make_shared<std::string>();
  cmd->add_option("file", *file, "the Sample sheet saved as CSV ('-' reads standard input)")
      ->required();
  cmd->add_option("--encoding", *encoding,
                  "the files' encoding: utf-8, gb18030, or any name iconv knows (big5, shift_jis, "
                  "windows-1252 ...); default: UTF-8 or GB18030, detected");
  cmd->add_option("--inspection", *id, "the inspection (default the newest)");
  cmd->add_option("--date", *date, "the day of the site visit (default today)");
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, file, id, date, reason, encoding] {
    // A sheet saved by a Chinese spreadsheet is GB18030: read as the import reads.
    import::TextSource source(*file, *file == "-" ? "<stdin>" : *file,
                              import::parse_encoding(*encoding));
    std::string text = source.read_all(kMaxSheetBytes);
    auto results = read_site_results(text, source.name());
    Date on = date->empty() ? ctx.clock().today : date_option(*date, "--date");
    Change change = ctx.change(reason->empty() ? "on-site inspection results" : *reason);
    ResultsOutcome r = apply_site_results(ctx.ledger(), *id, results, on, change);
    ctx.say(fmt::format("inspection {}: verified on site {}: {} lease{}, {} row{} not checked",
                        r.inspection, on.iso(), r.verified, r.verified == 1 ? "" : "s", r.unchecked,
                        r.unchecked == 1 ? "" : "s"),
            {{"inspection", r.inspection},
             {"checked_on", on.iso()},
             {"verified", r.verified},
             {"unchecked", r.unchecked}});
    return 0;
  });
}

}  // namespace

void add_inspection(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("inspection", "recorded inspections and their on-site results");
  group->require_subcommand(1);
  add_list(group, ctx);
  add_show(group, ctx);
  add_results(group, ctx);
}

}  // namespace numreg::cli
