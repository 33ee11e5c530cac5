// numreg log, verify and checkpoint: the journal and the registry's integrity.
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "registry/checkpoint.hpp"

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

namespace {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Failure(make_error(ErrorKind::no_input, "file-missing",
                             fmt::format("cannot open checkpoint file {}", path)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One line for people about a record the tables and the journal disagree on.
std::string difference_message(const RecordDifference& d) {
  using What = RecordDifference::What;
  switch (d.what) {
    case What::missing:
      return fmt::format("{} '{}' is missing from the tables: journal entry {} wrote it", d.entity,
                         d.key, d.seq);
    case What::extra:
      if (d.key.empty())
        return fmt::format("{} records in the tables do not match the journal's replay", d.entity);
      return fmt::format("{} '{}' is in the tables but no journal entry wrote it", d.entity, d.key);
    case What::removed:
      return fmt::format("{} '{}' is in the tables but journal entry {} removed it", d.entity,
                         d.key, d.seq);
    case What::field:
      if (d.field.empty())
        return fmt::format("{} '{}' differs from journal entry {}", d.entity, d.key, d.seq);
      return fmt::format("{} '{}': {} is '{}' in the tables but '{}' in journal entry {}", d.entity,
                         d.key, d.field, d.table_value, d.journal_value, d.seq);
    case What::history:
      if (d.prior_seq == 0)
        return fmt::format("{} '{}': journal entry {} changed it, but no entry before it wrote it",
                           d.entity, d.key, d.seq);
      if (d.field.empty())
        return fmt::format("{} '{}': journal entry {} found it other than entry {} had left it",
                           d.entity, d.key, d.seq, d.prior_seq);
      return fmt::format("{} '{}': journal entry {} found {} '{}', but entry {} had left '{}'",
                         d.entity, d.key, d.seq, d.field, d.table_value, d.prior_seq,
                         d.journal_value);
  }
  return "";
}

nlohmann::ordered_json difference_json(const RecordDifference& d) {
  using What = RecordDifference::What;
  static const char* const names[] = {"missing", "extra", "removed", "field", "history"};
  nlohmann::ordered_json j{{"what", names[static_cast<int>(d.what)]},
                           {"entity", d.entity},
                           {"key", d.key},
                           {"seq", d.seq ? nlohmann::ordered_json(d.seq) : nullptr}};
  if (d.what == What::field) {
    j["field"] = d.field;
    j["table"] = d.table_value;
    j["journal"] = d.journal_value;
  } else if (d.what == What::history) {
    j["field"] = d.field;
    j["found"] = d.table_value;
    j["prior_seq"] = d.prior_seq;
    j["prior"] = d.journal_value;
  }
  return j;
}

struct VerifyOptions {
  std::string checkpoint;
  std::string head;
  std::string key;
};

}  // namespace

void add_verify(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "verify",
      "check the registry: the journal's hash chain, the tables against the journal's replay, and "
      "SQLite's integrity");
  auto o = std::make_shared<VerifyOptions>();
  cmd->add_option("--checkpoint", o->checkpoint,
                  "a checkpoint file: its head must still be in the journal at its seq");
  cmd->add_option("--head", o->head,
                  "a journal head hash (as the audit sheet's manifest prints it, at least 12 "
                  "digits) that must be in the journal");
  cmd->add_option("--key", o->key,
                  "an Ed25519 public key (PEM): the checkpoint must be signed by it")
      ->needs("--checkpoint");
  on_run(cmd, ctx, [&ctx, o] {
    std::optional<Checkpoint> checkpoint;
    if (!o->checkpoint.empty()) {
      checkpoint = parse_checkpoint(read_text_file(o->checkpoint), o->checkpoint);
      if (!o->key.empty())
        check_signature(*checkpoint, o->key, o->checkpoint);
    }
    Ledger& ledger = ctx.ledger();
    std::optional<std::pair<int64_t, std::string>> head;
    if (!o->head.empty())
      head = find_head(ledger.store(), o->head);
    VerifyReport r = ledger.verify();
    std::vector<Error> errors;
    if (checkpoint) {
      for (auto& e : check_head_at(ledger.store(), checkpoint->seq, checkpoint->head))
        errors.push_back(std::move(e));
    }
    int64_t records = 0;
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& k : r.replay.counts) {
      records += k.records;
      counts[k.kind] = k.records;
    }
    nlohmann::ordered_json json{
        {"ok", r.ok() && errors.empty()},
        {"entries", r.chain.entries},
        {"head", r.chain.head},
        {"first_bad", r.chain.bad ? nlohmann::ordered_json(*r.chain.bad) : nullptr},
        {"records", counts},
        {"differences", nlohmann::ordered_json::array()},
        {"problems", nlohmann::ordered_json::array()}};
    if (r.chain.bad) {
      errors.push_back(make_error(ErrorKind::data, "journal-chain", "journal " + r.chain.problem));
    }
    for (const auto& d : r.replay.differences) {
      errors.push_back(make_error(ErrorKind::data, "journal-replay", difference_message(d)));
      json["differences"].push_back(difference_json(d));
    }
    if (r.replay.unlisted > 0) {
      errors.push_back(make_error(ErrorKind::data, "journal-replay",
                                  fmt::format("and {} more records differ from the journal's "
                                              "replay",
                                              r.replay.unlisted)));
    }
    for (const auto& p : r.integrity.problems) {
      errors.push_back(make_error(ErrorKind::data, r.integrity.store + "-integrity",
                                  r.integrity.store + ": " + p));
    }
    for (const auto& e : errors)
      json["problems"].push_back(e.message);
    if (!errors.empty()) {
      if (ctx.options.json)
        ctx.out << json.dump(2) << "\n";
      throw Failure(errors);
    }
    std::string text = fmt::format(
        "ok: {} journal entries, chain intact, head {}\nok: {} records in the tables match the "
        "journal's replay\nok: {}",
        r.chain.entries, r.chain.head, records, r.integrity.checked);
    if (checkpoint) {
      text += fmt::format("\nok: checkpoint {} holds: journal entry {} is its head", o->checkpoint,
                          checkpoint->seq);
      json["checkpoint"] = {{"seq", checkpoint->seq},
                            {"head", checkpoint->head},
                            {"signature", !o->key.empty()         ? "checked"
                                          : checkpoint->signature ? "unchecked"
                                                                  : "none"}};
    }
    if (head) {
      text += fmt::format("\nok: head {} is journal entry {}", o->head, head->first);
      json["head_found"] = {{"seq", head->first}, {"hash", head->second}};
    }
    ctx.say(text, json);
    if (checkpoint && checkpoint->signature && o->key.empty())
      ctx.note("note: the checkpoint's signature was not checked (give --key PUBLIC.pem)");
    return 0;
  });
}

void add_checkpoint(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "checkpoint", "write the journal's head to a file an inspector keeps, to check it later");
  auto output = std::make_shared<std::string>();
  auto key = std::make_shared<std::string>();
  cmd->add_option("-o,--output", *output, "the checkpoint file to write")->required();
  cmd->add_option("--key", *key, "sign it with this Ed25519 private key (PEM)");
  on_run(cmd, ctx, [&ctx, output, key] {
    Ledger& ledger = ctx.ledger();
    Checkpoint c = take_checkpoint(ledger.store(), ledger.clock().now_utc);
    std::string text =
        checkpoint_text(c, key->empty() ? std::nullopt : std::optional<std::string>(*key));
    {
      std::ofstream out(*output, std::ios::binary | std::ios::trunc);
      if (!out || !(out << text) || !out.flush()) {
        throw Failure(make_error(ErrorKind::cant_create, "file-create",
                                 fmt::format("cannot create {}", *output)));
      }
    }
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& k : c.counts)
      counts[k.kind] = k.records;
    ctx.say(fmt::format("checkpoint {}: journal entry {}, head {}", *output, c.seq, c.head),
            {{"file", *output},
             {"seq", c.seq},
             {"head", c.head},
             {"time", c.time},
             {"records", counts},
             {"signed", !key->empty()}});
    return 0;
  });
}

}  // namespace numreg::cli
