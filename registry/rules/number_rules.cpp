// R013: every stored number must read back as itself in canonical form.
#include <fmt/format.h>

#include "registry/rules/check_context.hpp"
#include "registry/types/number.hpp"

namespace numreg::checks {

namespace {

// Why `text`, stored as a number (with range key `key` when known), is
// wrong, or "" when it is canonical.
std::string number_problem(const std::string& text, const int64_t* key) {
  auto n = parse_number(text);
  if (!n)
    return fmt::format("'{}' is not a possible number ({})", text, n.error().code);
  if (n->canonical != text) {
    return fmt::format("'{}' is not in canonical form ({})", text, n->canonical);
  }
  if (key && n->key() != *key)
    return fmt::format("{} is stored with a wrong range key", text);
  return "";
}

void check_permits(CheckContext& c) {
  c.each(store::RuleQuery::r013_permits, [&](const store::Row& st) {
    int64_t keys[2] = {st.integer(3), st.integer(4)};
    for (int i = 0; i < 2; ++i) {
      if (i == 1 && st.text(2) == st.text(1) && keys[1] == keys[0])
        break;
      std::string problem = number_problem(st.text(1 + i), &keys[i]);
      if (!problem.empty())
        c.add("R013", st.text(0), "permitted caller " + problem);
    }
  });
}

void check_resources(CheckContext& c) {
  c.each(store::RuleQuery::r013_resources, [&](const store::Row& st) {
    std::string resource = st.text(1);
    std::string kind = st.text(2);
    if (kind != "block" && kind != "trunk" && kind != "line") {
      std::string problem = number_problem(resource, nullptr);
      auto n = parse_number(resource);
      if (problem.empty() && n && std::string(to_string(n->type)) != kind) {
        problem = fmt::format("{} is not a {} number", resource, kind.substr(1));
      }
      if (!problem.empty())
        c.add("R013", st.text(0), fmt::format("resource {}", problem));
    }
    for (int col : {3, 4}) {
      if (st.is_null(col))
        continue;
      std::string problem = number_problem(st.text(col), nullptr);
      if (!problem.empty()) {
        c.add("R013", st.text(0), fmt::format("resource {} number {}", resource, problem));
      }
    }
  });
}

}  // namespace

void check_r013(CheckContext& c) {
  check_permits(c);
  check_resources(c);
}

}  // namespace numreg::checks
