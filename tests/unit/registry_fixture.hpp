// A real registry in a temporary file for rule and audit tests, filled
// through the Ledger API; the clock is fixed at 2026-11-29.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "registry/ledger.hpp"
#include "registry/rules/checks.hpp"
#include "testutil.hpp"

namespace numreg::testing {

inline constexpr const char* kGood = "91460400MA5TDR015T";    // enterprise, Danzhou
inline constexpr const char* kCentre = "91469007MA5TDF0204";  // call centre, Dongfang
inline constexpr const char* kOther = "91460100MA5T0002XD";   // enterprise, Haikou
inline const Date kToday{2026, 11, 29};

class TempRegistry {
 public:
  TempRegistry() {
    char pattern[] = "/tmp/numreg-test-XXXXXX";
    dir_ = mkdtemp(pattern);
    LedgerOptions options{dir_ + "/registry.db", 5000};
    Ledger::init(options);
    ledger_ = std::make_unique<Ledger>(options, Clock{"2026-11-29T09:30:00Z", kToday});
    change_.actor = "test";
  }
  ~TempRegistry() {
    ledger_.reset();
    std::filesystem::remove_all(dir_);
  }
  TempRegistry(const TempRegistry&) = delete;
  TempRegistry& operator=(const TempRegistry&) = delete;

  Ledger& ledger() { return *ledger_; }
  const Change& change() const { return change_; }

  /// Add a record of `kind` from field texts.
  Record add(const char* kind_name, const RawValues& raw) {
    return ledger_->add(kind(kind_name), raw, change_);
  }
  void holder(const std::string& uscc, const std::string& kind = "enterprise") {
    add("holders", {{"uscc", uscc},
                    {"name", "测试单位 " + uscc.substr(14)},
                    {"kind", kind},
                    {"region", "460100"}});
  }
  void trunk(const std::string& id) {
    add("resources", {{"id", id}, {"kind", "trunk"}, {"carrier", "中国电信"}});
  }
  void block(const std::string& id, const std::string& first, const std::string& last) {
    add("resources", {{"id", id}, {"kind", "block"}, {"first", first}, {"last", last}});
  }
  /// A lease in Haikou with a location, active since 2024-01-01, plus `extra` fields.
  void lease(const std::string& id, const std::string& resource, const std::string& holder,
             RawValues extra = {}) {
    RawValues raw{{"id", id},
                  {"resource", resource},
                  {"holder", holder},
                  {"purpose", "customer_service"},
                  {"start", "2024-01-01"},
                  {"region", "460100"},
                  {"location", "海口市龙华区滨海大道 1 号"}};
    for (auto& [name, text] : extra) {
      bool replaced = false;
      for (auto& [n, t] : raw) {
        if (n == name) {
          t = text;
          replaced = true;
        }
      }
      if (!replaced)
        raw.emplace_back(name, text);
    }
    add("leases", raw);
  }
  /// The findings of one rule on `date`.
  std::vector<Finding> findings(const std::string& rule, Date date = kToday, AuditScope scope = {},
                                RuleSettings settings = {}) {
    scope.rules = {rule};
    return check_rules(ledger_->store(), date, scope, settings);
  }

 private:
  std::string dir_;
  std::unique_ptr<Ledger> ledger_;
  Change change_;
};

}  // namespace numreg::testing
