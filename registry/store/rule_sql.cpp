#include "registry/store/rule_sql.hpp"

#include <fmt/format.h>

#include "registry/store/scope_sql.hpp"

namespace numreg::store {

std::string SqlDialect::truth(const std::string& condition) const {
  return postgres ? "(" + condition + ")::int" : condition;
}

std::string SqlDialect::joined(const std::string& item, const std::string& order) const {
  // SQLite (before 3.44) has no ORDER BY in an aggregate: a group comes in
  // the order its rows are read, which the queries below make `order`.
  return postgres ? fmt::format("string_agg({}, ', ' ORDER BY {})", item, order)
                  : fmt::format("group_concat({}, ', ')", item);
}

std::string SqlDialect::power_of_two(const std::string& exponent) const {
  // SQLite's integers are 64-bit; PostgreSQL's literal 1 is a 32-bit integer.
  return (postgres ? "(1::bigint << " : "(1 << ") + exponent + ")";
}

bool narrowed(const AuditScope& scope) {
  return !scope.regions.empty() || !scope.kinds.empty() || !scope.holder.empty();
}

namespace {

// SQLite reads CROSS JOIN as "join in this order"; PostgreSQL's CROSS JOIN
// takes no ON, and its planner orders joins itself.
std::string ordered_join(const SqlDialect& d) {
  return d.postgres ? "JOIN" : "CROSS JOIN";
}

struct Builder {
  const RuleQueryArgs& a;
  const SqlDialect& d;

  std::string active(const std::string& alias) const { return active_on_sql(alias, d.date); }
  std::string leases_in(const std::string& alias) const { return lease_scope_sql(a.scope, alias); }

  std::string r001() const {
    return fmt::format("SELECT h.uscc, h.uscc_check_ok FROM holders AS h WHERE {} ORDER BY h.uscc",
                       holder_scope_sql(a.scope, "h"));
  }

  std::string r002() const {
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
        " AND (cr.valid_from IS NULL OR cr.valid_from <= {3})"
        " AND (cr.valid_to IS NULL OR {3} <= cr.valid_to)) ORDER BY n.id",
        active("l"), leases_in("l"),
        // A narrowed scope looks up the kind of its leases' resources rather
        // than read every resource.
        narrowed(a.scope) ? "(SELECT kind FROM resources WHERE id = l.resource) IN ('n95', 'n96')"
                          : "l.resource IN (SELECT id FROM resources WHERE kind IN ('n95', 'n96'))",
        d.date);
  }

  std::string r003() const {
    return fmt::format(
        "SELECT l.id, l.holder, coalesce(h.credit_reason, '') FROM leases AS l"
        " JOIN holders AS h ON h.uscc = l.holder"
        " WHERE {} AND {} AND h.credit_status = 'blacklisted' ORDER BY l.id",
        active("l"), leases_in("l"));
  }

  std::string r004_narrowed() const {
    // The permits of the active leases in scope, each probing the number
    // resources that could cover it (by span class, as `who` finds a
    // number) for one its holder leases on the date (the ordered join keeps
    // that order: not the holder's every lease first), and no pass over
    // other holders.
    return fmt::format(
        "WITH scoped AS MATERIALIZED (SELECT l.id, l.holder FROM leases AS l WHERE {0} AND {1})"
        "SELECT l.id, l.holder, p.first, p.last FROM scoped AS l"
        " JOIN permits AS p ON p.lease = l.id WHERE NOT EXISTS (SELECT 1 FROM span_classes AS c"
        " {3} resources AS r ON c.tbl = 'resources' AND r.span_class = c.class"
        " AND r.first_key BETWEEN p.last_key - ({4} - 1) AND p.first_key"
        " AND r.last_key >= p.last_key"
        " {3} leases AS h ON h.resource = r.id"
        " WHERE r.kind IN ('n95', 'n96', 'n400', 'n800', 'block') AND h.holder = l.holder AND {2})"
        " ORDER BY l.id",
        active("l"), leases_in("l"), active("h"), ordered_join(d), d.power_of_two("c.class"));
  }

  std::string r005() const {
    // A narrowed scope's active leases are found first, by its indexes; the
    // whole ledger's through the call centres' leases.
    return fmt::format(
        "WITH scoped AS {}(SELECT l.id, l.holder FROM leases AS l WHERE {} AND {})"
        "SELECT l.id, p.first, p.last FROM scoped AS l JOIN permits AS p ON p.lease = l.id"
        " WHERE l.holder IN (SELECT uscc FROM holders WHERE kind = 'call_centre')"
        " AND p.first LIKE '+86%' ORDER BY l.id",
        narrowed(a.scope) ? "MATERIALIZED " : "", active("l"), leases_in("l"));
  }

  std::string r006() const {
    return fmt::format(
        "SELECT l.id, {}, {} FROM leases AS l"
        " WHERE {} AND {} AND (coalesce(trim(l.location), '') = '' OR l.region IS NULL)"
        " ORDER BY l.id",
        d.truth("coalesce(trim(l.location), '') = ''"), d.truth("l.region IS NULL"), active("l"),
        leases_in("l"));
  }

  std::string r007() const {
    // The other holders' leases come by the index on (resource, id): in
    // order of id, which PostgreSQL is told.
    const std::string others = d.joined("b.id || ' (holder ' || b.holder || ')'", "b.id");
    if (narrowed(a.scope)) {
      // The active leases in scope, found first, each probing its
      // resource's other leases.
      return fmt::format(
          "WITH scoped AS MATERIALIZED (SELECT a.id, a.resource, a.holder FROM leases AS a"
          " WHERE {} AND {})"
          "SELECT a.id, a.resource, {} FROM scoped AS a JOIN leases AS b"
          " ON b.resource = a.resource AND b.holder <> a.holder"
          " WHERE {} GROUP BY a.id, a.resource ORDER BY a.id",
          active("a"), leases_in("a"), others, active("b"));
    }
    // Only resources with two leases or more (read off the covering index)
    // can be shared; the self-join runs over those alone.
    return fmt::format(
        "WITH multi AS MATERIALIZED (SELECT resource FROM leases GROUP BY resource"
        " HAVING count(*) > 1)"
        "SELECT a.id, a.resource, {} FROM multi AS m {} leases AS a ON a.resource = m.resource"
        " JOIN leases AS b ON b.resource = m.resource AND b.holder <> a.holder"
        " WHERE {} AND {} GROUP BY a.id, a.resource ORDER BY a.id",
        others, ordered_join(d), active("a"), active("b"));
  }

  std::string r008() const {
    const std::string columns = fmt::format(
        "SELECT p.first_key, p.last_key, l.id, l.holder, p.first, p.last, {}"
        " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {}",
        d.truth(leases_in("l")), active("l"));
    if (!narrowed(a.scope))
      return columns + " ORDER BY p.first_key";
    // The permits of active leases in scope, and every permit that overlaps
    // one of them (found by span class, as `who` finds a number): the sweep
    // sees each pair that concerns the scope, and no other permit.
    return fmt::format(
        "WITH mine AS MATERIALIZED (SELECT p.rowid AS id, p.first_key, p.last_key"
        " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {0} AND {1}),"
        " near AS (SELECT id FROM mine UNION SELECT o.rowid FROM mine AS m"
        " JOIN span_classes AS c ON c.tbl = 'permits' JOIN permits AS o"
        " ON o.span_class = c.class"
        " AND o.first_key BETWEEN m.first_key - ({3} - 1) AND m.last_key"
        " AND o.last_key >= m.first_key) {2} AND p.rowid IN (SELECT id FROM near)"
        " ORDER BY p.first_key",
        active("l"), leases_in("l"), columns, d.power_of_two("c.class"));
  }

  std::string r009() const {
    return fmt::format(
        "SELECT l.id, {}, {}, {}, {}, {}"
        " FROM leases AS l LEFT JOIN contracts AS k ON k.lease = l.id"
        " WHERE {} AND {} AND l.purpose = 'marketing' ORDER BY l.id",
        d.truth("k.lease IS NULL"), d.truth("k.freq_cap IS NULL"),
        d.truth("coalesce(trim(k.time_windows), '') = ''"),
        d.truth("coalesce(trim(k.targets), '') = ''"), d.truth("coalesce(k.penalty, 0) = 0"),
        active("l"), leases_in("l"));
  }

  std::string r010() const {
    AuditScope key;
    key.regions = a.key_regions;
    return fmt::format(
        "SELECT l.id, l.region, l.verified_on FROM leases AS l"
        " WHERE {} AND {} AND {} AND (l.verified_on IS NULL OR l.verified_on < {})"
        " ORDER BY l.id",
        active("l"), leases_in("l"), lease_scope_sql(key, "l"), d.since);
  }

  std::string r011() const {
    return fmt::format(
        "SELECT l.id, l.\"end\" FROM leases AS l"
        " WHERE l.status = 'active' AND l.\"end\" IS NOT NULL AND l.\"end\" < {} AND {}"
        " ORDER BY l.id",
        d.date, leases_in("l"));
  }

  std::string r012() const {
    std::string columns;
    for (const char* f : {"business_name", "commissioning_entity", "type", "numbers", "targets",
                          "content", "contact"}) {
      columns += ", " + d.truth(fmt::format("coalesce(trim(c.\"{}\"), '') = ''", f));
    }
    return fmt::format(
        "SELECT c.id{} FROM campaigns AS c WHERE c.holder IN (SELECT h.uscc FROM holders AS h "
        "WHERE {}) ORDER BY c.id",
        columns, holder_scope_sql(a.scope, "h"));
  }

  std::string r013_permits() const {
    return fmt::format(
        "SELECT l.id, p.first, p.last, p.first_key, p.last_key FROM permits AS p"
        " JOIN leases AS l ON l.id = p.lease WHERE {}",
        leases_in("l"));
  }

  std::string r013_resources() const {
    return fmt::format(
        "SELECT l.id, r.id, r.kind, r.first, r.last FROM leases AS l"
        " JOIN resources AS r ON r.id = l.resource"
        " WHERE {} AND (r.kind IN ('n95', 'n96', 'n400', 'n800') OR r.first IS NOT NULL"
        " OR r.last IS NOT NULL)",
        leases_in("l"));
  }
};

}  // namespace

std::string rule_sql(RuleQuery query, const RuleQueryArgs& a, const SqlDialect& dialect) {
  const Builder b{a, dialect};
  switch (query) {
    case RuleQuery::r001_holders:
      return b.r001();
    case RuleQuery::r002_missing_credentials:
      return b.r002();
    case RuleQuery::r003_blacklisted:
      return b.r003();
    case RuleQuery::r004_unheld_permits:
      return narrowed(a.scope)
                 ? b.r004_narrowed()
                 : fmt::format("WITH held AS MATERIALIZED ({}) {}", r004_held_sql(dialect),
                               r004_unheld_sql(dialect, "held"));
    case RuleQuery::r005_call_centre_permits:
      return b.r005();
    case RuleQuery::r006_unlocated:
      return b.r006();
    case RuleQuery::r007_shared_resources:
      return b.r007();
    case RuleQuery::r008_active_permits:
      return b.r008();
    case RuleQuery::r009_marketing_contracts:
      return b.r009();
    case RuleQuery::r010_unverified:
      return b.r010();
    case RuleQuery::r011_overdue:
      return b.r011();
    case RuleQuery::r012_campaigns:
      return b.r012();
    case RuleQuery::r013_permits:
      return b.r013_permits();
    case RuleQuery::r013_resources:
      return b.r013_resources();
  }
  return "";
}

std::vector<std::string> rule_params(RuleQuery query, const RuleQueryArgs& a) {
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

std::string r004_held_sql(const SqlDialect& dialect) {
  return fmt::format(
      "SELECT l.holder, r.first_key, r.last_key FROM leases AS l"
      " JOIN resources AS r ON r.id = l.resource"
      " WHERE {} AND r.kind IN ('n95', 'n96', 'n400', 'n800', 'block') AND r.first_key IS NOT NULL",
      active_on_sql("l", dialect.date));
}

std::string r004_unheld_sql(const SqlDialect& dialect, const std::string& held) {
  return fmt::format(
      "SELECT l.id, l.holder, p.first, p.last FROM leases AS l JOIN permits AS p ON p.lease = l.id"
      " WHERE {} AND NOT EXISTS (SELECT 1 FROM {} AS h WHERE h.holder = l.holder"
      " AND h.first_key <= p.first_key AND h.last_key >= p.last_key) ORDER BY l.id",
      active_on_sql("l", dialect.date), held);
}

}  // namespace numreg::store
