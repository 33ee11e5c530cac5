// The SQLite store: opening, transactions, records by key, the journal,
// batches, backup and integrity. Queries of lists, rules, the audit and
// inspections are in their own files (see store.hpp).
#include "registry/store/sqlite_store.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "registry/store/migrate.hpp"
#include "registry/store/ranges.hpp"
#include "registry/store/records.hpp"
#include "registry/store/replay.hpp"
#include "registry/store/screen_source.hpp"
#include "registry/store/sqlite_bulk_insert.hpp"
#include "registry/store/sqlite_journal.hpp"

namespace numreg::store {

namespace {

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// Create the folders above `path` (mode 0700: they hold personal data).
void make_parent_dirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    ::mkdir(path.substr(0, slash).c_str(), 0700);
  }
}

// Key probes on a read-only connection of their own, inside one read
// transaction begun on creation: one snapshot for every probe.
class SqliteKeySnapshot final : public KeySnapshot {
 public:
  explicit SqliteKeySnapshot(const std::string& path) : db_(path, OpenMode{false, true, 5000}) {
    // The pages of the tables referred to stay in memory (a large import
    // probes every holder many times), up to 32 MiB.
    db_.exec("PRAGMA cache_size = -32768");
    db_.exec("BEGIN");
    db_.scalar("SELECT count(*) FROM sqlite_schema");
  }
  SqliteKeySnapshot(const SqliteKeySnapshot&) = delete;
  SqliteKeySnapshot& operator=(const SqliteKeySnapshot&) = delete;
  ~SqliteKeySnapshot() override {
    probes_.clear();
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  bool exists(const Kind& kind, const std::string& key) override {
    Statement& probe = probe_of(kind);
    probe.bind(1, key);
    bool found = probe.step();
    probe.reset();
    return found;
  }

 private:
  Statement& probe_of(const Kind& kind) {
    for (auto& [k, st] : probes_) {
      if (k == &kind)
        return *st;
    }
    probes_.emplace_back(&kind, std::make_unique<Statement>(db_, exists_sql(kind)));
    return *probes_.back().second;
  }

  Database db_;
  std::vector<std::pair<const Kind*, std::unique_ptr<Statement>>> probes_;
};

}  // namespace

bool SqliteStore::create(const StoreOptions& options) {
  bool created = !file_exists(options.location);
  make_parent_dirs(options.location);
  try {
    Database db(options.location, {.create = true, .busy_timeout_ms = options.busy_timeout_ms});
    migrate(db);
  } catch (const Failure&) {
    // A failed init (a full disk, say) leaves no half-made registry behind.
    if (created)
      remove_files(options.location);
    throw;
  }
  return created;
}

void SqliteStore::remove_files(const std::string& location) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    ::unlink((location + suffix).c_str());
  }
}

SqliteStore::SqliteStore(const StoreOptions& options) {
  if (!file_exists(options.location)) {
    throw Failure(make_error(
        ErrorKind::unavailable, "registry-missing",
        fmt::format("no registry at {} (run `numreg init` to create it)", options.location)));
  }
  try {
    db_ = std::make_unique<Database>(options.location,
                                     OpenMode{.busy_timeout_ms = options.busy_timeout_ms});
  } catch (const Failure& f) {
    if (f.error().code != "registry-read-only")
      throw;
    // A registry numreg may not write can still be read: lists, lookups and
    // audits work, and the first write says it is read-only.
    db_ = std::make_unique<Database>(
        options.location, OpenMode{.read_only = true, .busy_timeout_ms = options.busy_timeout_ms});
  }
  migrate(*db_);
  journal_ = std::make_unique<SqliteJournal>(*db_);
}

void SqliteStore::begin_write() {
  db_->exec("BEGIN IMMEDIATE");
}

void SqliteStore::commit() {
  journal_->flush();
  db_->exec("COMMIT");
}

void SqliteStore::rollback() noexcept {
  journal_->discard();
  sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteStore::begin_read() {
  db_->exec("BEGIN DEFERRED");
}

void SqliteStore::end_read() noexcept {
  try {
    db_->exec("COMMIT");
  } catch (...) {
    // Nothing was written; a failed COMMIT of a read loses nothing.
  }
}

// Foreign keys off (set outside a transaction: SQLite ignores the pragma
// inside one), on again after.
void SqliteStore::bulk_write_begin() {
  db_->exec("PRAGMA foreign_keys=OFF");
}

void SqliteStore::bulk_write_end() noexcept {
  sqlite3_exec(db_->handle(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
}

void SqliteStore::insert(const Record& record) {
  insert_record(*db_, record);
}

void SqliteStore::update(const Record& record) {
  update_record(*db_, record);
}

void SqliteStore::remove(const Record& record) {
  delete_record(*db_, record);
}

std::optional<Record> SqliteStore::find(const Kind& kind, const std::vector<std::string>& key) {
  return find_record(*db_, kind, key);
}

bool SqliteStore::exists(const Kind& kind, const std::vector<std::string>& key) {
  return record_exists(*db_, kind, key);
}

void SqliteStore::set_uscc_check(const std::string& uscc, bool ok) {
  Statement& st = db_->cached("UPDATE holders SET uscc_check_ok = ? WHERE uscc = ?");
  st.bind(1, int64_t{ok ? 1 : 0}).bind(2, uscc);
  st.run();
}

void SqliteStore::set_verified_on(const std::string& lease, Date on) {
  Statement& st = db_->cached("UPDATE leases SET verified_on = ? WHERE id = ?");
  st.bind(1, on.iso()).bind(2, lease);
  st.run();
}

void SqliteStore::set_resource_range(const std::string& resource,
                                     const std::optional<NumberRange>& range) {
  store::set_resource_range(*db_, resource, range);
}

void SqliteStore::replace_permits(const std::string& lease,
                                  const std::vector<NumberRange>& ranges) {
  store::replace_permits(*db_, lease, ranges);
}

void SqliteStore::insert_permit(const std::string& lease, const NumberRange& range) {
  store::insert_permit(*db_, lease, range);
}

std::vector<RefusalRow> SqliteStore::refusals_of(const std::string& number) {
  return store::refusals_of(*db_, number);
}

int64_t SqliteStore::journal_size() {
  return journal_->size();
}

std::unique_ptr<BulkInserter> SqliteStore::bulk_inserter() {
  return std::make_unique<SqliteBulkInserter>(*db_);
}

// Probes need a connection of their own, so the registry must be a file.
bool SqliteStore::offers_key_snapshot() const {
  std::error_code ec;
  return std::filesystem::is_regular_file(db_->path(), ec);
}

std::unique_ptr<KeySnapshot> SqliteStore::key_snapshot() {
  return std::make_unique<SqliteKeySnapshot>(db_->path());
}

std::string SqliteStore::scratch_dir() const {
  std::string dir = std::filesystem::path(db_->path()).parent_path().string();
  return dir.empty() ? "." : dir;
}

screen::ScreenIndex SqliteStore::load_screen_index() {
  return store::load_screen_index(*db_);
}

bool SqliteStore::backup_to(const std::string& path) {
  Database target(path, {.create = true, .busy_timeout_ms = db_->busy_timeout_ms()});
  sqlite3_backup* b = sqlite3_backup_init(target.handle(), "main", db_->handle(), "main");
  if (!b) {
    target.fail(sqlite3_errcode(target.handle()), "backup");
  }
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    ::unlink(path.c_str());
    target.fail(rc, "backup");
  }
  return true;
}

void SqliteStore::scan_records(const Kind& kind, const std::function<void(const Record&)>& visit) {
  store::scan_records(*db_, kind, visit);
}

void SqliteStore::scan_permits(
    const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) {
  store::scan_permits(*db_, visit);
}

void SqliteStore::scan_entries(const std::vector<std::string>& entities,
                               const std::function<void(const JournalEntry&)>& visit) {
  journal_->scan(entities, visit);
}

int64_t SqliteStore::count_records(const Kind& kind) {
  return store::count_records(*db_, kind);
}

std::optional<std::string> SqliteStore::entry_hash_at(int64_t seq) {
  return journal_->hash_at(seq);
}

std::vector<std::pair<int64_t, std::string>> SqliteStore::entries_with_hash_prefix(
    std::string_view prefix, int limit) {
  return journal_->with_hash_prefix(prefix, limit);
}

std::unique_ptr<ReplayScratch> SqliteStore::replay_scratch() {
  return std::make_unique<ReplayTable>(*db_);
}

// SQLite's whole-file check and its foreign key check; verify's line of
// what was checked ("sqlite integrity and foreign keys") is read by scripts.
IntegrityReport SqliteStore::check_integrity() {
  IntegrityReport report{"sqlite", "sqlite integrity and foreign keys", {}};
  auto& problems = report.problems;
  Statement integrity(*db_, "PRAGMA integrity_check");
  while (integrity.step()) {
    if (integrity.text(0) != "ok") {
      problems.push_back(integrity.text(0));
    }
  }
  Statement fk(*db_, "PRAGMA foreign_key_check");
  while (fk.step()) {
    problems.push_back(
        fmt::format("{} row {} refers to a missing {}", fk.text(0), fk.text(1), fk.text(2)));
  }
  return report;
}

void SqliteStore::each(const std::string& sql, const std::vector<std::string>& binds,
                       const RowSink& row) {
  Statement st(*db_, sql);
  int i = 1;
  for (const auto& b : binds)
    st.bind(i++, b);
  while (st.step())
    row(st);
}

}  // namespace numreg::store
