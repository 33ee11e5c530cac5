// numreg audit: the rule catalogue over the ledger on a date, a reproducible
// sample, and the audit sheet (table, JSON, or -o CSV/JSON/XLSX).
#include <fstream>
#include <memory>
#include <random>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/i18n.hpp"
#include "cli/output_file.hpp"
#include "cli/style.hpp"
#include "registry/audit/inspection.hpp"
#include "registry/audit/report_json.hpp"
#include "registry/audit/sheet.hpp"
#include "registry/audit/spooled_audit.hpp"
#include "registry/export/csv_writer.hpp"
#include "registry/export/xlsx_writer.hpp"
#include "registry/types/uscc.hpp"
#include "registry/util/spool.hpp"

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

// The audit for people: the headline, then each rule with findings under
// a line that counts them, then the totals. A rule's lines wait in a spool
// until its count is known.
class TextWriter : public AuditSink {
 public:
  explicit TextWriter(Context& ctx) : ctx_(ctx) {}

  void head(const AuditReport& r) override {
    ctx_.show(headline(r) + "\n");
    if (r.seed && !r.sample.empty() && r.sample.size() <= 100) {
      ctx_.show(fmt::format("sample: {}\n", fmt::join(r.sample, " ")));
    }
  }

  void lease(const std::string&) override {}

  void finding(const Finding& f) override {
    if (f.rule != rule_)
      end_rule();
    rule_ = f.rule;
    ++of_rule_;
    ++findings_;
    errors_ += f.severity == Severity::error ? 1 : 0;
    // The message is translated alone, so that its own template, the most
    // specific, is the one that matches.
    const char* line = language() == i18n::Lang::zh ? "  {} {}：{}\n" : "  {} {}: {}\n";
    lines_.append(fmt::format(fmt::runtime(line), tr_value(f.entity), f.key, tr(f.message)));
  }

  void end() override {
    end_rule();
    size_t warnings = findings_ - errors_;
    ctx_.show(findings_ == 0
                  ? std::string("no findings\n")
                  : fmt::format("{} ({}, {})\n", count_of(findings_, "finding"),
                                count_of(errors_, "error"), count_of(warnings, "warning")));
  }

 private:
  void end_rule() {
    if (of_rule_ == 0)
      return;
    const Rule* rule = find_rule(rule_);
    ctx_.out << fmt::format("{} {}: {} ({})\n", rule->id,
                            tr(std::string(to_string(rule->severity))),
                            tr(std::string(rule->text_en)), of_rule_);
    lines_.drain_to(ctx_.out);
    of_rule_ = 0;
  }

  Context& ctx_;
  Spool lines_;
  std::string rule_;
  size_t of_rule_ = 0;
  size_t findings_ = 0;
  size_t errors_ = 0;
};

void write_output(Context& ctx, const SpooledAudit& audit, const AuditOptions& o) {
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
  if (ext == ".xlsx") {
    write_file_whole(o.output, [&](const std::string& tmp) {
      XlsxWriter xlsx(tmp, sheet_caption(audit.report(), so));
      write_sheet(ctx.ledger(), audit, so, xlsx);
      xlsx.close();
    });
    return;
  }
  write_stream_whole(o.output, [&](std::ostream& out) {
    if (ext == ".csv") {
      out << "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a BOM
      CsvSheetWriter csv(out);
      write_sheet(ctx.ledger(), audit, so, csv);
    } else {
      write_sheet_json(out, ctx.ledger(), audit, so);
    }
  });
}

void journal_unmask(Context& ctx, const AuditReport& r) {
  Ledger& ledger = ctx.ledger();
  store::WriteTransaction tx(ledger.store());
  ledger.journal().forget_head();
  Change change = ctx.change("audit sheet with personal data unmasked");
  ledger.journal_event("unmask", "audit", r.scope.describe(), change);
  tx.commit();
}

// Passes the audit on to `next`, counting its findings for --fail-on; while
// the progress line is drawn, erases it before each piece of output.
class Tally : public AuditSink {
 public:
  Tally(AuditSink& next, ProgressLine& progress, std::ostream& out)
      : next_(next), progress_(progress), out_(out) {}
  void head(const AuditReport& r) override {
    pass([&] { next_.head(r); });
  }
  void lease(const std::string& id) override {
    pass([&] { next_.lease(id); });
  }
  void finding(const Finding& f) override {
    ++findings;
    errors += f.severity == Severity::error ? 1 : 0;
    pass([&] { next_.finding(f); });
  }
  void end() override {
    progress_.done();
    next_.end();
  }
  /// True when a finding reached `level`.
  bool reaches(Severity level) const {
    return level == Severity::error ? errors > 0 : findings > 0;
  }

  size_t findings = 0;
  size_t errors = 0;

 private:
  template <class F>
  void pass(F&& write) {
    if (!progress_.shown())
      return write();
    progress_.done();
    write();
    out_.flush();
  }
  AuditSink& next_;
  ProgressLine& progress_;
  std::ostream& out_;
};

// --fail-on: exit 1 when a finding reaches the severity asked for.
template <class Found>
int exit_code(const AuditOptions& o, const Found& found) {
  if (o.fail_on.empty())
    return kExitOk;
  return found.reaches(o.fail_on == "error" ? Severity::error : Severity::warning) ? kExitViolations
                                                                                   : kExitOk;
}

// The table or JSON on stdout, written as the audit runs.
int stream_audit(Context& ctx, const AuditOptions& o, AuditRequest& r) {
  ProgressLine progress = progress_line(ctx, "audit");
  r.progress = progress.callback();
  TextWriter text(ctx);
  AuditJsonWriter json(ctx.out);
  Tally tally(ctx.options.json ? static_cast<AuditSink&>(json) : text, progress, ctx.out);
  run_audit(ctx.ledger(), r, tally);
  return exit_code(o, tally);
}

int run_audit_command(Context& ctx, const AuditOptions& o) {
  AuditRequest r = request(ctx, o);
  if (o.output.empty() && !o.record && !o.unmask)
    return stream_audit(ctx, o, r);
  // Recorded, journaled or written to a sheet: the audit is kept on spools
  // first, then read back by each.
  ProgressLine progress = progress_line(ctx, "audit");
  r.progress = progress.callback();
  SpooledAudit audit;
  run_audit(ctx.ledger(), r, audit);
  progress.done();
  if (o.record)
    audit.set_inspection(record_inspection(ctx.ledger(), audit, ctx.change("")));
  if (o.unmask)
    journal_unmask(ctx, audit.report());
  const std::string& inspection = audit.report().inspection;
  if (!o.output.empty()) {
    write_output(ctx, audit, o);
    std::string line = fmt::format("wrote {}: {}; {}", o.output, headline(audit.report()),
                                   count_of(static_cast<size_t>(audit.total()), "finding"));
    if (!inspection.empty())
      line += ", recorded as inspection " + inspection;
    if (ctx.options.json) {
      AuditJsonWriter json(ctx.out);
      audit.replay(json);
    } else {
      ctx.say(line, {});
    }
    return exit_code(o, audit);
  }
  TextWriter text(ctx);
  AuditJsonWriter json(ctx.out);
  Tally tally(ctx.options.json ? static_cast<AuditSink&>(json) : text, progress, ctx.out);
  audit.replay(tally);
  if (!ctx.options.json && !inspection.empty())
    ctx.show("recorded as inspection " + inspection + "\n");
  return exit_code(o, tally);
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
