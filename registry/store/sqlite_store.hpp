// The registry in one SQLite file: the Store every numreg has today.
// Its members are written in the files named in store.hpp, by area.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "registry/store/database.hpp"
#include "registry/store/sqlite_journal.hpp"
#include "registry/store/store.hpp"

namespace numreg::store {

class SqliteStore final : public Store {
 public:
  /// Open the registry file `options.location`, read-only when numreg may
  /// not write it, and bring it to the current schema.
  explicit SqliteStore(const StoreOptions& options);

  /// Create the file (mode 0600) and its folders (0700) if needed and
  /// migrate it; true when created.
  static bool create(const StoreOptions& options);
  /// Remove the registry file `location` and its companions (-wal, -shm,
  /// -journal), if there.
  static void remove_files(const std::string& location);

  const std::string& location() const override { return db_->path(); }

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  void begin_read() override;
  void end_read() noexcept override;
  void bulk_write_begin() override;
  void bulk_write_end() noexcept override;

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

  Journal& journal() override { return *journal_; }
  int64_t journal_size() override;
  std::unique_ptr<BulkInserter> bulk_inserter() override;
  bool offers_key_snapshot() const override;
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
  bool backup_to(const std::string& path) override;
  IntegrityReport check_integrity() override;

  /// The SQLite connection, for the store's own tests.
  Database& database() { return *db_; }

 private:
  void each(const std::string& sql, const std::vector<std::string>& binds, const RowSink& row);

  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteJournal> journal_;
};

}  // namespace numreg::store
