// Reads of the ledger: lists with filters, who, the journal, verify, backup.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "registry/ledger.hpp"
#include "registry/store/ranges.hpp"

namespace numreg {

namespace {

// A region filter covers its districts (prefecture) or everything (province).
std::string region_clause(const std::string& column, const std::string& code) {
  if (code.ends_with("0000")) {
    return fmt::format("substr({}, 1, 2) = '{}'", column, code.substr(0, 2));
  }
  if (code.ends_with("00")) {
    return fmt::format("substr({}, 1, 4) = '{}'", column, code.substr(0, 4));
  }
  return fmt::format("{} = '{}'", column, code);
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += i ? ", ?" : "?";
  return out;
}

void add_regions(store::Where& where, const std::vector<std::string>& regions) {
  if (regions.empty())
    return;
  std::string any;
  for (const auto& code : regions) {
    // Codes come from parse_region: six digits, safe to inline.
    any += (any.empty() ? "" : " OR ") + region_clause("t.region", code);
  }
  where.also(any);
}

void add_expiring(store::Where& where, const std::string& column, Date from, int days) {
  where.also(fmt::format("t.{0} IS NOT NULL AND t.{0} BETWEEN ? AND ?", column),
             {from.iso(), from.plus_days(days).iso()});
}

store::Where where_for(const Kind& kind, const ListQuery& q, Date today) {
  store::Where where;
  add_regions(where, q.regions);
  bool leases = kind.name == "leases";
  if (!q.kinds.empty()) {
    where.also(leases ? "t.resource IN (SELECT id FROM resources WHERE kind IN (" +
                            placeholders(q.kinds.size()) + "))"
                      : "t.kind IN (" + placeholders(q.kinds.size()) + ")",
               q.kinds);
  }
  if (!q.holder.empty())
    where.also("t.holder = ?", {q.holder});
  if (!q.lease.empty())
    where.also("t.lease = ?", {q.lease});
  if (!q.status.empty()) {
    where.also(leases ? "t.status = ?" : "t.credit_status = ?", {q.status});
  }
  if (q.as_of && leases) {
    where.also(active_on_sql("t", "?"), {q.as_of->iso(), q.as_of->iso()});
  }
  if (q.expiring_days) {
    Date from = q.as_of.value_or(today);
    add_expiring(where, leases ? "\"end\"" : "valid_to", from, *q.expiring_days);
  }
  if (!q.key_prefix.empty() && kind.key.size() == 1) {
    where.also(fmt::format("substr(t.{0}, 1, length(?)) = ?", store::sql_name(kind.key[0])),
               {q.key_prefix, q.key_prefix});
  }
  where.limit = q.limit;
  return where;
}

}  // namespace

std::vector<Record> Ledger::list(const Kind& kind, const ListQuery& query) {
  return store::select_records(*db_, kind, where_for(kind, query, clock_.today));
}

std::vector<WhoMatch> Ledger::who(const Number& number, Date date) {
  std::string sql = fmt::format(
      "SELECT l.holder, h.name, l.id, l.resource, 'resource' FROM {0} "
      "JOIN leases AS l ON l.resource = p.id JOIN holders AS h ON h.uscc = l.holder WHERE {2} "
      "UNION ALL "
      "SELECT l.holder, h.name, l.id, l.resource, 'permit' FROM {1} "
      "JOIN leases AS l ON l.id = p.lease JOIN holders AS h ON h.uscc = l.holder WHERE {2} "
      "ORDER BY 5 DESC, 3",
      store::covering_join("resources"), store::covering_join("permits"), active_on_sql("l", "?2"));
  store::Statement st(*db_, sql);
  st.bind(1, number.key()).bind(2, date.iso());
  std::vector<WhoMatch> out;
  while (st.step()) {
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
  }
  return out;
}

std::vector<store::JournalEntry> Ledger::log(const store::JournalQuery& query) {
  return journal_->read(query);
}

VerifyReport Ledger::verify() {
  VerifyReport report;
  Replay replay(*db_);
  report.chain = journal_->check([&replay](const store::JournalEntry& e) { replay.entry(e); });
  report.replay = replay.compare();
  store::Statement integrity(*db_, "PRAGMA integrity_check");
  while (integrity.step()) {
    if (integrity.text(0) != "ok") {
      report.sqlite_problems.push_back(integrity.text(0));
    }
  }
  store::Statement fk(*db_, "PRAGMA foreign_key_check");
  while (fk.step()) {
    report.sqlite_problems.push_back(
        fmt::format("{} row {} refers to a missing {}", fk.text(0), fk.text(1), fk.text(2)));
  }
  return report;
}

void Ledger::backup(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    throw Failure(make_error(ErrorKind::cant_create, "backup-exists",
                             fmt::format("{} already exists (choose a new file)", path)));
  }
  store::Database target(path, {.create = true, .busy_timeout_ms = db_->busy_timeout_ms()});
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
}

}  // namespace numreg
