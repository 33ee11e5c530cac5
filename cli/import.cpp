// numreg import FILE...: bulk import of every kind, all or nothing.
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_code.hpp"
#include "cli/i18n.hpp"
#include "cli/import_errors.hpp"
#include "cli/style.hpp"
#include "registry/export/csv_writer.hpp"
#include "registry/import/importer.hpp"
#include "registry/import/manual.hpp"

namespace numreg::cli {

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string kind;
  std::string format;
  std::string encoding;
  std::string mode = "insert";
  std::string errors_file;
  size_t max_errors = 1000;
  std::string reason;
  bool dry_run = false;
  bool accept_bad_check = false;
};

nlohmann::ordered_json error_json(const Error& e) {
  return {{"file", e.where.file}, {"line", e.where.line}, {"column", e.where.column},
          {"field", e.field},     {"code", e.code},       {"value", e.value},
          {"message", e.message}};
}

void write_errors_file(const std::string& path, const std::vector<Error>& errors) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw Failure(
        make_error(ErrorKind::cant_create, "file-create", fmt::format("cannot create {}", path)));
  }
  if (path.size() >= 5 && path.substr(path.size() - 5) == ".json") {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& e : errors)
      doc.push_back(error_json(e));
    out << doc.dump(2) << "\n";
    return;
  }
  out << "file,line,column,field,code,value,message\n";
  for (const auto& e : errors) {
    out << fmt::format("{},{},{},{},{},{},{}\n", csv_field(e.where.file), e.where.line,
                       e.where.column, csv_field(e.field), csv_field(e.code), csv_field(e.value),
                       csv_field(e.message));
  }
}

nlohmann::ordered_json report_json(const import::ImportReport& r) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : r.files) {
    files.push_back(import::to_json(f));
  }
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (const auto& [k, c] : r.counts) {
    records[k->name] = c.total();
    counts[k->name] = {{"added", c.added}, {"changed", c.changed}, {"unchanged", c.unchanged}};
  }
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const auto& e : r.errors)
    errors.push_back(error_json(e));
  return {{"files", files},
          {"records", records},
          {"errors", errors},
          {"error_count", r.error_count},
          {"dry_run", r.dry_run},
          {"batch",
           r.batch.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.batch)},
          {"counts", counts}};
}

std::string report_text(const import::ImportReport& r) {
  std::string out;
  if (r.dry_run) {
    out += fmt::format("dry run: {} file{} valid, nothing written\n", r.files.size(),
                       r.files.size() == 1 ? "" : "s");
  } else if (r.batch.empty()) {
    out += fmt::format("nothing to change: {} file{} match the registry\n", r.files.size(),
                       r.files.size() == 1 ? "" : "s");
  } else {
    out += fmt::format("imported {} file{} in batch {}\n", r.files.size(),
                       r.files.size() == 1 ? "" : "s", r.batch);
  }
  for (const auto& [k, c] : r.counts) {
    out += fmt::format("{}: {} added, {} changed, {} unchanged\n", k->name, c.added, c.changed,
                       c.unchanged);
  }
  return out;
}

int run_import(Context& ctx, const ImportArgs& a) {
  import::ImportOptions o;
  o.kind = a.kind;
  if (!o.kind.empty())
    o.kind = kind(a.kind).name;
  o.format = a.format;
  o.encoding = import::parse_encoding(a.encoding);
  o.upsert = a.mode == "upsert";
  o.dry_run = a.dry_run;
  o.max_errors = a.max_errors;
  ProgressLine progress = progress_line(ctx, "import");
  o.progress = progress.callback();
  Change change = ctx.change(a.reason);
  if (a.accept_bad_check && a.reason.empty()) {
    throw Failure(make_error(ErrorKind::usage, "reason-required",
                             "accepting a USCC with a wrong check character needs --reason"));
  }
  change.allow_bad_uscc_check = a.accept_bad_check;
  import::ImportReport r = import::import_files(ctx.ledger(), a.files, o, change);
  progress.done();
  if (!a.errors_file.empty())
    write_errors_file(a.errors_file, r.errors);
  if (ctx.options.json) {
    ctx.out << report_json(r).dump(2) << "\n";
  }
  if (!r.ok())
    return print_import_errors(ctx, r);
  if (!ctx.options.json && !ctx.options.quiet)
    ctx.show(report_text(r));
  return kExitOk;
}

}  // namespace

int print_import_errors(Context& ctx, const import::ImportReport& r) {
  for (const auto& e : r.errors)
    print_error(ctx.err, e, ctx.options.json);
  std::string more =
      r.error_count > r.errors.size()
          ? fmt::format(" ({} not shown; see --max-errors)", r.error_count - r.errors.size())
          : "";
  ctx.err << tr("numreg: error: ")
          << tr(fmt::format("{} error{} found{}; nothing was imported", r.error_count,
                            r.error_count == 1 ? "" : "s", more))
          << "\n";
  return kExitData;
}

void add_import(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "import", "import records from CSV, YAML, TOML, JSON or JSON Lines files, all or nothing");
  auto a = std::make_shared<ImportArgs>();
  cmd->add_option("files", a->files, "input files ('-' reads standard input)")->required();
  cmd->add_option("--kind", a->kind,
                  "record kind of every file (default: the file name's first "
                  "word, e.g. leases-2019q2.csv)");
  cmd->add_option("--format", a->format, "csv, yaml, toml, json or jsonl (default: the extension)");
  cmd->add_option("--encoding", a->encoding,
                  "the files' encoding: utf-8, gb18030, or any name iconv knows (big5, shift_jis, "
                  "windows-1252 ...); default: UTF-8 or GB18030, detected");
  cmd->add_flag("--dry-run", a->dry_run, "validate and count, write nothing");
  cmd->add_option("--mode", a->mode, "insert (a key that exists is an error) or upsert")
      ->check(CLI::IsMember({"insert", "upsert"}));
  cmd->add_option("--errors", a->errors_file, "also write the errors to FILE (.csv or .json)")
      ->type_name("FILE");
  cmd->add_option("--max-errors", a->max_errors, "report at most N errors (default 1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--reason", a->reason, "why, for the journal");
  cmd->add_flag("--accept-bad-check", a->accept_bad_check,
                "accept USCCs whose check character is wrong (needs --reason; R001 reports them)");
  on_run(cmd, ctx, [&ctx, a] { return run_import(ctx, *a); });
  // Hidden: writes man/numreg-import.5 (tests/e2e/import_manual.sh keeps it current).
  auto* manual = app.add_subcommand("import-manual", "");
  manual->group("");
  on_run(manual, ctx, [&ctx] {
    ctx.out << import::import_manual();
    return 0;
  });
}

}  // namespace numreg::cli
