// Counts by name in a screening summary.
#include "registry/screen/name_counts.hpp"

#include <algorithm>

namespace numreg::screen {

NameCounts::NameCounts(std::initializer_list<Entry> entries)
    : NameCounts(of(std::vector<Entry>(entries))) {}

NameCounts NameCounts::of(std::vector<Entry> entries) {
  // Most often the names come in order but for a few at the end (the
  // registry's trunks, then those it does not know): those few are sorted
  // and merged in.
  const auto before = [](const Entry& a, const Entry& b) { return a.first < b.first; };
  auto unsorted = std::adjacent_find(entries.begin(), entries.end(),
                                     [&](const Entry& a, const Entry& b) { return !before(a, b); });
  NameCounts out;
  if (unsorted == entries.end()) {
    out.entries_ = std::move(entries);
    return out;
  }
  ++unsorted;
  std::stable_sort(unsorted, entries.end(), before);
  std::inplace_merge(entries.begin(), unsorted, entries.end(), before);
  out.entries_.reserve(entries.size());
  for (Entry& e : entries) {
    if (!out.entries_.empty() && out.entries_.back().first == e.first)
      out.entries_.back().second += e.second;
    else
      out.entries_.push_back(std::move(e));
  }
  return out;
}

void NameCounts::add(std::string_view name, uint64_t n) {
  if (entries_.empty() || entries_.back().first < name) {
    entries_.emplace_back(name, n);
    return;
  }
  auto at = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const Entry& e, std::string_view key) { return e.first < key; });
  if (at->first == name)
    at->second += n;
  else
    entries_.emplace(at, name, n);
}

void NameCounts::merge(const NameCounts& other) {
  std::vector<Entry> merged;
  merged.reserve(entries_.size() + other.entries_.size());
  auto a = entries_.begin();
  auto b = other.entries_.begin();
  while (a != entries_.end() || b != other.entries_.end()) {
    if (b == other.entries_.end() || (a != entries_.end() && a->first < b->first)) {
      merged.push_back(std::move(*a++));
    } else if (a == entries_.end() || b->first < a->first) {
      merged.push_back(*b++);
    } else {
      merged.emplace_back(std::move(a->first), a->second + b->second);
      ++a;
      ++b;
    }
  }
  entries_ = std::move(merged);
}

uint64_t NameCounts::count(std::string_view name) const {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const Entry& e, std::string_view key) { return e.first < key; });
  return at != entries_.end() && at->first == name ? at->second : 0;
}

}  // namespace numreg::screen
