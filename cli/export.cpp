// numreg export KIND: every record of a kind as CSV, JSON, YAML or XLSX.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "cli/output_file.hpp"
#include "registry/export/export_records.hpp"
#include "registry/text/strings.hpp"

namespace numreg::cli {

namespace {

struct ExportArgs {
  std::string kind;
  std::string format;  // empty: from -o's extension, else csv
  std::string output;
  std::string reason;
  bool unmask = false;
  bool spreadsheet_safe = false;
};

/// `--format`, else what -o's extension names, else csv. A name ending in
/// .xls asks for the old binary workbook, which numreg does not write: CSV
/// under that name would open in a spreadsheet with a warning, so it is
/// refused unless --format says what to write.
std::string chosen_format(const ExportArgs& a) {
  if (!a.format.empty())
    return export_format(a.format);
  std::string by_name = export_format_of_path(a.output);
  if (by_name.empty() && ascii_lower(a.output).ends_with(".xls")) {
    throw Failure(make_error(
        ErrorKind::usage, "format-xls",
        fmt::format("numreg writes XLSX workbooks, not XLS: give -o {}.xlsx, or --format csv to "
                    "write CSV under this name",
                    a.output.substr(0, a.output.size() - 4))));
  }
  return by_name.empty() ? "csv" : by_name;
}

/// An XLSX workbook on standard output: written to a temporary file, then
/// copied, so a pipe gets the whole workbook or nothing.
void xlsx_to_stdout(Context& ctx, const Kind& k, const ExportOptions& o, const Change& change) {
  if (isatty(STDOUT_FILENO)) {
    throw Failure(make_error(ErrorKind::usage, "binary-to-terminal",
                             "an XLSX workbook is binary: give -o FILE.xlsx or redirect "
                             "standard output to a file"));
  }
  const char* dir = std::getenv("TMPDIR");
  std::string tmp = fmt::format("{}/numreg-export-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(tmp.data());
  if (fd < 0) {
    throw Failure(make_error(
        ErrorKind::cant_create, "file-create",
        fmt::format("cannot create a temporary file in {}", tmp.substr(0, tmp.rfind('/')))));
  }
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{tmp};
  export_records_xlsx(ctx.ledger(), k, o, change, tmp);
  std::ifstream in(tmp, std::ios::binary);
  ctx.out << in.rdbuf();
  if (!in || !ctx.out.flush())
    cannot_write("standard output");
}

int run_export(Context& ctx, const ExportArgs& a) {
  const Kind& k = kind(a.kind);
  ExportOptions o{chosen_format(a), a.unmask, a.spreadsheet_safe, ctx.config().get("lang") == "zh"};
  Change change = ctx.change(a.reason);
  bool to_stdout = a.output.empty() || a.output == "-";
  if (to_stdout && o.format == "xlsx") {
    xlsx_to_stdout(ctx, k, o, change);
    return 0;
  }
  if (to_stdout) {
    export_records(ctx.ledger(), k, o, change, ctx.out);
    return 0;
  }
  size_t n = 0;
  if (o.format == "xlsx") {
    write_file_whole(a.output, [&](const std::string& tmp) {
      n = export_records_xlsx(ctx.ledger(), k, o, change, tmp);
    });
  } else {
    write_stream_whole(
        a.output, [&](std::ostream& out) { n = export_records(ctx.ledger(), k, o, change, out); });
  }
  if (!ctx.options.quiet && !ctx.options.json)
    ctx.note(fmt::format("exported {} {} to {}\n", n, k.name, a.output));
  return 0;
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("export", "write every record of a kind as CSV, JSON, YAML or XLSX");
  auto a = std::make_shared<ExportArgs>();
  cmd->add_option("kind", a->kind,
                  "holders, credentials, resources, leases, permits, contracts, "
                  "campaigns or refusals")
      ->required();
  cmd->add_option("--format", a->format,
                  "csv, json, yaml or xlsx (default: from -o's extension, else csv)");
  cmd->add_option("-o,--output", a->output, "write to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_flag("--unmask", a->unmask, "personal data in clear (the journal records it)");
  cmd->add_flag("--spreadsheet-safe", a->spreadsheet_safe,
                "CSV: put ' before cells a spreadsheet would read as formulas");
  cmd->add_option("--reason", a->reason, "why, for the journal (with --unmask)");
  on_run(cmd, ctx, [&ctx, a] { return run_export(ctx, *a); });
}

}  // namespace numreg::cli
