// numreg rules: the rule catalogue.
#include "cli/commands.hpp"
#include "cli/i18n.hpp"
#include "registry/rules/rule.hpp"

namespace numreg::cli {

void add_rules(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("rules", "the compliance rule catalogue R001-R013");
  on_run(cmd, ctx, [&ctx] {
    Table table{{"ID", "SEVERITY", "ENTITY", "RULE"}, {}};
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& r : rules()) {
      std::string severity(to_string(r.severity));
      table.rows.push_back(
          {std::string(r.id), severity, std::string(r.entity), tr(std::string(r.text_en))});
      json.push_back({{"id", r.id},
                      {"severity", severity},
                      {"entity", r.entity},
                      {"text_en", r.text_en},
                      {"text_zh", r.text_zh}});
    }
    ctx.print(table, json);
    return 0;
  });
}

}  // namespace numreg::cli
