// The PostgreSQL store's queries behind the rule catalogue and the audit's
// population and sheet: registry/store/rule_queries.cpp and audit_queries.cpp
// in PostgreSQL's dialect (a truth value read as 0/1 is cast to integer).
// Every answer but r008's and r013's comes in the order of its first column,
// the key, bytewise (the columns are COLLATE "C"), as the audit requires
// (registry/rules/finding_order.hpp).
#include <fmt/format.h>

#include "registry/store/pg/pg_store.hpp"
#include "registry/store/pg/records.hpp"
#include "registry/store/scope_sql.hpp"

namespace numreg::store::pg {

namespace {

std::string active(const std::string& alias) {
  return active_on(alias, "$1::text");
}

std::string leases_in(const AuditScope& scope, const std::string& l) {
  return lease_scope_sql(scope, l);
}

std::string holders_in(const AuditScope& scope, const std::string& h) {
  return holder_scope_sql(scope, h);
}

std::string r002_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "WITH need AS ("
      " SELECT l.id, l.holder, 'call_centre_licence' AS credential,"
      "  CASE WHEN l.purpose = 'marketing' THEN 'purpose marketing'"
      "  ELSE 'holder kind call_centre' END AS why"
      " FROM leases AS l WHERE {0} AND {1} AND (l.purpose = 'marketing'"
      "  OR l.holder IN (SELECT uscc FROM holders WHERE kind = 'call_centre'))"
      " UNION ALL"
      " SELECT l.id, l.holder, 'number_certificate', 'resource ' || l.resource || ' ('"
      "  || (SELECT kind FROM resources WHERE id = l.resource) || ')'"
      " FROM leases AS l WHERE {0} AND {1}"
      "  AND l.resource IN (SELECT id FROM resources WHERE kind IN ('n95', 'n96')))"
      "SELECT n.id, n.holder, n.credential, n.why FROM need AS n WHERE NOT EXISTS ("
      " SELECT 1 FROM credentials AS cr WHERE cr.holder = n.holder AND cr.kind = n.credential"
      " AND (cr.valid_from IS NULL OR cr.valid_from <= $1::text)"
      " AND (cr.valid_to IS NULL OR $1::text <= cr.valid_to)) ORDER BY n.id",
      active("l"), leases_in(a.scope, "l"));
}

std::string r004_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "WITH held AS MATERIALIZED (SELECT l.holder, r.first_key, r.last_key"
      " FROM leases AS l JOIN resources AS r ON r.id = l.resource"
      " WHERE {0} AND r.kind IN ('n95', 'n96', 'n400', 'n800', 'block')"
      " AND r.first_key IS NOT NULL)"
      "SELECT l.id, l.holder, p.first, p.last FROM leases AS l"
      " JOIN permits AS p ON p.lease = l.id"
      " WHERE {0} AND {1} AND NOT EXISTS (SELECT 1 FROM held AS h"
      " WHERE h.holder = l.holder AND h.first_key <= p.first_key AND h.last_key >= p.last_key)"
      " ORDER BY l.id",
      active("l"), leases_in(a.scope, "l"));
}

std::string r007_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "WITH multi AS MATERIALIZED (SELECT resource FROM leases GROUP BY resource"
      " HAVING count(*) > 1)"
      "SELECT a.id, a.resource, string_agg(b.id || ' (holder ' || b.holder || ')', ', '"
      " ORDER BY b.id)"
      " FROM multi AS m JOIN leases AS a ON a.resource = m.resource"
      " JOIN leases AS b ON b.resource = m.resource AND b.holder <> a.holder"
      " WHERE {} AND {} AND {} GROUP BY a.id, a.resource ORDER BY a.id",
      active("a"), active("b"), leases_in(a.scope, "a"));
}

std::string rule_sql(RuleQuery query, const RuleQueryArgs& a) {
  switch (query) {
    case RuleQuery::r001_holders:
      return fmt::format(
          "SELECT h.uscc, h.uscc_check_ok FROM holders AS h WHERE {} ORDER BY h.uscc",
          holders_in(a.scope, "h"));
    case RuleQuery::r002_missing_credentials:
      return r002_sql(a);
    case RuleQuery::r003_blacklisted:
      return fmt::format(
          "SELECT l.id, l.holder, coalesce(h.credit_reason, '') FROM leases AS l"
          " JOIN holders AS h ON h.uscc = l.holder"
          " WHERE {} AND {} AND h.credit_status = 'blacklisted' ORDER BY l.id",
          active("l"), leases_in(a.scope, "l"));
    case RuleQuery::r004_unheld_permits:
      return r004_sql(a);
    case RuleQuery::r005_call_centre_permits:
      return fmt::format(
          "SELECT l.id, p.first, p.last FROM leases AS l JOIN permits AS p ON p.lease = l.id"
          " WHERE {} AND {} AND l.holder IN (SELECT uscc FROM holders WHERE kind = "
          "'call_centre') AND p.first LIKE '+86%' ORDER BY l.id",
          active("l"), leases_in(a.scope, "l"));
    case RuleQuery::r006_unlocated:
      return fmt::format(
          "SELECT l.id, (coalesce(trim(l.location), '') = '')::int, (l.region IS NULL)::int"
          " FROM leases AS l WHERE {} AND {} AND (coalesce(trim(l.location), '') = ''"
          " OR l.region IS NULL) ORDER BY l.id",
          active("l"), leases_in(a.scope, "l"));
    case RuleQuery::r007_shared_resources:
      return r007_sql(a);
    case RuleQuery::r008_active_permits:
      return fmt::format(
          "SELECT p.first_key, p.last_key, l.id, l.holder, p.first, p.last, ({})::int"
          " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {} ORDER BY p.first_key",
          leases_in(a.scope, "l"), active("l"));
    case RuleQuery::r009_marketing_contracts:
      return fmt::format(
          "SELECT l.id, (k.lease IS NULL)::int, (k.freq_cap IS NULL)::int,"
          " (coalesce(trim(k.time_windows), '') = '')::int,"
          " (coalesce(trim(k.targets), '') = '')::int, (coalesce(k.penalty, 0) = 0)::int"
          " FROM leases AS l LEFT JOIN contracts AS k ON k.lease = l.id"
          " WHERE {} AND {} AND l.purpose = 'marketing' ORDER BY l.id",
          active("l"), leases_in(a.scope, "l"));
    case RuleQuery::r010_unverified: {
      AuditScope key;
      key.regions = a.key_regions;
      return fmt::format(
          "SELECT l.id, l.region, l.verified_on FROM leases AS l"
          " WHERE {} AND {} AND {} AND (l.verified_on IS NULL OR l.verified_on < $2::text)"
          " ORDER BY l.id",
          active("l"), leases_in(a.scope, "l"), leases_in(key, "l"));
    }
    case RuleQuery::r011_overdue:
      return fmt::format(
          "SELECT l.id, l.\"end\" FROM leases AS l WHERE l.status = 'active'"
          " AND l.\"end\" IS NOT NULL AND l.\"end\" < $1::text AND {} ORDER BY l.id",
          leases_in(a.scope, "l"));
    case RuleQuery::r012_campaigns: {
      std::string columns;
      for (const char* f : {"business_name", "commissioning_entity", "type", "numbers", "targets",
                            "content", "contact"}) {
        columns += fmt::format(", (coalesce(trim(c.\"{}\"), '') = '')::int", f);
      }
      return fmt::format(
          "SELECT c.id{} FROM campaigns AS c WHERE c.holder IN (SELECT h.uscc FROM holders AS h "
          "WHERE {}) ORDER BY c.id",
          columns, holders_in(a.scope, "h"));
    }
    case RuleQuery::r013_permits:
      return fmt::format(
          "SELECT l.id, p.first, p.last, p.first_key, p.last_key FROM permits AS p"
          " JOIN leases AS l ON l.id = p.lease WHERE {}",
          leases_in(a.scope, "l"));
    case RuleQuery::r013_resources:
      return fmt::format(
          "SELECT l.id, r.id, r.kind, r.first, r.last FROM leases AS l"
          " JOIN resources AS r ON r.id = l.resource"
          " WHERE {} AND (r.kind IN ('n95', 'n96', 'n400', 'n800') OR r.first IS NOT NULL"
          " OR r.last IS NOT NULL)",
          leases_in(a.scope, "l"));
  }
  return "";
}

// The parameters rule query `query` takes.
Params rule_params(RuleQuery query, const RuleQueryArgs& a) {
  switch (query) {
    case RuleQuery::r001_holders:
    case RuleQuery::r012_campaigns:
    case RuleQuery::r013_permits:
    case RuleQuery::r013_resources:
      return {};
    case RuleQuery::r010_unverified:
      return {a.date.iso(), a.verified_since.iso()};
    default:
      return {a.date.iso()};
  }
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

// `items` as a PostgreSQL text array literal.
std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& item : items) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (char c : item) {
      if (c == '"' || c == '\\')
        out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
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
  each(db_->exec(rule_sql(query, a), rule_params(query, a)), row);
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
