// numreg audit: the rule catalogue over the ledger on a date, a reproducible
// sample, and the audit sheet (table, JSON, or -o CSV/JSON/XLSX).
#include <fstream>
#include <memory>
#include <random>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/i18n.hpp"
#include "cli/style.hpp"
#include "registry/audit/inspection.hpp"
#include "registry/audit/report_json.hpp"
#include "registry/audit/sheet.hpp"
#include "registry/export/csv_writer.hpp"
#include "registry/export/xlsx_writer.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::cli {

namespace {

struct AuditOptions {
  std::vector<std::string> regions;
  std::vector<std::string> kinds;
  std::vector<std::string> rules;
  std::string holder;
  std::string as_of;
  std::string sample;
  std::string seed;
  std::string output;
  std::string fail_on;
  bool record = false;
  bool unmask = false;
};

void add_options(CLI::App* cmd, AuditOptions& o) {
  cmd->add_option("--region", o.regions, "GB/T 2260 code, Chinese name or pinyin (repeatable)");
  cmd->add_option("--kind", o.kinds, "resource kind of the leases (repeatable)");
  cmd->add_option("--rule", o.rules, "rule ID, e.g. R010 (repeatable; default all)");
  cmd->add_option("--holder", o.holder, "holder USCC");
  cmd->add_option("--as-of", o.as_of, "audit date (default today)");
  cmd->add_option("--sample", o.sample, "N, P% or gb2828:LEVEL[:AQL] (LEVEL S-1..S-4, I, II, III)");
  cmd->add_option("--seed", o.seed, "seed of the sample (default: chosen and printed)");
  cmd->add_option("-o,--output", o.output, "write the audit sheet to FILE.csv, .json or .xlsx");
  cmd->add_option("--fail-on", o.fail_on, "exit 1 when a finding of this severity is found")
      ->check(CLI::IsMember({"error", "warning"}));
  cmd->add_flag("--record", o.record, "record the audit as an inspection");
  cmd->add_flag("--unmask", o.unmask, "show personal data in full (journaled)");
}

// "1 lease", "2 leases".
std::string count_of(size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string chosen_seed() {
  std::random_device device;
  std::uniform_int_distribution<uint64_t> any;
  return fmt::format("{:016x}", any(device));
}

AuditRequest request(Context& ctx, const AuditOptions& o) {
  AuditRequest r;
  for (const auto& region : o.regions)
    r.scope.regions.push_back(region_option(region));
  r.scope.kinds = o.kinds;
  r.scope.rules = o.rules;
  r.scope.holder = o.holder.empty() ? "" : normalise_uscc(o.holder);
  r.scope = normalised(r.scope);
  r.as_of = o.as_of.empty() ? ctx.clock().today : date_option(o.as_of, "--as-of");
  r.settings = rule_settings(ctx.config());
  if (!o.seed.empty() && o.sample.empty()) {
    throw Failure(make_error(ErrorKind::usage, "seed-alone", "--seed needs --sample"));
  }
  if (!o.sample.empty()) {
    r.plan = value_or_throw(parse_sample_plan(o.sample));
    r.seed = o.seed.empty() ? chosen_seed() : o.seed;
    if (o.seed.empty() && !ctx.options.quiet) {
      ctx.note(fmt::format("numreg: seed {} chosen (give --seed {} to draw this sample again)\n",
                           r.seed, r.seed));
    }
  }
  return r;
}

std::string headline(const AuditReport& r) {
  std::string line =
      fmt::format("audit as of {} ({}): {} active", r.as_of.iso(), r.scope.describe(),
                  count_of(static_cast<size_t>(r.population), "lease"));
  if (!r.seed)
    return line + ", all audited";
  line += fmt::format("; plan {}, seed {}: sample of {}", r.plan, *r.seed, r.sample.size());
  if (r.size.letter)
    line += fmt::format(" (code {})", r.size.letter);
  if (r.size.ac)
    line += fmt::format(", Ac {} Re {}", *r.size.ac, *r.size.re);
  return line;
}

void print_text(Context& ctx, const AuditReport& r) {
  ctx.show(headline(r) + "\n");
  if (r.seed && !r.sample.empty() && r.sample.size() <= 100) {
    ctx.show(fmt::format("sample: {}\n", fmt::join(r.sample, " ")));
  }
  int errors = 0;
  for (const auto& rule : rules()) {
    std::vector<const Finding*> of_rule;
    for (const auto& f : r.findings) {
      if (f.rule == rule.id)
        of_rule.push_back(&f);
    }
    if (of_rule.empty())
      continue;
    ctx.out << fmt::format("{} {}: {} ({})\n", rule.id, tr(std::string(to_string(rule.severity))),
                           tr(std::string(rule.text_en)), of_rule.size());
    for (const Finding* f : of_rule) {
      // The message is translated alone, so that its own template, the most
      // specific, is the one that matches.
      const char* line = language() == i18n::Lang::zh ? "  {} {}：{}\n" : "  {} {}: {}\n";
      ctx.out << fmt::format(fmt::runtime(line), tr_value(f->entity), f->key, tr(f->message));
      errors += f->severity == Severity::error ? 1 : 0;
    }
  }
  size_t warnings = r.findings.size() - static_cast<size_t>(errors);
  ctx.show(r.findings.empty() ? std::string("no findings\n")
                              : fmt::format("{} ({}, {})\n", count_of(r.findings.size(), "finding"),
                                            count_of(static_cast<size_t>(errors), "error"),
                                            count_of(warnings, "warning")));
}

void write_output(Context& ctx, const AuditReport& r, const AuditOptions& o) {
  std::string ext = o.output.substr(o.output.rfind('.') == std::string::npos ? o.output.size()
                                                                             : o.output.rfind('.'));
  if (ext != ".csv" && ext != ".json" && ext != ".xlsx") {
    throw Failure(
        make_error(ErrorKind::usage, "output-format",
                   fmt::format("-o {}: expected a file ending in .csv, .json or .xlsx", o.output)));
  }
  SheetOptions so{ctx.config().get("lang") == "zh", o.unmask};
  if (ext != ".json") {
    // Sheets for people read in their language; the JSON sheet stays as stored.
    so.message = [](std::string_view text) { return tr(text); };
    so.value = [](std::string_view text) { return tr_value(text); };
  }
  AuditSheet sheet = build_sheet(ctx.ledger(), r, so);
  if (ext == ".xlsx") {
    write_xlsx(o.output, sheet.parts(), sheet.caption);
  } else {
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Failure(
          make_error(ErrorKind::cant_create, "output", fmt::format("cannot create {}", o.output)));
    }
    if (ext == ".csv") {
      out << "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a BOM
      write_csv(out, sheet);
    } else {
      out << sheet_json(r, sheet).dump(2) << "\n";
    }
    if (!out.flush()) {
      throw Failure(make_error(ErrorKind::io, "output", fmt::format("cannot write {}", o.output)));
    }
  }
}

void journal_unmask(Context& ctx, const AuditReport& r) {
  Ledger& ledger = ctx.ledger();
  store::WriteTransaction tx(ledger.store());
  ledger.journal().forget_head();
  Change change = ctx.change("audit sheet with personal data unmasked");
  ledger.journal_event("unmask", "audit", r.scope.describe(), change);
  tx.commit();
}

int run_audit_command(Context& ctx, const AuditOptions& o) {
  AuditRequest r = request(ctx, o);
  ProgressLine progress = progress_line(ctx, "audit");
  r.progress = progress.callback();
  AuditReport report = run_audit(ctx.ledger(), r);
  progress.done();
  if (o.record)
    report.inspection = record_inspection(ctx.ledger(), report, ctx.change(""));
  if (o.unmask)
    journal_unmask(ctx, report);
  if (!o.output.empty()) {
    write_output(ctx, report, o);
    std::string line = fmt::format("wrote {}: {}; {}", o.output, headline(report),
                                   count_of(report.findings.size(), "finding"));
    if (!report.inspection.empty())
      line += ", recorded as inspection " + report.inspection;
    ctx.say(line, audit_json(report));
  } else if (ctx.options.json) {
    write_audit_json(ctx.out, report);
  } else {
    print_text(ctx, report);
    if (!report.inspection.empty())
      ctx.show("recorded as inspection " + report.inspection + "\n");
  }
  if (!o.fail_on.empty()) {
    Severity level = o.fail_on == "error" ? Severity::error : Severity::warning;
    if (reaches(report.findings, level))
      return kExitViolations;
  }
  return kExitOk;
}

}  // namespace

void add_audit(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "audit", "check the rules on a date, draw a reproducible sample, write the audit sheet");
  auto o = std::make_shared<AuditOptions>();
  add_options(cmd, *o);
  on_run(cmd, ctx, [&ctx, o] { return run_audit_command(ctx, *o); });
}

}  // namespace numreg::cli
