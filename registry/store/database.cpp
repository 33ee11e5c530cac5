#include "registry/store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace numreg::store {

namespace {

ErrorKind kind_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorKind::busy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
      return ErrorKind::unavailable;
    case SQLITE_CORRUPT:
    case SQLITE_CONSTRAINT:
      return ErrorKind::data;
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      return ErrorKind::io;
    default:
      return ErrorKind::internal;
  }
}

// Create the file with mode 0600 before SQLite opens it, so the registry is
// never readable by others, whatever the umask.
void create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return;
    }
    throw Failure(
        make_error(ErrorKind::cant_create, "registry-create",
                   fmt::format("cannot create registry {}: {}", path, std::strerror(errno))));
  }
  ::close(fd);
}

// The URI that opens `path` for reading only. On a read-only file system
// SQLite cannot make the WAL's shared-memory file, so the registry is opened
// as immutable there (nobody can change it); elsewhere read-only.
std::string read_only_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  struct statvfs fs {};
  bool frozen = ::statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
  return uri + (frozen ? "?immutable=1" : "?mode=ro");
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode)
    : path_(path), busy_timeout_ms_(mode.busy_timeout_ms) {
  // numreg reads no memory statistics: without them SQLite's allocator takes
  // no global lock (must be set before SQLite initialises; harmless after).
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  if (mode.create) {
    create_private_file(path);
  }
  int flags = mode.read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE;
  flags |= SQLITE_OPEN_NOMUTEX;
  std::string name = mode.read_only ? read_only_uri(path) : path;
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Failure(make_error(ErrorKind::unavailable, "registry-open",
                             fmt::format("cannot open registry {}: {}", path, msg)));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, mode.busy_timeout_ms);
  // A constructor that throws runs no destructor: close the handle here.
  try {
    if (!mode.read_only) {
      // SQLite quietly opens a file it may not write read-only; say so now
      // rather than fail on the first write.
      if (sqlite3_db_readonly(db_, "main") == 1) {
        throw Failure(make_error(ErrorKind::io, "registry-read-only", read_only_message()));
      }
      exec("PRAGMA journal_mode=WAL");
    }
    exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL");
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  cache_.clear();  // statements are finalized before their connection closes
  sqlite3_close_v2(db_);
}

Statement& Database::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end())
    it = cache_.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
  it->second->reset();
  return *it->second;
}

bool Database::read_only() const {
  return sqlite3_db_readonly(db_, "main") == 1;
}

std::string Database::read_only_message() const {
  return fmt::format(
      "registry {} is read-only: numreg must be able to write the file and its directory", path_);
}

void Database::fail(int rc, std::string_view what) const {
  ErrorKind kind = kind_of(rc);
  std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (kind == ErrorKind::busy) {
    throw Failure(
        make_error(kind, "registry-busy",
                   fmt::format("registry {} is busy: another numreg held it for {} ms (try again)",
                               path_, busy_timeout_ms_)));
  }
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
    throw Failure(make_error(
        kind, "registry-corrupt",
        fmt::format("registry {} is damaged or not a numreg registry: {}", path_, detail)));
  }
  if ((rc & 0xff) == SQLITE_FULL) {
    throw Failure(make_error(
        kind, "registry-full",
        fmt::format("cannot write registry {}: the disk is full (nothing was changed)", path_)));
  }
  if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM) {
    throw Failure(make_error(kind, "registry-read-only", read_only_message()));
  }
  if ((rc & 0xff) == SQLITE_IOERR) {
    throw Failure(make_error(kind, "registry-io",
                             fmt::format("cannot read or write registry {}: {}", path_, detail)));
  }
  if ((rc & 0xff) == SQLITE_CANTOPEN) {
    throw Failure(make_error(kind, "registry-open",
                             fmt::format("cannot open registry {}: {}", path_, detail)));
  }
  throw Failure(make_error(kind, "sqlite", fmt::format("{}: {}", what, detail)));
}

void Database::exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) {
    fail(rc, "sql");
  }
}

std::optional<int64_t> Database::scalar(std::string_view sql) {
  Statement st(*this, sql);
  if (!st.step() || st.is_null(0)) {
    return std::nullopt;
  }
  return st.integer(0);
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    db.fail(rc, "prepare");
  }
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) {
    db_->fail(rc, "bind");
  }
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) {
    db_->fail(rc, "bind");
  }
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind_unowned(int index, const std::optional<std::string>& text) {
  return text ? bind_unowned(index, *text) : bind_null(index);
}

Statement& Statement::bind_unowned(int index, const std::string& text) {
  int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK)
    db_->fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  sqlite3_reset(stmt_);
  db_->fail(rc, "step");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), n) : std::string();
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) {
    db_->fail(rc, "bind");
  }
  return *this;
}

std::string_view Statement::blob(int column) const {
  const auto* p = sqlite3_column_blob(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n))
           : std::string_view();
}

std::string_view Statement::view(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
           : std::string_view();
}

int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

int Statement::columns() const {
  return sqlite3_column_count(stmt_);
}

std::string Statement::column_name(int column) const {
  return sqlite3_column_name(stmt_, column);
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace numreg::store
