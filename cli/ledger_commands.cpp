// numreg holder | credential | resource | lease | permit.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/records.hpp"

namespace numreg::cli {

namespace {

void add_blacklist(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("blacklist", "put a holder on the blacklist (R003)");
  auto uscc = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("uscc", *uscc, "the holder's USCC")->required();
  cmd->add_option("--reason", *reason, "why; kept as credit_reason")->required();
  on_run(cmd, ctx, [&ctx, uscc, reason] {
    Record r = ctx.ledger().blacklist(*uscc, ctx.change(*reason));
    ctx.say(fmt::format("blacklisted holder {}", r.key()), r.to_json());
    return 0;
  });
}

void add_end(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("end", "end a lease: set its end date, and status ended");
  auto id = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("id", *id, "the lease ID")->required();
  cmd->add_option("--date", *date, "last day of the lease (default today)");
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, id, date, reason] {
    std::optional<Date> end;
    if (!date->empty())
      end = date_option(*date, "--date");
    Record r = ctx.ledger().end_lease(*id, end, ctx.change(*reason));
    ctx.say(fmt::format("ended lease {} on {}", r.key(), r.text("end")), r.to_json());
    return 0;
  });
}

void add_permit_remove(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("remove", "remove a permitted caller range from a lease");
  auto lease = std::make_shared<std::string>();
  auto first = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("--lease", *lease, "lease ID")->required();
  cmd->add_option("--first", *first, "first number of the range")->required();
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, lease, first, reason] {
    Record r = ctx.ledger().remove(kind("permits"), *lease + "/" + *first, ctx.change(*reason));
    ctx.say(fmt::format("removed permit {}", r.key()), r.to_json());
    return 0;
  });
}

}  // namespace

void add_ledger_commands(CLI::App& app, Context& ctx) {
  auto* holder = add_record_group(app, ctx, kind("holders"),
                                  "holders (使用主体): who uses trunks, lines and numbers", {});
  add_blacklist(holder, ctx);
  add_record_group(app, ctx, kind("credentials"), "credentials (资质): licences and certificates",
                   {.update = false, .show = false});
  add_record_group(app, ctx, kind("resources"),
                   "resources: trunks, lines, 95/96/400/800 numbers, number blocks", {});
  auto* lease = add_record_group(app, ctx, kind("leases"),
                                 "leases (接入): a holder's use of a resource, and where", {});
  add_end(lease, ctx);
  auto* permit = add_record_group(app, ctx, kind("permits"),
                                  "permits (允许主叫号码): caller numbers a lease may present",
                                  {.update = false, .show = false});
  add_permit_remove(permit, ctx);
}

}  // namespace numreg::cli
