// numreg export KIND: every record of a kind as CSV, JSON or YAML.
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "registry/export/export_records.hpp"

namespace numreg::cli {

namespace {

struct ExportArgs {
  std::string kind;
  std::string format = "csv";
  std::string output;
  std::string reason;
  bool unmask = false;
  bool spreadsheet_safe = false;
};

int run_export(Context& ctx, const ExportArgs& a) {
  const Kind& k = kind(a.kind);
  ExportOptions o{export_format(a.format), a.unmask, a.spreadsheet_safe};
  Change change = ctx.change(a.reason);
  if (a.output.empty() || a.output == "-") {
    export_records(ctx.ledger(), k, o, change, ctx.out);
    return 0;
  }
  std::string tmp = a.output + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      throw Failure(make_error(ErrorKind::cant_create, "file-create",
                               fmt::format("cannot create {}", a.output)));
    }
    size_t n = export_records(ctx.ledger(), k, o, change, file);
    file.close();
    if (!file || std::rename(tmp.c_str(), a.output.c_str()) != 0) {
      std::remove(tmp.c_str());
      throw Failure(
          make_error(ErrorKind::io, "file-write", fmt::format("cannot write {}", a.output)));
    }
    if (!ctx.options.quiet && !ctx.options.json) {
      ctx.note(fmt::format("exported {} {} to {}\n", n, k.name, a.output));
    }
  }
  return 0;
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("export", "write every record of a kind as CSV, JSON or YAML");
  auto a = std::make_shared<ExportArgs>();
  cmd->add_option("kind", a->kind,
                  "holders, credentials, resources, leases, permits, contracts, "
                  "campaigns or refusals")
      ->required();
  cmd->add_option("--format", a->format, "csv (default), json or yaml");
  cmd->add_option("-o,--output", a->output, "write to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_flag("--unmask", a->unmask, "personal data in clear (the journal records it)");
  cmd->add_flag("--spreadsheet-safe", a->spreadsheet_safe,
                "CSV: put ' before cells a spreadsheet would read as formulas");
  cmd->add_option("--reason", a->reason, "why, for the journal (with --unmask)");
  on_run(cmd, ctx, [&ctx, a] { return run_export(ctx, *a); });
}

}  // namespace numreg::cli
