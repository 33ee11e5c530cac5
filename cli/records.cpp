#include "cli/records.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/i18n.hpp"
#include "registry/model/value.hpp"
#include "registry/types/region.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::cli {

namespace {

// The text of a field in a table for people: regions by name, personal data masked.
std::string cell(const Field& f, const std::optional<std::string>& v, bool unmask) {
  if (!v)
    return "";
  if (f.personal && !unmask)
    return mask_value(f, *v);
  if (f.type == FieldType::region) {
    std::string_view name = region_name(*v);
    return name.empty() ? *v : std::string(name);
  }
  if (f.type == FieldType::enum_)
    return tr_value(*v);  // "active" reads 在用 in Chinese
  return *v;
}

// One string option per field; returns the values given, by field name.
std::shared_ptr<std::map<std::string, std::string>> field_options(CLI::App* cmd, const Kind& kind,
                                                                  bool enforce_required) {
  auto values = std::make_shared<std::map<std::string, std::string>>();
  for (const auto& f : kind.fields) {
    std::string help = f.help + (f.required && enforce_required ? " (required)" : "");
    cmd->add_option(f.option(), (*values)[f.name], help)->type_name("TEXT");
  }
  return values;
}

RawValues raw_values(const Kind& kind, CLI::App* cmd,
                     const std::map<std::string, std::string>& values) {
  RawValues raw;
  for (const auto& f : kind.fields) {
    if (cmd->get_option(f.option())->count() > 0) {
      raw.emplace_back(f.name, values.at(f.name));
    }
  }
  return raw;
}

void add_add(CLI::App* group, Context& ctx, const Kind& kind) {
  auto* cmd = group->add_subcommand("add", fmt::format("add a {}", kind.entity));
  auto values = field_options(cmd, kind, true);
  auto reason = std::make_shared<std::string>();
  auto accept = std::make_shared<bool>(false);
  cmd->add_option("--reason", *reason, "why, for the journal");
  if (kind.name == "holders") {
    cmd->add_flag("--accept-bad-check", *accept,
                  "accept a USCC whose check character is wrong (needs --reason; R001 reports it)");
  }
  on_run(cmd, ctx, [&ctx, &kind, cmd, values, reason, accept] {
    Change change = ctx.change(*reason);
    change.allow_bad_uscc_check = *accept;
    Record r = ctx.ledger().add(kind, raw_values(kind, cmd, *values), change);
    ctx.say(fmt::format("added {} {}", kind.entity, r.key()), r.to_json());
    return 0;
  });
}

void add_update(CLI::App* group, Context& ctx, const Kind& kind) {
  auto* cmd = group->add_subcommand("update", fmt::format("change fields of a {}", kind.entity));
  auto key = std::make_shared<std::string>();
  cmd->add_option("key", *key, fmt::format("the {}'s {}", kind.entity, fmt::join(kind.key, "/")))
      ->required();
  auto values = field_options(cmd, kind, false);
  auto reason = std::make_shared<std::string>();
  cmd->add_option("--reason", *reason, "why, for the journal");
  on_run(cmd, ctx, [&ctx, &kind, cmd, key, values, reason] {
    RawValues raw = raw_values(kind, cmd, *values);
    if (raw.empty()) {
      throw Failure(make_error(ErrorKind::usage, "nothing-to-change",
                               "give at least one field to change (see --help)"));
    }
    auto [r, outcome] = ctx.ledger().update(kind, *key, raw, ctx.change(*reason));
    std::string verb = outcome == Outcome::unchanged ? "unchanged" : "updated";
    ctx.say(fmt::format("{} {} {}", verb, kind.entity, r.key()), r.to_json());
    return 0;
  });
}

void add_show(CLI::App* group, Context& ctx, const Kind& kind) {
  auto* cmd = group->add_subcommand("show", fmt::format("show one {}", kind.entity));
  auto key = std::make_shared<std::string>();
  cmd->add_option("key", *key, fmt::format("the {}'s {}", kind.entity, fmt::join(kind.key, "/")))
      ->required();
  on_run(cmd, ctx, [&ctx, &kind, key] {
    Record r = ctx.ledger().get(kind, *key);
    ctx.print(record_table(r), r.to_json());
    return 0;
  });
}

struct ListOptions {
  std::vector<std::string> regions;
  std::vector<std::string> kinds;
  std::string holder;
  std::string status;
  std::string lease;
  std::string as_of;
  std::string expiring;
};

void add_list_filters(CLI::App* cmd, const Kind& kind, ListOptions& o) {
  const std::string& n = kind.name;
  if (n == "holders" || n == "resources" || n == "leases") {
    cmd->add_option("--region", o.regions, "GB/T 2260 code, Chinese name or pinyin (repeatable)");
  }
  if (n != "permits") {
    cmd->add_option("--kind", o.kinds,
                    n == "leases" ? "resource kind: trunk, line, n95, n96, n400, n800, block"
                                  : "kind (repeatable)");
  }
  if (n == "credentials" || n == "leases") {
    cmd->add_option("--holder", o.holder, "holder USCC");
    cmd->add_option("--expiring", o.expiring, "ending within this span, e.g. 30d or 12w");
  }
  if (n == "holders" || n == "leases") {
    cmd->add_option("--status", o.status,
                    n == "leases" ? "active, suspended or ended" : "good, warned or blacklisted");
  }
  if (n == "leases") {
    cmd->add_option("--as-of", o.as_of, "only leases active on this date (YYYY-MM-DD)");
  }
  if (n == "permits") {
    cmd->add_option("--lease", o.lease, "lease ID");
  }
}

ListQuery list_query(const ListOptions& o) {
  ListQuery q;
  for (const auto& r : o.regions)
    q.regions.push_back(region_option(r));
  q.kinds = o.kinds;
  q.holder = o.holder.empty() ? "" : normalise_uscc(o.holder);
  q.status = o.status;
  q.lease = o.lease;
  if (!o.as_of.empty())
    q.as_of = date_option(o.as_of, "--as-of");
  if (!o.expiring.empty()) {
    auto days = parse_days(o.expiring);
    if (!days) {
      throw Failure(
          make_error(ErrorKind::usage, days.error().code, "--expiring: " + days.error().message));
    }
    q.expiring_days = *days;
  }
  return q;
}

void add_list(CLI::App* group, Context& ctx, const Kind& kind) {
  auto* cmd = group->add_subcommand("list", fmt::format("list {}", kind.name));
  auto opts = std::make_shared<ListOptions>();
  add_list_filters(cmd, kind, *opts);
  on_run(cmd, ctx, [&ctx, &kind, opts] {
    auto records = ctx.ledger().list(kind, list_query(*opts));
    ctx.print(records_table(kind, records), records_json(records));
    return 0;
  });
}

}  // namespace

Table records_table(const Kind& kind, const std::vector<Record>& records) {
  Table t;
  for (const auto& c : kind.list_columns) {
    std::string header = c;
    for (auto& ch : header)
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    t.columns.push_back(header);
  }
  for (const auto& r : records) {
    std::vector<std::string> row;
    for (const auto& c : kind.list_columns) {
      row.push_back(cell(*kind.field(c), r.get(c), false));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table record_table(const Record& r, bool unmask) {
  Table t{{"FIELD", "VALUE"}, {}};
  for (size_t i = 0; i < r.kind->fields.size(); ++i) {
    const Field& f = r.kind->fields[i];
    std::string value = cell(f, r.values[i], unmask);
    if (f.type == FieldType::region && r.values[i] && value != *r.values[i]) {
      value = *r.values[i] + " " + value;
    }
    t.rows.push_back({f.name, value});
  }
  return t;
}

nlohmann::ordered_json records_json(const std::vector<Record>& records) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& r : records)
    out.push_back(r.to_json());
  return out;
}

CLI::App* add_record_group(CLI::App& app, Context& ctx, const Kind& kind, const std::string& about,
                           Verbs verbs) {
  auto* group = app.add_subcommand(kind.entity, about);
  group->require_subcommand(1);
  if (verbs.add)
    add_add(group, ctx, kind);
  if (verbs.update)
    add_update(group, ctx, kind);
  if (verbs.show)
    add_show(group, ctx, kind);
  if (verbs.list)
    add_list(group, ctx, kind);
  return group;
}

}  // namespace numreg::cli
