#include "registry/store/pg/connection.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace numreg::store::pg {

namespace {

constexpr std::string_view kPolicyCheck = "ExecWithCheckOptions";

// A URI's password, if any, is not repeated in messages.
std::string without_password(const std::string& uri) {
  auto scheme = uri.find("://");
  auto at = uri.find('@');
  if (scheme == std::string::npos || at == std::string::npos)
    return uri;
  auto colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at)
    return uri;
  return uri.substr(0, colon) + ":***" + uri.substr(at);
}

std::vector<const char*> pointers(const Params& params) {
  std::vector<const char*> out;
  out.reserve(params.size());
  for (const auto& p : params)
    out.push_back(p ? p->c_str() : nullptr);
  return out;
}

}  // namespace

int64_t Result::affected() const {
  const char* n = PQcmdTuples(result_);
  int64_t out = 0;
  std::from_chars(n, n + std::char_traits<char>::length(n), out);
  return out;
}

int64_t Result::integer(int column) const {
  std::string_view v = view(column);
  int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

Connection::Connection(const std::string& uri, int lock_timeout_ms)
    : location_(without_password(uri)), lock_timeout_ms_(lock_timeout_ms) {
  conn_ = PQconnectdb(uri.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    // libpq's first line says what failed; the next ones are hints.
    std::string detail = PQerrorMessage(conn_);
    detail = detail.substr(0, detail.find('\n'));
    PQfinish(conn_);
    conn_ = nullptr;
    throw Failure(make_error(ErrorKind::unavailable, "registry-open",
                             fmt::format("cannot open registry {}: {}", location_, detail)));
  }
  script(fmt::format(
      "SET client_encoding = 'UTF8'; SET lock_timeout = {}; SET client_min_messages = warning",
      lock_timeout_ms));
}

Connection::~Connection() {
  PQfinish(conn_);
}

Result Connection::checked(PGresult* result, std::string_view what) {
  ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(result, what);
  return Result(result);
}

Result Connection::exec(const std::string& sql, const Params& params) {
  auto values = pointers(params);
  return checked(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0),
                 "sql");
}

Result Connection::run(const std::string& sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("s{}", prepared_.size() + 1);
    checked(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), "prepare");
    it = prepared_.emplace(sql, name).first;
  }
  auto values = pointers(params);
  return checked(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0),
                 "sql");
}

void Connection::script(const std::string& sql) {
  checked(PQexec(conn_, sql.c_str()), "sql");
}

bool Connection::row_security(std::string_view table) {
  return scalar("SELECT row_security_active($1::text)::int", {std::string(table)}).value_or(0) != 0;
}

std::optional<int64_t> Connection::scalar(const std::string& sql, const Params& params) {
  Result r = exec(sql, params);
  if (r.rows() == 0 || r.is_null(0))
    return std::nullopt;
  return r.integer(0);
}

void Connection::copy_in(const std::string& copy, std::string_view data) {
  PGresult* started = PQexec(conn_, copy.c_str());
  if (PQresultStatus(started) != PGRES_COPY_IN)
    fail(started, "copy");
  PQclear(started);
  // Sent in pieces of a megabyte: libpq buffers what it is given.
  constexpr size_t kPiece = 1 << 20;
  bool sent = true;
  for (size_t at = 0; sent && at < data.size(); at += kPiece) {
    size_t n = std::min(kPiece, data.size() - at);
    sent = PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) == 1;
  }
  if (PQputCopyEnd(conn_, sent ? nullptr : "numreg could not send the rows") != 1)
    fail(nullptr, "copy");
  // The COPY's own answer, then nothing: every result is read before the
  // connection takes the next command.
  PGresult* done = PQgetResult(conn_);
  for (PGresult* more = PQgetResult(conn_); more; more = PQgetResult(conn_))
    PQclear(more);
  if (PQresultStatus(done) != PGRES_COMMAND_OK)
    fail(done, "copy");
  PQclear(done);
}

void copy_field(std::string& row, const std::optional<std::string>& value, bool first) {
  if (!first)
    row += '\t';
  if (!value) {
    row += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        row += "\\\\";
        break;
      case '\t':
        row += "\\t";
        break;
      case '\n':
        row += "\\n";
        break;
      case '\r':
        row += "\\r";
        break;
      default:
        row += c;
    }
  }
}

void Connection::fail(PGresult* result, std::string_view what) {
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string state = sqlstate ? sqlstate : "";
  // The routine that raised it is never translated: every policy's check of
  // a row (INSERT, UPDATE, ON CONFLICT, MERGE) is ExecWithCheckOptions.
  const char* routine = result ? PQresultErrorField(result, PG_DIAG_SOURCE_FUNCTION) : nullptr;
  refused_by_policy_ = state == "42501" && routine && std::string_view(routine) == kPolicyCheck;
  // The message starts with its severity in the server's language ("ERROR:  ",
  // "错误:  "): dropped.
  const char* severity = result ? PQresultErrorField(result, PG_DIAG_SEVERITY) : nullptr;
  std::string prefix = fmt::format("{}:  ", severity ? severity : "ERROR");
  std::string detail = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  PQclear(result);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' '))
    detail.pop_back();
  if (detail.starts_with(prefix))
    detail = detail.substr(prefix.size());
  // Lock waits past lock_timeout, serialization failures and deadlocks: the
  // registry is busy, as SQLite's busy timeout says.
  if (state == "55P03" || state == "40001" || state == "40P01") {
    throw Failure(
        make_error(ErrorKind::busy, "registry-busy",
                   fmt::format("registry {} is busy: another numreg held it for {} ms (try again)",
                               location_, lock_timeout_ms_)));
  }
  if (state.starts_with("08") || PQstatus(conn_) != CONNECTION_OK) {
    throw Failure(
        make_error(ErrorKind::unavailable, "registry-open",
                   fmt::format("lost the connection to registry {}: {}", location_, detail)));
  }
  // Privileges and row-level security (numreg init --roles): the roles
  // refuse it, whatever the journal would have said.
  if (state == "42501") {
    throw Failure(make_error(ErrorKind::not_permitted, "not-permitted",
                             fmt::format("registry {} did not permit database user {} this "
                                         "change: {}",
                                         location_, user(), detail)));
  }
  if (state.starts_with("23")) {
    throw Failure(make_error(ErrorKind::data, "registry-constraint",
                             fmt::format("registry {} refused the change: {}", location_, detail)));
  }
  throw Failure(make_error(ErrorKind::internal, "registry-sql",
                           fmt::format("registry {}: {} failed: {}", location_, what, detail)));
}

}  // namespace numreg::store::pg
