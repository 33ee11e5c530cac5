// numreg screen: caller-ID authentication of call records (S001-S007), from
// the registry or a snapshot of it; and merging the summaries of shards.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_code.hpp"
#include "cli/i18n.hpp"
#include "cli/style.hpp"
#include "registry/screen/parallel_screener.hpp"
#include "registry/screen/screening.hpp"
#include "registry/screen/snapshot.hpp"

namespace numreg::cli {

namespace {

struct ScreenOptions {
  std::vector<std::string> files;
  std::string output;
  std::string snapshot;
  std::string snapshot_out;
  std::string fail_on;
  uint64_t max_errors = 1000;
  std::string jobs = "1";
  bool merge = false;
};

constexpr unsigned kMostJobs = 64;

Failure usage(const std::string& message) {
  return Failure(make_error(ErrorKind::usage, "usage", message));
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Failure(make_error(ErrorKind::no_input, "open", fmt::format("cannot open {}", path)));
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

screen::ScreenSummary merge_summaries(const std::vector<std::string>& files) {
  screen::ScreenSummary total;
  for (const auto& path : files) {
    auto json = nlohmann::json::parse(read_text(path), nullptr, false);
    total.merge(screen::ScreenSummary::from_json(json, path));
  }
  return total;
}

screen::ScreenIndex load_index(Context& ctx, const ScreenOptions& o) {
  if (!o.snapshot.empty())
    return screen::read_snapshot(o.snapshot);
  return ctx.ledger().store().load_screen_index();
}

void print_summary(Context& ctx, const screen::ScreenSummary& s) {
  if (ctx.options.json) {
    s.write_json(ctx.out);
    return;
  }
  std::string line = fmt::format("screened {} records: {} violations", s.records, s.violations);
  if (s.unreadable)
    line += fmt::format(", {} records could not be read", s.unreadable);
  if (s.late)
    line += fmt::format(", {} records came late", s.late);
  ctx.show(line + "\n");
  for (auto& [title, table] : s.tables()) {
    if (title != "by rule" && table.rows.empty())
      continue;
    ctx.show("\n" + title + ":\n");
    for (size_t c = 0; c < table.columns.size(); ++c) {
      for (auto& row : table.rows)
        row[c] = table.columns[c] == "TEXT" ? tr_value(row[c]) : row[c];
    }
    ctx.out << ctx.render(table);
  }
}

int verdict(const screen::ScreenSummary& s, const std::string& fail_on) {
  if (fail_on == "error" && s.errors_found() > 0)
    return kExitViolations;
  if (fail_on == "warning" && s.violations > 0)
    return kExitViolations;
  return kExitOk;
}

// The size of all `files` together, or 0 when one is standard input or not a
// regular file.
uint64_t total_size(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const auto& path : files) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_regular_file(path, error))
      return 0;
    uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
      return 0;
    total += size;
  }
  return total;
}

// The number of screening threads --jobs asks for.
unsigned parse_jobs(const std::string& text) {
  unsigned jobs = 0;
  const char* end = text.data() + text.size();
  auto [at, error] = std::from_chars(text.data(), end, jobs);
  if (text.empty() || error != std::errc() || at != end || jobs < 1 || jobs > kMostJobs) {
    throw usage(
        fmt::format("--jobs takes a number of threads from 1 to {}, not '{}'", kMostJobs, text));
  }
  return jobs;
}

// Screen every file with `screener`, a Screener or a ParallelScreener.
template <class AnyScreener>
screen::ScreenSummary screen_with(Context& ctx, const ScreenOptions& o, AnyScreener& screener) {
  ProgressLine progress = progress_line(ctx, "screen");
  if (progress.shown())
    screener.on_progress(progress.callback(), total_size(o.files));
  for (const auto& path : o.files) {
    screen::CdrReader reader(screen::open_source(path), path);
    screener.screen(reader);
  }
  progress.done();
  return screener.summary();
}

// Screen every file; the caller prints the summary.
screen::ScreenSummary screen_files(Context& ctx, const ScreenOptions& o,
                                   const screen::ScreenIndex& index, unsigned jobs) {
  screen::ScreenSettings settings = screen::ScreenSettings::from_config(ctx.config());
  settings.max_errors = o.max_errors;
  // The buffer outlives the stream, which writes into it until it closes.
  std::vector<char> out_buffer(1 << 20);
  std::ofstream out;
  std::unique_ptr<screen::ViolationCsv> csv;
  if (!o.output.empty()) {
    out.rdbuf()->pubsetbuf(out_buffer.data(), static_cast<std::streamsize>(out_buffer.size()));
    out.open(o.output, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Failure(
          make_error(ErrorKind::cant_create, "output", fmt::format("cannot create {}", o.output)));
    }
    csv = std::make_unique<screen::ViolationCsv>(out);
  }
  screen::ScreenSummary summary;
  if (jobs > 1) {
    screen::ParallelScreener screener(index, settings, csv.get(), jobs);
    summary = screen_with(ctx, o, screener);
  } else {
    screen::Screener screener(index, settings, csv.get());
    summary = screen_with(ctx, o, screener);
  }
  if (csv) {
    out.flush();
    if (!out) {
      throw Failure(make_error(ErrorKind::io, "output", fmt::format("cannot write {}", o.output)));
    }
  }
  return summary;
}

int run_screen(Context& ctx, const ScreenOptions& o) {
  if (o.merge) {
    if (o.files.empty())
      throw usage("--merge needs the JSON summaries to merge");
    auto total = merge_summaries(o.files);
    print_summary(ctx, total);
    return verdict(total, o.fail_on);
  }
  const unsigned jobs = parse_jobs(o.jobs);
  if (o.files.empty() && o.snapshot_out.empty()) {
    throw usage("give the call-record files to screen (or - for standard input)");
  }
  const screen::ScreenIndex index = load_index(ctx, o);
  if (!o.snapshot_out.empty()) {
    screen::write_snapshot(index, o.snapshot_out);
    if (o.files.empty()) {
      ctx.say(fmt::format("wrote snapshot {}: {} trunks, {} leases, {} permit ranges, {} refusals",
                          o.snapshot_out, index.trunks.size(), index.leases.size(),
                          index.ranges.size(), index.refusals.size()),
              {{"snapshot", o.snapshot_out},
               {"trunks", index.trunks.size()},
               {"leases", index.leases.size()},
               {"ranges", index.ranges.size()},
               {"refusals", index.refusals.size()}});
      return kExitOk;
    }
  }
  const screen::ScreenSummary summary = screen_files(ctx, o, index, jobs);
  for (const auto& e : summary.errors)
    print_error(ctx.err, e, ctx.options.json);
  if (summary.unreadable > summary.errors.size()) {
    ctx.note(fmt::format("numreg: {} more records could not be read\n",
                         summary.unreadable - summary.errors.size()));
  }
  print_summary(ctx, summary);
  return verdict(summary, o.fail_on);
}

}  // namespace

void add_screen(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("screen", "caller-ID authentication of call records (S001-S007)");
  auto o = std::make_shared<ScreenOptions>();
  cmd->add_option("files", o->files,
                  "call records: CSV with time,trunk,caller,callee,ring_s,talk_s (gzip too; - for "
                  "standard input); with --merge, JSON summaries");
  cmd->add_option("-o,--output", o->output,
                  "write one CSV row per violation: line,rule,time,trunk,caller,callee,detail")
      ->type_name("FILE");
  cmd->add_option("--snapshot", o->snapshot, "screen against this snapshot, not the registry")
      ->type_name("FILE");
  cmd->add_option("--snapshot-out", o->snapshot_out,
                  "write the registry's screening index to this snapshot file")
      ->type_name("FILE");
  cmd->add_option("-j,--jobs", o->jobs,
                  "screen on N threads in all, the one that reads among them (default 1); "
                  "the output is the same")
      ->type_name("N");
  cmd->add_flag("--merge", o->merge, "merge the JSON summaries of shards (numreg --json screen)");
  cmd->add_option("--fail-on", o->fail_on, "exit 1 on violations of this severity or worse")
      ->check(CLI::IsMember({"error", "warning"}));
  cmd->add_option("--max-errors", o->max_errors,
                  "stop after this many records that cannot be read (0: never; default 1000)");
  on_run(cmd, ctx, [&ctx, o] { return run_screen(ctx, *o); });
}

}  // namespace numreg::cli
