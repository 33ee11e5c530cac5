// The SQLite store's answers to the rule catalogue's queries (rule_sql.cpp
// writes them for both stores). Every answer but r008's and r013's comes in
// the order of its first column, the key (bytewise): the audit holds one
// key's findings at a time and refuses an answer out of order
// (registry/rules/finding_order.hpp). A narrowed scope (regions, kinds, a
// holder) is found through the leases' indexes, so that a region's audit
// reads its region's rows, not the province's.
#include "registry/store/rule_sql.hpp"
#include "registry/store/sqlite_store.hpp"

namespace numreg::store {

namespace {

const SqlDialect& sqlite_dialect() {
  static const SqlDialect d{"?1", "?2", false};
  return d;
}

}  // namespace

void SqliteStore::rule_rows(RuleQuery query, const RuleQueryArgs& a, const RowSink& row) {
  const SqlDialect& d = sqlite_dialect();
  if (query == RuleQuery::r004_unheld_permits && !narrowed(a.scope)) {
    // The number ranges each holder holds on the date, indexed once; every
    // permit then probes its holder's ranges.
    const std::vector<std::string> date{a.date.iso()};
    db_->exec("DROP TABLE IF EXISTS temp.audit_held");
    each("CREATE TEMP TABLE audit_held AS " + r004_held_sql(d), date, [](const Row&) {});
    db_->exec("CREATE INDEX temp.audit_held_holder ON audit_held(holder, first_key)");
    each(r004_unheld_sql(d, "audit_held"), date, row);
    db_->exec("DROP TABLE temp.audit_held");
    return;
  }
  each(rule_sql(query, a, d), rule_params(query, a), row);
}

}  // namespace numreg::store
