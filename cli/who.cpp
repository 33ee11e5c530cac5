// numreg who NUMBER: who holds or may present a number on a date.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "registry/types/number.hpp"

namespace numreg::cli {

void add_who(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("who", "who holds or may present a number, on a date");
  auto number = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("number", *number, "the number, in any common form")->required();
  cmd->add_option("--as-of", *as_of, "the date to answer for (default today)");
  on_run(cmd, ctx, [&ctx, number, as_of] {
    Number n = value_or_throw(parse_number(*number));
    Date date = as_of->empty() ? ctx.clock().today : date_option(*as_of, "--as-of");
    auto matches = ctx.ledger().who(n, date);
    nlohmann::ordered_json json{{"number", n.canonical},
                                {"matches", nlohmann::ordered_json::array()}};
    Table table{{"HOLDER", "NAME", "LEASE", "RESOURCE", "AS"}, {}};
    for (const auto& m : matches) {
      json["matches"].push_back({{"holder", m.holder},
                                 {"name", m.name},
                                 {"lease", m.lease},
                                 {"resource", m.resource},
                                 {"as", m.as}});
      table.rows.push_back({m.holder, m.name, m.lease, m.resource, tr_value(m.as)});
    }
    if (ctx.options.json) {
      ctx.out << json.dump(2) << "\n";
    } else if (matches.empty()) {
      ctx.show(fmt::format("{} ({}): no lease active on {} holds or may present it\n", n.canonical,
                           to_string(n.type), date.iso()));
    } else {
      ctx.show(fmt::format("{} ({}) on {}:\n", n.canonical, to_string(n.type), date.iso()));
      ctx.out << ctx.render(table);
    }
    return 0;
  });
}

}  // namespace numreg::cli
