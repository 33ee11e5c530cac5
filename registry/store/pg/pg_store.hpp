// The registry in a PostgreSQL database, shared by many clerks: the Store
// for `--db postgresql://...`. Its members are written in this folder by
// area: pg_store.cpp (opening, schema, transactions, batches), records.cpp
// (records by key, lists, ranges, who), journal.cpp, bulk_insert.cpp,
// rule_queries.cpp (the audit), verify.cpp (verify's scans),
// screen_source.cpp (the screening index), roles.cpp (numreg init --roles)
// and unsupported.cpp (what waits for a later numreg: backup).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "registry/store/pg/connection.hpp"
#include "registry/store/store.hpp"

namespace numreg::store::pg {

class PgJournal;

/// True when `location` names a PostgreSQL registry (postgresql:// or postgres://).
bool is_pg_location(const std::string& location);

class PgStore final : public Store {
 public:
  /// Connect to the registry at `options.location` and bring it to the
  /// current schema; a database without numreg's schema is "missing".
  explicit PgStore(const StoreOptions& options);
  ~PgStore() override;

  /// Create numreg's schema in the database if it has none; true when created.
  static bool create(const StoreOptions& options);

  /// Create the roles, grants and policies of roles.sql in the registry at
  /// `options.location` (which must exist), in one transaction.
  static void create_roles(const StoreOptions& options);

  const std::string& location() const override { return db_->location(); }
  std::optional<std::string> database_user() const override { return db_->user(); }

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  void begin_read() override;
  void end_read() noexcept override;
  void bulk_write_begin() override {}
  void bulk_write_end() noexcept override {}

  void insert(const Record& record) override;
  void update(const Record& record) override;
  void remove(const Record& record) override;
  std::optional<Record> find(const Kind& kind, const std::vector<std::string>& key) override;
  bool exists(const Kind& kind, const std::vector<std::string>& key) override;
  std::vector<Record> list(const Kind& kind, const ListQuery& query, Date today) override;
  void set_uscc_check(const std::string& uscc, bool ok) override;
  void set_verified_on(const std::string& lease, Date on) override;

  void set_resource_range(const std::string& resource,
                          const std::optional<NumberRange>& range) override;
  void replace_permits(const std::string& lease, const std::vector<NumberRange>& ranges) override;
  void insert_permit(const std::string& lease, const NumberRange& range) override;
  std::vector<WhoMatch> who(const Number& number, Date date) override;
  std::vector<RefusalRow> refusals_of(const std::string& number) override;

  Journal& journal() override;
  int64_t journal_size() override;
  std::unique_ptr<BulkInserter> bulk_inserter() override;
  bool offers_key_snapshot() const override { return false; }
  std::unique_ptr<KeySnapshot> key_snapshot() override;
  std::string scratch_dir() const override;

  void rule_rows(RuleQuery query, const RuleQueryArgs& args, const RowSink& row) override;
  int64_t population_size(Date date, const AuditScope& scope) override;
  void population(Date date, const AuditScope& scope, const RowSink& row) override;
  void campaign_holders(const RowSink& row) override;
  void sample_sheet_rows(const std::vector<std::string>& sample, Date date,
                         const RowSink& row) override;

  int64_t count_inspections(const std::string& prefix) override;
  void insert_inspection(const InspectionRow& inspection) override;
  std::vector<InspectionRow> inspections() override;
  std::optional<InspectionRow> find_inspection(const std::string& id) override;
  void set_inspection_results(const std::string& id, const std::string& results) override;

  void scan_records(const Kind& kind, const std::function<void(const Record&)>& visit) override;
  void scan_permits(const std::function<void(std::string_view lease, std::string_view first,
                                             std::string_view last)>& visit) override;
  void scan_entries(const std::vector<std::string>& entities,
                    const std::function<void(const JournalEntry&)>& visit) override;
  int64_t count_records(const Kind& kind) override;
  std::optional<std::string> entry_hash_at(int64_t seq) override;
  std::vector<std::pair<int64_t, std::string>> entries_with_hash_prefix(std::string_view prefix,
                                                                        int limit) override;
  std::unique_ptr<ReplayScratch> replay_scratch() override;

  screen::ScreenIndex load_screen_index() override;
  bool backup_to(const std::string&) override { return false; }
  IntegrityReport check_integrity() override;

 private:
  void note_class(const std::string& table, int span);
  /// Run `write` of `record`; a refusal by the roles names the record.
  Result permitted(const Record& record, const std::function<Result()>& write);
  /// Run `write` of `entity` `key`; a refusal by a row-level security
  /// policy gives `policy` (what the roles allow) as its reason, another
  /// refusal the server's.
  Result permitted(std::string_view entity, const std::string& key, std::string_view policy,
                   const std::function<Result()>& write);
  /// Throw the refusal of a write to `entity` `key` that `policy` refused
  /// or that met no row.
  [[noreturn]] void refused(std::string_view entity, const std::string& key,
                            std::string_view policy);

  std::unique_ptr<Connection> db_;
  std::unique_ptr<PgJournal> journal_;
  std::function<void()> on_wait_;
  bool told_wait_ = false;  // on_wait_ is called once
};

/// The lock every write transaction takes first: one writer at a time
/// appends to the journal's chain.
inline constexpr int64_t kChainLock = 0x4e524547;  // "NREG"

/// A failure for the command `command` a PostgreSQL registry cannot serve
/// yet (usage, exit 64).
[[noreturn]] void unsupported(const std::string& location, std::string_view command);

}  // namespace numreg::store::pg
