// The SQLite store's queries behind the rule catalogue: one set-based query
// per rule (two for R013), never a query per lease. What each answers, and
// its columns, is said at RuleQuery in store.hpp. Every answer but r008's
// and r013's comes in the order of its first column, the key (bytewise):
// the audit holds one key's findings at a time and refuses an answer out of
// order (registry/rules/finding_order.hpp). A narrowed scope (regions,
// kinds, a holder) is found through the leases' indexes, so that a region's
// audit reads its region's rows, not the province's.
#include <fmt/format.h>

#include "registry/store/scope_sql.hpp"
#include "registry/store/sqlite_store.hpp"

namespace numreg::store {

namespace {

std::string active(const std::string& alias) {
  return active_on_sql(alias, "?1");
}

// True when the scope picks some leases: their indexes then lead each
// query, rather than a pass over the whole ledger.
bool narrowed(const AuditScope& scope) {
  return !scope.regions.empty() || !scope.kinds.empty() || !scope.holder.empty();
}

std::string r002_sql(const RuleQueryArgs& a) {
  // IN (subquery) builds each small set once; a join would look up the
  // holder or resource of every lease.
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
      " FROM leases AS l WHERE {0} AND {1} AND {2})"
      "SELECT n.id, n.holder, n.credential, n.why FROM need AS n WHERE NOT EXISTS ("
      " SELECT 1 FROM credentials AS cr WHERE cr.holder = n.holder AND cr.kind = n.credential"
      " AND (cr.valid_from IS NULL OR cr.valid_from <= ?1)"
      " AND (cr.valid_to IS NULL OR ?1 <= cr.valid_to)) ORDER BY n.id",
      active("l"), lease_scope_sql(a.scope, "l"),
      // A narrowed scope looks up the kind of its leases' resources rather
      // than read every resource.
      narrowed(a.scope) ? "(SELECT kind FROM resources WHERE id = l.resource) IN ('n95', 'n96')"
                        : "l.resource IN (SELECT id FROM resources WHERE kind IN ('n95', 'n96'))");
}

std::string r003_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, l.holder, coalesce(h.credit_reason, '') FROM leases AS l"
      " JOIN holders AS h ON h.uscc = l.holder"
      " WHERE {} AND {} AND h.credit_status = 'blacklisted' ORDER BY l.id",
      active("l"), lease_scope_sql(a.scope, "l"));
}

std::string r004_narrowed_sql(const RuleQueryArgs& a) {
  // The permits of the active leases in scope, each probing the number
  // resources that could cover it (by span class, as `who` finds a number)
  // for one its holder leases on the date (CROSS JOIN keeps that order:
  // not the holder's every lease first), and no pass over other holders.
  return fmt::format(
      "WITH scoped AS MATERIALIZED (SELECT l.id, l.holder FROM leases AS l WHERE {} AND {})"
      "SELECT l.id, l.holder, p.first, p.last FROM scoped AS l"
      " JOIN permits AS p ON p.lease = l.id WHERE NOT EXISTS (SELECT 1 FROM span_classes AS c"
      " CROSS JOIN resources AS r ON c.tbl = 'resources' AND r.span_class = c.class"
      " AND r.first_key BETWEEN p.last_key - ((1 << c.class) - 1) AND p.first_key"
      " AND r.last_key >= p.last_key"
      " CROSS JOIN leases AS h ON h.resource = r.id"
      " WHERE r.kind IN ('n95', 'n96', 'n400', 'n800', 'block') AND h.holder = l.holder AND {})"
      " ORDER BY l.id",
      active("l"), lease_scope_sql(a.scope, "l"), active("h"));
}

std::string r005_sql(const RuleQueryArgs& a) {
  // A narrowed scope's active leases are found first, by its indexes; the
  // whole ledger's through the call centres' leases.
  return fmt::format(
      "WITH scoped AS {}(SELECT l.id, l.holder FROM leases AS l WHERE {} AND {})"
      "SELECT l.id, p.first, p.last FROM scoped AS l JOIN permits AS p ON p.lease = l.id"
      " WHERE l.holder IN (SELECT uscc FROM holders WHERE kind = 'call_centre')"
      " AND p.first LIKE '+86%' ORDER BY l.id",
      narrowed(a.scope) ? "MATERIALIZED " : "", active("l"), lease_scope_sql(a.scope, "l"));
}

std::string r006_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, coalesce(trim(l.location), '') = '', l.region IS NULL FROM leases AS l"
      " WHERE {} AND {} AND (coalesce(trim(l.location), '') = '' OR l.region IS NULL)"
      " ORDER BY l.id",
      active("l"), lease_scope_sql(a.scope, "l"));
}

std::string r007_sql(const RuleQueryArgs& a) {
  if (narrowed(a.scope)) {
    // The active leases in scope, found first, each probing its resource's
    // other leases.
    return fmt::format(
        "WITH scoped AS MATERIALIZED (SELECT a.id, a.resource, a.holder FROM leases AS a"
        " WHERE {} AND {})"
        "SELECT a.id, a.resource, group_concat(b.id || ' (holder ' || b.holder || ')', ', ')"
        " FROM scoped AS a JOIN leases AS b ON b.resource = a.resource AND b.holder <> a.holder"
        " WHERE {} GROUP BY a.id ORDER BY a.id",
        active("a"), lease_scope_sql(a.scope, "a"), active("b"));
  }
  // Only resources with two leases or more (read off the covering index)
  // can be shared; the self-join runs over those alone.
  return fmt::format(
      "WITH multi AS MATERIALIZED (SELECT resource FROM leases GROUP BY resource"
      " HAVING count(*) > 1)"
      "SELECT a.id, a.resource, group_concat(b.id || ' (holder ' || b.holder || ')', ', ')"
      " FROM multi AS m CROSS JOIN leases AS a ON a.resource = m.resource"
      " JOIN leases AS b ON b.resource = m.resource AND b.holder <> a.holder"
      " WHERE {} AND {} GROUP BY a.id ORDER BY a.id",
      active("a"), active("b"));
}

std::string r008_sql(const RuleQueryArgs& a) {
  constexpr const char* kColumns =
      "SELECT p.first_key, p.last_key, l.id, l.holder, p.first, p.last, {}"
      " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {}";
  if (!narrowed(a.scope)) {
    return fmt::format(fmt::runtime(std::string(kColumns) + " ORDER BY p.first_key"),
                       lease_scope_sql(a.scope, "l"), active("l"));
  }
  // The permits of active leases in scope, and every permit that overlaps
  // one of them (found by span class, as `who` finds a number): the sweep
  // sees each pair that concerns the scope, and no other permit.
  return fmt::format(
      "WITH mine AS MATERIALIZED (SELECT p.rowid AS id, p.first_key, p.last_key"
      " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {0} AND {1}),"
      " near AS (SELECT id FROM mine UNION SELECT o.rowid FROM mine AS m"
      " JOIN span_classes AS c ON c.tbl = 'permits' JOIN permits AS o"
      " ON o.span_class = c.class"
      " AND o.first_key BETWEEN m.first_key - ((1 << c.class) - 1) AND m.last_key"
      " AND o.last_key >= m.first_key) {2} AND p.rowid IN (SELECT id FROM near)"
      " ORDER BY p.first_key",
      active("l"), lease_scope_sql(a.scope, "l"),
      fmt::format(fmt::runtime(kColumns), lease_scope_sql(a.scope, "l"), active("l")));
}

std::string r009_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, k.lease IS NULL, k.freq_cap IS NULL,"
      " coalesce(trim(k.time_windows), '') = '', coalesce(trim(k.targets), '') = '',"
      " coalesce(k.penalty, 0) = 0"
      " FROM leases AS l LEFT JOIN contracts AS k ON k.lease = l.id"
      " WHERE {} AND {} AND l.purpose = 'marketing' ORDER BY l.id",
      active("l"), lease_scope_sql(a.scope, "l"));
}

std::string r010_sql(const RuleQueryArgs& a) {
  AuditScope key;
  key.regions = a.key_regions;
  return fmt::format(
      "SELECT l.id, l.region, l.verified_on FROM leases AS l"
      " WHERE {} AND {} AND {} AND (l.verified_on IS NULL OR l.verified_on < ?2)"
      " ORDER BY l.id",
      active("l"), lease_scope_sql(a.scope, "l"), lease_scope_sql(key, "l"));
}

std::string r011_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, l.\"end\" FROM leases AS l"
      " WHERE l.status = 'active' AND l.\"end\" IS NOT NULL AND l.\"end\" < ?1 AND {}"
      " ORDER BY l.id",
      lease_scope_sql(a.scope, "l"));
}

std::string r001_sql(const RuleQueryArgs& a) {
  return fmt::format("SELECT h.uscc, h.uscc_check_ok FROM holders AS h WHERE {} ORDER BY h.uscc",
                     holder_scope_sql(a.scope, "h"));
}

std::string r012_sql(const RuleQueryArgs& a) {
  static const char* kFields[] = {
      "business_name", "commissioning_entity", "type", "numbers", "targets", "content", "contact"};
  std::string columns;
  for (const char* f : kFields) {
    columns += fmt::format(", coalesce(trim(c.\"{}\"), '') = ''", f);
  }
  return fmt::format(
      "SELECT c.id{} FROM campaigns AS c WHERE c.holder IN (SELECT h.uscc FROM holders AS h "
      "WHERE {}) ORDER BY c.id",
      columns, holder_scope_sql(a.scope, "h"));
}

std::string r013_permits_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, p.first, p.last, p.first_key, p.last_key FROM permits AS p"
      " JOIN leases AS l ON l.id = p.lease WHERE {}",
      lease_scope_sql(a.scope, "l"));
}

std::string r013_resources_sql(const RuleQueryArgs& a) {
  return fmt::format(
      "SELECT l.id, r.id, r.kind, r.first, r.last FROM leases AS l"
      " JOIN resources AS r ON r.id = l.resource"
      " WHERE {} AND (r.kind IN ('n95', 'n96', 'n400', 'n800') OR r.first IS NOT NULL"
      " OR r.last IS NOT NULL)",
      lease_scope_sql(a.scope, "l"));
}

}  // namespace

void SqliteStore::rule_rows(RuleQuery query, const RuleQueryArgs& a, const RowSink& row) {
  const std::string date = a.date.iso();
  switch (query) {
    case RuleQuery::r001_holders:
      return each(r001_sql(a), {}, row);
    case RuleQuery::r002_missing_credentials:
      return each(r002_sql(a), {date}, row);
    case RuleQuery::r003_blacklisted:
      return each(r003_sql(a), {date}, row);
    case RuleQuery::r004_unheld_permits: {
      if (narrowed(a.scope))
        return each(r004_narrowed_sql(a), {date}, row);
      // The number ranges each holder holds on the date, indexed once; every
      // permit then probes its holder's ranges.
      db_->exec("DROP TABLE IF EXISTS temp.audit_held");
      each(fmt::format("CREATE TEMP TABLE audit_held AS SELECT l.holder, r.first_key, r.last_key"
                       " FROM leases AS l JOIN resources AS r ON r.id = l.resource"
                       " WHERE {} AND r.kind IN ('n95', 'n96', 'n400', 'n800', 'block')"
                       " AND r.first_key IS NOT NULL",
                       active("l")),
           {date}, [](const Row&) {});
      db_->exec("CREATE INDEX temp.audit_held_holder ON audit_held(holder, first_key)");
      each(
          fmt::format("SELECT l.id, l.holder, p.first, p.last FROM leases AS l"
                      " JOIN permits AS p ON p.lease = l.id"
                      " WHERE {} AND NOT EXISTS (SELECT 1 FROM audit_held AS h"
                      " WHERE h.holder = l.holder"
                      " AND h.first_key <= p.first_key AND h.last_key >= p.last_key) ORDER BY l.id",
                      active("l")),
          {date}, row);
      db_->exec("DROP TABLE temp.audit_held");
      return;
    }
    case RuleQuery::r005_call_centre_permits:
      return each(r005_sql(a), {date}, row);
    case RuleQuery::r006_unlocated:
      return each(r006_sql(a), {date}, row);
    case RuleQuery::r007_shared_resources:
      return each(r007_sql(a), {date}, row);
    case RuleQuery::r008_active_permits:
      return each(r008_sql(a), {date}, row);
    case RuleQuery::r009_marketing_contracts:
      return each(r009_sql(a), {date}, row);
    case RuleQuery::r010_unverified:
      return each(r010_sql(a), {date, a.verified_since.iso()}, row);
    case RuleQuery::r011_overdue:
      return each(r011_sql(a), {date}, row);
    case RuleQuery::r012_campaigns:
      return each(r012_sql(a), {}, row);
    case RuleQuery::r013_permits:
      return each(r013_permits_sql(a), {}, row);
    case RuleQuery::r013_resources:
      return each(r013_resources_sql(a), {}, row);
  }
}

}  // namespace numreg::store
