// The PostgreSQL store: opening, the schema, transactions, batches,
// inspections and refusals.
#include "registry/store/pg/pg_store.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "registry/embedded.hpp"
#include "registry/store/pg/bulk_insert.hpp"
#include "registry/store/pg/journal.hpp"
#include "registry/store/pg/records.hpp"

namespace numreg::store::pg {

namespace {

constexpr std::string_view kDir = "schemas/pg/";
constexpr std::string_view kApplication = "numreg";

// Migration number -> SQL, from the embedded files "schemas/pg/0001_x.sql"
// (roles.sql is not a migration).
std::map<int, std::string_view> migrations() {
  std::map<int, std::string_view> out;
  for (const auto& file : embedded_files()) {
    std::string_view name = file.path.substr(std::min(file.path.size(), kDir.size()));
    if (file.path.starts_with(kDir) && file.path.ends_with(".sql") && !name.empty() &&
        name[0] >= '0' && name[0] <= '9') {
      int number = std::atoi(std::string(file.path.substr(kDir.size(), 4)).c_str());
      out.emplace(number, file.data);
    }
  }
  return out;
}

int latest_version() {
  auto all = migrations();
  return all.empty() ? 0 : all.rbegin()->first;
}

// The schema version, or nullopt when the database has no numreg schema.
std::optional<int> schema_version(Connection& db) {
  if (!db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                 "tablename = 'numreg_schema'")
           .value_or(0)) {
    return std::nullopt;
  }
  return static_cast<int>(db.scalar("SELECT max(version) FROM numreg_schema").value_or(0));
}

bool has_tables(Connection& db) {
  return db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
             .value_or(0) > 0;
}

// Bring the schema from `version` (as schema_version read it) to the latest,
// in one transaction that holds the chain lock (another numreg may be
// migrating at the same time).
void migrate(Connection& db, std::optional<int> version) {
  int latest = latest_version();
  if (version && *version > latest) {
    throw Failure(make_error(
        ErrorKind::unavailable, "registry-newer",
        fmt::format("registry {} has schema version {} but this numreg knows only up to {}: "
                    "upgrade numreg",
                    db.location(), *version, latest)));
  }
  if (version && *version == latest)
    return;
  db.script("BEGIN");
  try {
    db.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kChainLock)});
    version = schema_version(db);
    if (!version && has_tables(db)) {
      throw Failure(make_error(ErrorKind::unavailable, "registry-foreign",
                               fmt::format("{} is not a numreg registry", db.location())));
    }
    for (const auto& [number, sql] : migrations()) {
      if (number > version.value_or(0))
        db.script(std::string(sql));
    }
    db.exec("DELETE FROM numreg_schema");
    db.exec("INSERT INTO numreg_schema (application, version) VALUES ($1, $2)",
            {std::string(kApplication), std::to_string(latest)});
    db.script("COMMIT");
  } catch (...) {
    PQclear(PQexec(db.handle(), "ROLLBACK"));
    throw;
  }
}

}  // namespace

bool is_pg_location(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

void unsupported(const std::string& location, std::string_view what) {
  throw Failure(make_error(
      ErrorKind::usage, "pg-unsupported",
      fmt::format("numreg {} does not work on a PostgreSQL registry yet ({}): use a registry file",
                  what, location)));
}

bool PgStore::create(const StoreOptions& options) {
  Connection db(options.location, options.busy_timeout_ms);
  const std::optional<int> version = schema_version(db);
  migrate(db, version);
  return !version;
}

PgStore::PgStore(const StoreOptions& options)
    : db_(std::make_unique<Connection>(options.location, options.busy_timeout_ms)),
      on_wait_(options.on_wait) {
  const std::optional<int> version = schema_version(*db_);
  if (!version) {
    throw Failure(make_error(
        ErrorKind::unavailable, "registry-missing",
        fmt::format("no registry at {} (run `numreg init` to create it)", db_->location())));
  }
  migrate(*db_, version);
  journal_ = std::make_unique<PgJournal>(*db_);
}

PgStore::~PgStore() = default;

// The chain lock first: every writer then reads the journal's head after the
// previous writer committed, and appends after it.
void PgStore::begin_write() {
  db_->script("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    // Without waiting first: a writer that must wait says so, once, then
    // waits up to lock_timeout (then the registry is busy, exit 75).
    const std::string lock = std::to_string(kChainLock);
    Result got = db_->run("SELECT pg_try_advisory_xact_lock($1)", {lock});
    if (got.view(0) != "t") {
      if (on_wait_ && !told_wait_)
        on_wait_();
      told_wait_ = true;
      db_->run("SELECT pg_advisory_xact_lock($1)", {lock});
    }
  } catch (...) {
    rollback();
    throw;
  }
  journal_->forget_head();
}

void PgStore::commit() {
  journal_->flush();
  db_->script("COMMIT");
}

void PgStore::rollback() noexcept {
  PQclear(PQexec(db_->handle(), "ROLLBACK"));
  journal_->forget_head();
}

void PgStore::begin_read() {
  db_->script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void PgStore::end_read() noexcept {
  PQclear(PQexec(db_->handle(), "COMMIT"));
}

Journal& PgStore::journal() {
  return *journal_;
}

int64_t PgStore::journal_size() {
  journal_->flush();
  return db_->scalar("SELECT count(*) FROM journal").value_or(0);
}

std::unique_ptr<BulkInserter> PgStore::bulk_inserter() {
  return std::make_unique<PgBulkInserter>(*db_);
}

std::unique_ptr<KeySnapshot> PgStore::key_snapshot() {
  unsupported(location(), "import with key probes");
}

// The registry is elsewhere: a batch's temporary files go to the local
// temporary folder.
std::string PgStore::scratch_dir() const {
  std::error_code ec;
  std::string dir = std::filesystem::temp_directory_path(ec).string();
  return ec || dir.empty() ? "." : dir;
}

void PgStore::set_uscc_check(const std::string& uscc, bool ok) {
  db_->run("UPDATE holders SET uscc_check_ok = $1 WHERE uscc = $2", {ok ? "1" : "0", uscc});
}

std::vector<RefusalRow> PgStore::refusals_of(const std::string& number) {
  Result r = db_->run(
      "SELECT number, nullif(holder, ''), date, channel FROM refusals WHERE number = $1 "
      "ORDER BY holder IS NOT NULL AND holder <> '', holder, date",
      {number});
  std::vector<RefusalRow> out;
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.push_back({r.text(0), r.optional_text(1), r.text(2), r.optional_text(3)});
  }
  return out;
}

int64_t PgStore::count_inspections(const std::string& prefix) {
  return db_->scalar("SELECT count(*) FROM inspections WHERE id LIKE $1", {prefix + "%"})
      .value_or(0);
}

void PgStore::insert_inspection(const InspectionRow& i) {
  db_->exec(fmt::format("INSERT INTO inspections ({}) VALUES "
                        "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                        kInspectionColumns),
            {i.id, i.inspector, i.date, i.scope, i.plan, i.seed, i.sample, i.findings,
             i.journal_head, i.results});
}

std::vector<InspectionRow> PgStore::inspections() {
  Result r = db_->exec(fmt::format("SELECT {} FROM inspections ORDER BY id", kInspectionColumns));
  std::vector<InspectionRow> out;
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.push_back(read_inspection(r));
  }
  return out;
}

std::optional<InspectionRow> PgStore::find_inspection(const std::string& id) {
  Result r =
      id.empty()
          ? db_->exec(fmt::format("SELECT {} FROM inspections ORDER BY id DESC "
                                  "LIMIT 1",
                                  kInspectionColumns))
          : db_->exec(fmt::format("SELECT {} FROM inspections WHERE id = $1", kInspectionColumns),
                      {id});
  if (r.rows() == 0)
    return std::nullopt;
  return read_inspection(r);
}

// The inspection was found in this transaction: an update that meets no row
// was filtered out by row-level security (another inspector's inspection).
void PgStore::set_inspection_results(const std::string& id, const std::string& results) {
  Result done = permitted("inspection", id, kInspectorPolicy, [&] {
    return db_->exec("UPDATE inspections SET results = $1 WHERE id = $2", {results, id});
  });
  if (done.affected() == 0)
    refused("inspection", id, kInspectorPolicy);
}

}  // namespace numreg::store::pg
