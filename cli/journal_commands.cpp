// numreg log and numreg verify: the journal and the registry's integrity.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace numreg::cli {

namespace {

nlohmann::ordered_json entry_json(const store::JournalEntry& e) {
  auto doc = [](const std::optional<std::string>& text) {
    return text ? nlohmann::ordered_json::parse(*text) : nlohmann::ordered_json(nullptr);
  };
  return {
      {"seq", e.seq},
      {"time", e.time},
      {"actor", e.actor},
      {"action", e.action},
      {"entity", e.entity},
      {"key", e.key},
      {"before", doc(e.before)},
      {"after", doc(e.after)},
      {"reason", e.reason ? nlohmann::ordered_json(*e.reason) : nlohmann::ordered_json(nullptr)},
      {"batch", e.batch ? nlohmann::ordered_json(*e.batch) : nlohmann::ordered_json(nullptr)},
      {"prev_hash", e.prev_hash},
      {"hash", e.hash}};
}

}  // namespace

void add_log(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("log", "the journal: who changed what, when and why");
  auto q = std::make_shared<store::JournalQuery>();
  cmd->add_option("--entity", q->entity, "holder, credential, resource, lease, permit, ...");
  cmd->add_option("--key", q->key, "the record's key (USCC, lease ID, ...)");
  cmd->add_option("--since", q->since, "entries on or after this date (YYYY-MM-DD)");
  cmd->add_option("--batch", q->batch, "entries of one import batch");
  cmd->add_option("-n,--limit", q->limit, "only the newest N entries");
  on_run(cmd, ctx, [&ctx, q] {
    if (!q->since.empty()) {
      q->since = date_option(q->since, "--since").iso();
    }
    auto entries = ctx.ledger().log(*q);
    Table table{{"SEQ", "TIME", "ACTOR", "ACTION", "ENTITY", "KEY", "REASON"}, {}};
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
      table.rows.push_back({std::to_string(e.seq), e.time, e.actor, e.action, e.entity, e.key,
                            e.reason.value_or("")});
      json.push_back(entry_json(e));
    }
    ctx.print(table, json);
    return 0;
  });
}

void add_verify(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "verify", "check the registry: the journal's hash chain and SQLite's integrity");
  on_run(cmd, ctx, [&ctx] {
    VerifyReport r = ctx.ledger().verify();
    nlohmann::ordered_json json{
        {"ok", r.ok()},
        {"entries", r.chain.entries},
        {"head", r.chain.head},
        {"first_bad", r.chain.bad ? nlohmann::ordered_json(*r.chain.bad) : nullptr},
        {"problems", nlohmann::ordered_json::array()}};
    std::vector<Error> errors;
    if (r.chain.bad) {
      errors.push_back(make_error(ErrorKind::data, "journal-chain", "journal " + r.chain.problem));
    }
    for (const auto& p : r.sqlite_problems) {
      errors.push_back(make_error(ErrorKind::data, "sqlite-integrity", "sqlite: " + p));
    }
    for (const auto& e : errors)
      json["problems"].push_back(e.message);
    if (!errors.empty()) {
      if (ctx.options.json)
        ctx.out << json.dump(2) << "\n";
      throw Failure(errors);
    }
    ctx.say(fmt::format("ok: {} journal entries, chain intact, head {}\nok: sqlite integrity "
                        "and foreign keys",
                        r.chain.entries, r.chain.head),
            json);
    return 0;
  });
}

}  // namespace numreg::cli
