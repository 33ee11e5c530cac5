// The SQLite store's queries of the audit: its population and the rows of
// its sheet.
#include <fmt/format.h>

#include "registry/store/scope_sql.hpp"
#include "registry/store/sqlite_store.hpp"

namespace numreg::store {

namespace {

// The leases in `scope` active on the date bound as ?1.
std::string population_sql(const AuditScope& scope, const char* columns) {
  return fmt::format("SELECT {} FROM leases AS l WHERE {} AND {}", columns,
                     active_on_sql("l", "?1"), lease_scope_sql(scope, "l"));
}

constexpr const char* kSampleSql =
    "SELECT s.rank, l.id, h.name, h.uscc, h.kind, h.legal_rep_id, h.contact,"
    // Each credential as kind, number, validity span and whether it is valid
    // on the audit's date, in fields (unit separator) and records (record
    // separator), so that credentials_cell can put the words in the
    // reader's language.
    " (SELECT group_concat(c.kind || char(31) || c.number || char(31) ||"
    "  coalesce(c.valid_from, '') || '..' || coalesce(c.valid_to, '') || char(31) ||"
    "  CASE WHEN (c.valid_from IS NULL OR c.valid_from <= ?1)"
    "  AND (c.valid_to IS NULL OR ?1 <= c.valid_to) THEN 'valid' ELSE 'NOT VALID' END, char(30))"
    "  FROM credentials AS c WHERE c.holder = h.uscc),"
    " l.resource, r.kind, l.carrier, l.location, l.region, l.purpose, l.start, l.\"end\","
    " (SELECT group_concat(CASE WHEN p.first = p.last THEN p.first ELSE p.first || '..' ||"
    "  p.last END, ';') FROM (SELECT * FROM permits WHERE lease = l.id ORDER BY first_key) AS p),"
    " l.verified_on"
    " FROM temp.audit_sample AS s JOIN leases AS l ON l.id = s.id"
    " JOIN holders AS h ON h.uscc = l.holder LEFT JOIN resources AS r ON r.id = l.resource"
    " ORDER BY s.rank";

void stage_sample(Database& db, const std::vector<std::string>& sample) {
  db.exec("DROP TABLE IF EXISTS temp.audit_sample");
  db.exec("CREATE TEMP TABLE audit_sample (id TEXT PRIMARY KEY, rank INTEGER)");
  // One savepoint for the rows: once the temporary file has been used (a
  // sheet stages its sample a chunk at a time), each insert on its own
  // would write its own rollback journal.
  db.exec("SAVEPOINT stage_sample");
  try {
    Statement ins(db, "INSERT INTO temp.audit_sample (id, rank) VALUES (?, ?)");
    for (size_t i = 0; i < sample.size(); ++i) {
      ins.bind(1, sample[i]).bind(2, static_cast<int64_t>(i + 1));
      ins.run();
      ins.reset();
    }
  } catch (...) {
    db.exec("ROLLBACK TO stage_sample");
    db.exec("RELEASE stage_sample");
    throw;
  }
  db.exec("RELEASE stage_sample");
}

}  // namespace

int64_t SqliteStore::population_size(Date date, const AuditScope& scope) {
  Statement st(*db_, population_sql(scope, "count(*)"));
  st.bind(1, date.iso());
  st.step();
  return st.integer(0);
}

void SqliteStore::population(Date date, const AuditScope& scope, const RowSink& row) {
  each(population_sql(scope, "l.id, l.holder") + " ORDER BY l.id", {date.iso()}, row);
}

void SqliteStore::campaign_holders(const RowSink& row) {
  each("SELECT id, holder FROM campaigns", {}, row);
}

void SqliteStore::sample_sheet_rows(const std::vector<std::string>& sample, Date date,
                                    const RowSink& row) {
  stage_sample(*db_, sample);
  each(kSampleSql, {date.iso()}, row);
  db_->exec("DROP TABLE temp.audit_sample");
}

}  // namespace numreg::store
