// The outcome of screening call records.
#include "registry/screen/summary.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <ostream>

#include <fmt/format.h>

namespace numreg::screen {

namespace {

struct RuleInfo {
  std::string_view id;
  std::string_view severity;
  std::string_view en;
  std::string_view zh;
};

constexpr RuleInfo kRuleInfo[kRules] = {
    {"S001", "error",
     "caller not permitted by a lease of the trunk active at the call's time (or unknown trunk)",
     "主叫号码不在该中继通话时有效接入的允许号码范围内（或中继未登记）"},
    {"S002", "error", "domestic caller number on an international gateway trunk",
     "国际关口中继上出现国内主叫号码"},
    {"S003", "error", "caller number non-standard: cannot be made canonical",
     "不规范主叫号码：无法规范化"},
    {"S004", "warning", "one-ring calls: many short unanswered calls from one caller",
     "响一声：同一主叫短时间内大量振铃即挂的未接通呼叫"},
    {"S005", "warning", "call bombing: too many calls from one caller to one callee",
     "呼死你：同一主叫对同一被叫短时间内呼叫过多"},
    {"S006", "error", "marketing call to a callee on the refusal list",
     "向已拒绝再拨的被叫进行营销外呼"},
    {"S007", "warning", "marketing call outside the contract's time windows",
     "在合同约定时段外进行营销外呼"},
};

using Json = nlohmann::ordered_json;

// Counts by key, in key order. (A sorted map: an ordered_json object looks
// keys up one by one and would take quadratic time on a million trunks.)
nlohmann::json counts_json(const NameCounts& counts) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, n] : counts) {
    out.emplace(key, n);
  }
  return out;
}

Failure merge_error(const std::string& name, const std::string& what) {
  return Failure(make_error(ErrorKind::data, "screen-summary",
                            fmt::format("{}: {} (expected the output of `numreg --json "
                                        "screen`)",
                                        name, what)));
}

uint64_t count_at(const nlohmann::json& json, const char* key, const std::string& name) {
  auto it = json.find(key);
  if (it == json.end())
    return 0;
  if (!it->is_number_unsigned())
    throw merge_error(name, fmt::format("\"{}\" is not a count", key));
  return it->get<uint64_t>();
}

void add_counts(NameCounts& into, const nlohmann::json& json, const char* key,
                const std::string& name) {
  auto it = json.find(key);
  if (it == json.end())
    return;
  if (!it->is_object())
    throw merge_error(name, fmt::format("\"{}\" is not an object", key));
  for (const auto& [k, v] : it->items()) {
    if (!v.is_number_unsigned())
      throw merge_error(name, fmt::format("\"{}\" is not a count", k));
    into.add(k, v.get<uint64_t>());  // in order: the object's keys are sorted
  }
}

Table top_table(const std::string& what, const NameCounts& counts, size_t top) {
  // The `top` largest, ties in name order (the counts' own order).
  std::vector<const NameCounts::Entry*> sorted;
  sorted.reserve(counts.size());
  for (const auto& e : counts)
    sorted.push_back(&e);
  const size_t n = std::min(top, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n), sorted.end(),
                    [](const NameCounts::Entry* a, const NameCounts::Entry* b) {
                      return a->second != b->second ? a->second > b->second : a->first < b->first;
                    });
  Table t{{what, "VIOLATIONS"}, {}};
  for (size_t i = 0; i < n; ++i)
    t.rows.push_back({sorted[i]->first, std::to_string(sorted[i]->second)});
  return t;
}

}  // namespace

std::string_view rule_id(int rule) {
  return kRuleInfo[rule].id;
}
std::string_view rule_severity(int rule) {
  return kRuleInfo[rule].severity;
}
std::string_view rule_text(int rule, bool zh) {
  return zh ? kRuleInfo[rule].zh : kRuleInfo[rule].en;
}

Json ScreenSummary::to_json() const {
  Json by_rule_json = Json::object();
  for (int r = 0; r < kRules; ++r)
    by_rule_json[std::string(rule_id(r))] = by_rule[r];
  Json worst_json = Json::array();
  for (const auto& o : worst)
    worst_json.push_back({{"caller", o.caller}, {"violations", o.violations}});
  return Json{{"records", records},
              {"violations", violations},
              {"by_rule", by_rule_json},
              {"unreadable", unreadable},
              {"late", late},
              {"by_trunk", counts_json(by_trunk)},
              {"by_holder", counts_json(by_holder)},
              {"worst_callers", worst_json}};
}

namespace {

// Append `key` as a JSON string, as nlohmann::json(key).dump() writes it:
// plain printable ASCII as it is, anything else through the library.
void append_json_string(std::string& out, const std::string& key) {
  const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (!plain) {
    out += nlohmann::json(key).dump();
    return;
  }
  out += '"';
  out += key;
  out += '"';
}

void write_counts(std::ostream& out, const char* name, const NameCounts& counts,
                  bool last = false) {
  // Built whole and written at once: the counts by trunk may be a million
  // lines, and a stream write each costs more than the line.
  std::string text = fmt::format("  \"{}\": ", name);
  if (counts.empty()) {
    text += "{}";
  } else {
    text += "{";
    const char* separator = "\n";
    for (const auto& [key, n] : counts) {
      text += separator;
      text += "    ";
      append_json_string(text, key);
      char digits[24] = ": ";
      text.append(digits, std::to_chars(digits + 2, digits + sizeof digits, n).ptr);
      separator = ",\n";
    }
    text += "\n  }";
  }
  text += last ? "\n" : ",\n";
  out << text;
}

}  // namespace

void ScreenSummary::write_json(std::ostream& out) const {
  out << "{\n  \"records\": " << records << ",\n  \"violations\": " << violations
      << ",\n  \"by_rule\": {";
  for (int r = 0; r < kRules; ++r) {
    out << (r ? ",\n" : "\n") << "    \"" << rule_id(r) << "\": " << by_rule[r];
  }
  out << "\n  },\n  \"unreadable\": " << unreadable << ",\n  \"late\": " << late << ",\n";
  write_counts(out, "by_trunk", by_trunk);
  write_counts(out, "by_holder", by_holder);
  out << "  \"worst_callers\": ";
  if (worst.empty()) {
    out << "[]\n";
  } else {
    out << "[";
    for (size_t i = 0; i < worst.size(); ++i) {
      out << (i ? ",\n" : "\n")
          << "    {\n      \"caller\": " << nlohmann::json(worst[i].caller).dump()
          << ",\n      \"violations\": " << worst[i].violations << "\n    }";
    }
    out << "\n  ]\n";
  }
  out << "}\n";
}

ScreenSummary ScreenSummary::from_json(const nlohmann::json& json, const std::string& name) {
  if (!json.is_object() || !json.contains("records") || !json.contains("by_rule")) {
    throw merge_error(name, "not a screening summary");
  }
  ScreenSummary s;
  s.records = count_at(json, "records", name);
  s.violations = count_at(json, "violations", name);
  s.unreadable = count_at(json, "unreadable", name);
  s.late = count_at(json, "late", name);
  const auto& by_rule = json.at("by_rule");
  for (int r = 0; r < kRules; ++r)
    s.by_rule[r] = count_at(by_rule, rule_id(r).data(), name);
  add_counts(s.by_trunk, json, "by_trunk", name);
  add_counts(s.by_holder, json, "by_holder", name);
  if (auto it = json.find("worst_callers"); it != json.end() && it->is_array()) {
    for (const auto& o : *it) {
      if (!o.is_object() || !o.contains("caller") || !o.at("caller").is_string()) {
        throw merge_error(name, "\"worst_callers\" holds an entry without a caller");
      }
      s.worst.push_back({o.at("caller").get<std::string>(), count_at(o, "violations", name)});
    }
  }
  return s;
}

void ScreenSummary::merge(const ScreenSummary& o) {
  records += o.records;
  violations += o.violations;
  for (int r = 0; r < kRules; ++r)
    by_rule[r] += o.by_rule[r];
  unreadable += o.unreadable;
  late += o.late;
  by_trunk.merge(o.by_trunk);
  by_holder.merge(o.by_holder);
  std::map<std::string, uint64_t> callers;
  for (const auto& w : worst)
    callers[w.caller] += w.violations;
  for (const auto& w : o.worst)
    callers[w.caller] += w.violations;
  const size_t keep = std::max(worst.size(), o.worst.size());
  worst.clear();
  for (const auto& [c, n] : callers)
    worst.push_back({c, n});
  keep_worst(keep);
  errors.insert(errors.end(), o.errors.begin(), o.errors.end());
}

void keep_worst(std::vector<Offender>& worst, size_t n) {
  std::stable_sort(worst.begin(), worst.end(), [](const Offender& a, const Offender& b) {
    return a.violations != b.violations ? a.violations > b.violations : a.caller < b.caller;
  });
  if (worst.size() > n)
    worst.resize(n);
}

void ScreenSummary::keep_worst(size_t n) {
  screen::keep_worst(worst, n);
}

uint64_t ScreenSummary::errors_found() const {
  uint64_t n = 0;
  for (int r = 0; r < kRules; ++r) {
    if (rule_severity(r) == "error")
      n += by_rule[r];
  }
  return n;
}

std::vector<std::pair<std::string, Table>> ScreenSummary::tables(size_t top) const {
  Table rules{{"RULE", "SEVERITY", "VIOLATIONS", "TEXT"}, {}};
  for (int r = 0; r < kRules; ++r) {
    rules.rows.push_back({std::string(rule_id(r)), std::string(rule_severity(r)),
                          std::to_string(by_rule[r]), std::string(rule_text(r))});
  }
  std::vector<NameCounts::Entry> callers;
  for (const auto& w : worst)
    callers.emplace_back(w.caller, w.violations);
  std::vector<std::pair<std::string, Table>> out;
  out.emplace_back("by rule", rules);
  out.emplace_back("worst trunks", top_table("TRUNK", by_trunk, top));
  out.emplace_back("worst holders", top_table("HOLDER", by_holder, top));
  out.emplace_back("worst callers", top_table("CALLER", NameCounts::of(std::move(callers)), top));
  return out;
}

}  // namespace numreg::screen
