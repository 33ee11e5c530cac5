// The add, update, show and list commands of a record kind, generated from
// its schema: one option per field, spelled with dashes.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "registry/model/kind.hpp"

namespace numreg::cli {

/// Which of the generic verbs a record group has.
struct Verbs {
  bool add = true;
  bool update = true;
  bool show = true;
  bool list = true;
};

/// Add `numreg <entity> add|update|show|list` and return the group.
CLI::App* add_record_group(CLI::App& app, Context& ctx, const Kind& kind, const std::string& about,
                           Verbs verbs);

/// Render records as a table of the kind's list columns.
Table records_table(const Kind& kind, const std::vector<Record>& records);
/// Render one record as a two-column table of every field.
Table record_table(const Record& record, bool unmask = false);
/// Records as a JSON array.
nlohmann::ordered_json records_json(const std::vector<Record>& records);

}  // namespace numreg::cli
