// Rules about permitted caller numbers of active leases: R004, R005, R008.
#include <algorithm>
#include <map>
#include <queue>
#include <set>

#include <fmt/format.h>

#include "registry/rules/check_context.hpp"
#include "registry/types/number.hpp"

namespace numreg::checks {

namespace {

std::string range_text(const std::string& first, const std::string& last) {
  return first == last ? first : first + ".." + last;
}

}  // namespace

void check_r004(CheckContext& c) {
  // The number ranges each holder holds on the date, indexed once; every
  // permit then probes its holder's ranges.
  c.db.exec("DROP TABLE IF EXISTS temp.audit_held");
  c.each(fmt::format("CREATE TEMP TABLE audit_held AS SELECT l.holder, r.first_key, r.last_key"
                     " FROM leases AS l JOIN resources AS r ON r.id = l.resource"
                     " WHERE {} AND r.kind IN ('n95', 'n96', 'n400', 'n800', 'block')"
                     " AND r.first_key IS NOT NULL",
                     c.active("l")),
         {c.date.iso()}, [](store::Statement&) {});
  c.db.exec("CREATE INDEX temp.audit_held_holder ON audit_held(holder, first_key)");
  std::string sql = fmt::format(
      "SELECT l.id, l.holder, p.first, p.last FROM leases AS l JOIN permits AS p ON p.lease = l.id"
      " WHERE {} AND {} AND NOT EXISTS (SELECT 1 FROM audit_held AS h WHERE h.holder = l.holder"
      " AND h.first_key <= p.first_key AND h.last_key >= p.last_key)",
      c.active("l"), c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    c.add("R004", st.text(0),
          fmt::format("permitted caller {} is not held by holder {} on {}",
                      range_text(st.text(2), st.text(3)), st.text(1), c.date.iso()));
  });
  c.db.exec("DROP TABLE temp.audit_held");
}

void check_r005(CheckContext& c) {
  std::string sql = fmt::format(
      "SELECT l.id, p.first, p.last FROM leases AS l JOIN permits AS p ON p.lease = l.id"
      " WHERE {} AND {} AND l.holder IN (SELECT uscc FROM holders WHERE kind = 'call_centre')"
      " AND p.first LIKE '+86%'",
      c.active("l"), c.in_scope("l"));
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    auto n = parse_number(st.text(1));
    if (!n || !n->is_subscriber())
      return;
    const char* what = n->type == NumberType::mobile ? "mobile" : "fixed-line";
    c.add("R005", st.text(0),
          fmt::format("permitted caller {} is a {} subscriber number on a call centre's lease",
                      range_text(st.text(1), st.text(2)), what));
  });
}

namespace {

// One permit of an active lease, as the sweep of R008 sees it.
struct OpenPermit {
  int64_t last_key;
  std::string lease;
  std::string holder;
  std::string range;
  bool in_scope;
  bool operator>(const OpenPermit& o) const { return last_key > o.last_key; }
};

}  // namespace

void check_r008(CheckContext& c) {
  // One pass over the permits of active leases in number order: a permit
  // overlaps exactly the earlier ones that have not ended before it starts.
  std::string sql = fmt::format(
      "SELECT p.first_key, p.last_key, l.id, l.holder, p.first, p.last, {}"
      " FROM permits AS p JOIN leases AS l ON l.id = p.lease WHERE {} ORDER BY p.first_key",
      c.in_scope("l"), c.active("l"));
  std::priority_queue<OpenPermit, std::vector<OpenPermit>, std::greater<>> open;
  std::set<std::pair<std::string, std::string>> reported;
  auto report = [&](const OpenPermit& mine, const OpenPermit& other) {
    if (!mine.in_scope || !reported.emplace(mine.lease + "\n" + mine.range, other.lease).second) {
      return;
    }
    c.add("R008", mine.lease,
          fmt::format("permitted caller {} overlaps {} permitted to holder {} by lease {}",
                      mine.range, other.range, other.holder, other.lease));
  };
  c.each(sql, {c.date.iso()}, [&](store::Statement& st) {
    int64_t first_key = st.integer(0);
    while (!open.empty() && open.top().last_key < first_key)
      open.pop();
    OpenPermit p{st.integer(1), st.text(2), st.text(3), range_text(st.text(4), st.text(5)),
                 st.integer(6) != 0};
    // The queue's storage is a vector; walking it costs what the overlaps are worth.
    struct Peek : std::priority_queue<OpenPermit, std::vector<OpenPermit>, std::greater<>> {
      static const std::vector<OpenPermit>& items(
          const std::priority_queue<OpenPermit, std::vector<OpenPermit>, std::greater<>>& q) {
        return q.*(&Peek::c);
      }
    };
    for (const auto& other : Peek::items(open)) {
      if (other.holder == p.holder)
        continue;
      report(p, other);
      report(other, p);
    }
    open.push(std::move(p));
  });
}

}  // namespace numreg::checks
