// Rules about holders and campaigns: R001, R012.
#include <fmt/format.h>

#include "registry/rules/check_context.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::checks {

namespace {

// Why a stored USCC fails its check, or "" when it passes.
std::string uscc_problem(const std::string& code) {
  auto parsed = parse_uscc(code);
  if (parsed)
    return "";
  if (parsed.error().code != "uscc-check") {
    return fmt::format("USCC {}: {}", code, parsed.error().message);
  }
  auto expected = uscc_check_char(std::string_view(code).substr(0, 17));
  return fmt::format("USCC {} has check character {}, expected {}", code, code.back(),
                     expected ? std::string(1, *expected) : std::string("?"));
}

}  // namespace

void check_r001(CheckContext& c) {
  // The stored flag and a recomputation both count: rows written by other
  // tools may carry a stale flag.
  c.each(store::RuleQuery::r001_holders, [&](const store::Row& st) {
    std::string code = st.text(0);
    std::string problem = uscc_problem(code);
    if (problem.empty() && st.integer(1) == 0) {
      problem = fmt::format("USCC {} was accepted with a wrong check character", code);
    }
    if (!problem.empty())
      c.add("R001", code, problem);
  });
}

void check_r012(CheckContext& c) {
  // In the order of the store's answer (store::RuleQuery::r012_campaigns).
  static const std::pair<const char*, const char*> kFields[] = {
      {"business_name", "business name"},
      {"commissioning_entity", "commissioning entity"},
      {"type", "type"},
      {"numbers", "numbers"},
      {"targets", "targets"},
      {"content", "content"},
      {"contact", "contact"},
  };
  c.each(store::RuleQuery::r012_campaigns, [&](const store::Row& st) {
    std::vector<std::string> missing;
    for (int i = 0; i < static_cast<int>(std::size(kFields)); ++i) {
      if (st.integer(i + 1) != 0)
        missing.push_back(kFields[i].second);
    }
    if (!missing.empty()) {
      c.add("R012", st.text(0), fmt::format("missing {}", fmt::join(missing, ", ")));
    }
  });
}

}  // namespace numreg::checks
