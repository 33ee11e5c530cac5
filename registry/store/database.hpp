// A thin RAII layer over SQLite: the connection, prepared statements and
// transactions. SQLite result codes become numreg Errors here and nowhere else.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sqlite3.h>

#include "registry/error.hpp"
#include "registry/store/row.hpp"

namespace numreg::store {

class Database;

/// A prepared statement; bind by 1-based index, step, read columns.
class Statement final : public Row {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind_null(int index);
  /// Bind text without copying it: it must stay alive and unchanged until
  /// the statement has run (the journal's large entries, a million an import).
  Statement& bind_unowned(int index, const std::optional<std::string>& text);
  Statement& bind_unowned(int index, const std::string& text);
  /// Bind bytes as a BLOB (copied).
  Statement& bind_blob(int index, std::string_view bytes);

  /// Step once: true while a row is available, false when done.
  bool step();
  /// Step to completion, for statements that return no rows.
  void run();
  /// Reset for re-use with new bindings.
  void reset();

  bool is_null(int column) const override;
  std::string text(int column) const override;
  /// The text of `column` without a copy, valid until the next step() or
  /// reset() of this statement ("" for NULL).
  std::string_view view(int column) const override;
  /// The bytes of a BLOB `column` without a copy, valid as view()'s text.
  std::string_view blob(int column) const;
  int64_t integer(int column) const override;
  int columns() const;
  std::string column_name(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// How to open a database file.
struct OpenMode {
  bool create = false;     // create the file (mode 0600) when missing
  bool read_only = false;  // open without write access
  int busy_timeout_ms = 5000;
};

/// One SQLite connection in WAL mode with foreign keys on.
class Database {
 public:
  Database(const std::string& path, OpenMode mode);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  /// Run one or more statements that return no rows.
  void exec(std::string_view sql);
  /// The first column of the first row of `sql`, or nullopt.
  std::optional<int64_t> scalar(std::string_view sql);
  /// The statement for `sql`, prepared the first time and kept for the
  /// connection's life; reset, its bindings cleared. For SQL run once a
  /// record (find, insert, update, delete by kind): a caller is done with it,
  /// and has reset it if it stopped before the end, before asking again.
  Statement& cached(const std::string& sql);

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  /// True when the file was opened without write access.
  bool read_only() const;
  int busy_timeout_ms() const { return busy_timeout_ms_; }

  /// Throw the Error for a failed SQLite call `what` that returned `rc`.
  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  std::string read_only_message() const;

  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 5000;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace numreg::store
