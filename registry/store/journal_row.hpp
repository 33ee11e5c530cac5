// A journal entry read from a row of the journal's columns in JournalEntry's
// order: schema 1's journal table (moved by migrate.cpp), PostgreSQL's
// journal table.
#pragma once

#include "registry/store/journal.hpp"
#include "registry/store/row.hpp"

namespace numreg::store {

/// Read `entry` from `row`, whose columns are seq, time, actor, action,
/// entity, key, before, after, reason, batch, prev_hash and hash; an entry
/// read after another reuses its buffers.
void read_entry(const Row& row, JournalEntry& entry);

}  // namespace numreg::store
