// numreg contract set|show|list and numreg campaign add|show|list.
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/records.hpp"

namespace numreg::cli {

namespace {

// contract set: add the lease's contract, or change the clauses given.
void add_contract_set(CLI::App* group, Context& ctx) {
  const Kind& contracts = kind("contracts");
  auto* cmd = group->add_subcommand("set", "set a lease's contract clauses (add or update)");
  auto values = std::make_shared<std::map<std::string, std::string>>();
  for (const auto& f : contracts.fields) {
    auto* opt = cmd->add_option(f.option(), (*values)[f.name], f.help)->type_name("TEXT");
    if (f.name == "lease")
      opt->required();
  }
  auto reason = std::make_shared<std::string>();
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, &contracts, cmd, values, reason] {
    RawValues raw;
    for (const auto& f : contracts.fields) {
      if (cmd->get_option(f.option())->count() > 0)
        raw.emplace_back(f.name, values->at(f.name));
    }
    Ledger& ledger = ctx.ledger();
    Change change = ctx.change(*reason);
    const std::string& lease = values->at("lease");
    if (ledger.find(contracts, lease)) {
      auto [r, outcome] = ledger.update(contracts, lease, raw, change);
      std::string verb = outcome == Outcome::unchanged ? "unchanged" : "updated";
      ctx.say(fmt::format("{} contract of lease {}", verb, r.key()), r.to_json());
    } else {
      Record r = ledger.add(contracts, raw, change);
      ctx.say(fmt::format("added contract of lease {}", r.key()), r.to_json());
    }
    return 0;
  });
}

}  // namespace

void add_contract_campaign(CLI::App& app, Context& ctx) {
  auto* contract = add_record_group(app, ctx, kind("contracts"),
                                    "contracts (合同): the usage clauses of a lease (R009)",
                                    {.add = false, .update = false});
  add_contract_set(contract, ctx);
  add_record_group(app, ctx, kind("campaigns"),
                   "campaigns (营销外呼): registered outbound marketing (R012)", {.update = false});
}

}  // namespace numreg::cli
