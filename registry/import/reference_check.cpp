#include "registry/import/reference_check.hpp"

#include "registry/store/records.hpp"

namespace numreg::import {

// A kind that rows refer to: its key probe (store::exists_sql, prepared once
// on this connection), and the keys the import added.
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
  targets_.push_back(
      std::make_unique<Target>(Target{&kind, store::Statement(db_, store::exists_sql(kind))}));
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
  missing_references(
      record, [this](const Kind& to, const std::string& key) { return exists(target(to), key); },
      errors);
}

}  // namespace numreg::import
