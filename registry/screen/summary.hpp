// The outcome of screening call records: counts by rule, trunk and holder,
// the worst callers, and the records that could not be read. Summaries of
// shards of one day merge into the summary of the day.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/error.hpp"
#include "registry/screen/name_counts.hpp"
#include "registry/table.hpp"

namespace numreg::screen {

/// The screening rules, in catalogue order.
enum Rule { S001, S002, S003, S004, S005, S006, S007, kRules };

/// "S001" ... "S007".
std::string_view rule_id(int rule);
/// "error" (S001 S002 S003 S006) or "warning" (S004 S005 S007).
std::string_view rule_severity(int rule);
/// The rule's one-line text, in English or Chinese.
std::string_view rule_text(int rule, bool zh = false);

/// A caller and the violations of its calls.
struct Offender {
  std::string caller;
  uint64_t violations = 0;
};

/// Keep the `n` callers of `worst` with the most violations, most first
/// (ties in caller order).
void keep_worst(std::vector<Offender>& worst, size_t n);

struct ScreenSummary {
  uint64_t records = 0;     // data lines read, readable or not
  uint64_t violations = 0;  // rule violations (a record may have several)
  std::array<uint64_t, kRules> by_rule{};
  uint64_t unreadable = 0;  // records that could not be read
  uint64_t late = 0;        // records later than the tolerance (see bursts.hpp)
  NameCounts by_trunk;
  NameCounts by_holder;
  std::vector<Offender> worst;  // most violations first
  std::vector<Error> errors;    // the first unreadable records

  /// {"records","violations","by_rule":{...},"unreadable","late","by_trunk",
  /// "by_holder","worst_callers"}.
  nlohmann::ordered_json to_json() const;
  /// Write to_json().dump(2) to `out` without building the document (the
  /// counts by trunk may hold a million trunks).
  void write_json(std::ostream& out) const;
  /// Read a summary written by to_json; `name` names the input in errors.
  static ScreenSummary from_json(const nlohmann::json& json, const std::string& name);
  /// Add the counts of `other` (a shard of the same day).
  void merge(const ScreenSummary& other);
  /// Keep the `n` callers with the most violations.
  void keep_worst(size_t n);
  /// The violations of error severity.
  uint64_t errors_found() const;
  /// Tables for people: counts by rule, the top trunks, holders and callers.
  std::vector<std::pair<std::string, Table>> tables(size_t top = 10) const;
};

}  // namespace numreg::screen
