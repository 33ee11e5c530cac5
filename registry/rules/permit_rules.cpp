// Rules about permitted caller numbers of active leases: R004, R005, R008.
#include <algorithm>
#include <queue>
#include <unordered_map>
#include <unordered_set>

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
  c.each(store::RuleQuery::r004_unheld_permits, [&](const store::Row& st) {
    c.add("R004", st.text(0),
          fmt::format("permitted caller {} is not held by holder {} on {}",
                      range_text(st.text(2), st.text(3)), st.text(1), c.date.iso()));
  });
}

void check_r005(CheckContext& c) {
  c.each(store::RuleQuery::r005_call_centre_permits, [&](const store::Row& st) {
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
  uint64_t serial;  // the permit's place in the sweep
  bool operator>(const OpenPermit& o) const { return last_key > o.last_key; }
};

}  // namespace

void check_r008(CheckContext& c) {
  // One pass over the permits of active leases in number order: a permit
  // overlaps exactly the earlier ones that have not ended before it starts.
  std::priority_queue<OpenPermit, std::vector<OpenPermit>, std::greater<>> open;
  // A permit is told once per other lease: the other leases already told,
  // by permit (its place in the sweep). A permit meets others only while it is
  // open, so its entry goes when it leaves the sweep: memory follows the
  // permits open at once, not the findings.
  std::unordered_map<uint64_t, std::unordered_set<std::string>> reported;
  uint64_t serial = 0;
  auto report = [&](const OpenPermit& mine, const OpenPermit& other) {
    if (!mine.in_scope || !reported[mine.serial].insert(other.lease).second) {
      return;
    }
    c.add("R008", mine.lease,
          fmt::format("permitted caller {} overlaps {} permitted to holder {} by lease {}",
                      mine.range, other.range, other.holder, other.lease));
  };
  c.each(store::RuleQuery::r008_active_permits, [&](const store::Row& st) {
    int64_t first_key = st.integer(0);
    while (!open.empty() && open.top().last_key < first_key) {
      reported.erase(open.top().serial);
      open.pop();
    }
    OpenPermit p{st.integer(1),      st.text(2), st.text(3), range_text(st.text(4), st.text(5)),
                 st.integer(6) != 0, serial++};
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
