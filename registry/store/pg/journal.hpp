// The journal of a PostgreSQL registry. Writers are serialised by the chain
// lock (pg_advisory_xact_lock) their transaction takes before it reads the
// head, so the chain never forks; the entry's encoding and hash are the
// store-neutral ones of registry/store/journal.hpp.
#pragma once

#include "registry/store/journal.hpp"
#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

class PgJournal final : public Journal {
 public:
  explicit PgJournal(Connection& db) : db_(db) {}

  void insert_sealed(const JournalEntry& entry) override;
  /// Many rows to an INSERT, so that a copy's million entries are not a
  /// million round trips.
  void insert_sealed_all(std::span<const JournalEntry> entries) override;
  JournalTail tail() override;
  void forget_head() override { cached_ = false; }
  std::vector<JournalEntry> read(const JournalQuery& query) override;

 protected:
  void scan(const std::function<void(const JournalEntry&)>& visit) override;

 private:
  Connection& db_;
  bool cached_ = false;
  JournalTail tail_;
};

/// The journal's columns, in JournalEntry's order.
inline constexpr std::string_view kJournalColumns =
    "seq, time, actor, action, entity, key, before, after, reason, batch, prev_hash, hash";

/// The entry in the current row of `r`, read from kJournalColumns.
JournalEntry read_entry(const Result& r);

}  // namespace numreg::store::pg
