// The compliance rule catalogue R001-R013 and the findings the checks return.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace numreg {

/// How serious a finding is; --fail-on compares against it.
enum class Severity { warning, error };

/// "warning" or "error".
std::string_view to_string(Severity severity);

/// One rule of the catalogue: stable ID, severity, the entity its findings
/// name, and its one-line text in English and Chinese.
struct Rule {
  std::string_view id;  // "R001"
  Severity severity;
  std::string_view entity;  // holder, lease or campaign
  std::string_view text_en;
  std::string_view text_zh;
};

/// What a check found: the rule, the entity and its key, and why.
struct Finding {
  std::string rule;
  Severity severity = Severity::error;
  std::string entity;
  std::string key;
  std::string message;

  bool operator==(const Finding&) const = default;
};

/// Every rule, in ID order.
std::span<const Rule> rules();

/// The rule with this ID (case-insensitive), or nullptr.
const Rule* find_rule(std::string_view id);

/// A finding of rule `id` about `key`, with severity and entity from the catalogue.
Finding make_finding(std::string_view id, std::string key, std::string message);

}  // namespace numreg
