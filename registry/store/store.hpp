// The storage seam: the one way the core reaches a registry.
//
// Store speaks the registry's language: records by kind and key, number
// ranges, the journal, batches, the audit's rule queries, inspections, the
// screening source, backup, integrity and transactions. The core says *what*
// it needs; a store says *how*. SqliteStore (sqlite_store.hpp) keeps the
// registry in one SQLite file; pg::PgStore (pg/pg_store.hpp) in a PostgreSQL
// database shared by many clerks; open_store() chooses by --db.
//
// Where a new query goes: declare it here in the registry's terms (what it
// answers, and the columns of its rows when it hands back a Row), then write
// its SQL in the SQLite store's file for its area: records.cpp (one kind),
// list_queries.cpp (lists, who), rule_queries.cpp (one query per rule),
// audit_queries.cpp (population, sheet), inspections.cpp, screen_source.cpp,
// sqlite_store.cpp (transactions, backup, integrity); and its PostgreSQL
// dialect in the file of the same area in pg/. No SQL and no SQLite or libpq
// call lives outside registry/store/: tests/e2e/storage_seam.sh fails if one
// does.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/rules/scope.hpp"
#include "registry/screen/screen_index.hpp"
#include "registry/store/bulk_insert.hpp"
#include "registry/store/journal.hpp"
#include "registry/store/refusals.hpp"
#include "registry/store/row.hpp"
#include "registry/types/date.hpp"
#include "registry/types/number.hpp"

namespace numreg {

/// Filters of a list; empty members do not filter.
struct ListQuery {
  std::vector<std::string> regions;  // region codes (scope: a prefecture covers its districts)
  std::vector<std::string> kinds;    // leases: resource kinds; others: the record's own kind
  std::string holder;                // holder USCC
  std::string status;                // leases: status; holders: credit status
  std::string lease;                 // permits: the lease
  std::optional<Date> as_of;         // leases: active on this date
  std::optional<int> expiring_days;  // leases, credentials: ending within N days of as_of/today
  std::string key_prefix;            // kinds with a one-field key: keys starting with this
  int64_t limit = 0;                 // at most this many records; 0: all
};

/// One answer of `who`: a lease through which a holder holds or may present a number.
struct WhoMatch {
  std::string holder;
  std::string name;
  std::string lease;
  std::string resource;
  std::string as;  // "resource" or "permit"
};

}  // namespace numreg

namespace numreg::store {

/// Called once per row of an answer.
using RowSink = std::function<void(const Row&)>;

/// The queries behind the rules of the catalogue. "Active" means active on
/// the audit's date; "in scope" means the lease (or holder, campaign) lies in
/// the audit's scope. The columns of each answer's rows follow. Every answer
/// but r008's and r013's comes in bytewise order of its first column, the
/// key: the audit streams one key's findings at a time and refuses an answer
/// out of order (registry/rules/finding_order.hpp).
enum class RuleQuery {
  r001_holders,              // holders in scope: uscc, uscc_check_ok (0/1)
  r002_missing_credentials,  // active leases in scope needing a credential their holder
                             // lacks on the date: lease, holder, credential kind, why needed
  r003_blacklisted,          // active leases in scope of blacklisted holders:
                             // lease, holder, credit_reason ("" when none)
  r004_unheld_permits,       // permits of active leases in scope that no number resource
                             // leased by the same holder and active covers: lease, holder,
                             // first, last
  r005_call_centre_permits,  // permits starting "+86" of active leases in scope of
                             // call_centre holders: lease, first, last
  r006_unlocated,            // active leases in scope without location or region:
                             // lease, no location (0/1), no region (0/1)
  r007_shared_resources,     // active leases in scope whose resource another holder's
                             // active lease shares: lease, resource, "L2 (holder H2), ..."
  r008_active_permits,       // permits of all active leases, by first_key: first_key,
                             // last_key, lease, holder, first, last, lease in scope (0/1)
  r009_marketing_contracts,  // active marketing leases in scope: lease, no contract, then
                             // 0/1 for a missing frequency cap, time windows, targets, penalty
  r010_unverified,           // active leases in scope and in a key region not verified on
                             // site since `verified_since`: lease, region, verified_on
  r011_overdue,              // leases in scope with status active ended before the date:
                             // lease, end
  r012_campaigns,            // campaigns of holders in scope: id, then 0/1 for a missing
                             // business_name, commissioning_entity, type, numbers, targets,
                             // content, contact
  r013_permits,              // permits of leases in scope: lease, first, last, first_key,
                             // last_key
  r013_resources,            // number resources (or with first/last) of leases in scope:
                             // lease, resource, kind, first, last
};

/// What a rule query is asked about.
struct RuleQueryArgs {
  Date date;                             // the audit's date
  const AuditScope& scope;               // what the audit covers
  std::vector<std::string> key_regions;  // r010: region codes
  Date verified_since;                   // r010: the earliest verification that counts
};

/// An inspection as stored; JSON members hold JSON text.
struct InspectionRow {
  std::string id;  // "2026-11-29-001"
  std::string inspector;
  std::string date;
  std::string scope;
  std::string plan;
  std::string seed;
  std::optional<std::string> sample;    // JSON array of lease IDs
  std::optional<std::string> findings;  // JSON array of findings
  std::string journal_head;
  std::optional<std::string> results;  // JSON array of site results
};

/// The inspections table's columns, in InspectionRow's order.
inline constexpr const char* kInspectionColumns =
    "id, inspector, date, scope, plan, seed, sample, findings, journal_head, results";

/// An inspection read from a row of kInspectionColumns.
InspectionRow read_inspection(const Row& row);

/// Whether a key exists, as of one read snapshot taken on creation, from any
/// thread (one at a time); for an import's reading thread.
class KeySnapshot {
 public:
  virtual ~KeySnapshot() = default;
  /// True when a record of `kind` has the one-part key `key`.
  virtual bool exists(const Kind& kind, const std::string& key) = 0;
};

/// Records by key that a store keeps beyond memory while `verify` replays
/// one kind of the journal (registry/replay.hpp): what the journal says each
/// key holds, and which entry said it. Gone when destroyed.
class ReplayScratch {
 public:
  struct Row {
    int64_t seq = 0;
    std::optional<std::string> text;  // nothing: the entry removed the record
  };
  virtual ~ReplayScratch() = default;
  /// What entry `seq` left under `key`: `text`, or nothing (a removal).
  virtual void put(std::string_view key, int64_t seq, const std::optional<std::string>& text) = 0;
  /// Forget every key that starts with `prefix`.
  virtual void erase_prefix(const std::string& prefix) = 0;
  /// The row under `key`.
  virtual std::optional<Row> find(std::string_view key) = 0;
  /// The row under `key`, removed.
  virtual std::optional<Row> take(std::string_view key) = 0;
  /// Every row left that holds a record, in key order.
  virtual void remaining(
      const std::function<void(std::string_view key, const Row& row)>& visit) = 0;
};

/// What a store's check of its own structures covered and found.
struct IntegrityReport {
  std::string store;                  // "sqlite", "postgresql": says whose problems
  std::string checked;                // what holds when there are no problems
  std::vector<std::string> problems;  // what is wrong
};

class Store {
 public:
  virtual ~Store() = default;

  /// Where the registry is, as --db named it.
  virtual const std::string& location() const = 0;
  /// The database user a shared registry authenticated, whom its journal
  /// names as the actor of every change; nullopt for a registry file.
  virtual std::optional<std::string> database_user() const { return std::nullopt; }

  // --- Transactions (the RAII classes below call these) ---

  /// Start a write transaction: no other writer until commit() or rollback().
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  /// Undo the write transaction; never throws.
  virtual void rollback() noexcept = 0;
  /// Start a read snapshot: every read until end_read() sees the same registry.
  virtual void begin_read() = 0;
  /// End the read snapshot; never throws.
  virtual void end_read() noexcept = 0;
  /// Before a bulk write (outside a transaction): the caller checks references
  /// itself, so the store need not check them row by row.
  virtual void bulk_write_begin() = 0;
  /// After a bulk write: references are checked again by the store; never throws.
  virtual void bulk_write_end() noexcept = 0;

  // --- Records by kind and key ---

  virtual void insert(const Record& record) = 0;
  /// Update the stored fields of the record with `record`'s key.
  virtual void update(const Record& record) = 0;
  virtual void remove(const Record& record) = 0;
  /// The record of `kind` with these key values (in the kind's key order).
  virtual std::optional<Record> find(const Kind& kind, const std::vector<std::string>& key) = 0;
  virtual bool exists(const Kind& kind, const std::vector<std::string>& key) = 0;
  /// The records of `kind` that `query` selects, in key order; `today` is
  /// the date `expiring_days` counts from without `as_of`.
  virtual std::vector<Record> list(const Kind& kind, const ListQuery& query, Date today) = 0;
  /// Note whether holder `uscc`'s USCC passes its check.
  virtual void set_uscc_check(const std::string& uscc, bool ok) = 0;
  /// Set the on-site verification date of lease `lease` and nothing else:
  /// a shared registry lets an inspector change that column alone.
  virtual void set_verified_on(const std::string& lease, Date on) = 0;

  // --- Number ranges ---

  /// Store a resource's number range (or clear it).
  virtual void set_resource_range(const std::string& resource,
                                  const std::optional<NumberRange>& range) = 0;
  /// Replace the permits of `lease` by `ranges`.
  virtual void replace_permits(const std::string& lease,
                               const std::vector<NumberRange>& ranges) = 0;
  /// Add one permit range to `lease`.
  virtual void insert_permit(const std::string& lease, const NumberRange& range) = 0;
  /// The leases active on `date` whose resource or permits cover `number`:
  /// resources first, then permits, each by lease ID.
  virtual std::vector<WhoMatch> who(const Number& number, Date date) = 0;
  /// The refusals of canonical `number`, for all holders first, then by holder.
  virtual std::vector<RefusalRow> refusals_of(const std::string& number) = 0;

  // --- The journal and batches ---

  virtual Journal& journal() = 0;
  /// How many entries the journal holds.
  virtual int64_t journal_size() = 0;
  /// An inserter for many records in the current write transaction.
  virtual std::unique_ptr<BulkInserter> bulk_inserter() = 0;
  /// True when key_snapshot() can be had.
  virtual bool offers_key_snapshot() const = 0;
  /// A snapshot of the committed registry for probing keys on another thread
  /// while this store writes (take it after begin_write()).
  virtual std::unique_ptr<KeySnapshot> key_snapshot() = 0;
  /// A local folder where a batch may keep its temporary files.
  virtual std::string scratch_dir() const = 0;

  // --- The audit ---

  /// Call `row` for each row of rule query `query`.
  virtual void rule_rows(RuleQuery query, const RuleQueryArgs& args, const RowSink& row) = 0;
  /// How many leases in `scope` are active on `date`.
  virtual int64_t population_size(Date date, const AuditScope& scope) = 0;
  /// The leases in `scope` active on `date`, by ID: lease, holder.
  virtual void population(Date date, const AuditScope& scope, const RowSink& row) = 0;
  /// Every campaign: id, holder.
  virtual void campaign_holders(const RowSink& row) = 0;
  /// The sheet's rows of the sampled leases `sample`, in rank order: rank,
  /// lease, holder name, uscc, holder kind, legal_rep_id, contact, the
  /// credentials (each kind US number US from..to US "valid" or "NOT VALID"
  /// on `date`, separated by RS), resource, resource kind, carrier, location,
  /// region, purpose, start, end, permits ("first..last;..."), verified_on.
  virtual void sample_sheet_rows(const std::vector<std::string>& sample, Date date,
                                 const RowSink& row) = 0;

  // --- Inspections ---

  /// How many inspections have IDs starting with `prefix`.
  virtual int64_t count_inspections(const std::string& prefix) = 0;
  /// Store a new inspection (its results are none yet).
  virtual void insert_inspection(const InspectionRow& inspection) = 0;
  /// Every inspection, by ID.
  virtual std::vector<InspectionRow> inspections() = 0;
  /// The inspection `id`, or the newest when `id` is "".
  virtual std::optional<InspectionRow> find_inspection(const std::string& id) = 0;
  /// Set the site results (JSON text) of inspection `id`.
  virtual void set_inspection_results(const std::string& id, const std::string& results) = 0;

  // --- Verify's replay and checkpoints ---

  /// Every record of `kind`, in no particular order. Derived fields (a
  /// lease's permitted_callers) are left empty: permits are read apart.
  virtual void scan_records(const Kind& kind, const std::function<void(const Record&)>& visit) = 0;
  /// Every permit: its lease, first and last number.
  virtual void scan_permits(const std::function<void(std::string_view lease, std::string_view first,
                                                     std::string_view last)>& visit) = 0;
  /// Every journal entry about one of `entities`, in seq order.
  virtual void scan_entries(const std::vector<std::string>& entities,
                            const std::function<void(const JournalEntry&)>& visit) = 0;
  /// How many records of `kind` the tables hold.
  virtual int64_t count_records(const Kind& kind) = 0;
  /// The hash of journal entry `seq`, or nullopt when there is none.
  virtual std::optional<std::string> entry_hash_at(int64_t seq) = 0;
  /// Up to `limit` entries (seq, hash) whose hash starts with `prefix`.
  virtual std::vector<std::pair<int64_t, std::string>> entries_with_hash_prefix(
      std::string_view prefix, int limit) = 0;
  /// An empty scratch of replayed records.
  virtual std::unique_ptr<ReplayScratch> replay_scratch() = 0;

  // --- Screening, backup, integrity ---

  /// The screening index: resources, active leases with permits and
  /// contract windows, refusals.
  virtual screen::ScreenIndex load_screen_index() = 0;
  /// Copy the whole registry, consistent, to the new registry file `path`
  /// (mode 0600) by the store's own means; false when it has none (a shared
  /// registry: Ledger::backup then copies it record by record).
  virtual bool backup_to(const std::string& path) = 0;
  /// Check the store's own structures: what was checked, and what is wrong
  /// (none: no problems).
  virtual IntegrityReport check_integrity() = 0;
};

/// How to open a store.
struct StoreOptions {
  std::string location;  // --db
  int busy_timeout_ms = 5000;
  /// Called once when a write waits for another writer (then it waits up to
  /// busy_timeout_ms); may be empty.
  std::function<void()> on_wait;
};

/// Create the registry at `options.location` if needed and bring it to the
/// current schema; true when it was created. Refuses a location no store
/// serves yet.
bool create_store(const StoreOptions& options);

/// Open the existing registry at `options.location`.
std::unique_ptr<Store> open_store(const StoreOptions& options);

/// Create the shared registry at `options.location` as create_store does,
/// then its roles, grants and row-level security policies (numreg init
/// --roles), again if they exist; true when the registry was created. A
/// registry file has no roles: a usage error, nothing created.
bool create_roles(const StoreOptions& options);
/// Undo create_store() when it created a registry that nothing was written
/// into since (close it first): a registry file and its companions are
/// removed; a PostgreSQL database keeps its empty schema, as after init.
void remove_created_store(const std::string& location);

/// True when `a` and `b` name the same registry (the same file, or the same
/// URI).
bool same_location(const std::string& a, const std::string& b);

/// True when `location` names a registry file (no URI scheme).
bool is_file_location(const std::string& location);

/// A write transaction: begun on construction, rolled back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& store) : store_(store) { store_.begin_write(); }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction() {
    if (!done_)
      store_.rollback();
  }
  void commit() {
    store_.commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

/// A read snapshot for as long as it lives.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store) : store_(store) { store_.begin_read(); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() { store_.end_read(); }

 private:
  Store& store_;
};

/// A bulk write for as long as it lives (create it before the transaction).
class BulkWrite {
 public:
  explicit BulkWrite(Store& store) : store_(store) { store_.bulk_write_begin(); }
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  ~BulkWrite() { store_.bulk_write_end(); }

 private:
  Store& store_;
};

}  // namespace numreg::store
