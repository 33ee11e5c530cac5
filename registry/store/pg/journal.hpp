// The journal of a PostgreSQL registry. Writers are serialised by the chain
// lock (pg_advisory_xact_lock) their transaction takes before it reads the
// head, so the chain never forks; the entry's encoding and hash are the
// store-neutral ones of registry/store/journal.hpp. Entries inserted wait in
// memory (a few megabytes at most) and go to the server together, with one
// COPY, before the journal is read and before the transaction commits
// (flush, called by PgStore::commit).
#pragma once

#include <optional>
#include <string>

#include "registry/store/journal.hpp"
#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

class PgJournal final : public Journal {
 public:
  explicit PgJournal(Connection& db) : db_(db) {}

  void insert_sealed(const JournalEntry& entry) override;
  void insert_sealed(JournalEntry&& entry) override;
  JournalTail tail() override;
  void forget_head() override;
  std::vector<JournalEntry> read(const JournalQuery& query) override;
  /// Send the entries waiting; call before the transaction commits.
  void flush();

 protected:
  void scan(const std::function<void(const JournalEntry&)>& visit) override;

 private:
  Connection& db_;
  bool cached_ = false;
  JournalTail tail_;
  std::string waiting_;  // entries inserted, not yet sent: rows of COPY text
  size_t waiting_count_ = 0;
  std::optional<JournalEntry> first_waiting_;  // a lone entry goes as one INSERT
  std::optional<bool> row_security_;           // whether COPY may write the journal

  bool row_security();
};

/// The journal's columns, in JournalEntry's order.
inline constexpr std::string_view kJournalColumns =
    "seq, time, actor, action, entity, key, before, after, reason, batch, prev_hash, hash";

/// The entry in the current row of `r`, read from kJournalColumns.
JournalEntry read_entry(const Result& r);

}  // namespace numreg::store::pg
