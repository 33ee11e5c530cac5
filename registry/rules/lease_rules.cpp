// Rules about leases active on the audit date: R002, R003, R006, R007,
// R009, R010, R011. Each is one query of the store over the whole ledger.
#include <fmt/format.h>

#include "registry/rules/check_context.hpp"
#include "registry/types/region.hpp"

namespace numreg::checks {

void check_r002(CheckContext& c) {
  c.each(store::RuleQuery::r002_missing_credentials, [&](const store::Row& st) {
    c.add("R002", st.text(0),
          fmt::format("{} needs a {} valid on {}; holder {} has none", st.text(3), st.text(2),
                      c.date.iso(), st.text(1)));
  });
}

void check_r003(CheckContext& c) {
  c.each(store::RuleQuery::r003_blacklisted, [&](const store::Row& st) {
    std::string reason = st.text(2).empty() ? "" : " (" + st.text(2) + ")";
    c.add("R003", st.text(0), fmt::format("holder {} is blacklisted{}", st.text(1), reason));
  });
}

void check_r006(CheckContext& c) {
  c.each(store::RuleQuery::r006_unlocated, [&](const store::Row& st) {
    bool no_location = st.integer(1) != 0;
    bool no_region = st.integer(2) != 0;
    std::string what = no_location && no_region ? "access location or region"
                       : no_location            ? "access location"
                                                : "region";
    c.add("R006", st.text(0), "no " + what);
  });
}

void check_r007(CheckContext& c) {
  c.each(store::RuleQuery::r007_shared_resources, [&](const store::Row& st) {
    c.add("R007", st.text(0),
          fmt::format("resource {} is also leased on {} by {}", st.text(1), c.date.iso(),
                      st.text(2)));
  });
}

void check_r009(CheckContext& c) {
  static const char* kClauses[] = {"frequency cap", "time windows", "targets", "penalty"};
  c.each(store::RuleQuery::r009_marketing_contracts, [&](const store::Row& st) {
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
  c.each(store::RuleQuery::r010_unverified, [&](const store::Row& st) {
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
  c.each(store::RuleQuery::r011_overdue, [&](const store::Row& st) {
    c.add("R011", st.text(0), fmt::format("status active but the lease ended on {}", st.text(1)));
  });
}

}  // namespace numreg::checks
