// Moving a registry to another store, journal included (numreg copy): every
// table read through the source's Store and written through the target's
// BulkInserter, inspections and Journal::insert_sealed, entry for entry, in
// one transaction on the target, which is checked as `verify` checks it
// before it commits. Nothing here knows SQL or which stores are involved.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "registry/store/store.hpp"

namespace numreg {

/// What a copy moved.
struct CopyReport {
  std::string from;      // the source's location, a password hidden
  std::string to;        // the target's location, a password hidden
  bool created = false;  // the copy created the target registry
  /// Rows per table: each record kind by name in kinds() order, then
  /// "inspections".
  std::vector<std::pair<std::string, int64_t>> records;
  int64_t entries = 0;   // journal entries
  std::string head;      // the journal's head hash, the same on both
  int64_t replayed = 0;  // records the target's tables and journal replay agree on
  std::string checked;   // what the target store's own check covered
};

/// How a copy's messages name its two registries (the options that gave
/// them).
struct CopySides {
  std::string from = "--from";
  std::string to = "--to";
};

/// Copy the open registry `source`, from one read snapshot, into the
/// registry at `to`, as copy_registry does; messages name the two sides as
/// `sides` says.
CopyReport copy_store(store::Store& source, const store::StoreOptions& to, const CopySides& sides);

/// Copy the registry at `from` into the registry at `to`, which must hold
/// nothing (no record, inspection or journal entry) and is created as `numreg
/// init` would when there is none. One transaction on the target: it commits
/// only when the target's chain, replay and integrity check pass and its
/// counts and head equal the source's; otherwise nothing is written, and a
/// registry file the copy created is removed again.
CopyReport copy_registry(const store::StoreOptions& from, const store::StoreOptions& to);

}  // namespace numreg
