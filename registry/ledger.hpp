// The ledger: every read and write of holders, credentials, resources, leases
// and permits, each write validated, in one transaction with its journal entry.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "registry/clock.hpp"
#include "registry/model/record.hpp"
#include "registry/model/value.hpp"
#include "registry/replay.hpp"
#include "registry/store/journal.hpp"
#include "registry/store/store.hpp"
#include "registry/types/number.hpp"

namespace numreg {

/// Field texts as written by a user, by field name; "" clears a field.
using RawValues = std::vector<std::pair<std::string, std::string>>;

/// Who makes a change, when, why, and in which batch.
struct Change {
  std::string actor;
  std::optional<std::string> reason;
  std::optional<std::string> batch;
  bool allow_bad_uscc_check = false;  // needs a reason
};

/// How to open a registry: the store's own options (its location, how long
/// a write waits for another writer, what to call when it starts waiting).
using LedgerOptions = store::StoreOptions;

/// What a write did.
enum class Outcome { added, changed, unchanged };

class Ledger {
 public:
  /// Create the registry file (mode 0600) if needed and bring it to the
  /// current schema. Returns true when the file was created.
  static bool init(const LedgerOptions& options);
  /// init, then the roles and row-level security of a shared registry
  /// (init --roles); a registry file has none: a usage Failure, nothing
  /// created.
  static bool init_roles(const LedgerOptions& options);

  /// Open an existing registry; a missing file is an "unavailable" Failure
  /// that says to run `numreg init`.
  Ledger(const LedgerOptions& options, Clock clock);

  // --- Validation without writing (also used by import) ---

  /// Build a record of `kind` from raw texts, defaults applied; problems are
  /// appended to `errors`.
  Record build(const Kind& kind, const RawValues& raw, const Change& change,
               std::vector<Error>& errors) const;
  /// Check what one record alone can show: required fields, date order, the
  /// shape of a resource. Problems are appended to `errors`.
  void check(const Record& record, std::vector<Error>& errors) const;
  /// Check that the records it refers to exist (inside a transaction, this
  /// sees what the transaction wrote).
  void check_references(const Record& record, std::vector<Error>& errors);

  // --- Writes: each one transaction, journaled ---

  Record add(const Kind& kind, const RawValues& raw, const Change& change);
  /// Change the given fields of the record with this key; returns the record
  /// after and whether anything changed (no journal entry when nothing did).
  std::pair<Record, Outcome> update(const Kind& kind, const std::string& key, const RawValues& raw,
                                    const Change& change);
  /// Remove the record with this key (permits).
  Record remove(const Kind& kind, const std::string& key, const Change& change);
  /// End a lease on `end` (default today): end date set, status ended unless
  /// the end lies in the future.
  Record end_lease(const std::string& id, std::optional<Date> end, const Change& change);
  /// Put a holder on the blacklist; the change's reason becomes credit_reason.
  Record blacklist(const std::string& uscc, const Change& change);

  /// Write one validated record inside the caller's transaction, journaled:
  /// insert it, or with `upsert` update the stored one when it differs.
  Outcome write(const Record& record, bool upsert, const Change& change);
  /// Set lease `id`'s verified_on to `on` inside the caller's transaction,
  /// journaled as write() journals the lease's update; the store writes that
  /// column alone. Unchanged (no entry) when the lease already says `on`.
  Outcome set_verified_on(const std::string& id, Date on, const Change& change);
  /// Journal an action that changes no record (e.g. "unmask").
  void journal_event(const std::string& action, const std::string& entity, const std::string& key,
                     const Change& change);

  // --- Reads ---

  std::optional<Record> find(const Kind& kind, const std::string& key);
  /// Find or fail with "no holder 'X'" (data error, code "not-found").
  Record get(const Kind& kind, const std::string& key);
  std::vector<Record> list(const Kind& kind, const ListQuery& query);
  /// Who holds or may present `number` on `date`.
  std::vector<WhoMatch> who(const Number& number, Date date);
  std::vector<store::JournalEntry> log(const store::JournalQuery& query);
  VerifyReport verify();
  /// Copy the registry, consistent, to a new file `path` (mode 0600).
  void backup(const std::string& path);

  const Clock& clock() const { return clock_; }
  /// The store behind the ledger: the core's only way to its registry.
  store::Store& store() { return *store_; }
  store::Journal& journal() { return store_->journal(); }

 private:
  void journal_write(const std::string& action, const Record* before, const Record* after,
                     const Change& change);
  /// The rows a record implies (a lease's permits, a resource's range);
  /// `before` is the stored record an update replaces.
  void write_derived(const Record& record, const Record* before = nullptr);
  std::vector<std::string> split_key(const Kind& kind, const std::string& key) const;
  std::vector<std::string> split_raw_key(const Kind& kind, const std::string& key) const;

  Clock clock_;
  int busy_timeout_ms_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace numreg
