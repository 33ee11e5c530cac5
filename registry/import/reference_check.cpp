#include "registry/import/reference_check.hpp"

#include <fmt/format.h>

#include "registry/store/records.hpp"

namespace numreg::import {

// A kind that rows refer to: its key probe, and the keys the import added.
struct ReferenceCheck::Target {
  const Kind* kind;
  store::Statement probe;
  bool remembered = false;
  std::unordered_set<std::string> added;
};

ReferenceCheck::ReferenceCheck(const std::string& registry_path)
    : db_(registry_path, store::OpenMode{false, true, 5000}) {
  // The pages of the tables referred to stay in memory (a large import
  // probes every holder many times), up to 32 MiB.
  db_.exec("PRAGMA cache_size = -32768");
  // One read transaction for every probe: one snapshot, taken now.
  db_.exec("BEGIN");
  db_.scalar("SELECT count(*) FROM sqlite_schema");
}

ReferenceCheck::~ReferenceCheck() {
  targets_.clear();
  sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

ReferenceCheck::Target& ReferenceCheck::target(const Kind& kind) {
  for (auto& t : targets_) {
    if (t->kind == &kind)
      return *t;
  }
  std::string where;
  for (const auto& k : kind.key) {
    where += fmt::format("{}{} IS ?", where.empty() ? "" : " AND ", store::sql_name(k));
  }
  auto sql = fmt::format("SELECT 1 FROM {} WHERE {}", kind.table, where);
  targets_.push_back(std::make_unique<Target>(Target{&kind, store::Statement(db_, sql)}));
  return *targets_.back();
}

void ReferenceCheck::remember(const Kind& kind) {
  target(kind).remembered = true;
}

void ReferenceCheck::added(const Record& record) {
  for (auto& t : targets_) {
    if (t->kind == record.kind && t->remembered) {
      t->added.insert(record.key());
      return;
    }
  }
}

bool ReferenceCheck::exists(Target& t, const std::string& key) {
  if (t.added.count(key))
    return true;
  t.probe.bind(1, key);
  bool found = t.probe.step();
  t.probe.reset();
  return found;
}

void ReferenceCheck::check(const Record& record, std::vector<Error>& errors) {
  for (const auto& f : record.kind->fields) {
    auto v = record.get(f.name);
    if (f.type != FieldType::ref || !v)
      continue;
    const Kind& to = kind(f.ref);
    if (exists(target(to), *v))
      continue;
    Error e = data_error("ref-missing", fmt::format("no {} '{}' in the registry", to.entity, *v));
    e.field = f.name;
    e.value = *v;
    errors.push_back(e);
  }
}

}  // namespace numreg::import
