#include "registry/rules/finding_order.hpp"

#include <algorithm>
#include <queue>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/rules/finding_record.hpp"

namespace numreg {

namespace {

bool before(const Finding& a, const Finding& b) {
  return std::tie(a.key, a.message) < std::tie(b.key, b.message);
}

size_t held_size(const Finding& f) {
  return sizeof(Finding) + f.rule.size() + f.entity.size() + f.key.size() + f.message.size();
}

}  // namespace

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
  held_bytes_ += held_size(finding);
  held_.push_back(std::move(finding));
  if (!by_key_ && held_bytes_ > memory_bytes_)
    spill();
}

void FindingOrder::end_rule() {
  flush();
}

void FindingOrder::sort_held() {
  std::sort(held_.begin(), held_.end(), before);
}

// The findings held, sorted, as one more run on the spool.
void FindingOrder::spill() {
  sort_held();
  if (!runs_)
    runs_ = std::make_unique<RecordSpool>();
  const uint64_t from = runs_->end();
  std::string record;
  for (const auto& f : held_) {
    encode_finding(f, record);
    runs_->append(record);
  }
  bounds_.emplace_back(from, runs_->end());
  held_.clear();
  held_bytes_ = 0;
}

void FindingOrder::flush() {
  if (runs_) {
    merge_runs();
    return;
  }
  sort_held();
  for (auto& f : held_)
    sink_(std::move(f));
  held_.clear();
  held_bytes_ = 0;
}

// Every run read at once, the least finding first (ties: the earlier run,
// as a stable merge of sorted runs gives them).
void FindingOrder::merge_runs() {
  if (!held_.empty())
    spill();
  struct Head {
    Finding finding;
    size_t run;
  };
  auto later = [](const Head& a, const Head& b) {
    if (before(b.finding, a.finding))
      return true;
    if (before(a.finding, b.finding))
      return false;
    return a.run > b.run;
  };
  auto decode = [](const std::string& record) {
    Finding f;
    if (!decode_finding(record, f)) {
      throw Failure(
          make_error(ErrorKind::internal, "finding-spool", "a spooled finding does not decode"));
    }
    return f;
  };
  std::vector<RecordSpool::Reader> readers;
  readers.reserve(bounds_.size());
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  std::string record;
  for (size_t i = 0; i < bounds_.size(); ++i) {
    readers.push_back(runs_->reader(bounds_[i].first, bounds_[i].second));
    if (readers.back().next(record))
      heads.push({decode(record), i});
  }
  while (!heads.empty()) {
    // The top is moved out just before it is popped: nothing compares it after.
    Head head = std::move(const_cast<Head&>(heads.top()));
    heads.pop();
    if (readers[head.run].next(record))
      heads.push({decode(record), head.run});
    sink_(std::move(head.finding));
  }
  runs_.reset();
  bounds_.clear();
}

}  // namespace numreg
