// The PostgreSQL store's answers to the rule catalogue's queries (rule_sql.cpp
// writes them for both stores), and the audit's population and sheet
// (audit_queries.cpp in PostgreSQL's dialect). Every rule answer but r008's
// and r013's comes in the order of its first column, the key, bytewise (the
// columns are COLLATE "C"), as the audit requires
// (registry/rules/finding_order.hpp).
#include <fmt/format.h>

#include "registry/store/pg/pg_store.hpp"
#include "registry/store/pg/records.hpp"
#include "registry/store/rule_sql.hpp"
#include "registry/store/scope_sql.hpp"

namespace numreg::store::pg {

namespace {

std::string active(const std::string& alias) {
  return active_on_sql(alias, "$1::text");
}

std::string leases_in(const AuditScope& scope, const std::string& l) {
  return lease_scope_sql(scope, l);
}

const SqlDialect& pg_dialect() {
  static const SqlDialect d{"$1::text", "$2::text", true};
  return d;
}

void each(Result r, const RowSink& row) {
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    row(r);
  }
}

std::string population_sql(const AuditScope& scope, const char* columns) {
  return fmt::format("SELECT {} FROM leases AS l WHERE {} AND {}", columns, active("l"),
                     leases_in(scope, "l"));
}

constexpr const char* kSampleSql =
    "SELECT s.rank, l.id, h.name, h.uscc, h.kind, h.legal_rep_id, h.contact,"
    " (SELECT string_agg(c.kind || chr(31) || c.number || chr(31) ||"
    "  coalesce(c.valid_from, '') || '..' || coalesce(c.valid_to, '') || chr(31) ||"
    "  CASE WHEN (c.valid_from IS NULL OR c.valid_from <= $1::text)"
    "  AND (c.valid_to IS NULL OR $1::text <= c.valid_to) THEN 'valid' ELSE 'NOT VALID' END,"
    "  chr(30) ORDER BY c.kind, c.number)"
    "  FROM credentials AS c WHERE c.holder = h.uscc),"
    " l.resource, r.kind, l.carrier, l.location, l.region, l.purpose, l.start, l.\"end\","
    " (SELECT string_agg(CASE WHEN p.first = p.last THEN p.first ELSE p.first || '..' ||"
    "  p.last END, ';' ORDER BY p.first_key) FROM permits AS p WHERE p.lease = l.id),"
    " l.verified_on"
    " FROM unnest($2::text[]) WITH ORDINALITY AS s(id, rank) JOIN leases AS l ON l.id = s.id"
    " JOIN holders AS h ON h.uscc = l.holder LEFT JOIN resources AS r ON r.id = l.resource"
    " ORDER BY s.rank";

}  // namespace

void PgStore::rule_rows(RuleQuery query, const RuleQueryArgs& a, const RowSink& row) {
  const std::vector<std::string> values = rule_params(query, a);
  each(db_->exec(rule_sql(query, a, pg_dialect()), Params(values.begin(), values.end())), row);
}

int64_t PgStore::population_size(Date date, const AuditScope& scope) {
  return db_->scalar(population_sql(scope, "count(*)"), {date.iso()}).value_or(0);
}

void PgStore::population(Date date, const AuditScope& scope, const RowSink& row) {
  each(db_->exec(population_sql(scope, "l.id, l.holder") + " ORDER BY l.id", {date.iso()}), row);
}

void PgStore::campaign_holders(const RowSink& row) {
  each(db_->exec("SELECT id, holder FROM campaigns ORDER BY id"), row);
}

void PgStore::sample_sheet_rows(const std::vector<std::string>& sample, Date date,
                                const RowSink& row) {
  each(db_->exec(kSampleSql, {date.iso(), text_array(sample)}), row);
}

}  // namespace numreg::store::pg
