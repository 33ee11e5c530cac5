// Rules about leases active on the audit date: R002, R003, R006, R007,
// R009, R010, R011. Each is one query over the whole ledger.
#include <fmt/format.h>

#include "registry/rules/check_context.hpp"
#include "registry/types/region.hpp"

namespace numreg::checks {

void check_r002(CheckContext& c) {
  // IN (subquery) builds each small set once; a join would look up the
  // holder or resource of every lease.
  std::string sql = fmt::format(
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
      " AND (cr.valid_from IS NULL OR cr.valid_from <= ?1)"
      " AND (cr.valid_to IS NULL OR ?1 <= cr.valid_to))",
      c.active("l"), c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    c.add("R002", st.text(0),
          fmt::format("{} needs a {} valid on {}; holder {} has none", st.text(3), st.text(2),
                      c.date.iso(), st.text(1)));
  });
}

void check_r003(CheckContext& c) {
  std::string sql = fmt::format(
      "SELECT l.id, l.holder, coalesce(h.credit_reason, '') FROM leases AS l"
      " JOIN holders AS h ON h.uscc = l.holder"
      " WHERE {} AND {} AND h.credit_status = 'blacklisted'",
      c.active("l"), c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    std::string reason = st.text(2).empty() ? "" : " (" + st.text(2) + ")";
    c.add("R003", st.text(0), fmt::format("holder {} is blacklisted{}", st.text(1), reason));
  });
}

void check_r006(CheckContext& c) {
  std::string sql = fmt::format(
      "SELECT l.id, coalesce(trim(l.location), '') = '', l.region IS NULL FROM leases AS l"
      " WHERE {} AND {} AND (coalesce(trim(l.location), '') = '' OR l.region IS NULL)",
      c.active("l"), c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    bool no_location = st.integer(1) != 0;
    bool no_region = st.integer(2) != 0;
    std::string what = no_location && no_region ? "access location or region"
                       : no_location            ? "access location"
                                                : "region";
    c.add("R006", st.text(0), "no " + what);
  });
}

void check_r007(CheckContext& c) {
  // Only resources with two leases or more (read off the covering index)
  // can be shared; the self-join runs over those alone.
  std::string sql = fmt::format(
      "WITH multi AS MATERIALIZED (SELECT resource FROM leases GROUP BY resource"
      " HAVING count(*) > 1)"
      "SELECT a.id, a.resource, group_concat(b.id || ' (holder ' || b.holder || ')', ', ')"
      " FROM multi AS m CROSS JOIN leases AS a ON a.resource = m.resource"
      " JOIN leases AS b ON b.resource = m.resource AND b.holder <> a.holder"
      " WHERE {} AND {} AND {} GROUP BY a.id",
      c.active("a"), c.active("b"), c.in_scope("a"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    c.add("R007", st.text(0),
          fmt::format("resource {} is also leased on {} by {}", st.text(1), c.date.iso(),
                      st.text(2)));
  });
}

void check_r009(CheckContext& c) {
  std::string sql = fmt::format(
      "SELECT l.id, k.lease IS NULL, k.freq_cap IS NULL,"
      " coalesce(trim(k.time_windows), '') = '', coalesce(trim(k.targets), '') = '',"
      " coalesce(k.penalty, 0) = 0"
      " FROM leases AS l LEFT JOIN contracts AS k ON k.lease = l.id"
      " WHERE {} AND {} AND l.purpose = 'marketing'",
      c.active("l"), c.in_scope("l"));
  static const char* kClauses[] = {"frequency cap", "time windows", "targets", "penalty"};
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    if (st.integer(1) != 0) {
      c.add("R009", st.text(0), "marketing lease has no contract");
      return;
    }
    std::vector<std::string> missing;
    for (int i = 0; i < 4; ++i) {
      if (st.integer(i + 2) != 0)
        missing.push_back(kClauses[i]);
    }
    if (!missing.empty()) {
      c.add("R009", st.text(0), fmt::format("contract lacks {}", fmt::join(missing, ", ")));
    }
  });
}

void check_r010(CheckContext& c) {
  if (c.settings.key_regions.empty())
    return;
  AuditScope key;
  key.regions = c.settings.key_regions;
  std::string sql = fmt::format(
      "SELECT l.id, l.region, l.verified_on FROM leases AS l"
      " WHERE {} AND {} AND {} AND (l.verified_on IS NULL OR l.verified_on < ?2)",
      c.active("l"), c.in_scope("l"), lease_scope_sql(key, "l"));
  std::string cutoff = c.date.plus_days(-c.settings.verify_days).iso();
  c.each(sql, {c.date.iso(), cutoff}, [&](store::Statement& st) {
    std::string region = st.text(1);
    std::string_view name = region_name(region);
    std::string where = name.empty() ? region : fmt::format("{} {}", region, name);
    std::string message = st.is_null(2)
                              ? fmt::format("in key region {}: never verified on site", where)
                              : fmt::format(
                                    "in key region {}: last verified on site {}, more than {} "
                                    "days before {}",
                                    where, st.text(2), c.settings.verify_days, c.date.iso());
    c.add("R010", st.text(0), message);
  });
}

void check_r011(CheckContext& c) {
  std::string sql = fmt::format(
      "SELECT l.id, l.\"end\" FROM leases AS l"
      " WHERE l.status = 'active' AND l.\"end\" IS NOT NULL AND l.\"end\" < ?1 AND {}",
      c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    c.add("R011", st.text(0), fmt::format("status active but the lease ended on {}", st.text(1)));
  });
}

}  // namespace numreg::checks
