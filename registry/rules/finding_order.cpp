#include "registry/rules/finding_order.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "registry/error.hpp"

namespace numreg {

void FindingOrder::begin_rule(bool by_key) {
  flush();
  by_key_ = by_key;
}

void FindingOrder::add(Finding finding) {
  if (by_key_ && !held_.empty() && held_.back().key != finding.key) {
    if (finding.key < held_.back().key) {
      throw Failure(make_error(ErrorKind::internal, "rule-order",
                               fmt::format("{}: the store answered {} after {}", finding.rule,
                                           finding.key, held_.back().key)));
    }
    flush();
  }
  held_.push_back(std::move(finding));
}

void FindingOrder::end_rule() {
  flush();
}

void FindingOrder::flush() {
  std::sort(held_.begin(), held_.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.key, a.message) < std::tie(b.key, b.message);
  });
  for (auto& f : held_)
    sink_(std::move(f));
  held_.clear();
}

}  // namespace numreg
