#include "registry/import/reference_check.hpp"

#include "registry/import/key_set.hpp"

namespace numreg::import {

// A kind that rows refer to, and the keys the import added.
struct ReferenceCheck::Target {
  const Kind* kind;
  bool remembered = false;
  KeySet added;
};

ReferenceCheck::ReferenceCheck(std::unique_ptr<store::KeySnapshot> snapshot)
    : snapshot_(std::move(snapshot)) {}

ReferenceCheck::~ReferenceCheck() = default;

ReferenceCheck::Target& ReferenceCheck::target(const Kind& kind) {
  for (auto& t : targets_) {
    if (t->kind == &kind)
      return *t;
  }
  targets_.push_back(std::make_unique<Target>(Target{&kind}));
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
  if (t.added.contains(key))
    return true;
  return snapshot_->exists(*t.kind, key);
}

void ReferenceCheck::check(const Record& record, std::vector<Error>& errors) {
  missing_references(
      record, [this](const Kind& to, const std::string& key) { return exists(target(to), key); },
      errors);
}

}  // namespace numreg::import
