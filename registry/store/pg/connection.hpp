// One libpq connection to a PostgreSQL registry, and the rows of its answers.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/error.hpp"
#include "registry/store/row.hpp"

namespace numreg::store::pg {

/// Values bound to $1, $2, ... as text; nullopt is NULL.
using Params = std::vector<std::optional<std::string>>;

/// An answer: its rows, read one at a time through the Row interface.
class Result final : public Row {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  Result(Result&& other) noexcept : result_(other.result_), row_(other.row_) {
    other.result_ = nullptr;
  }
  Result& operator=(Result&&) = delete;
  Result(const Result&) = delete;
  ~Result() { PQclear(result_); }

  int rows() const { return PQntuples(result_); }
  /// Rows changed by an INSERT, UPDATE or DELETE.
  int64_t affected() const;
  /// Make row `row` the one the Row interface reads.
  void at(int row) { row_ = row; }

  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::string text(int column) const override { return std::string(view(column)); }
  std::string_view view(int column) const override {
    return {PQgetvalue(result_, row_, column),
            static_cast<size_t>(PQgetlength(result_, row_, column))};
  }
  int64_t integer(int column) const override;

 private:
  PGresult* result_;
  int row_ = 0;
};

/// A connection; every call throws Failure when the server refuses.
class Connection {
 public:
  /// Connect to `uri` (a libpq connection URI); `lock_timeout_ms` bounds
  /// every wait for a lock.
  Connection(const std::string& uri, int lock_timeout_ms);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Run `sql` with `params`.
  Result exec(const std::string& sql, const Params& params = {});
  /// Run `sql`, prepared the first time and kept for the connection's life.
  Result run(const std::string& sql, const Params& params);
  /// Run one or more statements without parameters.
  void script(const std::string& sql);
  /// The first column of the first row, or nullopt.
  std::optional<int64_t> scalar(const std::string& sql, const Params& params = {});
  /// Run `copy` (COPY ... FROM STDIN) and send it `data`, rows in COPY's
  /// text format (copy_field below).
  void copy_in(const std::string& copy, std::string_view data);
  /// True when row-level security applies to this session's user on
  /// `table` (roles made by `numreg init --roles`): COPY FROM cannot write
  /// such a table, and a refused row should be told on its own.
  bool row_security(std::string_view table);

  /// True when the last refusal (SQLSTATE 42501) came from a row-level
  /// security policy rather than a missing privilege: both share the code,
  /// and the server's message is in its own language (lc_messages).
  bool refused_by_policy() const { return refused_by_policy_; }

  /// The location as given, its password hidden.
  const std::string& location() const { return location_; }
  int lock_timeout_ms() const { return lock_timeout_ms_; }
  /// The database user the server authenticated (its session_user).
  std::string user() const { return conn_ ? PQuser(conn_) : ""; }
  PGconn* handle() { return conn_; }

  /// Throw the Error for the failed answer `result` of `what`.
  [[noreturn]] void fail(PGresult* result, std::string_view what);

 private:
  Result checked(PGresult* result, std::string_view what);

  PGconn* conn_ = nullptr;
  std::string location_;
  int lock_timeout_ms_;
  bool refused_by_policy_ = false;
  std::map<std::string, std::string, std::less<>> prepared_;  // SQL -> statement name
};

/// Append `value` to `row` as a field of COPY's text format: a tab before
/// every field but the first, \N for NULL, backslash escapes.
void copy_field(std::string& row, const std::optional<std::string>& value, bool first = false);

}  // namespace numreg::store::pg
